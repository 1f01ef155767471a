import { logGamma } from '../dist/index.js';

/**
 * Hedges' exact small-sample correction factor J(m) = Γ(m/2) / (√(m/2) · Γ((m − 1)/2)) for
 * m = n1 + n2 − 2 degrees of freedom, computed on the log scale as metafor's `.cmicalc`.
 * Reference: Hedges LV (1981). J Educ Stat 6:107–128, eq. 6e.
 * @example hedgesCorrection(20) // 0.9619445337407493  (≈ 1 − 3/(4·20 − 1) = 0.9620)
 */
export function hedgesCorrection(m: number): number {
  return Math.exp(logGamma(m / 2) - Math.log(Math.sqrt(m / 2)) - logGamma((m - 1) / 2));
}

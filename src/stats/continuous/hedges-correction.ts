import { logGamma } from '../dist/special.js';
import { InputError } from '../../errors.js';

/**
 * Exact small-sample bias correction of a standardised mean difference with m degrees
 * of freedom: J(m) = Γ(m/2) / (√(m/2) · Γ((m−1)/2)), computed on the log scale as
 * metafor's `.cmicalc`: exp(lgamma(m/2) − log(√(m/2)) − lgamma((m−1)/2)).
 * Defined for m > 1.
 *
 * Reference: Hedges LV. J Educ Stat 1981;6:107–28, eq. 6e; metafor `escalc` (measure "SMD").
 *
 * @example hedgesCorrection(42) // 0.982018
 */
export function hedgesCorrection(m: number): number {
  if (!(m > 1) || !Number.isFinite(m)) throw new InputError('m', m, 'degrees of freedom > 1');
  return Math.exp(logGamma(m / 2) - Math.log(Math.sqrt(m / 2)) - logGamma((m - 1) / 2));
}

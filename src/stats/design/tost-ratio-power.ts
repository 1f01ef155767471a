import { logGamma, noncentralTCdf, normalCdf, tQuantile } from '../dist/index.js';
import { integrate } from '../numeric/integrate.js';

/** Designs of an equivalence (bioequivalence) study with total size n: PowerTOST's `design`. */
export type TostDesign = '2x2' | 'parallel' | 'paired';

/** Design constant b (se = σ √(b/n)) and the residual df, as PowerTOST's known.designs(). */
export const TOST_DESIGNS: Readonly<Record<TostDesign, { b: number; df: (n: number) => number }>> =
  {
    '2x2': { b: 2, df: (n) => n - 2 },
    parallel: { b: 4, df: (n) => n - 2 },
    paired: { b: 1, df: (n) => n - 1 },
  };

export interface TostRatioInputs {
  /** True ratio of (geometric) means, test/reference. */
  theta0: number;
  /** Equivalence limits on the ratio scale, theta1 < theta0 < theta2 for power above α. */
  theta1: number;
  theta2: number;
  /** Coefficient of variation on the original scale (within-subject for 2x2 and paired). */
  cv: number;
  /** Total number of subjects. */
  n: number;
  /** Level of each one-sided test (0.05: the 90% CI inside the limits). */
  alpha: number;
}

/**
 * Power of the two one-sided tests (TOST) for a ratio of means analysed on the log scale:
 * σ = √(log(1 + CV²)), se = σ √(b/n), ν the design's df, t = t(1 − α, ν),
 * δ1 = (log θ0 − log θ1)/se, δ2 = (log θ0 − log θ2)/se. `exact` (Owen's Q, the default of
 * PowerTOST): with the estimated se ŝ = se·S, S = √(χ²ν/ν), both tests reject when
 * log θ1 + t ŝ < d < log θ2 − t ŝ, so power = ∫₀^{(δ1−δ2)/(2t)} [Φ(δ1 − t s) − Φ(δ2 + t s)] f_S(s) ds
 * (Owen DB, Biometrika 1965;52:437–446), integrated by adaptive Gauss–Kronrod. `nct`: the
 * noncentral-t approximation P(T′(ν, δ2) < −t) − P(T′(ν, δ1) ≤ t), floored at 0.
 * Reference: Schuirmann DJ, J Pharmacokinet Biopharm 1987;15:657–680; Phillips KF,
 * J Pharmacokinet Biopharm 1990;18:137–144; as PowerTOST::power.TOST(method = "exact" | "nct").
 * @example tostRatioPower({ theta0: 0.95, theta1: 0.8, theta2: 1.25, cv: 0.3, n: 40, alpha: 0.05 }, '2x2', 'exact') // 0.8158453… (PowerTOST: sampleN.TOST(CV = 0.3) → n 40, power 0.815845)
 */
export function tostRatioPower(
  v: TostRatioInputs,
  design: TostDesign,
  method: 'exact' | 'nct',
): number {
  const { b, df: dfOf } = TOST_DESIGNS[design];
  const df = dfOf(v.n);
  const se = Math.sqrt(Math.log1p(v.cv * v.cv)) * Math.sqrt(b / v.n);
  const t = tQuantile(v.alpha, df, { lowerTail: false });
  const delta1 = (Math.log(v.theta0) - Math.log(v.theta1)) / se;
  const delta2 = (Math.log(v.theta0) - Math.log(v.theta2)) / se;
  if (method === 'nct')
    return Math.max(0, noncentralTCdf(-t, df, delta2) - noncentralTCdf(t, df, delta1));
  const top = (delta1 - delta2) / (2 * t);
  if (!(top > 0)) return 0;
  // Density of S = √(χ²ν/ν): ν^{ν/2} s^{ν−1} e^{−νs²/2} / (2^{ν/2−1} Γ(ν/2)).
  const logConst = (df / 2) * Math.log(df) - (df / 2 - 1) * Math.LN2 - logGamma(df / 2);
  const integrand = (s: number) => {
    if (s <= 0) return 0;
    const density = Math.exp(logConst + (df - 1) * Math.log(s) - (df * s * s) / 2);
    const inside = normalCdf(delta1 - t * s) - normalCdf(delta2 + t * s);
    return inside > 0 ? inside * density : 0;
  };
  // S concentrates near 1 with sd ≈ w = 1/√(2ν): integrate over ±40 w (the rest has no mass in
  // double precision) in 20 pieces, so the rule sees the peak whatever ν is.
  const w = 1 / Math.sqrt(2 * df);
  const from = Math.max(0, 1 - 40 * w);
  const to = Math.min(top, 1 + 40 * w);
  let sum = 0;
  for (let i = 0; i < 20 && to > from; i++) {
    const a = from + ((to - from) * i) / 20;
    const b = from + ((to - from) * (i + 1)) / 20;
    sum += integrate(integrand, a, b, { relTol: 1e-14, absTol: 1e-18 }).value;
  }
  return Math.min(1, Math.max(0, sum));
}

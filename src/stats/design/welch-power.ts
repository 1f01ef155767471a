import { noncentralTCdf, noncentralTSf, tQuantile } from '../dist/index.js';

/** Alternative of a one-parameter test: `greater` is arm 1 − arm 2 > 0. */
export type PowerAlternative = 'two-sided' | 'less' | 'greater';

/**
 * Analytic power of Welch's two-sample t-test (unequal SDs): the statistic is taken as noncentral
 * t with the Welch–Satterthwaite degrees of freedom at the true SDs,
 * ν = (σ1²/n1 + σ2²/n2)² / [(σ1²/n1)²/(n1 − 1) + (σ2²/n2)²/(n2 − 1)], λ = δ / √(σ1²/n1 + σ2²/n2);
 * power = P(T′(ν, λ) > t(1 − α/2, ν)) + P(T′ < −t) two-sided, P(T′ > t(1 − α, ν)) `greater`,
 * P(T′ < −t(1 − α, ν)) `less`. n2 = ratio · n1. An approximation: the test's df are estimated
 * from the sample SDs; test/stats/design/power-menu.test.ts compares it with the exact power of
 * the Welch test (R, numerical integration over both sample variances).
 * Reference: Satterthwaite FE, Biometrics Bull 1946;2:110–114; Welch BL, Biometrika 1947;34:28–35;
 * as MESS::power_welch_t_test.
 * @example welchPower({ n1: 30, delta: 1, sd1: 1, sd2: 2, ratio: 1, alpha: 0.05 }, 'two-sided') // 0.66789 (exact Welch power by integration: 0.66771)
 */
export function welchPower(
  v: { n1: number; delta: number; sd1: number; sd2: number; ratio: number; alpha: number },
  alternative: PowerAlternative,
): number {
  const n2 = v.ratio * v.n1;
  const a = (v.sd1 * v.sd1) / v.n1;
  const b = (v.sd2 * v.sd2) / n2;
  const df = ((a + b) * (a + b)) / ((a * a) / (v.n1 - 1) + (b * b) / (n2 - 1));
  const ncp = v.delta / Math.sqrt(a + b);
  if (alternative === 'two-sided') {
    const t = tQuantile(v.alpha / 2, df, { lowerTail: false });
    return noncentralTSf(t, df, ncp) + noncentralTCdf(-t, df, ncp);
  }
  const t = tQuantile(v.alpha, df, { lowerTail: false });
  return alternative === 'greater' ? noncentralTSf(t, df, ncp) : noncentralTCdf(-t, df, ncp);
}

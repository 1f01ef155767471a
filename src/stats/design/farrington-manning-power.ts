import { rdConstrained } from '../binary/score-statistics.js';
import { normalCdf, normalQuantile } from '../dist/index.js';

/**
 * Power of the Farrington–Manning score test of non-inferiority for two proportions,
 * H0: p1 − p2 ≤ −δ against H1: p1 − p2 > −δ (arm 1 the new treatment, higher is better), at
 * one-sided level α: power = Φ((p1 − p2 + δ − z(1−α) σ̃) / σ), σ² = p1q1/n1 + p2q2/n2 and σ̃² the
 * same at the maximum-likelihood proportions restricted to p̃1 − p̃2 = −δ (the FM cubic, from
 * the expected counts). n2 = ratio · n1. This is rpact's `getPowerRates` / `getSampleSizeRates`
 * with `thetaH0 = −δ` (its default normal approximation).
 * Reference: Farrington CP, Manning G. Stat Med 1990;9:1447–1454, eq. 8; Chow, Shao & Wang
 * (2008), "Sample Size Calculations in Clinical Research", 2nd ed., §4.2.
 * @example farringtonManningPower({ p1: 0.8, p2: 0.8, margin: 0.1, n1: 250, ratio: 1, alpha: 0.025 }) // 0.79336 (rpact getPowerRates, 500 in total: 0.793362)
 */
export function farringtonManningPower(v: {
  p1: number;
  p2: number;
  margin: number;
  n1: number;
  ratio: number;
  alpha: number;
}): number {
  const n2 = v.ratio * v.n1;
  const restricted = rdConstrained(
    { events1: v.p1 * v.n1, n1: v.n1, events2: v.p2 * n2, n2 },
    -v.margin,
  );
  const sigma0 = Math.sqrt(
    (restricted.p1 * restricted.q1) / v.n1 + (restricted.p2 * restricted.q2) / n2,
  );
  const sigma = Math.sqrt((v.p1 * (1 - v.p1)) / v.n1 + (v.p2 * (1 - v.p2)) / n2);
  const z = normalQuantile(v.alpha, 0, 1, { lowerTail: false });
  return normalCdf((v.p1 - v.p2 + v.margin - z * sigma0) / sigma);
}

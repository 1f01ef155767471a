import type { TwoByTwo } from './table.js';
import { zeroin } from './zeroin.js';

/**
 * Score statistics for the two-arm comparisons and their inversion into confidence limits.
 * Each statistic is z(θ) = (observed − expected under θ) / SD under θ, with the nuisance
 * proportion at its MLE constrained to the tested θ; z is decreasing in θ and the
 * interval is {θ : |z(θ)| ≤ z_crit}. `mn` multiplies the variance by N/(N − 1) (the
 * Miettinen–Nurminen 1985 factor, Stat Med 4:213–226, eq. 4–8); without it the risk-ratio
 * statistic is Koopman's (1984, Biometrics 40:513–517).
 */

/** Constrained MLE (p̃1, p̃2) under p1 − p2 = δ: Farrington & Manning (1990) Stat Med 9:1447, closed form. */
export function rdConstrained(table: TwoByTwo, delta: number): [number, number] {
  const { events1: x1, n1, events2: x2, n2 } = table;
  const theta = n2 / n1;
  const p1h = x1 / n1;
  const p2h = x2 / n2;
  const a = 1 + theta;
  const b = -(1 + theta + p1h + theta * p2h + delta * (theta + 2));
  const c = delta * delta + delta * (2 * p1h + theta + 1) + p1h + theta * p2h;
  const d = -p1h * delta * (1 + delta);
  const v = b ** 3 / (3 * a) ** 3 - (b * c) / (6 * a * a) + d / (2 * a);
  // sign(v) with v = 0 taken as +1: then cos(w) = 0 and the sign does not matter.
  let u = (v < 0 ? -1 : 1) * Math.sqrt(Math.max(0, (b * b) / (3 * a) ** 2 - c / (3 * a)));
  if (u === 0) u = 1e-300;
  const w = (Math.PI + Math.acos(Math.max(-1, Math.min(1, v / u ** 3)))) / 3;
  const p1 = Math.min(1, Math.max(0, 2 * u * Math.cos(w) - b / (3 * a)));
  return [p1, Math.min(1, Math.max(0, p1 - delta))];
}

/** Score z for the risk difference δ (Miettinen–Nurminen when `mn`, else Mee 1984). */
export function rdScoreZ(table: TwoByTwo, delta: number, mn = true): number {
  const { events1: x1, n1, events2: x2, n2 } = table;
  const num = x1 / n1 - x2 / n2 - delta;
  if (num === 0) return 0;
  const [p1, p2] = rdConstrained(table, delta);
  const N = n1 + n2;
  let v = (p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2;
  if (mn) v *= N / (N - 1);
  return num / Math.sqrt(v);
}

/** Score z for the risk ratio θ = p1/p2 (Miettinen–Nurminen when `mn`, Koopman otherwise). */
export function rrScoreZ(table: TwoByTwo, theta: number, mn = true): number {
  const { events1: x1, n1, events2: x2, n2 } = table;
  const num = x1 / n1 - (theta * x2) / n2;
  if (num === 0) return 0;
  const N = n1 + n2;
  const A = N * theta;
  const B = -(n1 * theta + x1 + n2 + x2 * theta);
  const C = x1 + x2;
  const p2 = (-B - Math.sqrt(Math.max(0, B * B - 4 * A * C))) / (2 * A);
  const p1 = p2 * theta;
  let v = (p1 * (1 - p1)) / n1 + (theta * theta * p2 * (1 - p2)) / n2;
  if (mn) v *= N / (N - 1);
  return num / Math.sqrt(v);
}

/** Miettinen–Nurminen score z for the odds ratio ψ (always with the N/(N − 1) factor). */
export function orScoreZ(table: TwoByTwo, psi: number): number {
  const { events1: x1, n1, events2: x2, n2 } = table;
  const m = x1 + x2;
  const N = n1 + n2;
  let p1: number;
  let p2: number;
  if (Math.abs(psi - 1) < 1e-12) {
    p1 = p2 = m / N;
  } else {
    const A = n2 * (psi - 1);
    const B = n1 * psi + n2 - m * (psi - 1);
    p2 = (-B + Math.sqrt(B * B + 4 * A * m)) / (2 * A);
    p1 = (p2 * psi) / (1 + p2 * (psi - 1));
  }
  const num = x1 - n1 * p1;
  if (num === 0) return 0;
  const v = 1 / (n1 * p1 * (1 - p1)) + 1 / (n2 * p2 * (1 - p2));
  return (num * Math.sqrt(v)) / Math.sqrt(N / (N - 1));
}

const TOL = 1e-14;

/** Inverts a decreasing z(δ) on (−1, 1) around the estimate: the risk-difference limits. */
export function invertDifference(z: (delta: number) => number, estimate: number, crit: number): [number, number] {
  const eps = 1e-12;
  const lo = -1 + eps;
  const hi = 1 - eps;
  let lower = -1;
  let upper = 1;
  if (estimate > lo && z(lo) > crit) lower = zeroin((d) => z(d) - crit, lo, estimate, TOL);
  if (estimate < hi && z(hi) < -crit) upper = zeroin((d) => z(d) + crit, estimate, hi, TOL);
  // At δ = ±1 the statistic exists only as a limit: limits that reach the search bound are the bound.
  if (lower <= -1 + 2 * eps) lower = -1;
  if (upper >= 1 - 2 * eps) upper = 1;
  return [lower, upper];
}

/**
 * Inverts a decreasing z(θ) for a ratio on the log scale, searching θ in [1e−12, 1e12].
 * `zeroSide` / `infiniteSide` mark tables whose estimate is 0 or ∞: the limit on that side
 * is then exactly 0 or ∞.
 */
export function invertRatio(
  z: (theta: number) => number,
  estimate: number,
  crit: number,
  boundary: { zero: boolean; infinite: boolean },
): [number, number] {
  const lo = Math.log(1e-12);
  const hi = Math.log(1e12);
  const f = (t: number) => z(Math.exp(t));
  const center = boundary.zero ? lo : boundary.infinite ? hi : Math.log(estimate);
  let lower = boundary.zero ? 0 : Math.exp(lo);
  let upper = boundary.infinite ? Infinity : Math.exp(hi);
  if (!boundary.zero && center > lo && f(lo) > crit) lower = Math.exp(zeroin((t) => f(t) - crit, lo, center, TOL));
  if (!boundary.infinite && center < hi && f(hi) < -crit) upper = Math.exp(zeroin((t) => f(t) + crit, center, hi, TOL));
  return [lower, upper];
}

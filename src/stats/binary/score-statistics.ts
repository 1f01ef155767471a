import type { TwoByTwo } from './table.js';
import { outwardRoot } from '../numeric/outward-root.js';

/**
 * Score statistics for the two-arm comparisons and their inversion into confidence limits.
 * Each statistic is z(θ) = (observed − expected under θ) / SD under θ, with the nuisance
 * proportion at its MLE constrained to the tested θ; z is decreasing in θ and the
 * interval is {θ : |z(θ)| ≤ z_crit}. `mn` multiplies the variance by N/(N − 1) (the
 * Miettinen–Nurminen 1985 factor, Stat Med 4:213–226, eq. 4–8); without it the risk-ratio
 * statistic is Koopman's (1984, Biometrics 40:513–517).
 *
 * Numerics: every constrained MLE is returned as both p and q = 1 − p, each computed without
 * subtracting nearly equal numbers, so the statistic keeps full relative precision from
 * θ = 1e−300 to 1e300, for zero cells and for n in the millions (issue 17: the textbook
 * forms of the roots lost all precision there and the inversion then returned a search bound).
 */

/** A constrained MLE with both tails computed directly. */
export interface Constrained {
  p1: number;
  q1: number;
  p2: number;
  q2: number;
}

/**
 * The arm-B proportion (pB, qB) solving nA·pA + nB·pB = m with odds(pA) = ψ·odds(pB), for
 * ψ ≤ 1. It is the positive root of nB(ψ − 1)p² + Bp − m = 0, B = ψ(nA − m) + nB + m > 0,
 * whose discriminant is D = (ψ(nA − m) + m − nB)² + 4·nA·nB·ψ (a sum of squares), so
 * pB = 2m / (B + √D); and 1 − pB = (B − 2m + √D)/(B + √D), written with
 * D − (B − 2m)² = 4ψ·m·(N − m) when B − 2m < 0.
 */
function orArm(nA: number, nB: number, m: number, psi: number): [number, number] {
  const N = nA + nB;
  const B = psi * (nA - m) + (nB + m);
  const T = psi * (nA - m) + (m - nB);
  const sqrtD = Math.sqrt(T * T + 4 * nA * nB * psi);
  const den = B + sqrtD;
  const p = (2 * m) / den;
  const c = B - 2 * m;
  const q = c >= 0 ? (c + sqrtD) / den : (4 * psi * m * (N - m)) / ((sqrtD - c) * den);
  return [p, q];
}

/**
 * Constrained MLE under odds ratio ψ (Miettinen & Nurminen 1985, sec. 3): the p̃ with
 * n1·p̃1 + n2·p̃2 = x1 + x2 and odds(p̃1) = ψ·odds(p̃2). For ψ > 1 the arms are swapped so the
 * root is always taken with ratio ≤ 1.
 * @example orConstrained({ events1: 3, n1: 8, events2: 0, n2: 8 }, 0.25).p1 // 0.09044154362801216
 */
export function orConstrained(table: TwoByTwo, psi: number): Constrained {
  const { events1: x1, n1, events2: x2, n2 } = table;
  const m = x1 + x2;
  if (psi <= 1) {
    const [p2, q2] = orArm(n1, n2, m, psi);
    const s = q2 + psi * p2;
    return { p1: (psi * p2) / s, q1: q2 / s, p2, q2 };
  }
  const r = 1 / psi;
  const [p1, q1] = orArm(n2, n1, m, r);
  const s = q1 + r * p1;
  return { p1, q1, p2: (r * p1) / s, q2: q1 / s };
}

/**
 * Constrained MLE under risk ratio θ = p1/p2 (Miettinen & Nurminen 1985; Koopman 1984): the
 * smaller root of Nθp² − bp + m = 0, b = (n1 + x2)θ + n2 + x1, m = x1 + x2, with the
 * discriminant written as a sum of squares, D = ((n1 + x2)θ − (n2 + x1))² + 4θ(n1 − x1)(n2 − x2),
 * so p̃2 = 2m / (b + √D); q̃2 and q̃1 = 1 − θp̃2 are taken from their own conjugate forms
 * (D − (b − 2m)² = 4(n2 − x2)(1 − θ)m, D − (b − 2θm)² = 4θ(n1 − x1)(θ − 1)m).
 * @example rrConstrained({ events1: 0, n1: 1e6, events2: 1, n2: 1e6 }, 3.8).p2 // 2.0833323712385533e-7
 */
export function rrConstrained(table: TwoByTwo, theta: number): Constrained {
  const { events1: x1, n1, events2: x2, n2 } = table;
  const m = x1 + x2;
  const b = (n1 + x2) * theta + (n2 + x1);
  const T = (n1 + x2) * theta - (n2 + x1);
  const sqrtD = Math.sqrt(T * T + 4 * theta * (n1 - x1) * (n2 - x2));
  const den = b + sqrtD;
  const p2 = (2 * m) / den;
  // 1 − θ is exact for θ in [1/2, 2] (Sterbenz), the only range where it is small.
  const c2 = (n1 + x2) * theta + (n2 + x1 - 2 * m);
  const q2 =
    c2 >= 0 ? (c2 + sqrtD) / den : (4 * (n2 - x2) * (1 - theta) * m) / ((sqrtD - c2) * den);
  const c1 = (n1 + x2 - 2 * m) * theta + (n2 + x1);
  const q1 =
    c1 >= 0 ? (c1 + sqrtD) / den : (4 * theta * (n1 - x1) * (theta - 1) * m) / ((sqrtD - c1) * den);
  return { p1: Math.min(1, theta * p2), q1: Math.max(0, q1), p2, q2: Math.max(0, q2) };
}

/** The Farrington & Manning (1990, Stat Med 9:1447) closed-form p̃1 under p1 − p2 = δ: a starting value. */
function fmCubic(x1: number, n1: number, x2: number, n2: number, delta: number): number {
  const theta = n2 / n1;
  const p1h = x1 / n1;
  const p2h = x2 / n2;
  const a = 1 + theta;
  const b = -(1 + theta + p1h + theta * p2h + delta * (theta + 2));
  const c = delta * delta + delta * (2 * p1h + theta + 1) + p1h + theta * p2h;
  const d = -p1h * delta * (1 + delta);
  const v = b ** 3 / (3 * a) ** 3 - (b * c) / (6 * a * a) + d / (2 * a);
  let u = (v < 0 ? -1 : 1) * Math.sqrt(Math.max(0, (b * b) / (3 * a) ** 2 - c / (3 * a)));
  if (u === 0) u = 1e-300;
  const w = (Math.PI + Math.acos(Math.max(-1, Math.min(1, v / u ** 3)))) / 3;
  return 2 * u * Math.cos(w) - b / (3 * a);
}

/**
 * Constrained MLE under risk difference δ = p1 − p2. The Farrington–Manning cubic root only
 * starts a safeguarded Newton iteration on the likelihood equation
 * x1/p1 − (n1 − x1)/q1 + x2/p2 − (n2 − x2)/q2 = 0 (strictly decreasing along the feasible
 * segment), because the trigonometric root loses ≈ 5e−6 relative accuracy at n ≥ 1e5.
 * The iteration variable is whichever of p̃2 or q̃1 is the smaller (δ ≥ 0 after swapping the
 * arms), so no small quantity is ever a difference.
 * @example rdConstrained({ events1: 56, n1: 70, events2: 48, n2: 80 }, 0.05).p1 // 0.7235415256798609
 */
export function rdConstrained(table: TwoByTwo, delta: number): Constrained {
  const { events1: x1, n1, events2: x2, n2 } = table;
  if (delta < 0) {
    const s = rdConstrained({ events1: x2, n1: n2, events2: x1, n2: n1 }, -delta);
    return { p1: s.p2, q1: s.q2, p2: s.p1, q2: s.q1 };
  }
  const w = 1 - delta; // exact for δ in [1/2, 1]; otherwise w ≥ 1/2
  const mid = w / 2;
  // Score and its derivative at (p1, q1, p2, q2); counts of zero drop their term (0/0 = 0).
  const score = (p1: number, q1: number, p2: number, q2: number): [number, number] => {
    let s = 0;
    let ds = 0;
    if (x1 > 0) {
      s += x1 / p1;
      ds -= x1 / (p1 * p1);
    }
    if (n1 > x1) {
      s -= (n1 - x1) / q1;
      ds -= (n1 - x1) / (q1 * q1);
    }
    if (x2 > 0) {
      s += x2 / p2;
      ds -= x2 / (p2 * p2);
    }
    if (n2 > x2) {
      s -= (n2 - x2) / q2;
      ds -= (n2 - x2) / (q2 * q2);
    }
    return [s, ds];
  };
  const lowerPoint = (y: number): Constrained => ({ p1: y + delta, q1: w - y, p2: y, q2: 1 - y });
  const upperPoint = (y: number): Constrained => ({ p1: 1 - y, q1: y, p2: w - y, q2: y + delta });
  const [sMid] = score(mid + delta, mid, mid, 1 - mid);
  // upper: the root has p̃2 > mid, iterate on y = q̃1 (score increases in y); lower: on y = p̃2.
  const upper = sMid > 0;
  const point = upper ? upperPoint : lowerPoint;
  const f = (y: number): [number, number] => {
    const p = point(y);
    const [s, ds] = score(p.p1, p.q1, p.p2, p.q2);
    return upper ? [s, -ds] : [-s, ds];
  };
  // f increases on (0, mid] from f(0) (−∞ unless the boundary counts are 0) to f(mid) ≥ 0.
  const [f0] = f(0);
  if (f0 >= 0) return point(0);
  if (sMid === 0) return point(mid);
  const start = fmCubic(x1, n1, x2, n2, delta);
  let y = upper ? 1 - start : start - delta;
  let lo = 0;
  let hi = mid;
  if (!(y > lo && y < hi)) y = hi / 2;
  for (let i = 0; i < 200; i++) {
    const [fy, dfy] = f(y);
    if (fy === 0) break;
    if (fy < 0) lo = y;
    else hi = y;
    let next = y - fy / dfy;
    // Newton inside the bracket; bisection (geometric near 0, where the root may be tiny) outside it.
    if (!(next > lo && next < hi)) next = lo > 0 ? (lo + hi) / 2 : hi / 16;
    if (Math.abs(next - y) <= 4e-16 * y || hi - lo <= 4e-16 * hi) {
      y = next;
      break;
    }
    y = next;
  }
  return point(y);
}

/** Score z for the risk difference δ (Miettinen–Nurminen when `mn`, else Mee 1984). */
export function rdScoreZ(table: TwoByTwo, delta: number, mn = true): number {
  const { events1: x1, n1, events2: x2, n2 } = table;
  const num = x1 / n1 - x2 / n2 - delta;
  if (num === 0) return 0;
  const { p1, q1, p2, q2 } = rdConstrained(table, delta);
  const N = n1 + n2;
  let v = (p1 * q1) / n1 + (p2 * q2) / n2;
  if (mn) v *= N / (N - 1);
  return num / Math.sqrt(v);
}

/** Score z for the risk ratio θ = p1/p2 (Miettinen–Nurminen when `mn`, Koopman otherwise). */
export function rrScoreZ(table: TwoByTwo, theta: number, mn = true): number {
  const { events1: x1, n1, events2: x2, n2 } = table;
  const num = x1 / n1 - (theta * x2) / n2;
  if (num === 0) return 0;
  const { p1, q1, p2, q2 } = rrConstrained(table, theta);
  const N = n1 + n2;
  let v = (p1 * q1) / n1 + (theta * theta * p2 * q2) / n2;
  if (mn) v *= N / (N - 1);
  return num / Math.sqrt(v);
}

/** Miettinen–Nurminen score z for the odds ratio ψ (always with the N/(N − 1) factor). */
export function orScoreZ(table: TwoByTwo, psi: number): number {
  const { events1: x1, n1, n2 } = table;
  const N = n1 + n2;
  const { p1, q1, p2, q2 } = orConstrained(table, psi);
  // x1 − n1·p̃1 from the smaller tail of arm 1.
  const num = p1 <= 0.5 ? x1 - n1 * p1 : n1 * q1 - (n1 - x1);
  if (num === 0) return 0;
  const v = 1 / (n1 * p1 * q1) + 1 / (n2 * p2 * q2);
  return num * Math.sqrt((v * (N - 1)) / N);
}

/**
 * Cornfield's (1956) statistic for the odds ratio ψ: (x1 − A(ψ) ∓ ½)·√(1/A + 1/B + 1/C + 1/D),
 * where A(ψ) = n1·p̃1 is the cell count at which the table with the observed margins has odds
 * ratio ψ (B = n1 − A, C = m − A, D = n2 − m + A, the same constrained MLE as the MN statistic)
 * and ½ is Cornfield's continuity correction (0 when |x1 − A| ≤ ½).
 * Cornfield J (1956) Proc Third Berkeley Symp 4:135–148; Fleiss, Levin & Paik (2003),
 * Statistical Methods for Rates and Proportions, 3rd ed., §6.3.
 */
export function cornfieldZ(table: TwoByTwo, psi: number): number {
  const { events1: x1, n1, n2 } = table;
  const { p1, q1, p2, q2 } = orConstrained(table, psi);
  const num = p1 <= 0.5 ? x1 - n1 * p1 : n1 * q1 - (n1 - x1);
  const corrected = Math.abs(num) <= 0.5 ? 0 : num - Math.sign(num) * 0.5;
  if (corrected === 0) return 0;
  return corrected * Math.sqrt(1 / (n1 * p1 * q1) + 1 / (n2 * p2 * q2));
}

/** Where the decreasing z(t) equals `target`, first met from t0 in direction `dir`. */
function crossing(
  z: (t: number) => number,
  t0: number,
  target: number,
  dir: 1 | -1,
  tMax: number,
): number {
  return outwardRoot((t) => z(t) - target, t0, dir, tMax);
}

/**
 * Inverts a decreasing z(δ) on (−1, 1), on the scale u = atanh δ (unbounded, so the bracket
 * search never meets the edge): the risk-difference limits. δ = ±1 is a limit only when the
 * estimate is ±1.
 */
export function invertDifference(
  z: (delta: number) => number,
  estimate: number,
  crit: number,
): [number, number] {
  const uMax = 18; // tanh(18) = 1 − 4.4e−16, the last double below 1 reachable by tanh
  const f = (u: number) => z(Math.tanh(u));
  const u0 = Math.max(-uMax, Math.min(uMax, Math.atanh(estimate)));
  const lower = estimate <= -1 ? -1 : Math.tanh(crossing(f, u0, crit, -1, uMax));
  const upper = estimate >= 1 ? 1 : Math.tanh(crossing(f, u0, -crit, 1, uMax));
  return [Number.isNaN(lower) ? -1 : lower, Number.isNaN(upper) ? 1 : upper];
}

/**
 * Inverts a decreasing z(θ) for a ratio on the log scale. `zero` / `infinite` mark tables
 * whose estimate is 0 or ∞: the limit on that side is then exactly 0 or ∞, and the other
 * limit is searched from θ = 1 (moved by e⁸ steps until z is inside the critical value).
 */
export function invertRatio(
  z: (theta: number) => number,
  estimate: number,
  crit: number,
  boundary: { zero: boolean; infinite: boolean },
): [number, number] {
  const tMax = 700; // e^±700 stays a normal double
  const f = (t: number) => z(Math.exp(t));
  if (!boundary.zero && !boundary.infinite) {
    const t0 = Math.log(estimate);
    return [Math.exp(crossing(f, t0, crit, -1, tMax)), Math.exp(crossing(f, t0, -crit, 1, tMax))];
  }
  if (boundary.zero && boundary.infinite) return [0, Infinity];
  let t0 = 0;
  if (boundary.zero) {
    while (t0 > -tMax && f(t0) <= -crit) t0 -= 8;
    return [0, Math.exp(crossing(f, t0, -crit, 1, tMax))];
  }
  while (t0 < tMax && f(t0) >= crit) t0 += 8;
  return [Math.exp(crossing(f, t0, crit, -1, tMax)), Infinity];
}

import { logPhi, normalCdf, normalLogSf, normalQuantile, normalSf } from './normal.js';
import { tCdf, tSf } from './student-t.js';
import {
  incompleteBeta,
  logBeta,
  logBetaPrefactor,
  logPoissonKernel,
  stirlerr,
} from './special.js';
import {
  finishProbability,
  quantileTarget,
  type ProbabilityOptions,
  type QuantileOptions,
} from './tail-options.js';
import { checkFinite, checkNumber, checkPositive } from './validate.js';

/**
 * Noncentral t distribution T = (Z + δ)/√(V/df), Z ~ N(0, 1), V ~ χ²(df): cdf, survival function
 * and quantile, as R's pt/qt with `ncp = δ`.
 *
 * Method: Lenth's series (AS 243, Applied Statistics 38:185, 1989), the one R's pnt uses: for
 * t ≥ 0 and x = t²/(t² + df),
 *   P(T ≤ t) = Φ(−δ) + Σⱼ [pⱼ I_x(j + ½, df/2) + qⱼ I_x(j + 1, df/2)],
 *   pⱼ = ½ e^(−δ²/2) (δ²/2)ʲ / j!,  qⱼ = ½ e^(−δ²/2) δ (δ²/2)ʲ / (√2 Γ(j + 3/2)),
 * and, because Φ(−δ) + Σ (pⱼ + qⱼ) = 1, the upper tail directly as
 *   P(T > t) = Σⱼ [pⱼ (1 − I_x(j + ½, df/2)) + qⱼ (1 − I_x(j + 1, df/2))],
 * with the complements 1 − I computed directly (I_y(df/2, a), y = df/(t² + df)) and carried by
 * the same recurrences (AS 243's godd/geven steps, added instead of subtracted). Unlike AS 243
 * (and R, which starts at j = 0 and so underflows for |δ| > 37.62) the sum starts at the Poisson
 * mode j ≈ δ²/2 and runs both ways until the remaining Poisson mass cannot change it, so large
 * |δ| keeps full precision. For t < 0, P(T ≤ t; δ) = P(T ≥ −t; −δ).
 *
 * For δ < 0 (after that reflection) the qⱼ are negative and the series for the tail on the far
 * side of δ would be a difference of much larger terms (R's 1 − lower has the same problem); that
 * tail is instead integrated directly, P(T > t) = ∫ Q(t u − δ) f_U(u) du, by the trapezoidal rule
 * in log u (see farTail), which keeps ~1e-14 relative precision down to ~1e-300.
 */

const SQRT_2 = Math.SQRT2;
const LN_SQRT_PI = 0.572364942924700087071713675677; // log √π

/** Position in Lenth's series: Poisson weights pⱼ, qⱼ, the incomplete betas and their steps. */
interface SeriesState {
  j: number;
  p: number;
  q: number;
  odd: number;
  even: number;
  gOdd: number;
  gEven: number;
  aOdd: number;
  aEven: number;
}

/**
 * Σ of the series for t > 0 (upper = false: P(T ≤ t) − Φ(−δ); upper = true: P(T > t)), and Σ of
 * the terms' absolute values, which bounds the rounding error when the terms have both signs.
 */
function series(
  t: number,
  df: number,
  ncp: number,
  upper: boolean,
): { sum: number; magnitude: number } {
  const t2 = t * t;
  const total = df + t2;
  const x = Number.isFinite(total) ? t2 / total : 1;
  const y = Number.isFinite(total) ? df / total : df / t2;
  const b = df / 2;
  const lambda = ncp * ncp;
  const halfLambda = lambda / 2;
  // Start at the Poisson mode.
  const j0 = Math.floor(halfLambda);
  const aOdd = j0 + 0.5;
  const aEven = j0 + 1;
  // pⱼ₀ = ½ × Poisson(j0; λ/2) in Loader's saddle-point form, and qⱼ₀ = pⱼ₀ (δ/√2) Γ(j0 + 1)/Γ(j0 + 3/2)
  // with the gamma ratio as B(j0 + 1, ½)/√π: both keep full precision for large λ.
  const logP0 = Math.log(0.5) + (j0 > 0 ? logPoissonKernel(j0, halfLambda) : -halfLambda);
  const p0 = Math.exp(logP0);
  const q0 =
    Math.sign(ncp) *
    Math.exp(logP0 + Math.log(Math.abs(ncp) / SQRT_2) + logBeta(j0 + 1, 0.5) - LN_SQRT_PI);
  // Incomplete betas and the recurrence steps G(a) = xᵃ yᵇ / (a B(a, b)) at the mode.
  const odd0 = incompleteBeta(x, y, aOdd, b, upper);
  const even0 = incompleteBeta(x, y, aEven, b, upper);
  const gOdd0 = x > 0 ? Math.exp(logBetaPrefactor(x, y, aOdd, b)) / aOdd : 0;
  const gEven0 = x > 0 ? Math.exp(logBetaPrefactor(x, y, aEven, b)) / aEven : 0;
  // Forward and backward: I_x(a + 1, b) = I_x(a, b) − G(a); the complement gains G(a).
  const sign = upper ? 1 : -1;
  const mode: SeriesState = {
    j: j0,
    p: p0,
    q: q0,
    odd: odd0,
    even: even0,
    gOdd: gOdd0,
    gEven: gEven0,
    aOdd,
    aEven,
  };
  let sum = p0 * odd0 + q0 * even0;
  let magnitude = Math.abs(p0 * odd0) + Math.abs(q0 * even0);
  for (const direction of [1, -1] as const) {
    const s = { ...mode };
    while (direction === 1 ? s.j < j0 + 100_000 : s.j > 0) {
      if (direction === 1) {
        s.odd += sign * s.gOdd;
        s.even += sign * s.gEven;
        s.gOdd *= (x * (s.aOdd + b)) / (s.aOdd + 1);
        s.gEven *= (x * (s.aEven + b)) / (s.aEven + 1);
        s.j += 1;
        s.p *= halfLambda / s.j;
        s.q *= halfLambda / (s.j + 0.5);
      } else {
        // G(a − 1) = G(a) · a / (x (a + b − 1)).
        s.gOdd = x > 0 ? (s.gOdd * s.aOdd) / (x * (s.aOdd + b - 1)) : 0;
        s.gEven = x > 0 ? (s.gEven * s.aEven) / (x * (s.aEven + b - 1)) : 0;
        s.odd -= sign * s.gOdd;
        s.even -= sign * s.gEven;
        s.p *= s.j / halfLambda;
        s.q *= (s.j + 0.5) / halfLambda;
        s.j -= 1;
      }
      s.aOdd += direction;
      s.aEven += direction;
      sum += s.p * s.odd + s.q * s.even;
      magnitude += Math.abs(s.p * s.odd) + Math.abs(s.q * s.even);
      // The Poisson weights beyond j shrink at least geometrically with ratio r < 1, so the rest
      // is below (p + |q|)·r/(1 − r) times the largest remaining I (≤ 1 for the complements).
      const r = direction === 1 ? halfLambda / (s.j + 1) : s.j / halfLambda;
      const largest = upper ? 1 : Math.max(s.odd, s.even);
      const bound = r < 1 ? (((s.p + Math.abs(s.q)) * r) / (1 - r)) * largest : Infinity;
      if (bound <= 1e-17 * Math.abs(sum) || (s.p === 0 && s.q === 0)) break;
    }
  }
  return { sum, magnitude };
}

/**
 * P(T > t) for t > 0 and δ < 0, the tail on the far side of δ, where Lenth's series has terms of
 * both signs. With U = √(V/df) (density 2kᵏ/Γ(k) u^(2k−1) e^(−k u²), k = df/2),
 * P(T > t) = ∫₀^∞ Q(t u − δ) f_U(u) du, an integral of positive terms. In s = log u the integrand
 * is a smooth single-peaked function on the real line, so the trapezoidal rule converges
 * geometrically in the step (Trefethen & Weideman 2014, SIAM Review 56:385); the step is 1/8 of
 * the peak's Laplace width, and the sum runs out to where terms fall below e^−46 of the peak.
 */
function farTail(t: number, df: number, ncp: number): number {
  const k = df / 2;
  // log f_U(e^s) + s = log[2kᵏ/Γ(k)] + 2ks − k e^(2s) = log 2 + log k − stirlerr(k) − ½ log(2πk)
  // − k (e^(2s) − 1 − 2s): Loader's form, so no huge k log k − log Γ(k) cancels for large df.
  const logConst = Math.LN2 + Math.log(k) - stirlerr(k) - 0.5 * Math.log(2 * Math.PI * k);
  const logIntegrand = (s: number): number =>
    logConst - k * expm1MinusX(2 * s) + normalLogSf(t * Math.exp(s) - ncp);
  // d/ds log integrand = 2k − 2k u² − t u h(t u − δ), h the normal hazard φ/Q: decreasing in s.
  const slope = (s: number): number => {
    const u = Math.exp(s);
    const z = t * u - ncp;
    return 2 * k - 2 * k * u * u - t * u * Math.exp(logPhi(z) - normalLogSf(z));
  };
  // The peak lies where t·u is at most of order |δ| + √k: search down to s = −log t − 60.
  let lo = Math.min(-60, -Math.log(t) - 60);
  let hi = 60;
  for (let i = 0; i < 200 && hi - lo > 1e-10; i++) {
    const mid = 0.5 * (lo + hi);
    if (slope(mid) > 0) lo = mid;
    else hi = mid;
  }
  const peak = 0.5 * (lo + hi);
  const e = 1e-4;
  const curvature = (slope(peak - e) - slope(peak + e)) / (2 * e);
  const step = Math.min(0.5, 1 / Math.sqrt(Math.max(curvature, 1e-12)) / 8);
  const logPeak = logIntegrand(peak);
  let sum = 1;
  for (const direction of [1, -1]) {
    for (let i = 1; i < 1_000_000; i++) {
      const relative = Math.exp(logIntegrand(peak + direction * i * step) - logPeak);
      sum += relative;
      if (relative < 1e-20) break;
    }
  }
  return Math.exp(logPeak + Math.log(sum * step));
}

/** eˣ − 1 − x without cancellation near 0 (Taylor series for |x| < ½). */
function expm1MinusX(x: number): number {
  if (Math.abs(x) >= 0.5) return Math.expm1(x) - x;
  let term = (x * x) / 2;
  let sum = term;
  for (let n = 3; n < 40 && Math.abs(term) > 1e-17 * Math.abs(sum); n++) {
    term *= x / n;
    sum += term;
  }
  return sum;
}

/** P(T ≤ t) (upper = false) or P(T > t) (upper = true) for the noncentral t. */
function tail(t: number, df: number, ncp: number, upper: boolean): number {
  if (ncp === 0) return upper ? tSf(t, df) : tCdf(t, df);
  if (t === Infinity) return upper ? 0 : 1;
  if (t === -Infinity) return upper ? 1 : 0;
  if (df === Infinity) return upper ? normalSf(t, ncp) : normalCdf(t, ncp);
  if (t < 0) return tail(-t, df, -ncp, !upper);
  if (t === 0) return upper ? normalSf(0, ncp) : normalCdf(0, ncp);
  // Sum whichever tail is the smaller and complement it for the larger one: a tail near 1 loses
  // series terms when ncp is large (ncp = 40000: sf(2.4) gave 0.9998, cdf(1e5) 0.98688).
  const lower = Math.min(1, Math.max(0, normalCdf(-ncp) + series(t, df, ncp, false).sum));
  if (lower <= 0.5) return upper ? 1 - lower : lower;
  const upperTail = directUpper(t, df, ncp);
  if (upperTail < 0.5) return upper ? upperTail : 1 - upperTail;
  return upper ? upperTail : lower;
}

/** P(T > t) summed directly (t > 0). */
function directUpper(t: number, df: number, ncp: number): number {
  const { sum, magnitude } = series(t, df, ncp, true);
  // δ < 0: terms of both signs. Rounding costs ~1e-15 × magnitude/sum relative, so where the
  // sum has cancelled by more than a factor 50 integrate the tail directly instead; likewise
  // where it underflowed (t² ≫ df makes y = df/(t² + df) vanish).
  if (!(sum > 0.02 * magnitude)) return farTail(t, df, ncp);
  return Math.min(1, Math.max(0, sum));
}

function checkArgs(x: number, df: number, ncp: number): void {
  checkNumber('x', x);
  checkPositive('df', df, true);
  checkFinite('ncp', ncp);
}

/**
 * Noncentral t cdf P(T ≤ x) with df degrees of freedom and noncentrality ncp, as R's
 * `pt(x, df, ncp)`: Lenth's series (AS 243, 1989), summed from the Poisson mode.
 *
 * @example
 * noncentralTCdf(2, 10, 1.5)   // 0.6591540724421907
 * noncentralTCdf(-1, 20, 3)    // 0.000040615021270262905
 */
export function noncentralTCdf(
  x: number,
  df: number,
  ncp: number,
  options: ProbabilityOptions = {},
): number {
  checkArgs(x, df, ncp);
  return finishProbability(tail(x, df, ncp, false), () => tail(x, df, ncp, true), options);
}

/**
 * Noncentral t survival function P(T > x), summed directly from the complements of the
 * incomplete betas (not 1 − cdf), so small upper tails keep their relative precision when
 * x and ncp have the same sign. As R's `pt(x, df, ncp, lower.tail = FALSE)`.
 *
 * @example
 * noncentralTSf(2, 10, 1.5)    // 0.3408459275578093
 * noncentralTSf(60, 5, 2)      // 5.395475073815774e-7
 */
export function noncentralTSf(
  x: number,
  df: number,
  ncp: number,
  options: ProbabilityOptions = {},
): number {
  checkArgs(x, df, ncp);
  return finishProbability(tail(x, df, ncp, true), () => tail(x, df, ncp, false), options);
}

/**
 * Noncentral t quantile: the x with P(T ≤ x) = p, as R's `qt(p, df, ncp)`; p = 0 and 1 give
 * −Infinity and Infinity. Method: bracket from a normal approximation, then the Illinois variant
 * of regula falsi (Dowell & Jarratt 1971) on log of the tail being inverted (the upper tail for
 * p > ½), first in asinh(x) (power-law tails become linear) and then in x, to a relative
 * width of 4e-16.
 *
 * @example
 * noncentralTQuantile(0.9, 10, 1.5)   // 3.1287361212532208
 */
export function noncentralTQuantile(
  p: number,
  df: number,
  ncp: number,
  options: QuantileOptions = {},
): number {
  const resolved = quantileTarget(p, options);
  checkPositive('df', df, true);
  checkFinite('ncp', ncp);
  const { upper, prob } = resolved;
  if (prob === 0) return upper ? Infinity : -Infinity;
  const logTarget = Math.log(prob);
  // g increasing in x.
  const g = (x: number): number => {
    const v = tail(x, df, ncp, upper);
    return upper ? logTarget - Math.log(v) : Math.log(v) - logTarget;
  };
  // Normal approximation to T: mean ≈ ncp, sd ≈ √(1 + ncp²/(2 df)) · √(df/(df − 2)) (rough).
  const scale = Math.sqrt(1 + (ncp * ncp) / (2 * df)) * (df > 2 ? Math.sqrt(df / (df - 2)) : 2);
  const guess = ncp + scale * (upper ? -normalQuantile(prob) : normalQuantile(prob));
  let lo = guess - scale;
  let hi = guess + scale;
  let glo = g(lo);
  let ghi = g(hi);
  for (let step = scale; glo > 0 && Number.isFinite(lo); step *= 2) {
    hi = lo;
    ghi = glo;
    lo -= step;
    glo = g(lo);
  }
  for (let step = scale; ghi < 0 && Number.isFinite(hi); step *= 2) {
    lo = hi;
    glo = ghi;
    hi += step;
    ghi = g(hi);
  }
  if (!Number.isFinite(lo)) return -Infinity;
  if (!Number.isFinite(hi)) return Infinity;
  // First in y = asinh(x), where log P is nearly linear also in the power-law tails, then in x
  // itself for the last bits.
  const [yLo, yHi] = illinois(
    (y) => g(Math.sinh(y)),
    Math.asinh(lo),
    Math.asinh(hi),
    glo,
    ghi,
    1e-13,
  );
  const [xLo, xHi, gxLo, gxHi] = [
    Math.sinh(yLo),
    Math.sinh(yHi),
    g(Math.sinh(yLo)),
    g(Math.sinh(yHi)),
  ];
  const [a, b, ga, gb] = illinois(g, xLo, xHi, gxLo, gxHi, 4e-16);
  return Math.abs(ga) <= Math.abs(gb) ? a : b;
}

/**
 * Illinois variant of regula falsi (Dowell & Jarratt 1971) for increasing f with f(lo) ≤ 0 ≤ f(hi):
 * shrinks the bracket to a relative width `tol`; returns [lo, hi, f(lo), f(hi)].
 */
function illinois(
  f: (x: number) => number,
  lo: number,
  hi: number,
  flo: number,
  fhi: number,
  tol: number,
): [number, number, number, number] {
  let side = 0;
  let fl = flo;
  let fh = fhi;
  for (let i = 0; i < 300; i++) {
    if (hi - lo <= tol * Math.max(Math.abs(lo), Math.abs(hi), 1e-300) || fl === 0 || fh === 0)
      break;
    let x =
      Number.isFinite(fl) && Number.isFinite(fh)
        ? (lo * fh - hi * fl) / (fh - fl)
        : 0.5 * (lo + hi);
    if (!(x > lo && x < hi)) x = 0.5 * (lo + hi);
    const fx = f(x);
    if (fx === 0) return [x, x, 0, 0];
    if (fx < 0) {
      lo = x;
      fl = fx;
      if (side === -1) fh /= 2;
      side = -1;
    } else {
      hi = x;
      fh = fx;
      if (side === 1) fl /= 2;
      side = 1;
    }
  }
  return [lo, hi, fl, fh];
}

import { quantileTarget, type ProbabilityOptions, type QuantileOptions } from './tail-options.js';
import { checkFinite, checkNumber, checkPositive } from './validate.js';

/**
 * Normal distribution: cdf, survival function, log-space tails and quantile, accurate to a few
 * ulps over the whole line (tail probabilities down to the smallest subnormal double).
 *
 * Method. For z = |x - mean| / sd:
 * - z < 1.25: Φ(z) − ½ = φ(z) · Σₙ z^(2n+1) / (1·3·5···(2n+1)), a series of positive terms
 *   (Abramowitz & Stegun 1964, eq. 26.2.10), so the upper tail ½ − φ(z)·S loses at most a factor 4.
 * - z ≥ 1.25: Q(z) = φ(z) · R(z) with Mills' ratio R(z) = 1/(z + 1/(z + 2/(z + 3/(z + …)))) from
 *   Laplace's continued fraction (A&S 26.2.14), evaluated with the modified Lentz algorithm
 *   (Press et al., Numerical Recipes 3rd ed., §5.2).
 * - φ(z) = exp(−z²/2)/√(2π) is evaluated as exp(−z₀²/2)·exp(−(z−z₀)(z+z₀)/2) with z₀ = z rounded
 *   down to a multiple of 1/16, so z₀² is exact and exp does not amplify the rounding of z²
 *   (the device used by Cody's ANORM, ACM TOMS 1993 / R's pnorm).
 * The log-space tails add log φ and log R directly, so they never underflow.
 */

const LN_SQRT_2PI = 0.918938533204672741780329736406; // log(√(2π))
const SQRT_2PI = 2.506628274631000502415765284811; // √(2π)
const EPS = 2.220446049250313e-16;

/** −z²/2 evaluated with the z = z₀ + (z − z₀) split (z₀ a multiple of 1/16): see module comment. */
function halfSquareSplit(z: number): [number, number] {
  const z0 = Math.trunc(z * 16) / 16;
  return [-0.5 * z0 * z0, -0.5 * (z - z0) * (z + z0)];
}

/** Standard normal density φ(z), computed without amplifying the rounding of z². */
export function phi(z: number): number {
  const [a, b] = halfSquareSplit(Math.abs(z));
  return (Math.exp(a) * Math.exp(b)) / SQRT_2PI;
}

/** log φ(z). */
export function logPhi(z: number): number {
  const [a, b] = halfSquareSplit(Math.abs(z));
  return a + b - LN_SQRT_2PI;
}

/** S(z) with Φ(z) − ½ = φ(z)·S(z); positive-term series, used for |z| < 1.25. */
function centralSeries(z: number): number {
  const z2 = z * z;
  let term = z;
  let sum = z;
  for (let n = 1; n < 200; n++) {
    term *= z2 / (2 * n + 1);
    sum += term;
    if (term < sum * EPS * 0.25) break;
  }
  return sum;
}

/** Mills ratio R(z) = Q(z)/φ(z) for z ≥ 1.25 by Laplace's continued fraction (modified Lentz). */
function millsRatio(z: number): number {
  if (z > 1e8) return 1 / z; // the next term is relatively 1/z² < 1e-16
  const tiny = 1e-300;
  let f = z;
  let c = f;
  let d = 0;
  for (let i = 1; i < 1000; i++) {
    d = z + i * d;
    d = d === 0 ? 1 / tiny : 1 / d;
    c = z + i / c;
    if (c === 0) c = tiny;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < EPS) break;
  }
  return 1 / f;
}

/** Upper tail Q(z) = P(Z > z) of the standard normal, for any z. */
function upper(z: number): number {
  if (Number.isNaN(z)) return NaN;
  if (z < 0) return z > -2 ? 0.5 + phi(z) * centralSeries(-z) : 1 - upper(-z);
  if (z < 1.25) return 0.5 - phi(z) * centralSeries(z);
  if (z === Infinity) return 0;
  if (z > 40) return Math.exp(logUpper(z));
  return phi(z) * millsRatio(z);
}

/** log Q(z) for any z, without underflow. */
function logUpper(z: number): number {
  if (z === Infinity) return -Infinity;
  if (z < 2) {
    if (z < -2) return Math.log1p(-upper(-z));
    return Math.log(upper(z));
  }
  return logPhi(z) + Math.log(millsRatio(z));
}

function standardize(x: number, mean: number, sd: number): number {
  checkNumber('x', x);
  checkFinite('mean', mean);
  checkPositive('sd', sd);
  return (x - mean) / sd;
}

/**
 * Normal cumulative distribution function P(X ≤ x) for X ~ N(mean, sd²).
 *
 * Φ((x − mean)/sd); see the module comment for the method (series / Laplace continued fraction,
 * A&S 26.2.10 and 26.2.14). Matches R's `pnorm(x, mean, sd)`.
 *
 * @example
 * normalCdf(1.96) // 0.9750021048517794
 * normalCdf(-37)  // 5.725571222524578e-300
 */
export function normalCdf(x: number, mean = 0, sd = 1, options: ProbabilityOptions = {}): number {
  const z = standardize(x, mean, sd);
  return options.logP ? logUpper(-z) : upper(-z);
}

/**
 * Normal survival function P(X > x), computed directly (not 1 − cdf), so far upper tails keep
 * full relative precision. Matches R's `pnorm(x, mean, sd, lower.tail = FALSE)`.
 *
 * @example
 * normalSf(1.96) // 0.024997895148220445
 * normalSf(37)   // 5.725571222524578e-300
 */
export function normalSf(x: number, mean = 0, sd = 1, options: ProbabilityOptions = {}): number {
  const z = standardize(x, mean, sd);
  return options.logP ? logUpper(z) : upper(z);
}

/**
 * Natural log of the normal cdf, log P(X ≤ x), finite for every finite x (no underflow).
 * Matches R's `pnorm(x, log.p = TRUE)`.
 *
 * @example
 * normalLogCdf(-40) // -804.6084420137538
 */
export function normalLogCdf(x: number, mean = 0, sd = 1): number {
  return logUpper(-standardize(x, mean, sd));
}

/**
 * Natural log of the normal survival function, log P(X > x), without underflow.
 * Matches R's `pnorm(x, lower.tail = FALSE, log.p = TRUE)`.
 *
 * @example
 * normalLogSf(40) // -804.6084420137538
 */
export function normalLogSf(x: number, mean = 0, sd = 1): number {
  return logUpper(standardize(x, mean, sd));
}

/**
 * Solves Q(z) = q for z ≥ 0 (0 < q ≤ ½). Start: A&S 26.2.23 (|error| < 4.5e-4); then Halley
 * steps, which converge cubically to the root of our accurate tail function: on
 * Φ(z) − ½ = ½ − q near the centre (q > ¼, where ½ − q is exact), on log Q in the tail (q < 0.1)
 * and on Q in between.
 */
function upperQuantile(q: number, logQ = Math.log(q)): number {
  if (q === 0.5) return 0;
  const t = Math.sqrt(-2 * logQ);
  let z =
    t -
    (2.515517 + t * (0.802853 + t * 0.010328)) /
      (1 + t * (1.432788 + t * (0.189269 + t * 0.001308)));
  if (z < 0) z = 0;
  const half = 0.5 - q;
  for (let i = 0; i < 50; i++) {
    let step: number;
    if (q < 0.1) {
      const lq = logUpper(z);
      const h = Math.exp(logPhi(z) - lq); // hazard φ/Q
      const g = lq - logQ;
      const g1 = -h;
      const g2 = -h * (h - z);
      step = g / (g1 - (g * g2) / (2 * g1));
    } else {
      const density = phi(z);
      // f(z) = Φ(z) − ½ − (½ − q), increasing; f' = φ, f'' = −zφ.
      const f = (q > 0.25 ? density * centralSeries(z) : 0.5 - upper(z)) - half;
      step = f / (density + (f * z * density) / (2 * density));
    }
    z -= step;
    if (Math.abs(step) <= 1e-15 * Math.abs(z) + 1e-300) break;
  }
  return z;
}

/**
 * Normal quantile: the x with P(X ≤ x) = p, for X ~ N(mean, sd²). p = 0 gives −Infinity and
 * p = 1 gives Infinity, as R's `qnorm(p, mean, sd)`.
 *
 * Method: Hastings' rational start (Abramowitz & Stegun 26.2.23) refined by Halley iterations
 * on the accurate tail function (on log Q in the tails), so the result is the double nearest
 * to the root to within a couple of ulps; for p > ½ the upper tail 1 − p (exact in floating
 * point for p ≥ ½) is inverted, so quantiles near 1 keep their precision.
 *
 * `options.lowerTail: false` reads p as P(X > x) and `options.logP` as log p (R's `lower.tail`,
 * `log.p`); on the log scale the tail is inverted from log p itself, so p below the smallest double
 * still gives a finite quantile (qnorm(−1e5, log.p = TRUE) = −447.1974945…).
 *
 * @example
 * normalQuantile(0.975)   // 1.959963984540054
 * normalQuantile(1e-300)  // -37.0470962993612
 * normalQuantile(1e-300, 0, 1, { lowerTail: false }) // 37.0470962993612
 */
export function normalQuantile(p: number, mean = 0, sd = 1, options: QuantileOptions = {}): number {
  const target = quantileTarget(p, options);
  checkFinite('mean', mean);
  checkPositive('sd', sd);
  if (target.logProb === -Infinity) return target.upper ? Infinity : -Infinity;
  const tail = upperQuantile(target.prob, target.logProb);
  return mean + sd * (target.upper ? tail : -tail);
}

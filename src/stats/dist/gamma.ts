import { normalQuantile } from './normal.js';
import { solvePositive } from './invert.js';
import { incompleteGamma, logGamma, logPoissonKernel } from './special.js';
import {
  finishProbability,
  quantileTarget,
  type ProbabilityOptions,
  type QuantileOptions,
} from './tail-options.js';
import { checkNumber, checkPositive } from './validate.js';

/**
 * Gamma distribution with shape a > 0 and scale s > 0 (mean a·s): cdf, survival function and
 * quantile, as R's pgamma/qgamma. Regularized incomplete gamma by series / continued fraction
 * times Loader's saddle-point kernel (see special.ts).
 */

function checkArgs(x: number, shape: number, scale: number): void {
  checkNumber('x', x);
  checkPositive('shape', shape);
  checkPositive('scale', scale);
}

/**
 * Gamma cdf P(X ≤ x) = P(a, x/s) = γ(a, x/s)/Γ(a) (A&S 6.5.1), as R's `pgamma(x, shape, scale = s)`.
 *
 * @example
 * gammaCdf(3, 2) // 0.8008517265285442
 */
export function gammaCdf(
  x: number,
  shape: number,
  scale = 1,
  options: ProbabilityOptions = {},
): number {
  checkArgs(x, shape, scale);
  return finishProbability(
    incompleteGamma(x / scale, shape, false),
    () => incompleteGamma(x / scale, shape, true),
    options,
  );
}

/**
 * Gamma survival function P(X > x) = Q(a, x/s), computed directly (continued fraction in the
 * upper tail), as R's `pgamma(x, shape, scale = s, lower.tail = FALSE)`.
 *
 * @example
 * gammaSf(700, 2) // 6.911633257174936e-302
 */
export function gammaSf(
  x: number,
  shape: number,
  scale = 1,
  options: ProbabilityOptions = {},
): number {
  checkArgs(x, shape, scale);
  return finishProbability(
    incompleteGamma(x / scale, shape, true),
    () => incompleteGamma(x / scale, shape, false),
    options,
  );
}

/**
 * Quantile of Gamma(shape a, scale 1) for 0 < p < 1: P(X ≤ x) = p, or P(X > x) = p when
 * `lowerTail` is false (so callers need not form 1 − p).
 */
export function standardGammaQuantile(p: number, a: number, lowerTail = true): number {
  if (!lowerTail) {
    if (p < 0.5) return solveGamma(p, a, false);
    p = 1 - p; // exact for p ≥ ½
  }
  return p <= 0.5 ? solveGamma(p, a, true) : solveGamma(1 - p, a, false);
}

/** Solves P(a, x) = target (lower) or Q(a, x) = target (upper). */
function solveGamma(target: number, a: number, lower: boolean): number {
  // Wilson–Hilferty start (A&S 26.4.17), or the leading series term P ≈ xᵃ/Γ(a + 1) for tiny p.
  const p = lower ? target : 1 - target;
  const z = lower ? normalQuantile(target) : -normalQuantile(target);
  const c = 1 / (9 * a);
  let start = a * (1 - c + z * Math.sqrt(c)) ** 3;
  if (!(start > 0) || (lower && target < 1e-3)) {
    const series = Math.exp((Math.log(p) + logGamma(a + 1)) / a);
    start = start > 0 ? Math.min(start, series) : series;
  }
  const spec = {
    logDensity: (x: number) => Math.log(a) + logPoissonKernel(a, x) - Math.log(x),
    upper: Infinity,
  };
  return solvePositive(
    { ...spec, tail: (x) => incompleteGamma(x, a, !lower), increasing: lower },
    target,
    start,
  );
}

/**
 * Gamma quantile: the x with P(X ≤ x) = p, as R's `qgamma(p, shape, scale = s)`; p = 0 gives 0
 * and p = 1 gives Infinity. Method: Wilson–Hilferty start (A&S 26.4.17), then safeguarded Newton
 * on the log of the tail being inverted (upper tail for p > ½).
 *
 * @example
 * gammaQuantile(0.95, 2) // 4.743864518390578
 */
export function gammaQuantile(
  p: number,
  shape: number,
  scale = 1,
  options: QuantileOptions = {},
): number {
  const target = quantileTarget(p, options);
  checkPositive('shape', shape);
  checkPositive('scale', scale);
  if (target.prob === 0) return target.upper ? Infinity : 0;
  return scale * standardGammaQuantile(target.prob, shape, !target.upper);
}

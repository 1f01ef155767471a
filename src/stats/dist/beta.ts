import { solvePositive } from './invert.js';
import { incompleteBeta, logBeta, logBetaPrefactor } from './special.js';
import {
  finishProbability,
  quantileTarget,
  type ProbabilityOptions,
  type QuantileOptions,
} from './tail-options.js';
import { checkNumber, checkPositive } from './validate.js';

/**
 * Beta distribution with shapes a, b > 0: cdf, survival function and quantile, as R's
 * pbeta/qbeta. Incomplete beta by the Didonato–Morris continued fraction with a log-space
 * saddle-point prefactor (see special.ts), so tails keep their precision down to ~1e-300.
 */

function checkShapes(a: number, b: number): void {
  checkPositive('a', a);
  checkPositive('b', b);
}

/**
 * Beta cdf P(X ≤ x) = I_x(a, b) (Abramowitz & Stegun 26.5.1); 0 below 0 and 1 above 1, as R's
 * `pbeta(x, a, b)`. Method: Didonato & Morris (1992), ACM TOMS 18:360, continued fraction BFRAC.
 *
 * @example
 * betaCdf(0.3, 2, 5) // 0.579825
 */
export function betaCdf(x: number, a: number, b: number, options: ProbabilityOptions = {}): number {
  checkNumber('x', x);
  checkShapes(a, b);
  return finishProbability(
    incompleteBeta(x, 1 - x, a, b, false),
    () => incompleteBeta(x, 1 - x, a, b, true),
    options,
  );
}

/**
 * Beta survival function P(X > x) = 1 − I_x(a, b), computed directly as I_{1−x}(b, a), as R's
 * `pbeta(x, a, b, lower.tail = FALSE)`.
 *
 * @example
 * betaSf(0.999, 2, 50) // 5.095000000000332e-149
 */
export function betaSf(x: number, a: number, b: number, options: ProbabilityOptions = {}): number {
  checkNumber('x', x);
  checkShapes(a, b);
  return finishProbability(
    incompleteBeta(x, 1 - x, a, b, true),
    () => incompleteBeta(x, 1 - x, a, b, false),
    options,
  );
}

/** log density of Beta(a, b) at 0 < x < 1. */
function logDensity(x: number, a: number, b: number): number {
  return logBetaPrefactor(x, 1 - x, a, b) - Math.log(x) - Math.log1p(-x);
}

/**
 * Beta quantile: the x with I_x(a, b) = p, as R's `qbeta(p, a, b)`; p = 0 gives 0 and p = 1 gives 1.
 *
 * Method: start from the mean, or in the tails from the leading term of the series,
 * I_x(a, b) ≈ xᵃ/(a B(a, b)) (A&S 26.5.4), then safeguarded Newton on the log of the tail being
 * inverted (the upper tail for p > ½, so quantiles near 1 keep their precision).
 *
 * @example
 * betaQuantile(0.975, 2, 5) // 0.6412345789976748
 */
export function betaQuantile(
  p: number,
  a: number,
  b: number,
  options: QuantileOptions = {},
): number {
  const target = quantileTarget(p, options);
  checkShapes(a, b);
  if (target.prob === 0) return target.upper ? 1 : 0;
  const logB = logBeta(a, b);
  const mean = a / (a + b);
  const spec = { logDensity: (x: number) => logDensity(x, a, b), upper: 1 };
  if (!target.upper) {
    const pLow = target.prob;
    const small = Math.exp((Math.log(pLow) + Math.log(a) + logB) / a);
    return solvePositive(
      { ...spec, tail: (x) => incompleteBeta(x, 1 - x, a, b, false), increasing: true },
      pLow,
      Math.min(mean, small),
    );
  }
  const q = target.prob;
  const nearOne = -Math.expm1((Math.log(q) + Math.log(b) + logB) / b);
  return solvePositive(
    { ...spec, tail: (x) => incompleteBeta(x, 1 - x, a, b, true), increasing: false },
    q,
    Math.max(mean, nearOne),
  );
}

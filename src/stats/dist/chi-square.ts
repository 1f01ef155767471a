import { standardGammaQuantile } from './gamma.js';
import { incompleteGamma } from './special.js';
import {
  finishProbability,
  quantileTarget,
  type ProbabilityOptions,
  type QuantileOptions,
} from './tail-options.js';
import { checkNumber, checkPositive } from './validate.js';

/**
 * Chi-square distribution with df > 0 (non-integer allowed): the Gamma(df/2, scale 2)
 * distribution (A&S 26.4.19), as R's pchisq/qchisq.
 */

/**
 * Chi-square cdf P(X ≤ x) = P(df/2, x/2), as R's `pchisq(x, df)`.
 *
 * @example
 * chiSquareCdf(3.841458820694124, 1) // 0.9499999999999998
 */
export function chiSquareCdf(x: number, df: number, options: ProbabilityOptions = {}): number {
  checkNumber('x', x);
  checkPositive('df', df);
  return finishProbability(
    incompleteGamma(x / 2, df / 2, false),
    () => incompleteGamma(x / 2, df / 2, true),
    options,
  );
}

/**
 * Chi-square survival function P(X > x) = Q(df/2, x/2), computed directly, as R's
 * `pchisq(x, df, lower.tail = FALSE)`.
 *
 * @example
 * chiSquareSf(1400, 2) // 9.85967654375977e-305
 */
export function chiSquareSf(x: number, df: number, options: ProbabilityOptions = {}): number {
  checkNumber('x', x);
  checkPositive('df', df);
  return finishProbability(
    incompleteGamma(x / 2, df / 2, true),
    () => incompleteGamma(x / 2, df / 2, false),
    options,
  );
}

/**
 * Chi-square quantile, as R's `qchisq(p, df, lower.tail, log.p)`: 2 × the Gamma(df/2) quantile;
 * p = 1 gives Infinity. With `lowerTail: false` the upper tail p is inverted directly, so tiny
 * upper-tail probabilities keep their precision.
 *
 * @example
 * chiSquareQuantile(0.95, 1) // 3.8414588206941263
 * chiSquareQuantile(1e-20, 3, { lowerTail: false }) // 96.24… (R: qchisq(1e-20, 3, lower.tail = FALSE))
 */
export function chiSquareQuantile(p: number, df: number, options: QuantileOptions = {}): number {
  const target = quantileTarget(p, options);
  checkPositive('df', df);
  if (target.prob === 0) return target.upper ? Infinity : 0;
  return 2 * standardGammaQuantile(target.prob, df / 2, !target.upper);
}

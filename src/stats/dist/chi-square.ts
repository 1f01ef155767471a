import { standardGammaQuantile } from './gamma.js';
import { incompleteGamma } from './special.js';
import { checkNumber, checkPositive, checkProbability } from './validate.js';

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
export function chiSquareCdf(x: number, df: number): number {
  checkNumber('x', x);
  checkPositive('df', df);
  return incompleteGamma(x / 2, df / 2, false);
}

/**
 * Chi-square survival function P(X > x) = Q(df/2, x/2), computed directly, as R's
 * `pchisq(x, df, lower.tail = FALSE)`.
 *
 * @example
 * chiSquareSf(1400, 2) // 9.85967654375977e-305
 */
export function chiSquareSf(x: number, df: number): number {
  checkNumber('x', x);
  checkPositive('df', df);
  return incompleteGamma(x / 2, df / 2, true);
}

/**
 * Chi-square quantile, as R's `qchisq(p, df)`: 2 × the Gamma(df/2) quantile; p = 1 gives Infinity.
 *
 * @example
 * chiSquareQuantile(0.95, 1) // 3.8414588206941263
 */
export function chiSquareQuantile(p: number, df: number): number {
  checkProbability('p', p);
  checkPositive('df', df);
  if (p === 0) return 0;
  if (p === 1) return Infinity;
  return 2 * standardGammaQuantile(p, df / 2);
}

import { chiSquareCdf, chiSquareSf } from './chi-square.js';
import { solvePositive } from './invert.js';
import { standardGammaQuantile } from './gamma.js';
import { normalQuantile } from './normal.js';
import { incompleteBeta, logBeta, logBetaPrefactor } from './special.js';
import {
  finishProbability,
  quantileTarget,
  type ProbabilityOptions,
  type QuantileOptions,
} from './tail-options.js';
import { checkNumber, checkPositive } from './validate.js';

/**
 * F distribution with df1, df2 > 0 (non-integer allowed, either may be Infinity), as R's pf/qf.
 * With u = df1·x/(df1·x + df2) and its complement v = df2/(df1·x + df2) formed without
 * cancellation, P(F ≤ x) = I_u(df1/2, df2/2) (A&S 26.6.2).
 */

function checkDf(df1: number, df2: number): void {
  checkPositive('df1', df1, true);
  checkPositive('df2', df2, true);
}

function tail(x: number, df1: number, df2: number, upper: boolean): number {
  if (x <= 0) return upper ? 1 : 0;
  if (x === Infinity) return upper ? 0 : 1;
  if (df1 === Infinity && df2 === Infinity) return x < 1 === upper ? 1 : 0;
  // df2 = ∞: F = χ²(df1)/df1; df1 = ∞: F = df2/χ²(df2).
  if (df2 === Infinity) return upper ? chiSquareSf(x * df1, df1) : chiSquareCdf(x * df1, df1);
  if (df1 === Infinity) return upper ? chiSquareCdf(df2 / x, df2) : chiSquareSf(df2 / x, df2);
  const a = df1 / 2;
  const b = df2 / 2;
  // log u and log v without underflow or overflow (x may be subnormal or near the largest double).
  const logD1x = Math.log(df1) + Math.log(x);
  const logD2 = Math.log(df2);
  const logTotal = Math.max(logD1x, logD2) + Math.log1p(Math.exp(-Math.abs(logD1x - logD2)));
  const logU = logD1x - logTotal;
  const logV = logD2 - logTotal;
  // Where u or v is below 1e-282, I_u(a, b) = uᵃ/(a B(a, b)) (1 + O(u)) (A&S 26.5.4) to full precision.
  if (logU < -650) {
    const lower = Math.exp(a * logU - Math.log(a) - logBeta(a, b));
    return upper ? 1 - lower : lower;
  }
  if (logV < -650) {
    const tailUpper = Math.exp(b * logV - Math.log(b) - logBeta(a, b));
    return upper ? tailUpper : 1 - tailUpper;
  }
  const d1x = df1 * x;
  const total = d1x + df2;
  return incompleteBeta(d1x / total, df2 / total, a, b, upper);
}

/**
 * F cdf P(X ≤ x) = I_u(df1/2, df2/2), u = df1·x/(df1·x + df2), as R's `pf(x, df1, df2)`.
 *
 * @example
 * fCdf(3.1, 2, 40) // 0.9439777799016138
 */
export function fCdf(
  x: number,
  df1: number,
  df2: number,
  options: ProbabilityOptions = {},
): number {
  checkNumber('x', x);
  checkDf(df1, df2);
  return finishProbability(tail(x, df1, df2, false), () => tail(x, df1, df2, true), options);
}

/**
 * F survival function P(X > x) = I_v(df2/2, df1/2), v = df2/(df1·x + df2), computed directly, as
 * R's `pf(x, df1, df2, lower.tail = FALSE)`.
 *
 * @example
 * fSf(3.1, 2, 40) // 0.056022220098386165
 */
export function fSf(x: number, df1: number, df2: number, options: ProbabilityOptions = {}): number {
  checkNumber('x', x);
  checkDf(df1, df2);
  return finishProbability(tail(x, df1, df2, true), () => tail(x, df1, df2, false), options);
}

/**
 * F quantile, as R's `qf(p, df1, df2)`; p = 0 gives 0 and p = 1 gives Infinity.
 * Method: safeguarded Newton on the log of the tail being inverted (upper tail for p > ½),
 * started from Wilson–Hilferty approximations of the two chi-squares (A&S 26.4.17).
 *
 * @example
 * fQuantile(0.95, 2, 40) // 3.2317269928308443
 */
export function fQuantile(
  p: number,
  df1: number,
  df2: number,
  options: QuantileOptions = {},
): number {
  const target = quantileTarget(p, options);
  checkDf(df1, df2);
  const { upper, prob } = target;
  if (prob === 0) return upper ? Infinity : 0;
  if (df1 === Infinity && df2 === Infinity) return 1;
  // df2 = ∞: F = χ²(df1)/df1; df1 = ∞: F = df2/χ²(df2) (an upper tail of F is a lower tail of χ²).
  if (df2 === Infinity) return standardGammaQuantile(prob, df1 / 2, !upper) * (2 / df1);
  if (df1 === Infinity) return df2 / (2 * standardGammaQuantile(prob, df2 / 2, upper));
  const a = df1 / 2;
  const b = df2 / 2;
  const logDensity = (x: number): number => {
    const total = df1 * x + df2;
    return logBetaPrefactor((df1 * x) / total, df2 / total, a, b) - Math.log(x);
  };
  // Start: F = (χ²₁/df1)/(χ²₂/df2) with each χ²/df ≈ (1 − c + z√c)³, c = 2/(9 df) (Wilson–Hilferty).
  const z = upper ? -normalQuantile(prob) : normalQuantile(prob);
  const c1 = 2 / (9 * df1);
  const c2 = 2 / (9 * df2);
  const num = 1 - c1 + z * Math.sqrt(c1);
  const den = 1 - c2 - z * Math.sqrt(c2);
  let start = (num / den) ** 3;
  if (!(num > 0 && den > 0 && Number.isFinite(start))) start = 1;
  const spec = { logDensity, upper: Infinity };
  if (!upper)
    return solvePositive(
      { ...spec, tail: (x) => tail(x, df1, df2, false), increasing: true },
      prob,
      start,
    );
  return solvePositive(
    { ...spec, tail: (x) => tail(x, df1, df2, true), increasing: false },
    prob,
    start,
  );
}

import { solvePositive } from './invert.js';
import { normalCdf, normalQuantile, normalSf } from './normal.js';
import { incompleteBeta, logBeta } from './special.js';
import {
  finishProbability,
  quantileTarget,
  type ProbabilityOptions,
  type QuantileOptions,
} from './tail-options.js';
import { checkNumber, checkPositive } from './validate.js';

/**
 * Student t distribution with df > 0 degrees of freedom: non-integer df (Welch) and
 * df = Infinity (the standard normal) allowed. As R's pt/qt; R switches to a normal
 * approximation above df = 4e5 (good to ~1e-13 relative there), we keep using the incomplete
 * beta, which is fast for df = 1e7 too.
 */

/**
 * P(T > |t|) for t ≠ 0 = ½ I_{df/(df+t²)}(df/2, ½) (A&S 26.7.1), with both arguments of the
 * incomplete beta formed without cancellation; for huge |t| the leading term of the series.
 */
function halfTail(t: number, df: number): number {
  const t2 = t * t;
  const a = df / 2;
  if (t2 > 1e250 || !Number.isFinite(t2)) {
    // I_x(a, ½) = xᵃ/(a B(a, ½)) (1 + O(x)), x = df/(df + t²) < 1e-240.
    const logX = Math.log(df) - 2 * Math.log(Math.abs(t));
    return 0.5 * Math.exp(a * logX - Math.log(a) - logBeta(a, 0.5));
  }
  const total = df + t2;
  return 0.5 * incompleteBeta(df / total, t2 / total, a, 0.5, false);
}

/** P(T ≤ t) (upper = false) or P(T > t) (upper = true). */
function tTail(t: number, df: number, upper: boolean): number {
  if (df === Infinity) return upper ? normalSf(t) : normalCdf(t);
  if (t === 0) return 0.5;
  if (t === Infinity) return upper ? 0 : 1;
  if (t === -Infinity) return upper ? 1 : 0;
  // The tail beyond |t| is ½ I; the other one ½ + ½ (1 − I) with 1 − I computed directly.
  return t > 0 === upper ? halfTail(t, df) : 0.5 + 0.5 * incompleteBetaComplement(t, df);
}

/** 1 − I_{df/(df+t²)}(df/2, ½) = P(|T| ≤ |t|), computed directly. */
function incompleteBetaComplement(t: number, df: number): number {
  const t2 = t * t;
  if (!Number.isFinite(t2)) return 1;
  const total = df + t2;
  return incompleteBeta(df / total, t2 / total, df / 2, 0.5, true);
}

function checkArgs(t: number, df: number): void {
  checkNumber('x', t);
  checkPositive('df', df, true);
}

/**
 * Student t cdf P(T ≤ x) = ½ I_{df/(df+x²)}(df/2, ½) for x < 0 (A&S 26.7.1), the complement for
 * x > 0, as R's `pt(x, df)`. Incomplete beta by Didonato & Morris (1992) continued fraction.
 *
 * @example
 * tCdf(-2.5, 10)     // 0.015723422118304395
 * tCdf(1.3, 4.37)    // 0.8710328767305506
 */
export function tCdf(x: number, df: number, options: ProbabilityOptions = {}): number {
  checkArgs(x, df);
  return finishProbability(tTail(x, df, false), () => tTail(x, df, true), options);
}

/**
 * Student t survival function P(T > x), computed directly, as R's `pt(x, df, lower.tail = FALSE)`.
 *
 * @example
 * tSf(40, 3)  // 0.000017190340394579192
 * tSf(2, 1e7) // 0.022750145445921417
 */
export function tSf(x: number, df: number, options: ProbabilityOptions = {}): number {
  checkArgs(x, df);
  return finishProbability(tTail(x, df, true), () => tTail(x, df, false), options);
}

/**
 * Student t quantile: the x with P(T ≤ x) = p, as R's `qt(p, df)`; p = 0 gives −Infinity and
 * p = 1 gives Infinity, df = Infinity gives the normal quantile.
 *
 * Method: by symmetry solve P(T > t) = min(p, 1 − p) for t > 0 with safeguarded Newton on
 * log P(T > t) in log t (nearly linear for the power-law tail), started between the normal
 * quantile and the tail approximation t ≈ √df (p·df·B(df/2, ½))^(−1/df).
 *
 * @example
 * tQuantile(0.975, 10)   // 2.228138851986275
 * tQuantile(0.975, 5.5)  // 2.50185861758924
 */
export function tQuantile(p: number, df: number, options: QuantileOptions = {}): number {
  const target = quantileTarget(p, options);
  checkPositive('df', df, true);
  if (target.prob === 0) return target.upper ? Infinity : -Infinity;
  if (target.prob === 0.5) return 0;
  if (df === Infinity) return normalQuantile(p, 0, 1, options);
  const q = target.prob;
  const logB = logBeta(df / 2, 0.5);
  const z = -normalQuantile(q);
  const tailApprox = Math.sqrt(df) * Math.exp(-(Math.log(q * df) + logB) / df);
  const start = Number.isFinite(tailApprox) && tailApprox > z ? Math.sqrt(z * tailApprox) : z;
  const constant = -0.5 * Math.log(df) - logB;
  const t = solvePositive(
    {
      tail: (x) => halfTail(x, df),
      increasing: false,
      logDensity: (x) => constant - ((df + 1) / 2) * Math.log1p((x * x) / df),
      upper: Infinity,
    },
    q,
    start,
  );
  return target.upper ? t : -t;
}

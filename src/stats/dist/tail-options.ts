import { InputError } from '../../errors.js';

/**
 * Tail and log-scale options shared by every distribution, as R's `lower.tail` and `log.p`.
 * Internal helpers; the option types are part of each function's signature.
 */

/** Options of a quantile function. Defaults: `lowerTail: true`, `logP: false`. */
export interface QuantileOptions {
  /** `p` is P(X ≤ x) when true (default), P(X > x) when false — as R's `lower.tail`. */
  lowerTail?: boolean;
  /** `p` is given as log p (default false) — as R's `log.p`. */
  logP?: boolean;
}

/** Options of a cdf or survival function. Default `logP: false`. */
export interface ProbabilityOptions {
  /** Return log of the probability (default false), accurate where the probability is near 1 too. */
  logP?: boolean;
}

/** The probability a quantile inverts, moved to the smaller of the two tails. */
export interface TailTarget {
  /** true: solve P(X > x) = prob; false: solve P(X ≤ x) = prob. */
  upper: boolean;
  /** The smaller tail probability, in [0, ½]. */
  prob: number;
  /** log(prob), finite also where prob underflows to 0 (log-scale input). */
  logProb: number;
}

/**
 * Resolves a quantile's `p` (with `lowerTail` / `logP`) into the smaller tail, each tail obtained
 * without cancellation: 1 − p is exact for p ≥ ½, and for log input P = exp(lp), 1 − P = −expm1(lp).
 * Throws InputError when p is not a probability (or, with `logP`, not ≤ 0).
 * @example quantileTarget(1e-20, { lowerTail: false }) // { upper: true, prob: 1e-20, logProb: -46.0517… }
 */
export function quantileTarget(p: number, options: QuantileOptions = {}): TailTarget {
  const { lowerTail = true, logP = false } = options;
  let given: number;
  let other: number;
  let logGiven: number;
  if (logP) {
    if (typeof p !== 'number' || !(p <= 0)) throw new InputError('p', p, 'a log probability ≤ 0');
    given = Math.exp(p);
    other = -Math.expm1(p);
    logGiven = p;
  } else {
    if (typeof p !== 'number' || !(p >= 0 && p <= 1))
      throw new InputError('p', p, 'a probability in [0, 1]');
    given = p;
    other = 1 - p;
    logGiven = Math.log(p);
  }
  // `given` is the tail named by lowerTail; invert whichever of the two is smaller.
  if (given <= other) return { upper: !lowerTail, prob: given, logProb: logGiven };
  return { upper: lowerTail, prob: other, logProb: Math.log(other) };
}

/**
 * log of a tail probability `value`, through log1p(−complement) when value > ½, so that log P
 * near 0 keeps its relative precision; the value itself when `logP` is not set.
 * @example finishProbability(0.999, () => 0.001, { logP: true }) // log1p(−0.001)
 */
export function finishProbability(
  value: number,
  complement: () => number,
  options: ProbabilityOptions = {},
): number {
  if (!options.logP) return value;
  return value > 0.5 ? Math.log1p(-complement()) : Math.log(value);
}

import { InputError } from '../../errors.js';
import { normalQuantile } from './normal.js';
import { incompleteBeta, logBinomialProbability } from './special.js';
import {
  finishProbability,
  quantileTarget,
  type ProbabilityOptions,
  type QuantileOptions,
} from './tail-options.js';
import { checkCount, checkNumber, checkProbability } from './validate.js';

/**
 * Binomial distribution Bin(n, p): probability mass, cdf, survival function and quantile, as
 * R's dbinom/pbinom/qbinom.
 */

const EPS = 2.220446049250313e-16;

function checkNP(n: number, p: number): void {
  checkCount('n', n);
  checkProbability('p', p);
}

/**
 * Binomial probability P(X = k) = C(n, k) pᵏ (1 − p)ⁿ⁻ᵏ, by Loader's saddle-point form
 * (stirlerr and the deviance bd0; C. Loader 2000, "Fast and accurate computation of binomial
 * probabilities"), which is accurate to a few ulps even for n = 1e6 and beyond; 0 outside 0..n.
 * As R's `dbinom(k, n, p)`. k must be an integer.
 *
 * @example
 * binomialPmf(3, 10, 0.2)         // 0.20132659199999994
 * binomialPmf(500000, 1e6, 0.5)   // 0.0007978843613317499
 */
export function binomialPmf(k: number, n: number, p: number): number {
  checkNumber('k', k);
  if (!Number.isInteger(k)) throw new InputError('k', k, 'an integer');
  checkNP(n, p);
  return Math.exp(logBinomialProbability(k, n, p, 1 - p));
}

/** P(X ≤ k) or P(X > k) for integer k (R floors k + 1e-7, as here). */
function tail(k: number, n: number, p: number, upper: boolean): number {
  const x = Math.floor(k + 1e-7);
  if (x < 0) return upper ? 1 : 0;
  if (x >= n) return upper ? 0 : 1;
  // P(X ≤ x) = I_{1−p}(n − x, x + 1) = 1 − I_p(x + 1, n − x) (A&S 26.5.24).
  return incompleteBeta(p, 1 - p, x + 1, n - x, !upper);
}

/**
 * Binomial cdf P(X ≤ k) = I_{1−p}(n − k, k + 1) (A&S 26.5.24), as R's `pbinom(k, n, p)`;
 * incomplete beta by the Didonato–Morris (1992) continued fraction.
 *
 * @example
 * binomialCdf(3, 10, 0.2)        // 0.8791261184000001
 * binomialCdf(400000, 1e6, 0.5)  // 0
 */
export function binomialCdf(
  k: number,
  n: number,
  p: number,
  options: ProbabilityOptions = {},
): number {
  checkNumber('k', k);
  checkNP(n, p);
  return finishProbability(tail(k, n, p, false), () => tail(k, n, p, true), options);
}

/**
 * Binomial survival function P(X > k) = I_p(k + 1, n − k), computed directly, as R's
 * `pbinom(k, n, p, lower.tail = FALSE)`.
 *
 * @example
 * binomialSf(3, 10, 0.2)    // 0.12087388159999989
 * binomialSf(60, 100, 0.3)  // 1.4198924832110655e-10
 */
export function binomialSf(
  k: number,
  n: number,
  p: number,
  options: ProbabilityOptions = {},
): number {
  checkNumber('k', k);
  checkNP(n, p);
  return finishProbability(tail(k, n, p, true), () => tail(k, n, p, false), options);
}

/**
 * Binomial quantile: the smallest k with P(X ≤ k) ≥ q, as R's `qbinom(q, n, p)` (q = 0 gives 0,
 * q = 1 gives n). As R (≥ 4.1) the target is fuzzed to make quantiles left-continuous, so a q
 * obtained as a rounded cdf value maps back to its own k: P(X ≤ k) ≥ q(1 − 8ε) for q > ½, and
 * q(1 − 64ε) for q ≤ ½, where our lower tail is accurate to a few ulps but not bit-identical to R's.
 * Start: Cornish–Fisher expansion (as R's qbinom), then an exact bracketing search.
 *
 * With `lowerTail: false` (R's `lower.tail = FALSE`) q is an upper-tail probability and the result
 * is the smallest k with P(X > k) ≤ q(1 + 64ε), searched on the directly computed upper tail, so a
 * tiny q is not lost in 1 − q; `logP` reads q as log q.
 *
 * @example
 * binomialQuantile(0.5, 10, 0.2)   // 2
 * binomialQuantile(0.975, 1e6, 0.3) // 300898
 * binomialQuantile(1e-20, 100, 0.3, { lowerTail: false }) // 80 (R: qbinom(1e-20, 100, 0.3, lower.tail = FALSE))
 */
export function binomialQuantile(
  q: number,
  n: number,
  p: number,
  options: QuantileOptions = {},
): number {
  if (options.lowerTail === false || options.logP) {
    const given = quantileTarget(q, { logP: options.logP });
    checkNP(n, p);
    const lowerTail = options.lowerTail !== false;
    // An upper-tail target stays on the upper tail; a log-scale lower tail becomes an ordinary one.
    if (lowerTail) return binomialQuantile(given.upper ? 1 - given.prob : given.prob, n, p);
    const upperProbability = given.upper ? 1 - given.prob : given.prob;
    if (p === 0 || n === 0 || upperProbability === 1) return 0;
    if (p === 1 || upperProbability === 0) return n;
    const mu = n * p;
    const sigma = Math.sqrt(n * p * (1 - p));
    const start = Math.min(
      Math.max(Math.floor(mu - sigma * normalQuantile(Math.min(upperProbability, 0.5)) + 0.5), 0),
      n,
    );
    const target = upperProbability * (1 + 64 * EPS);
    return smallestSatisfying((k) => tail(k, n, p, true) <= target, start, n);
  }
  checkProbability('q', q);
  checkNP(n, p);
  if (p === 0 || n === 0 || q === 0) return 0;
  if (p === 1 || q === 1) return n;
  const mu = n * p;
  const sigma = Math.sqrt(n * p * (1 - p));
  const gamma = (1 - 2 * p) / sigma;
  const z = normalQuantile(q);
  let start = Math.floor(mu + sigma * (z + (gamma * (z * z - 1)) / 6) + 0.5);
  start = Math.min(Math.max(start, 0), n);
  const target = q * (1 - (q <= 0.5 ? 64 : 8) * EPS);
  const reached = (k: number): boolean => tail(k, n, p, false) >= target;
  return smallestSatisfying(reached, start, n);
}

/**
 * Smallest integer k in [0, max] with reached(k) true, for a predicate that is monotone (false
 * then true) and true at max: gallop from `start` to bracket, then bisect. Internal.
 */
export function smallestSatisfying(
  reached: (k: number) => boolean,
  start: number,
  max: number,
): number {
  let lo: number; // reached(lo) false, or lo = −1
  let hi: number; // reached(hi) true
  if (reached(start)) {
    hi = start;
    let step = 1;
    lo = start - step;
    while (lo >= 0 && reached(lo)) {
      hi = lo;
      step *= 2;
      lo = hi - step;
    }
    lo = Math.max(lo, -1);
  } else {
    lo = start;
    let step = 1;
    hi = Math.min(start + step, max);
    while (hi < max && !reached(hi)) {
      lo = hi;
      step *= 2;
      hi = Math.min(lo + step, max);
    }
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (reached(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

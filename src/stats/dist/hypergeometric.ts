import { InputError } from '../../errors.js';
import { logBinomialProbability } from './special.js';
import { checkCount, checkNumber } from './validate.js';

/**
 * Hypergeometric distribution, parameterised as R's dhyper(x, m, n, k): an urn with m white and
 * n black balls, k drawn without replacement, X = number of white balls drawn.
 */

function checkUrn(m: number, n: number, k: number): void {
  checkCount('m', m);
  checkCount('n', n);
  checkCount('k', k);
  if (k > m + n) throw new InputError('k', k, `at most m + n = ${m + n} balls drawn`);
}

/**
 * log P(X = x) = log[C(m, x) C(n, k − x) / C(m + n, k)] as a ratio of three binomial
 * probabilities with p = k/(m + n), each by Loader's saddle point (R's dhyper).
 */
function logPmf(x: number, m: number, n: number, k: number): number {
  if (x < Math.max(0, k - n) || x > Math.min(k, m)) return -Infinity;
  const total = m + n;
  const p = k / total;
  const q = (total - k) / total;
  return (
    logBinomialProbability(x, m, p, q) +
    logBinomialProbability(k - x, n, p, q) -
    logBinomialProbability(k, total, p, q)
  );
}

/**
 * Hypergeometric probability P(X = x) = C(m, x) C(n, k − x) / C(m + n, k), as R's
 * `dhyper(x, m, n, k)`: each binomial coefficient through a binomial probability with
 * p = k/(m + n) in Loader's saddle-point form (Loader 2000), so no factorial overflows or cancels.
 * x must be an integer; 0 outside max(0, k − n) … min(k, m).
 *
 * @example
 * hypergeometricPmf(1, 10, 7, 8)   // 0.00041135335252982395
 */
export function hypergeometricPmf(x: number, m: number, n: number, k: number): number {
  checkNumber('x', x);
  if (!Number.isInteger(x)) throw new InputError('x', x, 'an integer');
  checkUrn(m, n, k);
  return Math.exp(logPmf(x, m, n, k));
}

/**
 * P(X ≤ x) (upper = false) or P(X > x), following R's phyper: the tail away from the mean is
 * P(X = x) · (1 + Σ ratios of successive probabilities) summed outwards (pdhyper), the other
 * tail is its complement.
 */
function tail(xIn: number, m: number, n: number, k: number, upper: boolean): number {
  let x = Math.floor(xIn + 1e-7);
  let white = m;
  let black = n;
  if (x * (m + n) > k * m) {
    // Above the mean: count black balls instead, P(X ≤ x) = P(black ≥ k − x) = 1 − P(black ≤ k − x − 1).
    white = n;
    black = m;
    x = k - x - 1;
    upper = !upper;
  }
  if (x < 0 || x < k - black) return upper ? 1 : 0;
  if (x >= white || x >= k) return upper ? 0 : 1;
  const d = Math.exp(logPmf(x, white, black, k));
  // Σ_{j<x} P(X = j)/P(X = x) by the ratio P(j − 1)/P(j) = j (black − k + j) / ((k + 1 − j)(white + 1 − j)).
  let sum = 0;
  let term = 1;
  for (let j = x; j > 0 && term >= EPS_SUM * sum; j--) {
    term *= (j * (black - k + j)) / ((k + 1 - j) * (white + 1 - j));
    sum += term;
  }
  const lower = d * (1 + sum);
  return upper ? 1 - lower : lower;
}

const EPS_SUM = 2.220446049250313e-16;

/**
 * Hypergeometric cdf P(X ≤ x), as R's `phyper(x, m, n, k)` (the summation of R's pdhyper:
 * probabilities accumulated from x towards the far tail, relative to P(X = x)).
 *
 * @example
 * hypergeometricCdf(1, 10, 7, 8)   // 0.00041135335252982395
 */
export function hypergeometricCdf(x: number, m: number, n: number, k: number): number {
  checkNumber('x', x);
  checkUrn(m, n, k);
  return tail(x, m, n, k, false);
}

/**
 * Hypergeometric survival function P(X > x), as R's `phyper(x, m, n, k, lower.tail = FALSE)`;
 * the tail beyond the mean is summed directly, so small upper tails keep their precision.
 *
 * @example
 * hypergeometricSf(7, 10, 7, 8)    // 0.0018510900863842055
 */
export function hypergeometricSf(x: number, m: number, n: number, k: number): number {
  checkNumber('x', x);
  checkUrn(m, n, k);
  return tail(x, m, n, k, true);
}

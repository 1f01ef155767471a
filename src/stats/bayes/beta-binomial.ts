import { InputError } from '../../errors.js';
import { betaQuantile, betaSf, logBeta } from '../dist/index.js';
import { freeze } from '../types.js';

export interface BetaPrior {
  /** beta(a, b) prior (default beta(1, 1), uniform). */
  a?: number;
  b?: number;
}

export interface BetaPosterior {
  a: number;
  b: number;
  mean: number;
  /** Equal-tailed credible interval. */
  credible: { lower: number; upper: number; level: number };
  /** P(p > p0 | data). */
  pAbove: number;
  p0: number;
}

export function checkPrior(a: number, b: number): void {
  if (!(a > 0 && Number.isFinite(a))) throw new InputError('a', a, 'a positive prior shape');
  if (!(b > 0 && Number.isFinite(b))) throw new InputError('b', b, 'a positive prior shape');
}

function checkCounts(x: number, n: number): void {
  if (!(Number.isInteger(n) && n >= 0)) throw new InputError('n', n, 'a whole number ≥ 0');
  if (!(Number.isInteger(x) && x >= 0 && x <= n))
    throw new InputError('x', x, `a whole number of responses in [0, n = ${n}]`);
}

/**
 * Beta–binomial posterior of a single-arm response rate: prior beta(a, b), x responses in n →
 * beta(a + x, b + n − x); its mean, equal-tailed credible interval and P(p > p0 | x, n)
 * (Spiegelhalter DJ, Abrams KR, Myles JP. Bayesian Approaches to Clinical Trials and
 * Health-Care Evaluation, 2004, §3.3).
 * @example betaBinomialPosterior(16, 23, 0.6, { a: 0.6, b: 0.4 }).pAbove // 0.83598
 */
export function betaBinomialPosterior(
  x: number,
  n: number,
  p0: number,
  prior: BetaPrior = {},
  level = 0.95,
): BetaPosterior {
  const { a = 1, b = 1 } = prior;
  checkPrior(a, b);
  checkCounts(x, n);
  if (!(p0 >= 0 && p0 <= 1)) throw new InputError('p0', p0, 'a rate in [0, 1]');
  if (!(level > 0 && level < 1)) throw new InputError('level', level, 'a level in (0, 1)');
  const pa = a + x;
  const pb = b + n - x;
  return freeze({
    a: pa,
    b: pb,
    mean: pa / (pa + pb),
    credible: {
      lower: betaQuantile((1 - level) / 2, pa, pb),
      upper: betaQuantile((1 + level) / 2, pa, pb),
      level,
    },
    pAbove: betaSf(p0, pa, pb),
    p0,
  });
}

/**
 * Beta–binomial predictive probabilities of y = 0..m future responses given beta(a, b):
 * P(y) = C(m, y) B(a + y, b + m − y) / B(a, b).
 */
export function betaBinomialPmf(m: number, a: number, b: number): number[] {
  const out: number[] = [];
  let logC = 0;
  for (let y = 0; y <= m; y += 1) {
    if (y > 0) logC += Math.log((m - y + 1) / y);
    out.push(Math.exp(logC + logBeta(a + y, b + m - y) - logBeta(a, b)));
  }
  return out;
}

import { InputError } from '../../errors.js';
import { chiSquareSf, normalCdf, normalSf } from '../dist/index.js';
import { freeze, type Alternative, type TestResult } from '../types.js';
import { assertCounts } from './validate.js';

/**
 * Score (chi-square) test of H₀: π = p0 for x events in n trials, as R's one-sample
 * `prop.test(x, n, p0, correct)`:
 * X² = (|x − n·p0| − k)² / (n·p0·(1 − p0)) on 1 df, with Yates' k = min(½, |x − n·p0|) when
 * `correct` (default true, as R) and 0 otherwise. Two-sided: P(χ²₁ > X²); one-sided: the normal
 * tail of z = sign(x/n − p0)·√X² ('less': P(Z ≤ z), 'greater': P(Z ≥ z)).
 * Reference: Wilson EB (1927) JASA 22:209–212; Yates F (1934) JRSS Suppl 1:217–235; R `stats::prop.test`.
 * @example proportionTest(9, 22, { p0: 0.5 }).p // 0.5224313… (R: prop.test(9, 22)$p.value)
 */
export function proportionTest(
  x: number,
  n: number,
  options: { p0?: number; correct?: boolean; alternative?: Alternative } = {},
): TestResult {
  const { p0 = 0.5, correct = true, alternative = 'two-sided' } = options;
  assertCounts(x, n);
  if (typeof p0 !== 'number' || !(p0 > 0 && p0 < 1))
    throw new InputError('p0', p0, 'a probability strictly between 0 and 1');
  if (!['two-sided', 'less', 'greater'].includes(alternative))
    throw new InputError('alternative', alternative, 'one of two-sided, less, greater');
  const deviation = Math.abs(x - n * p0);
  const k = correct ? Math.min(0.5, deviation) : 0;
  const statistic = (deviation - k) ** 2 / (n * p0 * (1 - p0));
  let p: number;
  if (alternative === 'two-sided') p = chiSquareSf(statistic, 1);
  else {
    const z = Math.sign(x / n - p0) * Math.sqrt(statistic);
    p = alternative === 'less' ? normalCdf(z) : normalSf(z);
  }
  return freeze({
    name: correct
      ? '1-sample proportions test with continuity correction'
      : '1-sample proportions test without continuity correction',
    statistic,
    df: 1,
    p,
    alternative,
  });
}

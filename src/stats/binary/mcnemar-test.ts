import { InputError } from '../../errors.js';
import { chiSquareSf } from '../dist/index.js';
import { binomialTest } from '../proportion/binomial-test.js';
import { freeze, type Alternative, type TestResult } from '../types.js';
import { validatePairedTable, type PairedTable } from './paired-table.js';

export type McNemarMethod = 'asymptotic' | 'exact';

export interface McNemarResult extends TestResult {
  /** The discordant pairs b = firstOnly, c = secondOnly the test uses. */
  discordant: { firstOnly: number; secondOnly: number };
  warnings: string[];
}

/**
 * McNemar's test of marginal homogeneity (p1 = p2) for matched pairs, from the discordant pairs
 * b = firstOnly and c = secondOnly only (McNemar 1947, Psychometrika 12:153).
 * - `asymptotic` (default): X² = (|b − c| − k)² / (b + c) on 1 df, with k = 1 when `correct`
 *   (default true) and b ≠ c, else 0 — exactly R's `mcnemar.test(x, correct)`. Two-sided only.
 * - `exact`: under H₀, b | b + c ~ Bin(b + c, ½), so the p-value is `binom.test(b, b + c, 0.5)`
 *   (the exact conditional test; Agresti 2013, Categorical Data Analysis 3rd ed., §11.1);
 *   `alternative` 'greater' tests p1 > p2.
 * With no discordant pairs the statistic and p are NaN (as R), warned.
 * @example mcnemarTest({ both: 794, firstOnly: 150, secondOnly: 86, neither: 570 }, { correct: false }).statistic // 17.35593220338983 (Agresti 2007, Table 8.1: 17.36)
 */
export function mcnemarTest(
  table: PairedTable,
  options: { method?: McNemarMethod; correct?: boolean; alternative?: Alternative } = {},
): McNemarResult {
  validatePairedTable(table);
  const { method = 'asymptotic', correct = true, alternative = 'two-sided' } = options;
  const b = table.firstOnly;
  const c = table.secondOnly;
  const warnings: string[] = [];
  if (b + c === 0) warnings.push('no discordant pairs: McNemar’s test is undefined');
  if (method === 'exact') {
    const p = b + c === 0 ? NaN : binomialTest(b, b + c, { p0: 0.5, alternative }).p;
    return freeze({
      name: 'McNemar exact (binomial)',
      statistic: b,
      p,
      alternative,
      discordant: { firstOnly: b, secondOnly: c },
      warnings,
    });
  }
  if (method !== 'asymptotic') throw new InputError('method', method, 'one of asymptotic, exact');
  if (alternative !== 'two-sided')
    throw new InputError(
      'alternative',
      alternative,
      "'two-sided' for the asymptotic McNemar test (use method 'exact' for one-sided)",
    );
  const k = correct && b !== c ? 1 : 0;
  const statistic = b + c === 0 ? NaN : (Math.abs(b - c) - k) ** 2 / (b + c);
  const p = Number.isNaN(statistic) ? NaN : chiSquareSf(statistic, 1);
  return freeze({
    name: correct ? "McNemar's chi-squared with continuity correction" : "McNemar's chi-squared",
    statistic,
    df: 1,
    p,
    alternative,
    discordant: { firstOnly: b, secondOnly: c },
    warnings,
  });
}

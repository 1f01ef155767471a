import { chiSquareSf } from '../dist/index.js';
import { freeze } from '../types.js';
import { cells, validateTable, type TwoByTwo } from './table.js';

export interface ChiSquareResult {
  name: 'Pearson chi-square' | 'Pearson chi-square with Yates correction';
  statistic: number;
  df: 1;
  p: number;
}

/**
 * Pearson's chi-square test of independence for the 2×2 table, as R's chisq.test:
 * X² = Σ (|O − E| − Y)² / E with E = row total × column total / N, and Y = 0, or with
 * `correct` Yates' Y = min(0.5, |O − E|) (Yates 1934, J R Stat Soc Suppl 1:217).
 * p = P[χ²₁ > X²] (upper tail computed directly, as pchisq(lower.tail = FALSE)).
 * Returns null when a row or column total is zero (the statistic is then undefined; R gives NaN).
 * @example chiSquareTest({ events1: 15, n1: 50, events2: 9, n2: 50 })?.statistic // 1.973684210526316
 */
export function chiSquareTest(
  table: TwoByTwo,
  options: { correct?: boolean } = {},
): ChiSquareResult | null {
  validateTable(table);
  const { correct = false } = options;
  const [a, b, c, d] = cells(table);
  const n = a + b + c + d;
  const rows = [a + b, c + d];
  const cols = [a + c, b + d];
  if (rows.includes(0) || cols.includes(0)) return null;
  const observed = [a, b, c, d];
  const expected = [
    (rows[0] * cols[0]) / n,
    (rows[0] * cols[1]) / n,
    (rows[1] * cols[0]) / n,
    (rows[1] * cols[1]) / n,
  ];
  let yates = 0;
  if (correct) yates = Math.min(0.5, ...observed.map((o, i) => Math.abs(o - expected[i])));
  let statistic = 0;
  for (let i = 0; i < 4; i++)
    statistic += (Math.abs(observed[i] - expected[i]) - yates) ** 2 / expected[i];
  return freeze({
    name: correct
      ? ('Pearson chi-square with Yates correction' as const)
      : ('Pearson chi-square' as const),
    statistic,
    df: 1 as const,
    p: chiSquareSf(statistic, 1),
  });
}

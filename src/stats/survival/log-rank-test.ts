import { chiSquareSf } from '../dist/chi-square.js';
import { freeze } from '../types.js';
import {
  fixTimes,
  resolveArms,
  riskTable,
  strataOf,
  validateRecords,
  type SurvivalRecord,
} from './survival-records.js';

export interface LogRankResult {
  arms: [string, string];
  observed: [number, number];
  expected: [number, number];
  /** O − E in arm 1, and the hypergeometric variance V (summed over strata). */
  oMinusE: number;
  v: number;
  z: number;
  chiSq: number;
  df: 1;
  p: number;
  stratified: boolean;
  strata: number;
  warnings: string[];
}

/**
 * Log-rank test of two arms (stratified when records carry a stratum): at each distinct event
 * time, E₁ += d·n₁/n and V += d(n − d)n₁n₂/(n²(n − 1)); χ² = (O₁ − E₁)²/V on 1 df, as
 * `survdiff(Surv(time, status) ~ arm [+ strata(s)])` (rho = 0).
 *
 * Reference: Peto R, Peto J. J R Stat Soc A 1972;135:185–207; Mantel N. Cancer Chemother Rep 1966;50:163–70.
 * @example logRankTest(records, { arms: ['treated', 'control'] }).p
 */
export function logRankTest(
  records: readonly SurvivalRecord[],
  options: { arms?: readonly [string, string] } = {},
): LogRankResult {
  validateRecords(records);
  const arms = resolveArms(records, options.arms);
  const fixed = fixTimes(records);
  const strata = strataOf(records);
  const observed: [number, number] = [0, 0];
  const expected: [number, number] = [0, 0];
  let v = 0;
  for (const stratum of strata) {
    const rows = riskTable(
      fixed.filter((r) => r.stratum === stratum),
      arms[0],
      arms[1],
    );
    for (const row of rows) {
      const d = row.events[0] + row.events[1];
      if (d === 0) continue;
      const n = row.atRisk[0] + row.atRisk[1];
      observed[0] += row.events[0];
      observed[1] += row.events[1];
      expected[0] += (d * row.atRisk[0]) / n;
      expected[1] += (d * row.atRisk[1]) / n;
      if (n > 1) v += (d * (n - d) * row.atRisk[0] * row.atRisk[1]) / (n * n * (n - 1));
    }
  }
  const oMinusE = observed[0] - expected[0];
  const chiSq = v > 0 ? (oMinusE * oMinusE) / v : NaN;
  return freeze({
    arms,
    observed,
    expected,
    oMinusE,
    v,
    z: oMinusE / Math.sqrt(v),
    chiSq,
    df: 1 as const,
    p: Number.isNaN(chiSq) ? NaN : chiSquareSf(chiSq, 1),
    stratified: strata.length > 1,
    strata: strata.length,
    warnings: v > 0 ? [] : ['no information (V = 0): the log-rank test is not defined'],
  });
}

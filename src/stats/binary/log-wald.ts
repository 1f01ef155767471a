import { degenerateWarning, notEstimable, type BinaryEstimate } from './binary-estimate.js';
import { messages, warning, type Warning } from '../warnings.js';
import { cells, degeneracy, type Correction, type TwoByTwo } from './table.js';

/**
 * Shared core of the Katz (RR) and Woolf (OR) intervals: exp(log θ̂ ± z·SE) on a table whose
 * four cells get `correction` added when any cell is zero (metafor::escalc's default
 * add = 1/2, to = "only0"). With `correction: 'none'` a zero that makes the log ratio or its
 * variance undefined makes the result `estimable: false` instead of NaN.
 * `logRatio` and `variance` receive the (possibly corrected) cells a, b, c, d.
 */
export function logWald(
  table: TwoByTwo,
  measure: 'RR' | 'OR',
  method: string,
  z: number,
  level: number,
  correction: Correction,
  logRatio: (a: number, b: number, c: number, d: number) => number,
  variance: (a: number, b: number, c: number, d: number) => number,
  undefinedWithout: (a: number, b: number, c: number, d: number) => boolean,
): BinaryEstimate {
  let [a, b, c, d] = cells(table);
  const coded: Warning[] = [];
  const degenerate = degeneracy(table);
  if (degenerate) coded.push(degenerateWarning(degenerate, measure));
  const hasZero = a === 0 || b === 0 || c === 0 || d === 0;
  let added: number | null = null;
  if (hasZero && correction !== 'none' && correction > 0) {
    a += correction;
    b += correction;
    c += correction;
    d += correction;
    added = correction;
    coded.push(warning('zero-cell-corrected', { correction, measure }));
  }
  if (hasZero && added === null && undefinedWithout(a, b, c, d)) {
    coded.push(warning('zero-cell-not-estimable', { method, measure }));
    return notEstimable(measure, method, level, coded);
  }
  const log = logRatio(a, b, c, d);
  const se = Math.sqrt(variance(a, b, c, d));
  return {
    measure,
    estimable: true,
    estimate: Math.exp(log),
    se,
    seLog: se,
    ci: { lower: Math.exp(log - z * se), upper: Math.exp(log + z * se), level, method },
    correction: added,
    warnings: messages(coded),
    codedWarnings: coded,
  };
}

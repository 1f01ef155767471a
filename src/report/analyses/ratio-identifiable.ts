import type { BinaryEstimate } from '../../stats/binary/binary-estimate.js';

/** Codes of the tables (no events in either arm, or all) that carry no information on a ratio. */
const NOT_IDENTIFIABLE = new Set(['no-events-either-arm', 'all-events-both-arms']);

/**
 * Whether an RR or OR says something about the data: false when it was not estimable, or when
 * the table has no events (or only events) in both arms, where a zero-cell correction still
 * gives a number (0/15 vs 0/23 → RR 1.50 (0.03 to 71.8)) that the data cannot support. Reports
 * print such rows as "Not estimable", as RevMan does. RDs are always identifiable.
 * @example ratioIdentifiable(riskRatio({ a: 0, b: 15, c: 0, d: 23 })) // false
 */
export function ratioIdentifiable(result: BinaryEstimate): boolean {
  if (!result.estimable || result.estimate === null) return false;
  if (result.measure === 'RD') return true;
  return !result.codedWarnings.some((w) => NOT_IDENTIFIABLE.has(w.code));
}

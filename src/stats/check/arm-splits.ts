import { InputError } from '../../errors.js';
import { freeze } from '../types.js';
import { percentCounts } from './percent-counts.js';
import { parseReported, type ReportedValue } from './reported-value.js';

export interface ArmSplit {
  /** Arm sizes, in the order of the percentages; they add up to the total. */
  sizes: number[];
  /** For each arm, the whole counts that print as its percentage. */
  counts: number[][];
}

export interface ArmSplitsResult {
  total: number;
  /** Every split of the total into arms (each ≥ 1) under which every percentage is a whole count of its arm. */
  splits: ArmSplit[];
  consistent: boolean;
}

/** Most arms enumerated (the number of splits grows as total^(arms − 1)). */
const MAX_ARMS = 4;

/**
 * Arm sizes against a total: when a source prints one percentage per arm ("60 % of those
 * given RAY121 versus 30 % of those given placebo") and only the total (40 volunteers), which
 * splits of the total let every percentage be k/nᵢ for a whole k (at its printed precision,
 * as percentCounts)? Every composition n₁ + … + n_a = total with nᵢ ≥ 1 is tried.
 * @example armSplits(['60', '30'], 40).splits.map((s) => s.sizes) // [[10, 30], [20, 20], [30, 10]]
 */
export function armSplits(
  percents: readonly (string | number | ReportedValue)[],
  total: number,
): ArmSplitsResult {
  if (percents.length < 2 || percents.length > MAX_ARMS)
    throw new InputError('percents', percents.length, `2 to ${MAX_ARMS} percentages, one per arm`);
  if (!Number.isInteger(total) || total < percents.length)
    throw new InputError(
      'total',
      total,
      `a whole number ≥ the number of arms (${percents.length})`,
    );
  const reported = percents.map((p) => (typeof p === 'object' ? p : parseReported(p)));
  const fits = new Map<string, number[]>();
  const countsFor = (arm: number, n: number): number[] => {
    const key = `${arm}|${n}`;
    if (!fits.has(key)) fits.set(key, percentCounts(reported[arm], n).counts);
    return fits.get(key)!;
  };
  const splits: ArmSplit[] = [];
  const walk = (arm: number, left: number, sizes: number[]): void => {
    if (arm === reported.length - 1) {
      const all = [...sizes, left];
      const counts = all.map((n, i) => countsFor(i, n));
      if (counts.every((c) => c.length > 0)) splits.push({ sizes: all, counts });
      return;
    }
    for (let n = 1; n <= left - (reported.length - 1 - arm); n++)
      walk(arm + 1, left - n, [...sizes, n]);
  };
  walk(0, total, []);
  return freeze({ total, splits, consistent: splits.length > 0 });
}

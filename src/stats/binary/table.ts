import { InputError } from '../../errors.js';
import type { Alternative } from '../types.js';

/**
 * A two-arm binary outcome: arm 1 (experimental) has `events1` of `n1`, arm 2
 * (comparator) `events2` of `n2`. Every comparison reads "arm 1 versus arm 2".
 */
export interface TwoByTwo {
  events1: number;
  n1: number;
  events2: number;
  n2: number;
}

/** Zero-cell correction for ratio measures: a number added to all four cells, or `'none'`. */
export type Correction = number | 'none';

/**
 * Checks a 2×2 table: whole numbers, n ≥ 1, 0 ≤ events ≤ n. Throws InputError naming the field.
 * @example validateTable({ events1: 3, n1: 10, events2: 1, n2: 10 }) // returns the table
 */
export function validateTable(table: TwoByTwo): TwoByTwo {
  for (const key of ['events1', 'n1', 'events2', 'n2'] as const) {
    const value = table[key];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
      throw new InputError(key, value, 'a whole number ≥ 0');
    }
  }
  if (table.n1 < 1) throw new InputError('n1', table.n1, 'a whole number ≥ 1');
  if (table.n2 < 1) throw new InputError('n2', table.n2, 'a whole number ≥ 1');
  if (table.events1 > table.n1)
    throw new InputError('events1', table.events1, `at most n1 = ${table.n1}`);
  if (table.events2 > table.n2)
    throw new InputError('events2', table.events2, `at most n2 = ${table.n2}`);
  return table;
}

/** Checks a confidence level in (0, 1). */
export function validateLevel(level: number): number {
  if (!(typeof level === 'number' && level > 0 && level < 1))
    throw new InputError('level', level, 'a level in (0, 1)');
  return level;
}

/** Checks a zero-cell correction: `'none'` or a number ≥ 0. */
export function validateCorrection(correction: Correction): Correction {
  if (correction === 'none') return correction;
  if (!(typeof correction === 'number' && correction >= 0 && Number.isFinite(correction))) {
    throw new InputError('correction', correction, "a number ≥ 0 or 'none'");
  }
  return correction;
}

/** The four cells a = events1, b = n1 − events1, c = events2, d = n2 − events2. */
export function cells(table: TwoByTwo): [number, number, number, number] {
  return [table.events1, table.n1 - table.events1, table.events2, table.n2 - table.events2];
}

/** Describes the degenerate tables the ratio measures must treat explicitly. */
export function degeneracy(table: TwoByTwo): 'no-events' | 'all-events' | undefined {
  if (table.events1 === 0 && table.events2 === 0) return 'no-events';
  if (table.events1 === table.n1 && table.events2 === table.n2) return 'all-events';
  return undefined;
}

/**
 * Normal critical value for a confidence level: z_{1 − α/2} for a two-sided interval,
 * z_{1 − α} for a one-sided one (`less` / `greater`), α = 1 − level.
 */
export function zCritical(
  level: number,
  normalQuantile: (p: number) => number,
  alternative: Alternative = 'two-sided',
): number {
  return alternative === 'two-sided' ? normalQuantile(1 - (1 - level) / 2) : normalQuantile(level);
}

/** Checks `alternative`: two-sided, less or greater. */
export function validateAlternative(alternative: Alternative): Alternative {
  if (alternative !== 'two-sided' && alternative !== 'less' && alternative !== 'greater') {
    throw new InputError('alternative', alternative, 'one of two-sided, less, greater');
  }
  return alternative;
}

/**
 * A one-sided interval keeps the limit on the alternative's side and opens the other at the
 * parameter's bound (−1 / 0 below, 1 / ∞ above), as fisher.test's one-sided intervals do:
 * `less` gives (bound, upper], `greater` [lower, bound).
 */
export function oneSided<T extends { lower: number | null; upper: number | null }>(
  ci: T,
  alternative: Alternative,
  bounds: [number, number],
): T {
  if (alternative === 'less' && ci.upper !== null) return { ...ci, lower: bounds[0] };
  if (alternative === 'greater' && ci.lower !== null) return { ...ci, upper: bounds[1] };
  return ci;
}

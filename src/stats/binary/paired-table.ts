import { InputError } from '../../errors.js';

/**
 * A matched-pairs binary outcome: each of n pairs (or each patient measured twice) is counted by
 * its two results. `both` = event under condition 1 and 2, `firstOnly` = event under 1 only,
 * `secondOnly` = event under 2 only, `neither`. The discordant pairs are `firstOnly` and
 * `secondOnly`. Proportions: p1 = (both + firstOnly)/n, p2 = (both + secondOnly)/n.
 */
export interface PairedTable {
  both: number;
  firstOnly: number;
  secondOnly: number;
  neither: number;
}

/**
 * Checks a paired table: whole numbers ≥ 0, at least one pair. Throws InputError naming the field.
 * @example validatePairedTable({ both: 10, firstOnly: 5, secondOnly: 1, neither: 20 }) // returns the table
 */
export function validatePairedTable(table: PairedTable): PairedTable {
  for (const key of ['both', 'firstOnly', 'secondOnly', 'neither'] as const) {
    const value = table[key];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
      throw new InputError(key, value, 'a whole number ≥ 0');
  }
  if (table.both + table.firstOnly + table.secondOnly + table.neither < 1) {
    throw new InputError('neither', table.neither, 'at least one pair in the table');
  }
  return table;
}

import { InputError } from '../../errors.js';

/** x events out of n trials: whole numbers with 0 ≤ x ≤ n and n ≥ 1. */
export function assertCounts(x: number, n: number): void {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1)
    throw new InputError('n', n, 'a whole number ≥ 1');
  if (typeof x !== 'number' || !Number.isInteger(x) || x < 0)
    throw new InputError('events', x, 'a whole number ≥ 0');
  if (x > n) throw new InputError('events', x, `at most n (${n})`);
}

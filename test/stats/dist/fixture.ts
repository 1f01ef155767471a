import { readFileSync } from 'node:fs';

/** Reads test/reference/fixtures/dist.json (written by test/reference/dist.R). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const fixture: any = JSON.parse(
  readFileSync(new URL('../../reference/fixtures/dist.json', import.meta.url), 'utf8'),
);

/** Decodes a fixture number: finite numbers as is, "Inf"/"-Inf"/"NaN" as strings. */
export function num(value: number | string): number {
  if (typeof value === 'number') return value;
  if (value === 'Inf') return Infinity;
  if (value === '-Inf') return -Infinity;
  if (value === 'NaN' || value === 'NA') return NaN;
  throw new Error(`not a fixture number: ${value}`);
}

/** Decodes a fixture array. */
export function nums(values: Array<number | string>): number[] {
  return values.map(num);
}

/**
 * Relative tolerance used against R: 1e-12 in the bulk, 1e-9 for tail values below 1e-100
 * (where R's own algorithms and ours both lose a few digits to exp/log of large arguments).
 */
export function tolFor(expected: number): number {
  return Math.abs(expected) < 1e-100 ? 1e-9 : 1e-12;
}

import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { expectClose } from '../../support/close.js';

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

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Fn = (...args: any[]) => number;

/** Fixture columns `keys` of row i, decoded. */
export function rowArgs(
  table: Record<string, Array<number | string>>,
  keys: string[],
  i: number,
): number[] {
  return keys.map((key) => num(table[key][i]));
}

/**
 * Asserts cdf and sf against the fixture's `cdf`/`sf` columns: relative `relTol` for values
 * ≥ 1e-300; below that (subnormal results) an absolute 1e-310.
 */
export function checkTails(
  table: Record<string, Array<number | string>>,
  keys: string[],
  cdf: Fn,
  sf: Fn,
  relTol: number,
): void {
  const n = table.cdf.length;
  for (let i = 0; i < n; i++) {
    const args = rowArgs(table, keys, i);
    const expCdf = num(table.cdf[i]);
    const expSf = num(table.sf[i]);
    expectClose(cdf(...args), expCdf, relTol, expCdf < 1e-300 ? 1e-310 : 0, `cdf(${args})`);
    expectClose(sf(...args), expSf, relTol, expSf < 1e-300 ? 1e-310 : 0, `sf(${args})`);
  }
}

/**
 * Checks a quantile q(p, ...params) against R. Where R's quantile is within 1e-13 (relative) of the
 * exact root of R's own cdf (fixture column `rt`, see dist.R), it is the reference: relative `relTol`, absolute 1e-15
 * near 0 (e.g. qt(0.5, df) is 2.6e-16 in R). Elsewhere R's quantile is inaccurate (qt in the far
 * tails for small df, qf below ~1e-17, quantiles next to 1 of beta), and we require instead that
 * our quantile solves our (R-verified) cdf: |tail(q)/target − 1| ≤ 1e-12, or the exact root lies
 * within 1e-14 relative of q (where the tail is too steep in x for a 1e-12 round trip).
 */
export function checkQuantiles(
  table: Record<string, Array<number | string>>,
  keys: string[],
  quantile: Fn,
  cdf: Fn,
  sf: Fn,
  relTol: number,
): void {
  const n = table.q.length;
  let reference = 0;
  for (let i = 0; i < n; i++) {
    const [p, ...params] = rowArgs(table, ['p', ...keys], i);
    const expected = num(table.q[i]);
    const ours = quantile(p, ...params);
    const label = `quantile(${p}, ${params})`;
    const rExact =
      num(table.rt[i]) <= 1e-13 ||
      ((!Number.isFinite(expected) || expected === 0) && ours === expected);
    if (rExact) {
      reference++;
      expectClose(ours, expected, relTol, 1e-15, label);
      continue;
    }
    const upper = p > 0.5;
    const target = upper ? 1 - p : p;
    const tail = (x: number): number => (upper ? sf(x, ...params) : cdf(x, ...params));
    const roundTrip = Math.abs(tail(ours) / target - 1);
    const a = tail(ours * (1 - 1e-14));
    const b = tail(ours * (1 + 1e-14));
    const bracketed = (a - target) * (b - target) <= 0;
    expect(
      roundTrip <= 1e-12 || bracketed,
      `${label} = ${ours}: round trip error ${roundTrip}, R gave ${expected}`,
    ).toBe(true);
  }
  // Most of the grid must be checked against R itself.
  expect(reference).toBeGreaterThan(0.6 * n);
}

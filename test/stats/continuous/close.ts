import { readFileSync } from 'node:fs';
import { expectClose as expectCloseNumber } from '../../support/close.js';

/** Decodes the fixtures' encoding of non-finite numbers ("Inf", "-Inf", "NaN"). */
export function decode(value: number | string): number {
  if (value === 'Inf') return Infinity;
  if (value === '-Inf') return -Infinity;
  if (value === 'NaN') return NaN;
  return value as number;
}

/** The shared expectClose (test/support/close.ts) on a fixture value that may be encoded. */
export function expectClose(
  actual: number,
  expected: number | string,
  relTol: number,
  absTol = 0,
  label = '',
): void {
  expectCloseNumber(actual, decode(expected), relTol, absTol, label);
}

/** Reads a fixture written by test/reference/<area>.R. */
export function readFixture<T>(area: string): T {
  return JSON.parse(readFileSync(`test/reference/fixtures/${area}.json`, 'utf8')) as T;
}

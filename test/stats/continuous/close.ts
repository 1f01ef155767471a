import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

/** Decodes the fixtures' encoding of non-finite numbers ("Inf", "-Inf", "NaN"). */
export function decode(value: number | string): number {
  if (value === 'Inf') return Infinity;
  if (value === '-Inf') return -Infinity;
  if (value === 'NaN') return NaN;
  return value as number;
}

/**
 * Asserts |actual − expected| <= relTol·|expected|. Infinite values must match exactly.
 * `absFloor` (default 0) is an absolute tolerance for values that are ~0, where a
 * relative tolerance is meaningless; callers pass it only there and say why.
 */
export function expectClose(actual: number, expected: number | string, relTol: number, absFloor = 0, label = ''): void {
  const want = decode(expected);
  if (!Number.isFinite(want)) {
    expect(actual, label).toBe(want);
    return;
  }
  const diff = Math.abs(actual - want);
  const allowed = Math.max(relTol * Math.abs(want), absFloor);
  if (!(diff <= allowed)) {
    throw new Error(`${label}: expected ${want}, got ${actual} (diff ${diff}, allowed ${allowed})`);
  }
}

/** Reads a fixture written by test/reference/<area>.R. */
export function readFixture<T>(area: string): T {
  return JSON.parse(readFileSync(`test/reference/fixtures/${area}.json`, 'utf8')) as T;
}

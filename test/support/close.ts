import { expect } from 'vitest';

/**
 * Asserts |actual − expected| ≤ max(relTol·|expected|, absTol). Infinite and zero expectations
 * must be matched exactly (unless absTol allows a tiny non-zero actual), NaN only by NaN.
 * The message shows both numbers at full precision and the relative error.
 */
export function expectClose(
  actual: number,
  expected: number,
  relTol: number,
  absTol = 0,
  label = '',
): void {
  const where = label ? `${label}: ` : '';
  if (Number.isNaN(expected) || !Number.isFinite(expected)) {
    expect(actual, `${where}expected ${expected}, got ${actual}`).toBe(expected);
    return;
  }
  const diff = Math.abs(actual - expected);
  const allowed = Math.max(relTol * Math.abs(expected), absTol);
  const rel = expected === 0 ? diff : diff / Math.abs(expected);
  expect(
    diff <= allowed,
    `${where}expected ${expected}, got ${actual} (relative error ${rel.toExponential(2)}, allowed ${relTol})`,
  ).toBe(true);
}

import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { normalCdf, normalQuantile } from '../../../src/stats/dist/normal.js';
import { tCdf, tQuantile, tSf } from '../../../src/stats/dist/student-t.js';
import { expectClose } from '../../support/close.js';
import { checkQuantiles, checkTails, fixture } from './fixture.js';

describe('Student t against R pt/qt', () => {
  it('cdf and sf match pt(lower.tail = TRUE/FALSE) to 1e-12 relative (df 0.1 … 1e7, |x| to 1e100)', () => {
    checkTails(fixture.t, ['x', 'df'], tCdf, tSf, 1e-12);
  });

  it('quantile matches qt to 1e-12 relative where qt is accurate, else solves our cdf', () => {
    checkQuantiles(fixture.tQuantile, ['df'], tQuantile, tCdf, tSf, 1e-12);
  });

  it('keeps far-tail p-values positive (issue examples)', () => {
    expectClose(tSf(40, 3), 1.719034039457927e-5, 1e-12);
    expect(tSf(1e100, 3)).toBeGreaterThan(0);
  });

  it('df = Infinity is the normal distribution; huge df is fast and close to it', () => {
    expect(tCdf(1.3, Infinity)).toBe(normalCdf(1.3));
    expect(tQuantile(0.975, Infinity)).toBe(normalQuantile(0.975));
    const start = performance.now();
    for (let i = 0; i < 200; i++) tSf(1 + i / 50, 1e7);
    expect(performance.now() - start).toBeLessThan(500);
    // |P_t − P_normal| = O(1/df): R's pt uses this normal limit above df = 4e5.
    expectClose(tSf(2, 1e7), 0.022750145445921473, 1e-6);
  });

  it('handles the boundaries like R', () => {
    expect(tCdf(-Infinity, 3)).toBe(0);
    expect(tSf(Infinity, 3)).toBe(0);
    expect(tCdf(0, 3)).toBe(0.5);
    expect(tQuantile(0, 3)).toBe(-Infinity);
    expect(tQuantile(1, 3)).toBe(Infinity);
    expect(tQuantile(0.5, 3)).toBe(0);
    expect(tQuantile(1e-300, 0.5)).toBe(-Infinity);
  });

  it('rejects invalid arguments with InputError', () => {
    expect(() => tCdf(1, 0)).toThrow(InputError);
    expect(() => tCdf(1, -2)).toThrow(InputError);
    expect(() => tCdf(NaN, 2)).toThrow(InputError);
    expect(() => tQuantile(1.5, 2)).toThrow(InputError);
  });
});

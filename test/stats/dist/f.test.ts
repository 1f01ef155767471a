import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { chiSquareCdf, chiSquareQuantile } from '../../../src/stats/dist/chi-square.js';
import { fCdf, fQuantile, fSf } from '../../../src/stats/dist/f.js';
import { expectClose } from '../../support/close.js';
import { checkQuantiles, checkTails, fixture } from './fixture.js';

describe('F against R pf/qf', () => {
  it('cdf and sf match pf to 1e-12 relative (df 0.3 … 1e7)', () => {
    checkTails(fixture.f, ['x', 'df1', 'df2'], fCdf, fSf, 1e-12);
  });

  it('quantile matches qf to 1e-12 relative where qf is accurate, else solves our cdf', () => {
    // qf(p, ...) returns 0 for small quantiles (it computes 1/qbeta − 1): those rows use our round trip.
    checkQuantiles(fixture.fQuantile, ['df1', 'df2'], fQuantile, fCdf, fSf, 1e-12);
  });

  it('infinite df reduce to chi-square', () => {
    expectClose(fCdf(1.7, 3, Infinity), chiSquareCdf(5.1, 3), 1e-14);
    expectClose(fSf(0.5, Infinity, 4), chiSquareCdf(8, 4), 1e-14);
    expectClose(fQuantile(0.9, 3, Infinity), chiSquareQuantile(0.9, 3) / 3, 1e-14);
    expectClose(fCdf(fQuantile(0.2, Infinity, 4), Infinity, 4), 0.2, 1e-13);
  });

  it('stays accurate at subnormal and near-overflow x (40-digit mpmath 1.3 values)', () => {
    // u = df1·x/(df1·x + df2) underflows here; the leading series term takes over.
    expectClose(fCdf(1e-310, 0.2, 3), 8.0836458197546446204e-32, 1e-13);
    expectClose(fSf(1e300, 3, 0.1), 8.6915769446646506439e-16, 1e-13);
    // Quantiles below the smallest double are 0, above the largest Infinity (as R's convention).
    expect(fQuantile(1e-154, 0.1179, 1728577)).toBe(0);
    expect(fQuantile(0.9999999999994655, 649.83, 0.0779)).toBe(Infinity);
  });

  it('handles the boundaries like R', () => {
    expect(fCdf(0, 3, 4)).toBe(0);
    expect(fSf(Infinity, 3, 4)).toBe(0);
    expect(fQuantile(0, 3, 4)).toBe(0);
    expect(fQuantile(1, 3, 4)).toBe(Infinity);
  });

  it('rejects invalid arguments with InputError', () => {
    expect(() => fCdf(1, 0, 3)).toThrow(InputError);
    expect(() => fCdf(1, 3, -1)).toThrow(InputError);
    expect(() => fQuantile(2, 3, 3)).toThrow(InputError);
  });
});

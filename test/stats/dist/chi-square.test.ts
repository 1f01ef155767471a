import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import {
  chiSquareCdf,
  chiSquareQuantile,
  chiSquareSf,
} from '../../../src/stats/dist/chi-square.js';
import { expectClose } from '../../support/close.js';
import { checkQuantiles, checkTails, fixture } from './fixture.js';

describe('chi-square against R pchisq/qchisq', () => {
  it('cdf and sf match pchisq to 1e-12 relative (df 0.05 … 1e7, tails to 1e-309)', () => {
    checkTails(fixture.chiSquare, ['x', 'df'], chiSquareCdf, chiSquareSf, 1e-12);
  });

  it('quantile matches qchisq to 1e-12 relative where qchisq is accurate, else solves our cdf', () => {
    checkQuantiles(
      fixture.chiSquareQuantile,
      ['df'],
      chiSquareQuantile,
      chiSquareCdf,
      chiSquareSf,
      1e-12,
    );
  });

  it('is fast for df = 1e7', () => {
    const start = performance.now();
    for (let i = 0; i < 50; i++) chiSquareSf(1e7 + 1000 * i, 1e7);
    expect(performance.now() - start).toBeLessThan(1000);
  });

  it('handles the boundaries like R', () => {
    expect(chiSquareCdf(0, 3)).toBe(0);
    expect(chiSquareSf(-1, 3)).toBe(1);
    expect(chiSquareSf(Infinity, 3)).toBe(0);
    expect(chiSquareQuantile(0, 3)).toBe(0);
    expect(chiSquareQuantile(1, 3)).toBe(Infinity);
    // exp(−750) underflows in R too.
    expect(chiSquareSf(1500, 2)).toBe(0);
    expectClose(chiSquareSf(1400, 2), Math.exp(-700), 1e-12);
  });

  it('rejects invalid arguments with InputError', () => {
    expect(() => chiSquareCdf(1, 0)).toThrow(InputError);
    expect(() => chiSquareQuantile(-0.1, 2)).toThrow(InputError);
    expect(() => chiSquareSf(NaN, 2)).toThrow(InputError);
  });
});

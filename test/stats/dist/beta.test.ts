import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { betaCdf, betaQuantile, betaSf } from '../../../src/stats/dist/beta.js';
import { checkQuantiles, checkTails, fixture } from './fixture.js';

describe('beta against R pbeta/qbeta', () => {
  it('cdf and sf match pbeta to 1e-12 relative (shapes 0.01 … 1e5, x from 1e-300)', () => {
    checkTails(fixture.beta, ['x', 'a', 'b'], betaCdf, betaSf, 1e-12);
  });

  it('quantile matches qbeta to 1e-12 relative where qbeta is accurate, else solves our cdf', () => {
    checkQuantiles(fixture.betaQuantile, ['a', 'b'], betaQuantile, betaCdf, betaSf, 1e-12);
  });

  it('handles the boundaries like R', () => {
    expect(betaCdf(-1, 2, 3)).toBe(0);
    expect(betaCdf(0, 2, 3)).toBe(0);
    expect(betaCdf(1, 2, 3)).toBe(1);
    expect(betaSf(1, 2, 3)).toBe(0);
    expect(betaSf(2, 2, 3)).toBe(0);
    expect(betaQuantile(0, 2, 3)).toBe(0);
    expect(betaQuantile(1, 2, 3)).toBe(1);
  });

  it('rejects invalid arguments with InputError', () => {
    expect(() => betaCdf(0.5, 0, 1)).toThrow(InputError);
    expect(() => betaCdf(0.5, 1, Infinity)).toThrow(InputError);
    expect(() => betaQuantile(-1, 1, 1)).toThrow(InputError);
  });
});

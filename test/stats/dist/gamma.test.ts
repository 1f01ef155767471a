import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { gammaCdf, gammaQuantile, gammaSf } from '../../../src/stats/dist/gamma.js';
import { expectClose } from '../../support/close.js';
import { checkQuantiles, checkTails, fixture, num } from './fixture.js';

describe('gamma against R pgamma/qgamma', () => {
  it('cdf and sf match pgamma to 1e-12 relative (shape 0.01 … 1e5)', () => {
    checkTails(
      fixture.gamma,
      ['x', 'shape'],
      (x, a) => gammaCdf(x, a),
      (x, a) => gammaSf(x, a),
      1e-12,
    );
  });

  it('quantile matches qgamma to 1e-12 relative where qgamma is accurate, else solves our cdf', () => {
    checkQuantiles(
      fixture.gammaQuantile,
      ['shape'],
      (p, a) => gammaQuantile(p, a),
      (x, a) => gammaCdf(x, a),
      (x, a) => gammaSf(x, a),
      1e-12,
    );
  });

  it('supports a scale parameter', () => {
    const s = fixture.gamma.scaled;
    expectClose(gammaCdf(s.x, s.shape, s.scale), num(s.cdf), 1e-13);
    expectClose(gammaSf(s.x, s.shape, s.scale), num(s.sf), 1e-13);
    expectClose(gammaQuantile(0.3, s.shape, s.scale), num(s.q), 1e-13);
  });

  it('handles the boundaries like R', () => {
    expect(gammaCdf(0, 2)).toBe(0);
    expect(gammaSf(-3, 2)).toBe(1);
    expect(gammaSf(Infinity, 2)).toBe(0);
    expect(gammaQuantile(0, 2)).toBe(0);
    expect(gammaQuantile(1, 2)).toBe(Infinity);
  });

  it('rejects invalid arguments with InputError', () => {
    expect(() => gammaCdf(1, 0)).toThrow(InputError);
    expect(() => gammaCdf(1, 2, 0)).toThrow(InputError);
    expect(() => gammaQuantile(1.1, 2)).toThrow(InputError);
  });
});

import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import {
  hypergeometricCdf,
  hypergeometricPmf,
  hypergeometricSf,
} from '../../../src/stats/dist/hypergeometric.js';
import { expectClose } from '../../support/close.js';
import { checkTails, fixture, num, rowArgs } from './fixture.js';

describe('hypergeometric against R dhyper/phyper', () => {
  it('pmf matches dhyper to 1e-12 relative (urns up to 3e6 balls)', () => {
    const f = fixture.hypergeometric;
    for (let i = 0; i < f.pmf.length; i++) {
      const args = rowArgs(f, ['x', 'm', 'n', 'k'], i);
      const expected = num(f.pmf[i]);
      expectClose(
        hypergeometricPmf(args[0], args[1], args[2], args[3]),
        expected,
        1e-12,
        expected < 1e-300 ? 1e-310 : 0,
        `dhyper(${args})`,
      );
    }
  });

  it('cdf and sf match phyper(lower.tail = TRUE/FALSE) to 1e-12 relative', () => {
    checkTails(
      fixture.hypergeometric,
      ['x', 'm', 'n', 'k'],
      hypergeometricCdf,
      hypergeometricSf,
      1e-12,
    );
  });

  it('gives the exact probabilities of a small urn', () => {
    // m = 3 white, n = 2 black, k = 2 drawn: P(X = 0, 1, 2) = 1/10, 6/10, 3/10.
    expectClose(hypergeometricPmf(0, 3, 2, 2), 0.1, 1e-15);
    expectClose(hypergeometricPmf(1, 3, 2, 2), 0.6, 1e-15);
    expectClose(hypergeometricPmf(2, 3, 2, 2), 0.3, 1e-15);
    expectClose(hypergeometricCdf(1, 3, 2, 2), 0.7, 1e-15);
    expectClose(hypergeometricSf(0, 3, 2, 2), 0.9, 1e-15);
  });

  it('handles the boundaries like R', () => {
    expect(hypergeometricPmf(4, 3, 2, 2)).toBe(0);
    expect(hypergeometricCdf(-1, 3, 2, 2)).toBe(0);
    expect(hypergeometricCdf(2, 3, 2, 2)).toBe(1);
    expect(hypergeometricSf(2, 3, 2, 2)).toBe(0);
    expect(hypergeometricPmf(0, 3, 2, 0)).toBe(1);
  });

  it('rejects invalid arguments with InputError', () => {
    expect(() => hypergeometricPmf(0.5, 3, 2, 2)).toThrow(InputError);
    expect(() => hypergeometricPmf(1, 3, 2, 6)).toThrow(InputError);
    expect(() => hypergeometricCdf(1, -3, 2, 2)).toThrow(InputError);
    expect(() => hypergeometricSf(1, 3, 2.5, 2)).toThrow(InputError);
  });
});

import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { normalCdf } from '../../../src/stats/dist/normal.js';
import {
  noncentralTCdf,
  noncentralTQuantile,
  noncentralTSf,
} from '../../../src/stats/dist/noncentral-t.js';
import { tCdf, tSf } from '../../../src/stats/dist/student-t.js';
import { chiSquareSf } from '../../../src/stats/dist/chi-square.js';
import { expectClose } from '../../support/close.js';
import { fixture, num, rowArgs } from './fixture.js';

describe('noncentral t against R pt(ncp =)/qt(ncp =)', () => {
  it('cdf and sf match R to 1e-9 relative, or R’s own absolute accuracy 2e-12 (|ncp| ≤ 37)', () => {
    // R's pnt (AS 243) stops at an absolute error bound of 1e-12 and forms the upper tail as
    // 1 − lower, so for small probabilities R itself is only accurate to ~1e-12 absolute; the
    // mpmath checks below pin our tails to 1e-12 relative.
    const f = fixture.noncentralT;
    for (let i = 0; i < f.cdf.length; i++) {
      const [x, df, ncp] = rowArgs(f, ['x', 'df', 'ncp'], i);
      expectClose(
        noncentralTCdf(x, df, ncp),
        num(f.cdf[i]),
        1e-9,
        2e-12,
        `pt(${x}, ${df}, ${ncp})`,
      );
      expectClose(
        noncentralTSf(x, df, ncp),
        num(f.sf[i]),
        1e-9,
        2e-12,
        `pt(${x}, ${df}, ${ncp}, lower = F)`,
      );
    }
  });

  it('matches independent quadrature (mpmath 1.3 at 40 digits, scipy) to 1e-12 relative, incl. tails R gets wrong', () => {
    // P(T > t) = ∫ Q(t u − δ) f(u) du with u = √(V/df), evaluated by mpmath.quad at 40 digits.
    // R 4.2.2: pt(10, 2.5, 37) = 1.24735438e-7 (6e-6 off), pt(60, 5, 2, lower = F) = 5.3954793e-7.
    expectClose(noncentralTCdf(10, 2.5, 37), 1.2473623780413608884e-7, 1e-12);
    expectClose(noncentralTSf(60, 5, 2), 5.3954750738157740027e-7, 1e-12);
    expectClose(noncentralTCdf(1, 1e5, 5), 3.1672245576123848398e-5, 1e-12);
    expectClose(noncentralTCdf(2, 10, 1.5), 0.6591540724421908154, 1e-14);
    expectClose(noncentralTCdf(3, 1, 10), 0.0015654022580025496775, 1e-12);
    expectClose(noncentralTSf(1.5, 4.5, -0.7), 0.027331831609087636604, 1e-12);
    // Beyond R's reliable range |ncp| > 37.62: the series starts at the Poisson mode.
    expectClose(noncentralTCdf(55, 10, 50), 0.60278543258134918613, 1e-12);
    expectClose(noncentralTSf(55, 10, 50), 0.39721456741865081387, 1e-12);
    expectClose(noncentralTCdf(40, 30, 45), 0.15482184983669269536, 1e-12);
    // Tails on the far side of ncp (integrated directly): R 4.2.2 gives 1.5646837e-9 for the first.
    expectClose(noncentralTSf(2, 3, -5), 1.5645373999149622153e-9, 1e-12);
    expectClose(noncentralTCdf(-3, 8, 2), 0.000020792706314472531006, 1e-12);
    expectClose(noncentralTCdf(-1, 20, 3), 0.000040615021270262874462, 1e-12);
    // Where the normal argument is large, mpmath's ncdf-based quadrature proved unstable (1e-11 …
    // 1e-8 between point sets); these two are scipy integrate.quad of f_U(u)·exp(log_ndtr(δ − t u))
    // (relative error estimates 2e-14): the first in u, the second (df = 1, U = |Z'|) in v.
    expectClose(noncentralTSf(3, 60, -10), 1.505214566644165e-36, 1e-12);
    expectClose(noncentralTSf(50, 1, -37), 2.46578043814553e-303, 1e-12);
  });

  it('quantile matches qt(ncp =) to 1e-9 relative for 0.01 ≤ p ≤ 0.99, and solves our cdf beyond', () => {
    const f = fixture.noncentralTQuantile;
    for (let i = 0; i < f.q.length; i++) {
      const [p, df, ncp] = rowArgs(f, ['p', 'df', 'ncp'], i);
      const ours = noncentralTQuantile(p, df, ncp);
      const label = `qt(${p}, ${df}, ${ncp})`;
      if (p >= 0.01 && p <= 0.99) {
        expectClose(ours, num(f.q[i]), 1e-9, 0, label);
        continue;
      }
      // R's qnt inverts its own pnt (1e-12 absolute) by bisection: at p = 1e-6 or 1 − 1e-6 its
      // quantile can be off by up to 1e-5 relative (df = 1). Ours solves our cdf to 1e-12.
      const tail = p < 0.5 ? noncentralTCdf(ours, df, ncp) : noncentralTSf(ours, df, ncp);
      expectClose(tail, p < 0.5 ? p : 1 - p, 1e-12, 0, label);
      expectClose(ours, num(f.q[i]), 1e-4, 0, label);
    }
  });

  it('reduces to the central t for ncp = 0 and to a shifted normal for df = Infinity', () => {
    expect(noncentralTCdf(1.3, 7, 0)).toBe(tCdf(1.3, 7));
    expect(noncentralTSf(1.3, 7, 0)).toBe(tSf(1.3, 7));
    expect(noncentralTCdf(1.3, Infinity, 0.4)).toBe(normalCdf(1.3, 0.4));
    expectClose(noncentralTCdf(0, 12, 1.7), normalCdf(-1.7), 1e-15);
  });

  it('handles the boundaries like R', () => {
    expect(noncentralTCdf(-Infinity, 5, 1)).toBe(0);
    expect(noncentralTSf(Infinity, 5, 1)).toBe(0);
    expect(noncentralTQuantile(0, 5, 1)).toBe(-Infinity);
    expect(noncentralTQuantile(1, 5, 1)).toBe(Infinity);
  });

  it('rejects invalid arguments with InputError', () => {
    expect(() => noncentralTCdf(1, 0, 1)).toThrow(InputError);
    expect(() => noncentralTCdf(1, 5, Infinity)).toThrow(InputError);
    expect(() => noncentralTSf(NaN, 5, 1)).toThrow(InputError);
    expect(() => noncentralTQuantile(1.1, 5, 1)).toThrow(InputError);
  });
});

describe('noncentral t with a very large ncp', () => {
  it('keeps cdf + sf = 1 and the upper tail at 1 far below the bulk (found by the design solvers)', () => {
    expect(noncentralTSf(2.4, 6, 40000)).toBe(1);
    for (const x of [39000, 40000, 41000, 1e5]) {
      expect(noncentralTCdf(x, 6, 40000) + noncentralTSf(x, 6, 40000)).toBeCloseTo(1, 12);
    }
  });

  it('approaches the chi-square limit: with Z negligible beside ncp, P(T ≤ x) ≈ P(χ²_df ≥ df·(ncp/x)²)', () => {
    // R's pt is documented to be inaccurate here (it gives 0.408 for x = 39000), so the limit is the reference.
    for (const x of [39000, 1e5]) {
      const limit = chiSquareSf(6 * (40000 / x) ** 2, 6);
      expect(Math.abs(noncentralTCdf(x, 6, 40000) - limit)).toBeLessThan(1e-3 * limit);
    }
  });
});

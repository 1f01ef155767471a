import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { noncentralChiSquareSf, noncentralFSf } from '../../../src/stats/dist/index.js';
import { expectClose } from '../../support/close.js';

/** mpmath at 40 digits, written by test/reference/noncentral_mpmath.py. */
const fx = JSON.parse(
  readFileSync(new URL('../../reference/fixtures/noncentral_mpmath.json', import.meta.url), 'utf8'),
) as {
  chisq: { x: number; df: number; ncp: number; sf: number }[];
  f: { x: number; df1: number; df2: number; ncp: number; sf: number }[];
};

describe('noncentral chi-square upper tail vs mpmath (1e-12)', () => {
  for (const c of fx.chisq)
    it(`P(χ²′(${c.df}, ${c.ncp}) > ${c.x}) = ${c.sf}`, () =>
      expectClose(noncentralChiSquareSf(c.x, c.df, c.ncp), c.sf, 1e-12));
});

describe('noncentral F upper tail vs mpmath (1e-12)', () => {
  for (const c of fx.f)
    it(`P(F′(${c.df1}, ${c.df2}, ${c.ncp}) > ${c.x}) = ${c.sf}`, () =>
      expectClose(noncentralFSf(c.x, c.df1, c.df2, c.ncp), c.sf, 1e-12));
});

describe('edges', () => {
  it('x ≤ 0 gives 1; a huge noncentrality gives 1 at once (a solver’s bracket end)', () => {
    expect(noncentralChiSquareSf(0, 3, 2)).toBe(1);
    expect(noncentralFSf(-1, 3, 10, 2)).toBe(1);
    expect(noncentralChiSquareSf(10, 2, 1e18)).toBe(1);
    expect(noncentralFSf(3, 3, 100, 1e16)).toBe(1);
  });
  it('rejects a negative noncentrality', () => {
    expect(() => noncentralChiSquareSf(1, 2, -1)).toThrow();
  });
});

import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import {
  normalCdf,
  normalLogCdf,
  normalLogSf,
  normalQuantile,
  normalSf,
} from '../../../src/stats/dist/normal.js';
import { expectClose } from '../../support/close.js';
import { fixture, num, nums } from './fixture.js';

const f = fixture.normal;
const xs = nums(f.x);

describe('normal distribution against R pnorm/qnorm', () => {
  it('cdf and sf match pnorm(lower.tail = TRUE/FALSE) to 1e-13 relative, down to subnormals', () => {
    const cdf = nums(f.cdf);
    const sf = nums(f.sf);
    xs.forEach((x, i) => {
      // Below 1e-300 values are subnormal (few significant bits) and R returns 0 where the true
      // value is still a subnormal (e.g. pnorm(-38.4) = 6.4e-323): absolute 1e-315 there.
      expectClose(normalCdf(x), cdf[i], 1e-13, cdf[i] < 1e-300 ? 1e-315 : 0, `pnorm(${x})`);
      expectClose(normalSf(x), sf[i], 1e-13, sf[i] < 1e-300 ? 1e-315 : 0, `pnorm(${x}, lower=F)`);
    });
    expect(normalSf(37)).toBeGreaterThan(0);
    expectClose(normalCdf(f.shifted.x, f.shifted.mean, f.shifted.sd), num(f.shifted.cdf), 1e-14);
    expectClose(normalSf(f.shifted.x, f.shifted.mean, f.shifted.sd), num(f.shifted.sf), 1e-14);
  });

  it('log cdf and log sf match pnorm(log.p = TRUE) to 1e-13 relative', () => {
    const lc = nums(f.logcdf);
    const ls = nums(f.logsf);
    xs.forEach((x, i) => {
      expectClose(normalLogCdf(x), lc[i], 1e-13, lc[i] > -1e-300 ? 1e-315 : 0, `log pnorm(${x})`);
      expectClose(
        normalLogSf(x),
        ls[i],
        1e-13,
        ls[i] > -1e-300 ? 1e-315 : 0,
        `log pnorm(${x}, lower=F)`,
      );
    });
  });

  it('quantile matches qnorm to 1e-14 relative (p from 5e-324 to 1 - 2^-53)', () => {
    const ps = nums(fixture.normalQuantile.p);
    const qs = nums(fixture.normalQuantile.q);
    ps.forEach((p, i) => expectClose(normalQuantile(p), qs[i], 1e-14, 1e-300, `qnorm(${p})`));
    const s = fixture.normalQuantile.shifted;
    expectClose(normalQuantile(s.p, s.mean, s.sd), num(s.q), 1e-14);
  });

  it('handles the boundaries like R', () => {
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalSf(Infinity)).toBe(0);
    expect(normalSf(-Infinity)).toBe(1);
    expect(normalLogSf(Infinity)).toBe(-Infinity);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(0.5, 3, 2)).toBe(3);
  });

  it('round-trips quantile and cdf', () => {
    for (const p of [1e-250, 1e-12, 0.01, 0.3, 0.5, 0.77, 0.999]) {
      expectClose(normalCdf(normalQuantile(p)), p, 1e-13);
    }
  });

  it('rejects invalid arguments with InputError', () => {
    expect(() => normalQuantile(1.2)).toThrow(InputError);
    expect(() => normalQuantile(-0.1)).toThrow(InputError);
    expect(() => normalQuantile(NaN)).toThrow(InputError);
    expect(() => normalCdf(0, 0, 0)).toThrow(InputError);
    expect(() => normalCdf(0, 0, -1)).toThrow(InputError);
    expect(() => normalCdf(NaN)).toThrow(InputError);
    expect(() => normalSf(0, Infinity)).toThrow(InputError);
  });
});

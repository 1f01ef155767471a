import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { meanDifference } from '../../../src/stats/continuous/mean-difference.js';
import { InputError } from '../../../src/errors.js';
import type { Alternative } from '../../../src/stats/types.js';
import { armArbitrary } from './arbitraries.js';
import { expectClose, readFixture } from './close.js';

interface MdCase {
  n1: number;
  m1: number;
  sd1: number;
  n2: number;
  m2: number;
  sd2: number;
  variance: 'unequal' | 'equal';
  level: number;
  alternative: Alternative;
  estimate: number;
  se: number;
  df: number;
  statistic: number;
  p: number;
  lower: number | string;
  upper: number | string;
}
const fixture = readFixture<{
  meanDifference: MdCase[];
  tTestRaw: MdCase[];
  escalcMd: {
    n1: number;
    m1: number;
    sd1: number;
    n2: number;
    m2: number;
    sd2: number;
    yi: number;
    vi: number;
  }[];
}>('continuous');

// p and the interval go through the t cdf/quantile (dist helper, ~1e-12); 1e-10 is the closed-form bar.
function check(c: MdCase, tol: number): void {
  const r = meanDifference(
    { n: c.n1, mean: c.m1, sd: c.sd1 },
    { n: c.n2, mean: c.m2, sd: c.sd2 },
    {
      variance: c.variance,
      level: c.level,
      alternative: c.alternative,
    },
  );
  expectClose(r.estimate, c.estimate, tol, 0, 'estimate');
  expectClose(r.se, c.se, tol, 0, 'se');
  expectClose(r.df, c.df, tol, 0, 'df');
  expectClose(r.test.statistic, c.statistic, tol, 0, 'statistic');
  expectClose(r.test.p, c.p, tol, 0, 'p');
  expectClose(r.ci.lower, c.lower, tol, 0, 'lower');
  expectClose(r.ci.upper, c.upper, tol, 0, 'upper');
  expect(r.ci.level).toBe(c.level);
  expect(r.test.alternative).toBe(c.alternative);
}

describe('meanDifference matches t.test arithmetic from summary statistics (R fixture, 1e-10)', () => {
  for (const c of fixture.meanDifference) {
    it(`n ${c.n1}/${c.n2} ${c.variance} ${c.level} ${c.alternative}`, () => check(c, 1e-10));
  }
});

describe('meanDifference matches t.test on simulated raw data (R fixture, 1e-10)', () => {
  for (const c of fixture.tTestRaw) {
    it(`n ${c.n1}/${c.n2} ${c.variance} ${c.alternative}`, () => check(c, 1e-10));
  }
});

describe('meanDifference SE² equals escalc("MD") vi', () => {
  for (const c of fixture.escalcMd) {
    it(`n ${c.n1}/${c.n2}`, () => {
      const r = meanDifference(
        { n: c.n1, mean: c.m1, sd: c.sd1 },
        { n: c.n2, mean: c.m2, sd: c.sd2 },
      );
      expectClose(r.estimate, c.yi, 1e-12, 1e-12, 'yi');
      expectClose(r.se ** 2, c.vi, 1e-12, 0, 'vi');
    });
  }
});

describe('meanDifference input checks', () => {
  const ok = { n: 10, mean: 1, sd: 1 };
  it('rejects n < 2, SD <= 0, level outside (0, 1), unknown options', () => {
    expect(() => meanDifference({ n: 1, mean: 1, sd: 1 }, ok)).toThrow(/arm1\.n/);
    expect(() => meanDifference(ok, { n: 10, mean: 1, sd: 0 })).toThrow(/arm2\.sd/);
    expect(() => meanDifference(ok, { n: 10, mean: 1, sd: -2 })).toThrow(InputError);
    expect(() => meanDifference(ok, ok, { level: 95 })).toThrow(/level/);
    expect(() => meanDifference(ok, ok, { variance: 'pooled' as never })).toThrow(/variance/);
    expect(() => meanDifference(ok, ok, { alternative: 'two.sided' as never })).toThrow(
      /alternative/,
    );
    expect(() => meanDifference({ n: 10, mean: NaN, sd: 1 }, ok)).toThrow(/arm1\.mean/);
  });
  it('returns frozen results carrying arm derivations', () => {
    const derivation = {
      quantity: 'sd',
      method: 'sd-from-se',
      formula: 'SD = SE × √n',
      assumptions: [],
      inputs: {},
      intermediate: {},
      reference: 'x',
    };
    const r = meanDifference({ ...ok, derivations: [derivation] }, ok);
    expect(Object.isFrozen(r)).toBe(true);
    expect(r.derivation).toEqual([derivation]);
  });
});

const arm = armArbitrary(2);

describe('meanDifference properties', () => {
  it('swapping arms negates the MD, keeps SE, df and p, and mirrors the CI', () => {
    fc.assert(
      fc.property(
        arm,
        arm,
        fc.constantFrom('unequal', 'equal') as fc.Arbitrary<'unequal' | 'equal'>,
        (a, b, variance) => {
          const ab = meanDifference(a, b, { variance });
          const ba = meanDifference(b, a, { variance });
          // == rather than Object.is: equal means give 0 and -0.
          expect(ba.estimate === -ab.estimate).toBe(true);
          expect(ba.se).toBe(ab.se);
          expectClose(ba.test.p, ab.test.p, 1e-12, 1e-300);
          expectClose(ba.ci.lower, -ab.ci.upper, 1e-9, 1e-9 * ab.se);
        },
      ),
      { numRuns: 100 },
    );
  });
  it('the CI contains the estimate', () => {
    fc.assert(
      fc.property(arm, arm, fc.double({ min: 0.5, max: 0.999, noNaN: true }), (a, b, level) => {
        const r = meanDifference(a, b, { level });
        expect(r.ci.lower).toBeLessThanOrEqual(r.estimate);
        expect(r.ci.upper).toBeGreaterThanOrEqual(r.estimate);
      }),
      { numRuns: 100 },
    );
  });
  it('the CI narrows as both arms grow (same means and SDs)', () => {
    fc.assert(
      fc.property(arm, arm, fc.integer({ min: 2, max: 10 }), (a, b, k) => {
        const small = meanDifference(a, b);
        const large = meanDifference({ ...a, n: a.n * k }, { ...b, n: b.n * k });
        expect(large.ci.upper - large.ci.lower).toBeLessThan(small.ci.upper - small.ci.lower);
      }),
      { numRuns: 100 },
    );
  });
});

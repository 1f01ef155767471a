import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  standardizedMeanDifference,
  type SmdVariant,
} from '../../../src/stats/continuous/standardized-mean-difference.js';
import { hedgesCorrection } from '../../../src/stats/continuous/hedges-correction.js';
import { ratioOfMeans } from '../../../src/stats/continuous/ratio-of-means.js';
import { armArbitrary } from './arbitraries.js';
import { expectClose, readFixture } from './close.js';

interface Es {
  estimate: number;
  se: number;
  vi: number;
  lower: number;
  upper: number;
}
interface SmdCase {
  n1: number;
  m1: number;
  sd1: number;
  n2: number;
  m2: number;
  sd2: number;
  level: number;
  j: number;
  hedges: Es;
  cohen: Es;
  glass: Es;
  glassCorrected: Es;
}
interface RomCase {
  n1: number;
  m1: number;
  sd1: number;
  n2: number;
  m2: number;
  sd2: number;
  level: number;
  logEstimate: number;
  vi: number;
  se: number;
  estimate: number;
  lower: number;
  upper: number;
}
const fixture = readFixture<{ smd: SmdCase[]; rom: RomCase[] }>('continuous');

const variants: [SmdVariant, keyof SmdCase][] = [
  ['hedges-g', 'hedges'],
  ['cohen-d', 'cohen'],
  ['glass-delta', 'glass'],
  ['glass-delta-corrected', 'glassCorrected'],
];

describe('standardizedMeanDifference matches metafor escalc SMD / SMD1 (vtype LS) and the Cohen/Glass formulas (1e-10)', () => {
  for (const c of fixture.smd) {
    for (const [variant, key] of variants) {
      if (variant === 'glass-delta-corrected' && c.n2 < 3) continue;
      it(`${variant} n ${c.n1}/${c.n2} level ${c.level}`, () => {
        const want = c[key] as Es;
        const r = standardizedMeanDifference(
          { n: c.n1, mean: c.m1, sd: c.sd1 },
          { n: c.n2, mean: c.m2, sd: c.sd2 },
          { variant, level: c.level },
        );
        expectClose(r.estimate, want.estimate, 1e-10, 0, 'estimate');
        expectClose(r.variance, want.vi, 1e-10, 0, 'vi');
        expectClose(r.se, want.se, 1e-10, 0, 'se');
        expectClose(r.ci.lower, want.lower, 1e-10, 1e-12, 'lower');
        expectClose(r.ci.upper, want.upper, 1e-10, 1e-12, 'upper');
      });
    }
    it(`J(${c.n1 + c.n2 - 2}) as metafor .cmicalc`, () => {
      expectClose(hedgesCorrection(c.n1 + c.n2 - 2), c.j, 1e-12);
    });
  }
  it('the corrected Glass Δ needs n2 ≥ 3; J needs m > 1', () => {
    expect(() =>
      standardizedMeanDifference(
        { n: 5, mean: 1, sd: 1 },
        { n: 2, mean: 0, sd: 1 },
        { variant: 'glass-delta-corrected' },
      ),
    ).toThrow(/arm2\.n/);
    expect(() => hedgesCorrection(1)).toThrow(/m/);
  });
});

describe('ratioOfMeans matches metafor escalc ROM (1e-10)', () => {
  for (const c of fixture.rom) {
    it(`n ${c.n1}/${c.n2} level ${c.level}`, () => {
      const r = ratioOfMeans(
        { n: c.n1, mean: c.m1, sd: c.sd1 },
        { n: c.n2, mean: c.m2, sd: c.sd2 },
        { level: c.level },
      );
      expectClose(r.logEstimate, c.logEstimate, 1e-10, 1e-14, 'log');
      expectClose(r.se, c.se, 1e-10, 0, 'se');
      expectClose(r.estimate, c.estimate, 1e-10, 0, 'estimate');
      expectClose(r.ci.lower, c.lower, 1e-10, 0, 'lower');
      expectClose(r.ci.upper, c.upper, 1e-10, 0, 'upper');
    });
  }
  it('needs positive means', () => {
    expect(() => ratioOfMeans({ n: 5, mean: -1, sd: 1 }, { n: 5, mean: 2, sd: 1 })).toThrow(
      /arm1\.mean/,
    );
  });
});

const arm = armArbitrary(3);

describe('SMD properties', () => {
  it('swapping arms negates the pooled-SD SMD and keeps its SE', () => {
    fc.assert(
      fc.property(arm, arm, fc.constantFrom<SmdVariant>('hedges-g', 'cohen-d'), (a, b, variant) => {
        const ab = standardizedMeanDifference(a, b, { variant });
        const ba = standardizedMeanDifference(b, a, { variant });
        expectClose(ba.estimate, -ab.estimate, 1e-12, 1e-300);
        expectClose(ba.se, ab.se, 1e-12);
      }),
      { numRuns: 100 },
    );
  });
  it('the CI contains the estimate and narrows as n grows', () => {
    fc.assert(
      fc.property(arm, arm, fc.integer({ min: 2, max: 10 }), (a, b, k) => {
        const small = standardizedMeanDifference(a, b);
        const large = standardizedMeanDifference({ ...a, n: a.n * k }, { ...b, n: b.n * k });
        expect(small.ci.lower).toBeLessThanOrEqual(small.estimate);
        expect(small.ci.upper).toBeGreaterThanOrEqual(small.estimate);
        expect(large.ci.upper - large.ci.lower).toBeLessThan(small.ci.upper - small.ci.lower);
      }),
      { numRuns: 100 },
    );
  });
});

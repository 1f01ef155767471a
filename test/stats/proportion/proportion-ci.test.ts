import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  proportionCi,
  type ProportionCiMethod,
} from '../../../src/stats/proportion/proportion-ci.js';
import { binomialTest } from '../../../src/stats/proportion/binomial-test.js';
import { InputError } from '../../../src/errors.js';
import { expectClose, readFixture } from '../continuous/close.js';

interface Limits {
  lower: number;
  upper: number;
}
interface CiCase {
  x: number;
  n: number;
  level: number;
  wilson: Limits;
  exact: Limits;
  jeffreys: Limits;
  midp: Limits;
  agrestiCoullRaw: Limits;
  waldRaw: Limits;
}
interface TestCase {
  x: number;
  n: number;
  p0: number;
  twoSided: number;
  less: number;
  greater: number;
}
const fixture = readFixture<{ ci: CiCase[]; binomTest: TestCase[] }>('proportion');

// Tolerances: wilson, agresti-coull and wald are closed forms (1e-10 relative). exact and
// jeffreys go through the dist module's beta quantile, which holds 1e-10 here too. mid-p is
// our bisection against R's uniroot(tol = 1e-15): 1e-9 relative (the brief allows 1e-8 for
// root finding), with an absolute floor of 1e-14 for limits near 0 where uniroot's absolute
// tolerance dominates.
const tolerances: Record<string, [number, number]> = {
  wilson: [1e-10, 0],
  exact: [1e-10, 0],
  jeffreys: [1e-10, 0],
  midp: [1e-9, 1e-14],
  'agresti-coull': [1e-10, 0],
  wald: [1e-10, 0],
};
const keys: [ProportionCiMethod, keyof CiCase][] = [
  ['wilson', 'wilson'],
  ['exact', 'exact'],
  ['jeffreys', 'jeffreys'],
  ['midp', 'midp'],
  ['agresti-coull', 'agrestiCoullRaw'],
  ['wald', 'waldRaw'],
];

describe('proportionCi matches R (binom.test, qbeta, uniroot, closed forms)', () => {
  for (const c of fixture.ci) {
    for (const [method, key] of keys) {
      it(`${method} ${c.x}/${c.n} level ${c.level}`, () => {
        const r = proportionCi(c.x, c.n, { method, level: c.level });
        const want = c[key] as Limits;
        const [rel, abs] = tolerances[method];
        // Agresti–Coull and Wald are clipped to [0, 1]; R's values are the raw formula.
        const lower =
          method === 'agresti-coull' || method === 'wald' ? Math.max(0, want.lower) : want.lower;
        const upper =
          method === 'agresti-coull' || method === 'wald' ? Math.min(1, want.upper) : want.upper;
        // At x = 0 (x = n) the Wilson lower (upper) limit is exactly 0 (1); R's formula leaves
        // rounding dust of ~1e-17 there, so those two limits get an absolute floor of 1e-15.
        const boundary = method === 'wilson' ? 1e-15 : 0;
        expectClose(r.ci.lower, lower, rel, c.x === 0 ? Math.max(abs, boundary) : abs, 'lower');
        expectClose(r.ci.upper, upper, rel, c.x === c.n ? Math.max(abs, boundary) : abs, 'upper');
        expect(r.estimate).toBe(c.x / c.n);
        expect(r.ci.method).toBe(method);
        const clipped = want.lower < 0 || want.upper > 1;
        if (method === 'agresti-coull' || method === 'wald') {
          expect(r.warnings.some((w) => w.includes('clipped'))).toBe(clipped);
        } else {
          expect(r.warnings).toEqual([]);
        }
      });
    }
  }
});

describe('binomialTest matches R binom.test (1e-10)', () => {
  for (const c of fixture.binomTest) {
    it(`${c.x}/${c.n} against ${c.p0}`, () => {
      expectClose(binomialTest(c.x, c.n, { p0: c.p0 }).p, c.twoSided, 1e-10, 0, 'two-sided');
      expectClose(
        binomialTest(c.x, c.n, { p0: c.p0, alternative: 'less' }).p,
        c.less,
        1e-10,
        0,
        'less',
      );
      expectClose(
        binomialTest(c.x, c.n, { p0: c.p0, alternative: 'greater' }).p,
        c.greater,
        1e-10,
        0,
        'greater',
      );
    });
  }
  it('is attached to proportionCi when p0 is given', () => {
    const r = proportionCi(3, 10, { p0: 0.5 });
    expect(r.test?.p).toBe(binomialTest(3, 10, { p0: 0.5 }).p);
    expect(proportionCi(3, 10).test).toBeUndefined();
  });
});

describe('proportionCi input checks and warnings', () => {
  it('rejects events > n, negative or fractional counts, bad levels and methods', () => {
    expect(() => proportionCi(11, 10)).toThrow(/events/);
    expect(() => proportionCi(-1, 10)).toThrow(InputError);
    expect(() => proportionCi(1.5, 10)).toThrow(/events/);
    expect(() => proportionCi(0, 0)).toThrow(/\bn\b/);
    expect(() => proportionCi(1, 10, { level: 0 })).toThrow(/level/);
    expect(() => proportionCi(1, 10, { method: 'score' as never })).toThrow(/method/);
    expect(() => binomialTest(1, 10, { p0: 1.1 })).toThrow(/p0/);
  });
  it('warns that Wald has zero width at x = 0', () => {
    const r = proportionCi(0, 10, { method: 'wald' });
    expect(r.ci.lower).toBe(0);
    expect(r.ci.upper).toBe(0);
    expect(r.warnings.join(' ')).toMatch(/zero width/);
  });
});

// Brown, Cai & DasGupta (2001), Stat Sci 16:101–33, section 4.1.2: the Jeffreys interval
// is the equal-tailed Beta(x + 1/2, n − x + 1/2) interval except that the lower limit is 0
// at x = 0 and the upper limit 1 at x = n.
describe('Jeffreys boundary rule (Brown–Cai–DasGupta 2001, section 4.1.2)', () => {
  it('lower limit is exactly 0 at x = 0 and upper exactly 1 at x = n', () => {
    expect(proportionCi(0, 20, { method: 'jeffreys' }).ci.lower).toBe(0);
    expect(proportionCi(20, 20, { method: 'jeffreys' }).ci.upper).toBe(1);
    expect(proportionCi(1, 20, { method: 'jeffreys' }).ci.lower).toBeGreaterThan(0);
  });
});

const counts = fc
  .integer({ min: 1, max: 2000 })
  .chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)));
const methods = fc.constantFrom<ProportionCiMethod>(
  'wilson',
  'exact',
  'midp',
  'jeffreys',
  'agresti-coull',
);

describe('proportionCi properties', () => {
  it('the CI lies in [0, 1] and contains the estimate', () => {
    fc.assert(
      fc.property(counts, methods, ([x, n], method) => {
        const r = proportionCi(x, n, { method });
        expect(r.ci.lower).toBeGreaterThanOrEqual(0);
        expect(r.ci.upper).toBeLessThanOrEqual(1);
        expect(r.ci.lower).toBeLessThanOrEqual(r.estimate);
        expect(r.ci.upper).toBeGreaterThanOrEqual(r.estimate);
      }),
      { numRuns: 60 },
    );
  });
  it('the CI narrows as n grows at the same proportion', () => {
    fc.assert(
      fc.property(counts, methods, fc.integer({ min: 2, max: 10 }), ([x, n], method, k) => {
        const small = proportionCi(x, n, { method });
        const large = proportionCi(x * k, n * k, { method });
        expect(large.ci.upper - large.ci.lower).toBeLessThan(small.ci.upper - small.ci.lower);
      }),
      { numRuns: 60 },
    );
  });
});

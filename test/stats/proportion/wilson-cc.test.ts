import { describe, expect, it } from 'vitest';
import { proportionCi } from '../../../src/stats/proportion/proportion-ci.js';
import { expectClose, readFixture } from '../continuous/close.js';

interface Case {
  x: number;
  n: number;
  level: number;
  p0: number | null;
  lower: number;
  upper: number;
}
const fixture = readFixture<{ cases: Case[] }>('proportion_wilson_cc');

// Closed form against R's prop.test(correct = TRUE)$conf.int: 1e-10 relative. At x = 0
// (x = n) both give exactly 0 (1).
describe('wilson-cc matches R prop.test(x, n, p, correct = TRUE)', () => {
  it('covers the fixture', () => expect(fixture.cases.length).toBeGreaterThan(300));
  for (const c of fixture.cases) {
    it(`${c.x}/${c.n} level ${c.level} p0 ${c.p0 ?? 'NULL'}`, () => {
      const r = proportionCi(c.x, c.n, {
        method: 'wilson-cc',
        level: c.level,
        p0: c.p0 ?? undefined,
      });
      expectClose(r.ci.lower, c.lower, 1e-10, 0, 'lower');
      expectClose(r.ci.upper, c.upper, 1e-10, 0, 'upper');
      expect(r.ci.method).toBe('wilson-cc');
      expect(r.warnings).toEqual([]);
    });
  }
});

describe('wilson-cc', () => {
  it('is wider than the uncorrected Wilson interval away from p0, and equal to it at p0 = x/n', () => {
    const cc = proportionCi(9, 22, { method: 'wilson-cc' });
    const plain = proportionCi(9, 22, { method: 'wilson' });
    expect(cc.ci.lower).toBeLessThan(plain.ci.lower);
    expect(cc.ci.upper).toBeGreaterThan(plain.ci.upper);
    const atP0 = proportionCi(11, 22, { method: 'wilson-cc' });
    expectClose(atP0.ci.lower, proportionCi(11, 22).ci.lower, 1e-12);
  });
  it('9/22: print(prop.test(9, 22)$conf.int, digits = 10) in R 4.2.2 is 0.2147636232 0.6332006691', () => {
    const r = proportionCi(9, 22, { method: 'wilson-cc' });
    expect(r.ci.lower.toFixed(10)).toBe('0.2147636232');
    expect(r.ci.upper.toFixed(10)).toBe('0.6332006691');
  });
});

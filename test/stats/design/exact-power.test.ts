import { describe, expect, it } from 'vitest';
import { binomialPmf } from '../../../src/stats/dist/index.js';
import { chiSquareRejectionRegion } from '../../../src/stats/design/chi-square-rejection-region.js';
import { exactBinomialPower } from '../../../src/stats/design/exact-binomial-power.js';
import { fisherExactPower } from '../../../src/stats/design/fisher-exact-power.js';
import { powerPropTest } from '../../../src/stats/design/power-prop-test.js';
import { InputError } from '../../../src/errors.js';
import { expectClose } from '../../support/close.js';
import { fixture } from './fixture.js';

describe('fisherExactPower vs R (enumeration with fisher.test)', () => {
  for (const row of fixture.fisherPower) {
    const label = `${row.n1} vs ${row.n2}, p1 ${row.p1}, p2 ${row.p2}, ${row.sided}-sided`;
    it(label, () => {
      const power = fisherExactPower({
        n1: row.n1,
        n2: row.n2,
        p1: row.p1,
        p2: row.p2,
        alpha: row.alpha,
        alternative: row.sided === 2 ? 'two-sided' : 'greater',
      });
      expectClose(power, row.power, 1e-10, 1e-15, label);
    });
  }

  it('powerPropTest --method fisher: smallest n reaching the power, at most the normal n doubled', () => {
    const r = powerPropTest({ p1: 0.2, p2: 0.5, power: 0.8, method: 'fisher' });
    expect(r.power).toBeGreaterThanOrEqual(0.8);
    expect(fisherExactPower({ n1: r.n - 1, n2: r.n - 1, p1: 0.2, p2: 0.5 })).toBeLessThan(0.8);
    expect(Number.isInteger(r.n)).toBe(true);
    expect(() => powerPropTest({ p1: 0.2, n: 20, power: 0.8, method: 'fisher' })).toThrow(
      InputError,
    );
  });
});

describe('chiSquareRejectionRegion vs R (enumeration with chisq.test)', () => {
  for (const row of fixture.chisqPower) {
    const label = `${row.n1} vs ${row.n2}, p1 ${row.p1}, p2 ${row.p2}, correct ${row.correct}`;
    it(label, () => {
      const region = chiSquareRejectionRegion(row.n1, row.n2, row.alpha, row.correct);
      let power = 0;
      for (let x1 = 0; x1 <= row.n1; x1 += 1) {
        for (let x2 = 0; x2 <= row.n2; x2 += 1) {
          if (region[x1 * (row.n2 + 1) + x2])
            power += binomialPmf(x1, row.n1, row.p1) * binomialPmf(x2, row.n2, row.p2);
        }
      }
      expectClose(power, row.power, 1e-10, 1e-15, label);
    });
  }
});

describe('exactBinomialPower vs R qbinom/pbinom (saw-tooth)', () => {
  for (const row of fixture.binomialExact) {
    const label = `n ${row.n}, p0 ${row.p0}, p1 ${row.p1}`;
    it(label, () => {
      const r = exactBinomialPower({ n: row.n, p0: row.p0, p1: row.p1, alpha: row.alpha });
      expect(r.critical).toBe(row.critical);
      expectClose(r.actualAlpha, row.actualAlpha, 1e-10, 1e-15, label);
      expectClose(r.power, row.power, 1e-10, 1e-15, label);
    });
  }

  it('shows the saw-tooth: power at n = 10 exceeds power at n = 11 for p0 0.2 vs 0.4', () => {
    const at = (n: number) => exactBinomialPower({ n, p0: 0.2, p1: 0.4 }).power;
    expect(at(11)).toBeLessThan(at(10));
  });

  it('solving for n returns the smallest n and warns when larger n fall below the target', () => {
    const r = exactBinomialPower({ p0: 0.2, p1: 0.4, power: 0.8 });
    for (let n = 1; n < r.n; n += 1)
      expect(exactBinomialPower({ n, p0: 0.2, p1: 0.4 }).power).toBeLessThan(0.8);
    expect(r.power).toBeGreaterThanOrEqual(0.8);
    expect(r.nStable).toBeGreaterThanOrEqual(r.n);
    if (r.nStable! > r.n) expect(r.warnings[0]).toMatch(/not monotone/);
  });

  it('handles the lower alternative (mirror image of the upper one at p0 = 0.5)', () => {
    const lower = exactBinomialPower({ n: 30, p0: 0.5, p1: 0.2 });
    const upper = exactBinomialPower({ n: 30, p0: 0.5, p1: 0.8 });
    expect(lower.alternative).toBe('less');
    expect(lower.critical).toBe(30 - upper.critical);
    expectClose(lower.actualAlpha, upper.actualAlpha, 1e-12);
    expectClose(lower.power, upper.power, 1e-12);
  });
});

describe('edge cases', () => {
  it('tiny arms: no 1 vs 1 or 2 vs 2 table reaches p ≤ 0.05, so Fisher power is 0', () => {
    expect(fisherExactPower({ n1: 1, n2: 1, p1: 0.01, p2: 0.99 })).toBe(0);
    expect(fisherExactPower({ n1: 2, n2: 2, p1: 0, p2: 1 })).toBe(0);
  });

  it('certain outcomes: power is the rejection indicator of the one possible table', () => {
    // 10/10 vs 0/10 is rejected by Fisher's test (p = 1.1e-5).
    expect(fisherExactPower({ n1: 10, n2: 10, p1: 1, p2: 0 })).toBe(1);
    expect(fisherExactPower({ n1: 10, n2: 10, p1: 0, p2: 0 })).toBe(0);
  });

  it('exact binomial with n = 1: no critical count, attained α and power 0', () => {
    const r = exactBinomialPower({ n: 1, p0: 0.2, p1: 0.9 });
    expect(r.critical).toBe(2);
    expect(r.actualAlpha).toBe(0);
    expect(r.power).toBe(0);
  });

  it('exact binomial with large n stays accurate (R fixture row n = 100)', () => {
    const row = fixture.binomialExact.find((x) => x.n === 100 && x.p0 === 0.05)!;
    const r = exactBinomialPower({ n: 100, p0: 0.05, p1: 0.2 });
    expect(r.critical).toBe(row.critical);
    expectClose(r.power, row.power, 1e-10);
  });
});

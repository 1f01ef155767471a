import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { compareProportions } from '../../../src/stats/binary/compare-proportions.js';
import { numberNeededToTreat } from '../../../src/stats/binary/number-needed-to-treat.js';
import { oddsRatio } from '../../../src/stats/binary/odds-ratio.js';
import { riskDifference } from '../../../src/stats/binary/risk-difference.js';
import { riskRatio } from '../../../src/stats/binary/risk-ratio.js';

const noNaN = (value: unknown): void => {
  JSON.stringify(value, (_key, v) => {
    if (typeof v === 'number') expect(Number.isNaN(v)).toBe(false);
    return v;
  });
};

describe('zero cells and degenerate tables', () => {
  it('a zero cell: 0.5 added to all cells for Katz/Woolf, with a warning', () => {
    const rr = riskRatio({ events1: 5, n1: 56, events2: 0, n2: 29 });
    expect(rr.correction).toBe(0.5);
    expect(rr.warnings.join(' ')).toMatch(/0.5 was added to all four cells/);
    expect(rr.estimate).toBeCloseTo(5.5 / 57 / (0.5 / 30), 12);
    const or = oddsRatio({ events1: 5, n1: 56, events2: 0, n2: 29 }, { correction: 0.25 });
    expect(or.correction).toBe(0.25);
    expect(or.estimate).toBeCloseTo((5.25 * 29.25) / (51.25 * 0.25), 10);
  });
  it("correction 'none' with a zero event cell: estimable false and null values, never NaN", () => {
    const rr = riskRatio({ events1: 5, n1: 56, events2: 0, n2: 29 }, { correction: 'none' });
    expect(rr.estimable).toBe(false);
    expect(rr.estimate).toBeNull();
    expect(rr.ci.lower).toBeNull();
    expect(rr.warnings.join(' ')).toMatch(/not estimable/);
  });
  for (const [name, table] of [
    ['no events in either arm', { events1: 0, n1: 10, events2: 0, n2: 20 }],
    ['all events in both arms', { events1: 10, n1: 10, events2: 20, n2: 20 }],
  ] as const) {
    it(`${name}: every method returns finite numbers or an explicit non-estimable result with a warning`, () => {
      for (const ci of ['katz', 'koopman', 'mn'] as const) {
        const r = riskRatio(table, { ci });
        noNaN(r);
        if (ci === 'katz') expect(r.warnings.some((w) => /not identifiable/.test(w))).toBe(true);
        if (!r.estimable) expect(r.warnings.length).toBeGreaterThan(0);
      }
      for (const ci of ['woolf', 'exact', 'mn'] as const) {
        const r = oddsRatio(table, { ci });
        noNaN(r);
        if (ci !== 'woolf') {
          expect(r.estimable).toBe(false);
          expect(r.estimate).toBeNull();
        }
        expect(r.warnings.length).toBeGreaterThan(0);
      }
      for (const ci of ['newcombe', 'wald', 'mn', 'ac'] as const)
        noNaN(riskDifference(table, { ci }));
      const all = compareProportions(table, { tests: ['barnard', 'boschloo', 'midp'] });
      noNaN(all);
      expect(all.tests.chisq).toBeNull();
      expect(all.tests.fisher.p).toBe(1);
    });
  }
  it('n = 1 per arm works for every method', () => {
    const r = compareProportions(
      { events1: 1, n1: 1, events2: 0, n2: 1 },
      { tests: ['barnard', 'boschloo', 'midp'] },
    );
    noNaN(r);
    expect(r.rr.ci.upper).toBeGreaterThan(1);
  });
  it('Wald RD interval of 0/10 vs 0/20 has zero width: warned', () => {
    const r = riskDifference({ events1: 0, n1: 10, events2: 0, n2: 20 }, { ci: 'wald' });
    expect(r.ci.lower).toBe(0);
    expect(r.warnings.join(' ')).toMatch(/zero width/);
  });
  it('invalid input throws InputError naming the argument', () => {
    expect(() => riskRatio({ events1: 11, n1: 10, events2: 0, n2: 10 })).toThrow(InputError);
    expect(() => riskRatio({ events1: 11, n1: 10, events2: 0, n2: 10 })).toThrow(/events1/);
    expect(() => riskDifference({ events1: -1, n1: 10, events2: 0, n2: 10 })).toThrow(/events1/);
    expect(() => riskDifference({ events1: 1, n1: 10, events2: 0, n2: 10 }, { level: 95 })).toThrow(
      /level/,
    );
    expect(() => oddsRatio({ events1: 1, n1: 10, events2: 0, n2: 10 }, { correction: -1 })).toThrow(
      /correction/,
    );
    expect(() => riskDifference({ events1: 1.5, n1: 10, events2: 0, n2: 10 })).toThrow(/events1/);
  });
});

describe('NNT (Altman 1998, BMJ 317:1309)', () => {
  it('RD interval excluding 0: a connected NNTB interval', () => {
    // harmful events: 10/100 vs 20/100, RD −0.10
    const rd = riskDifference({ events1: 10, n1: 100, events2: 30, n2: 100 }, { ci: 'wald' });
    const nnt = numberNeededToTreat(rd);
    expect(nnt.kind).toBe('NNTB');
    expect(nnt.estimate).toBeCloseTo(5, 12);
    expect(nnt.ci.disconnected).toBe(false);
    expect(nnt.ci.nntb!.lower).toBeCloseTo(1 / -rd.ci.lower!, 12);
    expect(nnt.ci.nntb!.upper).toBeCloseTo(1 / -rd.ci.upper!, 12);
    expect(nnt.ci.nnth).toBeNull();
  });
  it('RD interval crossing 0: NNTB x to ∞ to NNTH y', () => {
    const rd = riskDifference({ events1: 15, n1: 50, events2: 9, n2: 50 });
    const nnt = numberNeededToTreat(rd);
    expect(nnt.kind).toBe('NNTH');
    expect(nnt.ci.disconnected).toBe(true);
    expect(nnt.ci.nntb).toEqual({ lower: 1 / -rd.ci.lower!, upper: Infinity });
    expect(nnt.ci.nnth).toEqual({ lower: 1 / rd.ci.upper!, upper: Infinity });
  });
  it('beneficial events flip the direction', () => {
    const rd = riskDifference({ events1: 30, n1: 100, events2: 10, n2: 100 });
    expect(numberNeededToTreat(rd, { events: 'beneficial' }).kind).toBe('NNTB');
    expect(numberNeededToTreat(rd).kind).toBe('NNTH');
  });
  it('RD exactly 0: infinite NNT with a warning', () => {
    const nnt = numberNeededToTreat(riskDifference({ events1: 5, n1: 10, events2: 5, n2: 10 }));
    expect(nnt.estimate).toBe(Infinity);
    expect(nnt.kind).toBe('none');
    expect(nnt.warnings.length).toBe(1);
  });
});

describe('unconditional tests on large tables', () => {
  it('refuse tables too large to enumerate, naming the arm sizes', async () => {
    const { barnardExact } = await import('../../../src/stats/binary/barnard-exact.js');
    expect(() => barnardExact({ events1: 1, n1: 3000, events2: 1, n2: 3000 })).toThrow(
      /n1, n2.*3000, 3000/,
    );
  });
});

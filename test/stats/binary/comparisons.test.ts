import { describe, expect, it } from 'vitest';
import { chiSquareTest } from '../../../src/stats/binary/chi-square-test.js';
import { midPTest } from '../../../src/stats/binary/mid-p-test.js';
import { oddsRatio } from '../../../src/stats/binary/odds-ratio.js';
import { riskDifference, wilsonInterval } from '../../../src/stats/binary/risk-difference.js';
import { riskRatio } from '../../../src/stats/binary/risk-ratio.js';
import { normalQuantile } from '../../../src/stats/dist/index.js';
import { decode, expectClose, label, rFixture, tableOf } from './fixtures.js';

const CLOSED = 1e-10;
const ITERATIVE = 1e-6;

describe('risk difference against R (binary.R)', () => {
  for (const c of rFixture.cases) {
    it(`${label(c)}: Wilson pieces (prop.test), Newcombe, Wald, Agresti–Caffo, MN at 90/95/99%`, () => {
      const table = tableOf(c);
      for (const l of c.levels) {
        const z = normalQuantile(1 - (1 - l.level) / 2);
        const w1 = wilsonInterval(c.x1, c.n1, z);
        expectClose(w1[0], l.wilson1[0], CLOSED, 1e-15, 'wilson1 lower');
        expectClose(w1[1], l.wilson1[1], CLOSED, 0, 'wilson1 upper');
        const nc = riskDifference(table, { level: l.level });
        expectClose(nc.ci.lower!, l.newcombe[0], CLOSED, 1e-15, 'newcombe lower');
        expectClose(nc.ci.upper!, l.newcombe[1], CLOSED, 1e-15, 'newcombe upper');
        const wald = riskDifference(table, { level: l.level, ci: 'wald' });
        if (l.wald[0] >= -1 && l.wald[1] <= 1) {
          expectClose(wald.ci.lower!, l.wald[0], CLOSED, 1e-15, 'wald lower');
          expectClose(wald.ci.upper!, l.wald[1], CLOSED, 1e-15, 'wald upper');
        }
        const ac = riskDifference(table, { level: l.level, ci: 'ac' });
        if (l.ac[0] >= -1 && l.ac[1] <= 1) {
          expectClose(ac.ci.lower!, l.ac[0], CLOSED, 1e-15, 'ac lower');
          expectClose(ac.ci.upper!, l.ac[1], CLOSED, 1e-15, 'ac upper');
        }
        const mn = riskDifference(table, { level: l.level, ci: 'mn' });
        expectClose(mn.ci.lower!, l.mnRd[0], ITERATIVE, 1e-9, 'mn lower');
        expectClose(mn.ci.upper!, l.mnRd[1], ITERATIVE, 1e-9, 'mn upper');
      }
      // escalc adds 0.5 to every cell of a table with a zero cell even for the RD; the RD here
      // never does (its intervals handle zeros), so compare only tables without zero cells.
      if (c.x1 > 0 && c.x2 > 0 && c.x1 < c.n1 && c.x2 < c.n2) {
        expectClose(riskDifference(table).estimate!, c.escalc.rd, CLOSED, 1e-16, 'escalc RD');
        expectClose(riskDifference(table).se! ** 2, c.escalc.vRd, CLOSED, 0, 'escalc RD variance');
      }
    });
  }
});

describe('risk ratio and odds ratio against R (binary.R)', () => {
  for (const c of rFixture.cases) {
    it(`${label(c)}: Katz/Woolf vs metafor::escalc (0.5 to all cells if a zero), Koopman, MN, exact`, () => {
      const table = tableOf(c);
      const katz = riskRatio(table);
      expectClose(Math.log(katz.estimate!), decode(c.escalc.logRr), CLOSED, 1e-15, 'log RR');
      expectClose(katz.se! ** 2, decode(c.escalc.vRr), CLOSED, 0, 'var log RR');
      const woolf = oddsRatio(table);
      expectClose(Math.log(woolf.estimate!), decode(c.escalc.logOr), CLOSED, 1e-15, 'log OR');
      expectClose(woolf.se! ** 2, decode(c.escalc.vOr), CLOSED, 0, 'var log OR');
      for (const l of c.levels) {
        if (l.koopman) {
          const k = riskRatio(table, { ci: 'koopman', level: l.level });
          expectClose(k.ci.lower!, decode(l.koopman[0]), ITERATIVE, 0, 'koopman lower');
          expectClose(k.ci.upper!, decode(l.koopman[1]), ITERATIVE, 0, 'koopman upper');
          const m = riskRatio(table, { ci: 'mn', level: l.level });
          expectClose(m.ci.lower!, decode(l.mnRr![0]), ITERATIVE, 0, 'mn RR lower');
          expectClose(m.ci.upper!, decode(l.mnRr![1]), ITERATIVE, 0, 'mn RR upper');
        }
        if (l.nam) {
          // Nam (1995) closed-form Koopman limits, as PropCIs::riskscoreci
          const k = riskRatio(table, { ci: 'koopman', level: l.level });
          expectClose(k.ci.lower!, l.nam[0], ITERATIVE, 0, 'nam lower');
          expectClose(k.ci.upper!, l.nam[1], ITERATIVE, 0, 'nam upper');
        }
        if (l.mnOr) {
          const m = oddsRatio(table, { ci: 'mn', level: l.level });
          expectClose(m.ci.lower!, decode(l.mnOr[0]), ITERATIVE, 0, 'mn OR lower');
          expectClose(m.ci.upper!, decode(l.mnOr[1]), ITERATIVE, 0, 'mn OR upper');
        }
      }
    });
  }
});

describe('chi-square and mid-p against R', () => {
  for (const c of rFixture.cases) {
    it(`${label(c)}: chisq.test correct = FALSE/TRUE, mid-p`, () => {
      const table = tableOf(c);
      const plain = chiSquareTest(table);
      const yates = chiSquareTest(table, { correct: true });
      if (c.chisq) {
        expectClose(plain!.statistic, c.chisq.statistic, CLOSED, 1e-14, 'X2');
        expectClose(plain!.p, c.chisq.p, CLOSED, 0, 'p');
        expectClose(yates!.statistic, c.chisqYates!.statistic, CLOSED, 1e-14, 'X2 Yates');
        expectClose(yates!.p, c.chisqYates!.p, CLOSED, 0, 'p Yates');
      } else {
        expect(plain).toBeNull();
        expect(yates).toBeNull();
      }
      expectClose(midPTest(table).p, c.midp, 1e-9, 0, 'mid-p');
    });
  }
  it("Yates' min(0.5, |O − E|) rule when |O − E| < 0.5 (5/10 vs 5/11)", () => {
    const y = rFixture.yatesSmall;
    const r = chiSquareTest(tableOf(y), { correct: true })!;
    expectClose(r.statistic, y.statistic, CLOSED, 1e-15);
    expectClose(r.p, y.p, CLOSED);
  });
});

describe('published values', () => {
  // Newcombe RG (1998) Interval estimation for the difference between independent proportions:
  // comparison of eleven methods. Stat Med 17:873–890, Table II, 95% limits to 4 decimals.
  const table2: [
    string,
    number,
    number,
    number,
    number,
    [number, number],
    [number, number] | null,
  ][] = [
    ['(a)', 56, 70, 48, 80, [0.0524, 0.3339], [0.0528, 0.3382]],
    ['(b)', 9, 10, 3, 10, [0.1705, 0.809], [0.17, 0.8406]],
    ['(c)', 6, 7, 2, 7, [0.0582, 0.8062], null],
    ['(d)', 5, 56, 0, 29, [-0.0381, 0.1926], null],
    ['(e)', 0, 10, 0, 20, [-0.1611, 0.2775], null],
    ['(f)', 0, 10, 0, 10, [-0.2775, 0.2775], null],
    ['(g)', 10, 10, 0, 20, [0.6791, 1], [0.7156, 1]],
    ['(h)', 10, 10, 0, 10, [0.6075, 1], null],
  ];
  for (const [name, x1, n1, x2, n2, newcombe, mn] of table2) {
    it(`Newcombe 1998 Stat Med 17:873, Table II example ${name} ${x1}/${n1} vs ${x2}/${n2}: method 10${mn ? ' and method 6 (Miettinen–Nurminen)' : ''}`, () => {
      const table = { events1: x1, n1, events2: x2, n2 };
      const r = riskDifference(table);
      expectClose(r.ci.lower!, newcombe[0], 0, 5e-5);
      expectClose(r.ci.upper!, newcombe[1], 0, 5e-5);
      if (mn) {
        const m = riskDifference(table, { ci: 'mn' });
        expectClose(m.ci.lower!, mn[0], 0, 5e-5);
        expectClose(m.ci.upper!, mn[1], 0, 5e-5);
      }
    });
  }
  it('Koopman 1984 Biometrics 40:513–517, worked example 36/40 vs 16/80: RR 4.5, 95% limits 2.94 to 7.15', () => {
    const r = riskRatio({ events1: 36, n1: 40, events2: 16, n2: 80 }, { ci: 'koopman' });
    expectClose(r.estimate!, 4.5, 1e-15);
    expectClose(r.ci.lower!, 2.94, 0, 5e-3);
    expectClose(r.ci.upper!, 7.15, 0, 5e-3);
  });
});

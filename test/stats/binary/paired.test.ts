import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mcnemarTest } from '../../../src/stats/binary/mcnemar-test.js';
import { pairedRiskDifference } from '../../../src/stats/binary/paired-risk-difference.js';
import type { PairedTable } from '../../../src/stats/binary/paired-table.js';
import { expectClose } from './fixtures.js';

interface Case extends PairedTable {
  corrected?: { statistic: number; p: number };
  uncorrected?: { statistic: number; p: number };
  exact?: { two: number; less: number; greater: number };
  newcombe: { level: number; ci: number[] }[];
}
const fixture = JSON.parse(
  readFileSync(new URL('../../reference/fixtures/paired.json', import.meta.url), 'utf8'),
) as { cases: Case[] };
const CLOSED = 1e-10;

describe('McNemar and the paired risk difference against R (paired.R)', () => {
  for (const c of fixture.cases) {
    const table = {
      both: c.both,
      firstOnly: c.firstOnly,
      secondOnly: c.secondOnly,
      neither: c.neither,
    };
    it(`${c.both}/${c.firstOnly}/${c.secondOnly}/${c.neither}: mcnemar.test, binom.test, Newcombe paired interval`, () => {
      if (c.corrected) {
        const yes = mcnemarTest(table);
        expectClose(yes.statistic!, c.corrected.statistic, CLOSED, 1e-15, 'X² corrected');
        expectClose(yes.p, c.corrected.p, CLOSED, 0, 'p corrected');
        const no = mcnemarTest(table, { correct: false });
        expectClose(no.statistic!, c.uncorrected!.statistic, CLOSED, 1e-15, 'X²');
        expectClose(no.p, c.uncorrected!.p, CLOSED, 0, 'p');
        expectClose(
          mcnemarTest(table, { method: 'exact' }).p,
          c.exact!.two,
          CLOSED,
          0,
          'exact two-sided',
        );
        expectClose(
          mcnemarTest(table, { method: 'exact', alternative: 'less' }).p,
          c.exact!.less,
          CLOSED,
          0,
          'exact less',
        );
        expectClose(
          mcnemarTest(table, { method: 'exact', alternative: 'greater' }).p,
          c.exact!.greater,
          CLOSED,
          0,
          'exact greater',
        );
      } else {
        const r = mcnemarTest(table);
        expect(r.p).toBeNaN();
        expect(r.warnings.join(' ')).toMatch(/no discordant pairs/);
      }
      for (const l of c.newcombe) {
        const rd = pairedRiskDifference(table, { level: l.level });
        expectClose(rd.ci.lower!, l.ci[0], CLOSED, 1e-15, `newcombe lower ${l.level}`);
        expectClose(rd.ci.upper!, l.ci[1], CLOSED, 1e-15, `newcombe upper ${l.level}`);
      }
    });
  }
});

describe('published values', () => {
  // Agresti A (2007) An Introduction to Categorical Data Analysis, 2nd ed., §8.1, Table 8.1
  // (presidential approval, 1600 people asked twice): z² = 17.36 (no correction), p1 − p2 = 0.04,
  // SE 0.0095, 95% Wald CI (0.021, 0.059).
  const table = { both: 794, firstOnly: 150, secondOnly: 86, neither: 570 };
  it('Agresti (2007) Table 8.1: McNemar z² = 17.36, δ = 0.04 with Wald CI (0.021, 0.059)', () => {
    expect(mcnemarTest(table, { correct: false }).statistic!.toFixed(2)).toBe('17.36');
    const rd = pairedRiskDifference(table, { ci: 'wald' });
    expectClose(rd.estimate!, 0.04, 1e-12, 0, 'δ');
    expect(rd.se!.toFixed(4)).toBe('0.0095');
    expect(rd.ci.lower!.toFixed(3)).toBe('0.021');
    expect(rd.ci.upper!.toFixed(3)).toBe('0.059');
  });
  it('rejects a one-sided asymptotic test and an empty table', () => {
    expect(() => mcnemarTest(table, { alternative: 'less' })).toThrow(/alternative/);
    expect(() => mcnemarTest({ both: 0, firstOnly: 0, secondOnly: 0, neither: 0 })).toThrow(/pair/);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { oddsRatio } from '../../../src/stats/binary/odds-ratio.js';
import { riskDifference } from '../../../src/stats/binary/risk-difference.js';
import { riskRatio } from '../../../src/stats/binary/risk-ratio.js';
import { decode, expectClose, label, rFixture, tableOf } from './fixtures.js';

/**
 * One-sided intervals. A one-sided limit at level L is the two-sided limit at level 2L − 1 for
 * every normal-theory method, so the R fixtures at two-sided 0.9 / 0.95 / 0.99 (binary.R) and
 * 0.8 (score_intervals.R) give the one-sided 0.95 / 0.975 / 0.995 and 0.9 limits; the exact OR is checked against fisher.test(alternative = "less" / "greater").
 */
const ITERATIVE = 1e-9;

describe('one-sided intervals (alternative less / greater)', () => {
  it('Newcombe, Wald RD, Katz, Woolf and exact OR against binary.R', () => {
    for (const c of rFixture.cases) {
      const table = tableOf(c);
      for (const l of c.levels) {
        const one = (1 + l.level) / 2;
        const where = `${label(c)} one-sided ${one}`;
        const less = riskDifference(table, { level: one, alternative: 'less' });
        const greater = riskDifference(table, { level: one, alternative: 'greater' });
        expect(less.ci.lower).toBe(-1);
        expect(greater.ci.upper).toBe(1);
        expectClose(less.ci.upper!, l.newcombe[1], 1e-10, 1e-14, `newcombe upper ${where}`);
        expectClose(greater.ci.lower!, l.newcombe[0], 1e-10, 1e-14, `newcombe lower ${where}`);
        const wald = riskDifference(table, { ci: 'wald', level: one, alternative: 'greater' });
        expectClose(wald.ci.lower!, Math.max(-1, l.wald[0]), 1e-10, 1e-14, `wald lower ${where}`);
      }
      const fisher = c.fisher.ci;
      for (const f of fisher) {
        const less = oddsRatio(table, { ci: 'exact', level: f.level, alternative: 'less' });
        const greater = oddsRatio(table, { ci: 'exact', level: f.level, alternative: 'greater' });
        if (!less.estimable) continue;
        expectClose(less.ci.lower!, decode(f.less[0]), 0, 0, `exact less lower ${label(c)}`);
        expectClose(
          less.ci.upper!,
          decode(f.less[1]),
          ITERATIVE,
          1e-300,
          `exact less upper ${label(c)}`,
        );
        expectClose(
          greater.ci.lower!,
          decode(f.greater[0]),
          ITERATIVE,
          1e-300,
          `exact greater lower ${label(c)}`,
        );
        expectClose(
          greater.ci.upper!,
          decode(f.greater[1]),
          0,
          0,
          `exact greater upper ${label(c)}`,
        );
      }
    }
  });

  it('MN OR, Koopman and MN RR, MN RD against score_intervals.R', () => {
    type Cell = number | string | null;
    const fx = JSON.parse(
      readFileSync(
        new URL('../../reference/fixtures/score_intervals.json', import.meta.url),
        'utf8',
      ),
    ) as { small: Cell[][] };
    let checked = 0;
    for (const row of fx.small) {
      const [x1, n1, x2, n2, level] = row.slice(0, 5) as number[];
      if (level !== 0.8) continue;
      const one = (1 + level) / 2;
      const table = { events1: x1, n1, events2: x2, n2 };
      const want = row.slice(5).map((v) => (v === null ? null : decode(v)));
      const got = [
        [
          'MN OR',
          (a: 'less' | 'greater') => oddsRatio(table, { ci: 'mn', level: one, alternative: a }),
        ],
        [
          'Koopman',
          (a: 'less' | 'greater') =>
            riskRatio(table, { ci: 'koopman', level: one, alternative: a }),
        ],
        [
          'MN RR',
          (a: 'less' | 'greater') => riskRatio(table, { ci: 'mn', level: one, alternative: a }),
        ],
        [
          'MN RD',
          (a: 'less' | 'greater') =>
            riskDifference(table, { ci: 'mn', level: one, alternative: a }),
        ],
      ] as const;
      got.forEach(([name, f], i) => {
        const lower = want[2 * i];
        if (lower === null) return;
        const where = `${name} ${x1}/${n1} vs ${x2}/${n2} one-sided ${one}`;
        const open = name === 'MN RD' ? [-1, 1] : [0, Infinity];
        const less = f('less').ci;
        const greater = f('greater').ci;
        expect(less.lower, where).toBe(open[0]);
        expect(greater.upper, where).toBe(open[1]);
        expectClose(less.upper!, want[2 * i + 1]!, 1e-11, 1e-15, `${where} upper`);
        expectClose(greater.lower!, lower, 1e-11, 1e-15, `${where} lower`);
        checked++;
      });
    }
    expect(checked).toBeGreaterThan(6000);
  });

  it('a one-sided Wald interval warns about clipping only at its closed end', () => {
    const t = { events1: 0, n1: 2, events2: 2, n2: 3 };
    expect(riskDifference(t, { ci: 'wald', alternative: 'less' }).warnings).toEqual([]);
    expect(riskDifference(t, { ci: 'wald' }).warnings.join(' ')).toMatch(/clipped/);
    expect(riskDifference(t, { ci: 'wald', alternative: 'greater' }).warnings.join(' ')).toMatch(
      /clipped/,
    );
  });

  it('rejects an unknown alternative', () => {
    const t = { events1: 3, n1: 10, events2: 1, n2: 10 };
    expect(() => riskRatio(t, { alternative: 'two.sided' as never })).toThrow(/alternative/);
  });
});

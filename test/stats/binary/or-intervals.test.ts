import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fisherExact } from '../../../src/stats/binary/fisher-exact.js';
import { oddsRatio } from '../../../src/stats/binary/odds-ratio.js';
import { decode, expectClose } from './fixtures.js';

/**
 * Mid-p exact and Cornfield odds-ratio intervals against test/reference/or_intervals.R (mid-p
 * tails from base R's dhyper; Cornfield solved in the cell count A rather than in ψ), every
 * table with n1, n2 ≤ 8 at 90/95/99% (two- and one-sided) plus larger tables.
 */
type Cell = number | string;
const fixture = JSON.parse(
  readFileSync(new URL('../../reference/fixtures/or_intervals.json', import.meta.url), 'utf8'),
) as { rows: Cell[][] };
const REL = 1e-9;

describe('mid-p exact and Cornfield OR intervals', () => {
  it(`match the R reference (${fixture.rows.length} rows, two- and one-sided)`, () => {
    for (const row of fixture.rows) {
      const [x1, n1, x2, n2, level] = row.slice(0, 5) as number[];
      const [mL, mU, m1L, m1U, cL, cU, c1L, c1U] = row.slice(5).map(decode);
      const t = { events1: x1, n1, events2: x2, n2 };
      const where = `${x1}/${n1} vs ${x2}/${n2} at ${level}`;
      const midp = oddsRatio(t, { ci: 'midp', level });
      expect(midp.ci.method).toBe('mid-p-exact');
      expectClose(midp.ci.lower!, mL, REL, 1e-300, `mid-p lower ${where}`);
      expectClose(midp.ci.upper!, mU, REL, 1e-300, `mid-p upper ${where}`);
      expectClose(
        oddsRatio(t, { ci: 'midp', level, alternative: 'greater' }).ci.lower!,
        m1L,
        REL,
        1e-300,
        `mid-p one-sided lower ${where}`,
      );
      expectClose(
        oddsRatio(t, { ci: 'midp', level, alternative: 'less' }).ci.upper!,
        m1U,
        REL,
        1e-300,
        `mid-p one-sided upper ${where}`,
      );
      const cf = oddsRatio(t, { ci: 'cornfield', level });
      expectClose(cf.ci.lower!, cL, REL, 1e-300, `Cornfield lower ${where}`);
      expectClose(cf.ci.upper!, cU, REL, 1e-300, `Cornfield upper ${where}`);
      expectClose(
        oddsRatio(t, { ci: 'cornfield', level, alternative: 'greater' }).ci.lower!,
        c1L,
        REL,
        1e-300,
        `Cornfield one-sided lower ${where}`,
      );
      expectClose(
        oddsRatio(t, { ci: 'cornfield', level, alternative: 'less' }).ci.upper!,
        c1U,
        REL,
        1e-300,
        `Cornfield one-sided upper ${where}`,
      );
    }
  });

  it('mid-p lies inside the exact interval; estimates are the conditional MLE (mid-p) and sample OR (Cornfield)', () => {
    const t = { events1: 7, n1: 12, events2: 1, n2: 10 };
    const exact = oddsRatio(t, { ci: 'exact' });
    const midp = oddsRatio(t, { ci: 'midp' });
    expect(midp.ci.lower!).toBeGreaterThan(exact.ci.lower!);
    expect(midp.ci.upper!).toBeLessThan(exact.ci.upper!);
    expect(midp.estimate).toBe(fisherExact(t).estimate);
    expect(oddsRatio(t, { ci: 'cornfield' }).estimate).toBeCloseTo(12.6, 12);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { attributableFractions } from '../../../src/stats/binary/attributable-fractions.js';
import { expectClose } from './fixtures.js';

/** AF among the exposed, PAR (Pirikahu and Wald) and PAF against epiR::epi.2by2 (test/reference/attributable.R). */
const fixture = JSON.parse(
  readFileSync(new URL('../../reference/fixtures/attributable.json', import.meta.url), 'utf8'),
) as {
  rows: {
    table: number[];
    level: number;
    afExposed: number[];
    parWald: number[];
    parPirikahu: number[];
    paf: number[];
  }[];
};
const CLOSED = 1e-10;

describe('attributable fractions', () => {
  it(`match epiR (${fixture.rows.length} rows)`, () => {
    for (const row of fixture.rows) {
      const [events1, n1, events2, n2] = row.table;
      const t = { events1, n1, events2, n2 };
      const r = attributableFractions(t, { level: row.level });
      const w = attributableFractions(t, { level: row.level, parCi: 'wald' });
      const triple = (e: {
        estimate: number | null;
        ci: { lower: number | null; upper: number | null };
      }) => [e.estimate!, e.ci.lower!, e.ci.upper!];
      const check = (got: number[], want: number[], what: string) =>
        got.forEach((g, i) =>
          expectClose(
            g,
            want[i],
            CLOSED,
            1e-15,
            `${what}[${i}] ${row.table.join(',')} at ${row.level}`,
          ),
        );
      check(triple(r.afExposed), row.afExposed, 'AF exposed');
      check(triple(r.par), row.parPirikahu, 'PAR Pirikahu');
      check(triple(w.par), row.parWald, 'PAR Wald');
      check(triple(r.paf), row.paf, 'PAF');
    }
  });

  it('zero cells: AF and PAF undefined are null with warnings, never NaN', () => {
    const r = attributableFractions({ events1: 3, n1: 10, events2: 0, n2: 10 });
    expect(r.afExposed.estimate).toBeNull();
    expect(r.paf.ci.lower).toBeNull();
    expect(r.par.estimable).toBe(true);
    expect(r.warnings.length).toBe(2);
    const none = attributableFractions({ events1: 0, n1: 10, events2: 0, n2: 10 });
    expect(none.paf.estimable).toBe(false);
    expect(() =>
      attributableFractions({ events1: 1, n1: 2, events2: 1, n2: 2 }, { parCi: 'x' as never }),
    ).toThrow(/parCi/);
  });
});

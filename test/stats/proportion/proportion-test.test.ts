import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { proportionTest } from '../../../src/stats/proportion/proportion-test.js';
import { expectClose } from '../../support/close.js';

// proportion_test.R: R's prop.test(x, n, p0, alternative, correct).
const fixture = JSON.parse(
  readFileSync(new URL('../../reference/fixtures/proportion_test.json', import.meta.url), 'utf8'),
) as {
  cases: ({ x: number; n: number; p0: number } & Record<
    string,
    { statistic: number; p: number }
  >)[];
};

describe('proportionTest matches R prop.test (1e-10 relative)', () => {
  for (const c of fixture.cases) {
    it(`${c.x}/${c.n} against p0 = ${c.p0}`, () => {
      for (const correct of [true, false]) {
        for (const [alt, key] of [
          ['two-sided', 'two.sided'],
          ['less', 'less'],
          ['greater', 'greater'],
        ] as const) {
          const want = c[`${correct ? 'cc' : 'plain'}_${key}`];
          const got = proportionTest(c.x, c.n, { p0: c.p0, correct, alternative: alt });
          expectClose(got.statistic!, want.statistic, 1e-10, 1e-14, `X² ${alt} correct=${correct}`);
          expectClose(got.p, want.p, 1e-10, 0, `p ${alt} correct=${correct}`);
        }
      }
    });
  }
  it('rejects p0 at 0 or 1 (the statistic is undefined)', () => {
    expect(() => proportionTest(3, 10, { p0: 1 })).toThrow(/p0/);
  });
});

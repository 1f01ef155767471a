import { describe, it } from 'vitest';
import { fisherExact } from '../../../src/stats/binary/fisher-exact.js';
import { decode, expectClose, label, rFixture, tableOf } from './fixtures.js';

// R fisher.test; the limits come from uniroot at its default tolerance, reproduced by the
// same root finder, so they agree far below 1e-6.
describe('fisherExact matches R fisher.test', () => {
  for (const c of rFixture.cases) {
    it(`${label(c)}: p (three alternatives), conditional MLE, CI at 90/95/99%`, () => {
      const table = tableOf(c);
      const two = fisherExact(table);
      expectClose(two.test.p, c.fisher.p, 1e-6);
      expectClose(fisherExact(table, { alternative: 'less' }).test.p, c.fisher.p_less, 1e-6);
      expectClose(fisherExact(table, { alternative: 'greater' }).test.p, c.fisher.p_greater, 1e-6);
      expectClose(two.estimate, decode(c.fisher.estimate), 1e-6);
      for (const l of c.fisher.ci) {
        for (const alternative of ['two-sided', 'less', 'greater'] as const) {
          const key = alternative === 'two-sided' ? 'two' : alternative;
          const r = fisherExact(table, { level: l.level, alternative });
          expectClose(r.ci.lower, decode(l[key][0]), 1e-6);
          expectClose(r.ci.upper, decode(l[key][1]), 1e-6);
        }
      }
    });
  }
});

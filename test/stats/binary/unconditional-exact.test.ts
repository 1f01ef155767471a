import { describe, it } from 'vitest';
import { barnardExact } from '../../../src/stats/binary/barnard-exact.js';
import { boschlooExact } from '../../../src/stats/binary/boschloo-exact.js';
import { decode, expectClose, label, pyFixture, tableOf } from './fixtures.js';

// scipy.stats.barnard_exact / boschloo_exact with n = 4096 Sobol points (see
// test/reference/binary_unconditional.py); p within 1e-6 relative.
describe('Barnard and Boschloo match scipy', () => {
  for (const c of pyFixture.cases) {
    it(`${label(c)}: three alternatives`, () => {
      for (const alternative of ['two-sided', 'less', 'greater'] as const) {
        const ref = c[alternative];
        const b = barnardExact(tableOf(c), { alternative });
        expectClose(
          b.statistic,
          decode(ref.barnard.statistic),
          1e-12,
          0,
          `barnard ${alternative} statistic`,
        );
        expectClose(b.p, ref.barnard.p, 1e-6, 0, `barnard ${alternative} p`);
        const u = barnardExact(tableOf(c), { alternative, pooled: false });
        expectClose(
          u.statistic,
          decode(ref.barnardUnpooled.statistic),
          1e-12,
          0,
          `unpooled barnard ${alternative} statistic`,
        );
        expectClose(u.p, ref.barnardUnpooled.p, 1e-6, 0, `unpooled barnard ${alternative} p`);
        const s = boschlooExact(tableOf(c), { alternative });
        expectClose(
          s.statistic,
          decode(ref.boschloo.statistic),
          1e-9,
          0,
          `boschloo ${alternative} statistic`,
        );
        expectClose(s.p, ref.boschloo.p, 1e-6, 0, `boschloo ${alternative} p`);
      }
    });
  }
});

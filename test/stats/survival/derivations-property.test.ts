import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/stats/design/create-rng.js';
import { coxHazardRatio } from '../../../src/stats/survival/cox-hazard-ratio.js';
import { deriveHazardRatio } from '../../../src/stats/survival/derive-hazard-ratio.js';
import { logRankTest } from '../../../src/stats/survival/log-rank-test.js';
import type { SurvivalRecord } from '../../../src/stats/survival/survival-records.js';
import { expectClose } from '../../support/close.js';

/**
 * Trials generated in TypeScript from a known HR (seeded; exponential times, uniform censoring,
 * two arms a and b with hazard ratio a/b = hr): the figures a paper would print — the Cox HR with
 * its CI and Wald p, the log-rank O − E, V and p, the deaths per arm — are computed from the
 * patient data, and every derivation from them must land on the Cox estimate.
 */
function trial(seed: number, hr: number, n1: number, n2: number): SurvivalRecord[] {
  const rng = createRng(seed);
  const records: SurvivalRecord[] = [];
  for (let i = 0; i < n1 + n2; i++) {
    const arm = i < n1 ? 'a' : 'b';
    const rate = 0.1 * (arm === 'a' ? hr : 1);
    const t = -Math.log(1 - rng.nextDouble()) / rate;
    const c = 5 + 25 * rng.nextDouble();
    records.push({ time: Math.min(t, c), event: t <= c, arm });
  }
  return records;
}

const CASES = [
  { seed: 1, hr: 0.7, n1: 300, n2: 300 },
  { seed: 2, hr: 1.3, n1: 400, n2: 200 },
  { seed: 3, hr: 0.5, n1: 150, n2: 300 },
  { seed: 4, hr: 1, n1: 500, n2: 500 },
  { seed: 5, hr: 0.85, n1: 800, n2: 800 },
  { seed: 6, hr: 2, n1: 120, n2: 120 },
];

describe('property: on trials generated from a known HR, every derivation lands on the Cox HR', () => {
  for (const c of CASES) {
    it(`seed ${c.seed}, HR ${c.hr}, ${c.n1}:${c.n2}`, () => {
      const records = trial(c.seed, c.hr, c.n1, c.n2);
      const cox = coxHazardRatio(records, { arms: ['a', 'b'] });
      const lr = logRankTest(records, { arms: ['a', 'b'] });
      const r = deriveHazardRatio({
        hr: cox.estimate,
        ciLower: cox.ci.lower,
        ciUpper: cox.ci.upper,
        p: cox.wald.p,
        oMinusE: lr.oMinusE,
        v: lr.v,
        logrankP: lr.p,
        events1: lr.observed[0],
        events2: lr.observed[1],
        n1: c.n1,
        n2: c.n2,
      });
      expect(r.derivations.map((d) => d.method)).toEqual(['ci', 'oe-v', 'p', 'logrank', 'events']);
      for (const d of r.derivations) {
        // CI and p re-express the Cox estimate exactly; the log-rank ones are Peto-type
        // approximations, close near HR 1 and drifting as |log HR| grows (Peto's bias).
        const far = Math.max(1, Math.abs(cox.logHr) / 0.3);
        const tolerance = d.exact ? 1e-9 : 0.08 * far;
        expect(Math.abs(d.logHr - cox.logHr), d.method).toBeLessThan(tolerance);
        expect(Math.abs(d.se / cox.se - 1), d.method).toBeLessThan(d.exact ? 1e-8 : 0.1 * far);
      }
      // And the Cox estimate is near the truth (within 4 SE).
      expect(Math.abs(cox.logHr - Math.log(c.hr))).toBeLessThan(4 * cox.se);
    });
  }
});

describe('property: swapping the arms of generated trials inverts the HR', () => {
  for (const c of CASES.slice(0, 4)) {
    it(`seed ${c.seed}: Cox HR(b vs a) = 1/HR(a vs b), same SE; log-rank O − E changes sign`, () => {
      const records = trial(c.seed, c.hr, c.n1, c.n2);
      const ab = coxHazardRatio(records, { arms: ['a', 'b'] });
      const ba = coxHazardRatio(records, { arms: ['b', 'a'] });
      expectClose(ba.estimate, 1 / ab.estimate, 1e-9);
      expectClose(ba.se, ab.se, 1e-9);
      const lrAb = logRankTest(records, { arms: ['a', 'b'] });
      const lrBa = logRankTest(records, { arms: ['b', 'a'] });
      expectClose(lrBa.oMinusE, -lrAb.oMinusE, 1e-12, 1e-12);
      expectClose(lrBa.v, lrAb.v, 1e-12);
      const d = deriveHazardRatio({ oMinusE: lrAb.oMinusE, v: lrAb.v });
      const s = deriveHazardRatio({ oMinusE: lrBa.oMinusE, v: lrBa.v });
      expectClose(s.estimate, 1 / d.estimate, 1e-12);
    });
  }
});

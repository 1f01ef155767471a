import { describe, expect, it } from 'vitest';
import { poolHazardRatios, type HrStudy } from '../../../src/stats/survival/pool-hazard-ratios.js';
import type { MetaMethod, MetaTest } from '../../../src/stats/meta/meta-analysis.js';
import { expectClose, readFixture } from '../continuous/close.js';

interface Fit {
  method: MetaMethod;
  test: MetaTest;
  estimate: number;
  se: number;
  lower: number;
  upper: number;
  tau2: number;
  I2: number;
  Q: number;
  p: number;
}
const { pool } = readFixture<{ pool: { yi: number[]; sei: number[]; fits: Fit[] } }>('survival');

const HR_STUDIES: HrStudy[] = [
  { study: 'A', reported: { hr: 0.78, ciLower: 0.62, ciUpper: 0.98 } },
  { study: 'B', reported: { oMinusE: -8.4, v: 35.2 } },
  { study: 'C', reported: { hr: 1.12, p: 0.35 } },
  { study: 'D', reported: { logrankP: 0.03, events: 180, n1: 150, n2: 150, favours: 'arm1' } },
  { study: 'E', reported: { hr: 0.45, events1: 40, events2: 55 } },
];

describe('pooling HRs derived five different ways (R: Tierney derivations, then metafor rma)', () => {
  it("each study's log HR and SE", () => {
    const r = poolHazardRatios(HR_STUDIES);
    r.studies.forEach((s, i) => {
      expectClose(s.derived.logHr, pool.yi[i], 1e-10);
      expectClose(s.derived.se, pool.sei[i], 1e-10);
    });
    expect(r.studies.map((s) => s.derived.primary)).toEqual([
      'ci',
      'oe-v',
      'p',
      'logrank',
      'events',
    ]);
    expect(r.meta.measure).toBe('HR');
    expectClose(r.meta.transformed.estimate, Math.exp(r.meta.estimate), 1e-14);
  });
  for (const f of pool.fits) {
    it(`${f.method}, test ${f.test}: pooled log HR ${f.estimate.toFixed(4)}, τ² ${f.tau2.toFixed(4)} as rma`, () => {
      const m = poolHazardRatios(HR_STUDIES, { method: f.method, test: f.test }).meta;
      expectClose(m.estimate, f.estimate, 1e-6);
      expectClose(m.se, f.se, 1e-6);
      expectClose(m.ci.lower, f.lower, 1e-6);
      expectClose(m.ci.upper, f.upper, 1e-6);
      expectClose(m.tau2, f.tau2, 1e-6, 1e-10);
      expectClose(m.Q, f.Q, 1e-10);
      expectClose(m.p, f.p, 1e-6);
    });
  }
  it('names the study in an input error', () => {
    expect(() => poolHazardRatios([{ study: 'X', reported: { hr: 0.8 } }])).toThrow(/^X: reported/);
  });
});

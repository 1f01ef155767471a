import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { boinBoundaries, boinDecisionTable } from '../../../src/stats/design/boin.js';
import { crmOc, crmPosterior, crmSkeleton } from '../../../src/stats/design/crm.js';
import { excluded, tableRule } from '../../../src/stats/design/dose-decision-table.js';
import { i3plus3Table } from '../../../src/stats/design/i3plus3.js';
import { intervalDesignOc } from '../../../src/stats/design/interval-design-oc.js';
import { mtpi2Intervals, mtpi2Table } from '../../../src/stats/design/mtpi2.js';
import { expectClose } from '../../support/close.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const fx = JSON.parse(
  readFileSync(new URL('../../reference/fixtures/dose_finding.json', import.meta.url), 'utf8'),
) as Record<string, any>;

describe('mTPI-2 and i3+3 decision tables (R, dose_finding.R)', () => {
  for (const t of fx.tables) {
    it(`${t.design} target ${t.target.toFixed(4)}, EI [${t.ei.join(', ')}], n = 1..${t.decisions.length}`, () => {
      const make = t.design === 'mtpi2' ? mtpi2Table : i3plus3Table;
      const table = make(t.target, { ei: t.ei, maxN: t.decisions.length });
      expect(table.decisions).toEqual(t.decisions);
    });
  }
  it('the default EI is pT ± 0.05 without rounding error (1/4 sits on 0.3 − 0.05)', () => {
    expect(i3plus3Table(0.3).decisions[3][1]).toBe('S');
    expect(mtpi2Intervals([0.25, 0.35])).toEqual(
      [
        [0, 0.05],
        [0.05, 0.15],
        [0.15, 0.25],
        [0.25, 0.35],
        [0.35, 0.45],
        [0.45, 0.55],
        [0.55, 0.65],
        [0.65, 0.75],
        [0.75, 0.85],
        [0.85, 0.95],
        [0.95, 1],
      ].map(([a, b]) => [expect.closeTo(a, 12), expect.closeTo(b, 12)]),
    );
  });
  it('i3+3 at n = 3 is the 3+3 rule read per cohort (Liu et al. 2020): 0 E, 1 S, 2 D, 3 DU', () => {
    expect(i3plus3Table(0.3).decisions[2]).toEqual(['E', 'S', 'D', 'DU']);
  });
  it('the exclusion rule: P(p > 0.3 | 3/3) = 0.976 > 0.95, 2/3 is not excluded', () => {
    expect(excluded(3, 3, 0.3)).toBe(true);
    expect(excluded(2, 3, 0.3)).toBe(false);
    expect(excluded(2, 2, 0.3)).toBe(false);
  });
  it('BOIN decision table from its boundaries (Liu & Yuan 2015, target 0.3: n = 3 → E at 0, D at ≥ 2, DU at 3)', () => {
    const t = boinDecisionTable(boinBoundaries(0.3));
    expect(t.decisions[2]).toEqual(['E', 'S', 'D', 'DU']);
    expect(t.decisions[5]).toEqual(['E', 'E', 'S', 'D', 'DU', 'DU', 'DU']);
  });
  it('rejects a bad EI', () => {
    expect(() => mtpi2Table(0.3, { ei: [0.35, 0.4] })).toThrow(InputError);
    expect(() => i3plus3Table(0.3, { ei: [0.2, 0.3] })).toThrow(InputError);
  });
});

describe('exact operating characteristics of mTPI-2 and i3+3 (R path-by-path recursion)', () => {
  for (const c of fx.oc) {
    it(`${c.design}: dlt ${c.dlt.join('/')}, ${c.cohorts} cohorts of ${c.cohortSize}`, () => {
      const table = c.design === 'mtpi2' ? mtpi2Table(c.target) : i3plus3Table(c.target);
      const r = intervalDesignOc(tableRule(table), c.dlt, c.target, {
        cohortSize: c.cohortSize,
        cohorts: c.cohorts,
      });
      r.pSelect.forEach((p: number, j: number) =>
        expectClose(p, c.pSelect[j], 1e-10, 1e-14, `P(select ${j + 1})`),
      );
      expectClose(r.pNone, c.pNone, 1e-10, 1e-14, 'P(none)');
      r.expectedNPerDose.forEach((n: number, j: number) =>
        expectClose(n, c.expectedNPerDose[j], 1e-10, 1e-12, `E[n ${j + 1}]`),
      );
    });
  }
});

describe('CRM posterior (R integrate, dose_finding.R)', () => {
  for (const c of fx.crm) {
    it(`${c.model}, skeleton ${c.skeleton.join('/')}, y/n ${c.y.map((y: number, j: number) => `${y}/${c.n[j]}`).join(' ')}`, () => {
      const r = crmPosterior(c.skeleton, c.target, c.n, c.y, { model: c.model });
      expectClose(r.betaMean, c.betaMean, 1e-8, 1e-10, 'E[β]');
      expectClose(r.betaSd, c.betaSd, 1e-8, 1e-10, 'SD[β]');
      r.ptox.forEach((p, j) => expectClose(p, c.ptox[j], 1e-8, 1e-12, `ptox ${j + 1}`));
      r.ptoxMean.forEach((p, j) => expectClose(p, c.ptoxMean[j], 1e-8, 1e-12, `E[p ${j + 1}]`));
      // P(p_j > θ): Simpson up to the crossing against integrate() (fourth order, not spectral).
      r.pOverTarget.forEach((p, j) =>
        expectClose(p, c.pOverTarget[j], 1e-6, 1e-7, `P(p ${j + 1} > θ)`),
      );
      expect(r.recommended).toBe(c.recommended);
    });
  }
});

describe('crmSkeleton (dfcrm getprior, re-derived in R with uniroot)', () => {
  for (const c of fx.skeletons) {
    it(`${c.model}: δ ${c.halfWidth}, θ ${c.target}, prior MTD ${c.priorMtd} of ${c.levels}`, () => {
      const s = crmSkeleton(c.halfWidth, c.target, c.priorMtd, c.levels, { model: c.model });
      s.forEach((v, j) => expectClose(v, c.skeleton[j], 1e-10, 0, `s ${j + 1}`));
    });
  }
});

describe('crmOc (seeded simulation)', () => {
  const skel = [0.05, 0.12, 0.25, 0.4, 0.55];
  it('is reproducible from its seed, sums to 1 and favours the true MTD', () => {
    const a = crmOc([0.05, 0.1, 0.25, 0.45, 0.6], skel, 0.25, { seed: 7, reps: 400 });
    const b = crmOc([0.05, 0.1, 0.25, 0.45, 0.6], skel, 0.25, { seed: 7, reps: 400 });
    expect(a).toEqual(b);
    expectClose(a.pSelect.reduce((s, p) => s + p, 0) + a.pNone, 1, 1e-12);
    expect(a.pSelect[2]).toBeGreaterThan(0.4);
    expectClose(a.expectedN, 30, 1e-12);
  });
  it('stops for safety when the lowest dose is too toxic', () => {
    const r = crmOc([0.6, 0.7, 0.8, 0.85, 0.9], skel, 0.25, {
      seed: 3,
      reps: 300,
      stopCutoff: 0.9,
    });
    expect(r.pNone).toBeGreaterThan(0.9);
  });
  it('rejects a non-increasing skeleton', () => {
    expect(() => crmPosterior([0.2, 0.1], 0.25, [0, 0], [0, 0])).toThrow(InputError);
  });
});

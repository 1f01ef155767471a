import { describe, expect, it } from 'vitest';
import { leaveOneOut } from '../../../src/stats/meta/leave-one-out.js';
import { cumulativeMetaAnalysis } from '../../../src/stats/meta/cumulative-meta-analysis.js';
import { influenceDiagnostics } from '../../../src/stats/meta/influence-diagnostics.js';
import { eggerTest } from '../../../src/stats/meta/egger-test.js';
import { funnelData } from '../../../src/stats/meta/funnel-data.js';
import type { EffectSizes } from '../../../src/stats/meta/effect-sizes.js';
import { expectClose } from '../../support/close.js';
import { fixture } from './fixture.js';

const datasets = [
  {
    name: 'bcg',
    yi: fixture.bcg.escalc.RR.yi,
    vi: fixture.bcg.escalc.RR.vi,
    year: fixture.bcg.data.year,
    s: fixture.bcg.sensitivity,
  },
  {
    name: 'normand1999',
    yi: fixture.normand.escalc.MD.yi,
    vi: fixture.normand.escalc.MD.vi,
    year: null,
    s: fixture.normand.sensitivity,
  },
  {
    name: 'hackshaw1998',
    yi: fixture.hackshaw.data.yi,
    vi: fixture.hackshaw.data.vi,
    year: fixture.hackshaw.data.year,
    s: fixture.hackshaw.sensitivity,
  },
];

const effectsOf = (yi: number[], vi: number[], year?: number[] | null): EffectSizes => ({
  measure: 'GEN',
  studies: yi.map((y, i) => ({
    study: `S${i + 1}`,
    yi: y,
    vi: vi[i],
    ...(year ? { extra: { year: year[i] } } : {}),
  })),
  dropped: [],
  warnings: [],
});

const TOL = 1e-6; // REML refits

describe('sensitivity analyses against metafor 3.8 (REML)', () => {
  for (const d of datasets) {
    const effects = effectsOf(d.yi, d.vi, d.year);
    it(`${d.name}: leave1out`, () => {
      const rows = leaveOneOut(effects, { pi: 'z' });
      const e = d.s.leave1out;
      rows.forEach((r, i) => {
        expectClose(r.estimate, e.estimate[i], TOL, 0, `estimate[${i}]`);
        expectClose(r.se, e.se[i], TOL, 0, `se[${i}]`);
        expectClose(r.p, e.pval[i], TOL, 0, `p[${i}]`);
        expectClose(r.ci!.lower, e.ci_lb[i], TOL, 0, `ci_lb[${i}]`);
        expectClose(r.Q, e.Q[i], TOL, 0, `Q[${i}]`);
        expectClose(r.tau2, e.tau2[i], TOL, 1e-12, `tau2[${i}]`);
        expectClose(r.I2, e.I2[i], TOL, 1e-10, `I2[${i}]`);
      });
    });
    it(`${d.name}: influence`, () => {
      const rows = influenceDiagnostics(effects);
      const e = d.s.influence;
      rows.forEach((r, i) => {
        expectClose(r.rstudent, e.rstudent[i], TOL, 0, `rstudent[${i}]`);
        expectClose(r.dffits, e.dffits[i], TOL, 0, `dffits[${i}]`);
        expectClose(r.cooksDistance, e.cook_d[i], TOL, 0, `cook.d[${i}]`);
        expectClose(r.covRatio, e.cov_r[i], TOL, 0, `cov.r[${i}]`);
        expectClose(r.tau2Deleted, e.tau2_del[i], TOL, 1e-12, `tau2.del[${i}]`);
        expectClose(r.QDeleted, e.QE_del[i], TOL, 0, `QE.del[${i}]`);
        expectClose(r.hat, e.hat[i], TOL, 0, `hat[${i}]`);
        expectClose(r.weight, e.weight[i], TOL, 0, `weight[${i}]`);
        expectClose(r.dfbetas, e.dfbetas[i], TOL, 0, `dfbetas[${i}]`);
        expect(r.influential, `influential[${i}]`).toBe(e.influential[i]);
      });
    });
    it(`${d.name}: regtest (model rma and lm)`, () => {
      const r = eggerTest(effects);
      const e = d.s.regtest;
      expectClose(r.statistic, e.zval, TOL, 0, 'zval');
      expectClose(r.p, e.pval, TOL, 0, 'pval');
      expectClose(r.limitEstimate!, e.est, TOL, 0, 'est');
      expectClose(r.ci!.lower, e.ci_lb, TOL, 0, 'ci_lb');
      expectClose(r.tau2, e.tau2, TOL, 1e-12, 'tau2');
      const lm = eggerTest(effects, { model: 'lm' });
      const el = d.s.regtest_lm;
      expectClose(lm.statistic, el.zval, 1e-10, 0, 'lm t');
      expectClose(lm.p, el.pval, 1e-10, 0, 'lm p');
      expect(lm.df).toBe(el.dfs);
      expectClose(lm.ci!.upper, el.ci_ub, 1e-10, 0, 'lm ci_ub');
    });
    if (d.s.cumul) {
      it(`${d.name}: cumul ordered by year`, () => {
        const rows = cumulativeMetaAnalysis(effects, (s) => Number(s.extra!.year), { pi: 'z' });
        const e = d.s.cumul;
        rows.forEach((r, i) => {
          expectClose(r.estimate, e.estimate[i], TOL, 0, `estimate[${i}]`);
          expectClose(r.se, e.se[i], TOL, 0, `se[${i}]`);
          expectClose(r.ci.upper, e.ci_ub[i], TOL, 0, `ci_ub[${i}]`);
          expectClose(r.tau2, e.tau2[i], TOL, 1e-12, `tau2[${i}]`);
          if (e.I2[i] !== null) expectClose(r.I2, e.I2[i], TOL, 1e-10, `I2[${i}]`);
        });
      });
    }
  }
  it('funnel data: points and the pseudo-confidence region', () => {
    const f = funnelData(effectsOf([0.1, 0.5], [0.04, 0.25]), 0.2);
    expect(f.points[1].sei).toBe(0.5);
    expect(f.region[1].se).toBe(0.5);
    expectClose(f.region[1].upper, 0.2 + 1.959963984540054 * 0.5, 1e-12);
  });
});

import { describe, expect, it } from 'vitest';
import { subgroupAnalysis } from '../../../src/stats/meta/subgroup-analysis.js';
import type { EffectSizes } from '../../../src/stats/meta/effect-sizes.js';
import type { MetaMethod, MetaTest } from '../../../src/stats/meta/meta-analysis.js';
import { expectClose } from '../../support/close.js';
import { loadFixture } from './fixture.js';

// metafor 3.8: rma(yi, vi, mods = ~ factor(alloc)) for τ², Q_M, Q_E and ~ factor(alloc) − 1 for the
// subgroup estimates (test/reference/meta_depth.R, subgroup_common).
const fx = loadFixture('meta_depth');
const d = fx.bcg;
const effects: EffectSizes = {
  measure: 'GEN',
  studies: d.yi.map((y: number, i: number) => ({
    study: d.study[i],
    yi: y,
    vi: d.vi[i],
    extra: { alloc: d.alloc[i] },
  })),
  dropped: [],
  warnings: [],
};

describe('subgroups with a common τ² (dat.bcg by allocation)', () => {
  for (const [key, e] of Object.entries(fx.subgroup_common) as [string, any][]) {
    const [method, test] = key.split('_') as [MetaMethod, MetaTest];
    it(`${method} ${test}`, () => {
      const r = subgroupAnalysis(effects, (s) => String(s.extra!.alloc), {
        method,
        test,
        commonTau2: true,
      });
      const c = r.common!;
      const tol = method === 'DL' ? 1e-9 : 1e-6;
      expectClose(c.tau2, e.tau2, tol, 0, 'tau2');
      expectClose(c.QM.statistic, e.QM, tol, 0, 'QM');
      expectClose(c.QM.p, e.QMp, tol, 0, 'QMp');
      expect([c.QM.df1, c.QM.df2]).toEqual(e.QMdf);
      expectClose(c.QE.Q, e.QE, 1e-10, 0, 'QE');
      for (const g of c.groups) {
        const j = e.levels.indexOf(g.name);
        expectClose(g.estimate, e.estimate[j], tol, 0, `${g.name} estimate`);
        expectClose(g.se, e.se[j], tol, 0, `${g.name} se`);
        expectClose(g.ci.lower, e.ci_lb[j], tol, 0, `${g.name} ci_lb`);
        expectClose(g.p, e.pval[j], tol, 0, `${g.name} p`);
      }
      expect(c.groups.map((g) => g.name)).toEqual(r.groups.map((g) => g.name)); // input order, as the separate analysis
    });
  }
  it('without commonTau2 the result is unchanged and common is null', () => {
    expect(subgroupAnalysis(effects, (s) => String(s.extra!.alloc)).common).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { mantelHaenszel } from '../../../src/stats/meta/mantel-haenszel.js';
import { peto } from '../../../src/stats/meta/peto.js';
import { subgroupAnalysis } from '../../../src/stats/meta/subgroup-analysis.js';
import { binaryEffectSizes } from '../../../src/stats/meta/binary-effect-sizes.js';
import { expectClose } from '../../support/close.js';
import { fixture } from './fixture.js';

const tables = (
  d: { ai: number[]; n1i: number[]; ci: number[]; n2i: number[] },
  extra?: (i: number) => Record<string, string>,
) =>
  d.ai.map((a, i) => ({
    events1: a,
    n1: d.n1i[i],
    events2: d.ci[i],
    n2: d.n2i[i],
    ...(extra ? { extra: extra(i) } : {}),
  }));

describe('Mantel–Haenszel and Peto against metafor rma.mh / rma.peto (closed forms, 1e-10)', () => {
  for (const name of ['bcg', 'zeros'] as const) {
    for (const m of ['RR', 'OR', 'RD'] as const) {
      it(`${name}: MH ${m}`, () => {
        const e = fixture[name].mh[m];
        const r = mantelHaenszel(tables(fixture[name].data), m);
        expectClose(r.estimate, e.estimate, 1e-10, 0, 'estimate');
        expectClose(r.se, e.se, 1e-10, 0, 'se');
        expectClose(r.ci.lower, e.ci_lb, 1e-10, 0, 'ci_lb');
        expectClose(r.test.p, e.pval, 1e-10, 0, 'p');
        expectClose(r.Q, e.QE, 1e-10, 0, 'Q');
        expectClose(r.Qp, e.QEp, 1e-10, 0, 'Qp');
        expectClose(r.I2, e.I2, 1e-10, 1e-12, 'I2');
      });
    }
    it(`${name}: Peto`, () => {
      const e = fixture[name].peto;
      const r = peto(tables(fixture[name].data));
      expectClose(r.estimate, e.estimate, 1e-10, 0, 'estimate');
      expectClose(r.se, e.se, 1e-10, 0, 'se');
      expectClose(r.ci.upper, e.ci_ub, 1e-10, 0, 'ci_ub');
      expectClose(r.test.p, e.pval, 1e-10, 0, 'p');
      expectClose(r.Q, e.QE, 1e-10, 0, 'Q');
      expectClose(r.Qp, e.QEp, 1e-10, 0, 'Qp');
    });
  }
});

describe('subgroupAnalysis', () => {
  it('dat.bcg by allocation: per-group REML and Q between as a fixed-effect model of the subgroup estimates', () => {
    const d = fixture.bcg.data;
    const es = binaryEffectSizes(
      tables(d, (i) => ({ alloc: d.alloc[i] })),
      'RR',
    );
    const r = subgroupAnalysis(es, (s) => String(s.extra!.alloc));
    const e = fixture.bcg.subgroup_alloc;
    for (const g of r.groups) {
      expectClose(g.result.estimate, e.groups[g.name].estimate, 1e-6, 0, g.name);
      expectClose(g.result.tau2, e.groups[g.name].tau2, 1e-6, 1e-12, g.name);
    }
    expectClose(r.between.Q, e.Qbetween, 1e-6, 0, 'Q between');
    expectClose(r.between.Qp, e.p, 1e-6, 0, 'p');
    expect(r.between.Qdf).toBe(e.df);
  });
});

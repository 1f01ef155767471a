import { describe, expect, it } from 'vitest';
import { continuousEffectSizes } from '../../../src/stats/meta/continuous-effect-sizes.js';
import { proportionEffectSizes } from '../../../src/stats/meta/proportion-effect-sizes.js';
import { metaAnalysis } from '../../../src/stats/meta/meta-analysis.js';
import { inverseDoubleArcsine } from '../../../src/stats/meta/back-transform.js';
import { expectClose } from '../../support/close.js';
import { fixture } from './fixture.js';

describe('continuousEffectSizes against metafor escalc (dat.normand1999)', () => {
  const d = fixture.normand.data;
  const studies = d.n1i.map((n1: number, i: number) => ({
    study: d.study[i],
    n1,
    mean1: d.m1i[i],
    sd1: d.sd1i[i],
    n2: d.n2i[i],
    mean2: d.m2i[i],
    sd2: d.sd2i[i],
  }));
  for (const m of ['MD', 'SMD', 'ROM'] as const) {
    it(m, () => {
      const es = continuousEffectSizes(studies, m);
      es.studies.forEach((s, i) => {
        expectClose(s.yi, fixture.normand.escalc[m].yi[i], 1e-10, 0, `yi[${i}]`);
        expectClose(s.vi, fixture.normand.escalc[m].vi[i], 1e-10, 0, `vi[${i}]`);
      });
    });
  }
  it('SMD pooled with REML matches rma', () => {
    const r = metaAnalysis(continuousEffectSizes(studies, 'SMD'), { pi: 'z' });
    const e = fixture.normand.smd_reml;
    expectClose(r.estimate, e.estimate, 1e-6);
    expectClose(r.tau2, e.tau2, 1e-6);
    expectClose(r.pi!.lower, e.pi_lb, 1e-6);
  });
});

describe('single proportions pooled and back-transformed (dat.pritz1997, REML)', () => {
  const d = fixture.pritz.data;
  const studies = d.xi.map((x: number, i: number) => ({
    study: d.study[i],
    events: x,
    n: d.ni[i],
  }));
  for (const m of ['PLO', 'PFT', 'PR'] as const) {
    it(`${m}: model scale as rma, natural scale as transf.${m === 'PLO' ? 'ilogit' : m === 'PFT' ? 'ipft.hm' : 'identity'}`, () => {
      const r = metaAnalysis(proportionEffectSizes(studies, m), { pi: 'z' });
      const e = fixture.pritz[m];
      expectClose(r.estimate, e.fit.estimate, 1e-6);
      expectClose(r.tau2, e.fit.tau2, 1e-6, 1e-12);
      expectClose(r.transformed.estimate, e.transformed.estimate, 1e-6);
      expectClose(r.transformed.ci.lower, e.transformed.ci_lb, 1e-6);
      expectClose(r.transformed.ci.upper, e.transformed.ci_ub, 1e-6);
      expectClose(r.transformed.pi!.lower, e.transformed.pi_lb, 1e-6, 1e-12);
      expectClose(r.transformed.pi!.upper, e.transformed.pi_ub, 1e-6, 1e-12);
    });
  }
  it('inverse double arcsine is clamped to [0, 1] and inverts the transform', () => {
    expect(inverseDoubleArcsine(-1, 20)).toBe(0);
    expect(inverseDoubleArcsine(2, 20)).toBe(1);
    const n = 20;
    const p = 0.3;
    const t =
      0.5 * (Math.asin(Math.sqrt((p * n) / (n + 1))) + Math.asin(Math.sqrt((p * n + 1) / (n + 1))));
    expectClose(inverseDoubleArcsine(t, n), p, 1e-12);
  });
});

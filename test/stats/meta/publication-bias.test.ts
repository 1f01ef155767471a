import { describe, expect, it } from 'vitest';
import { eggerTest, type RegtestPredictor } from '../../../src/stats/meta/egger-test.js';
import { rankCorrelationTest } from '../../../src/stats/meta/rank-correlation-test.js';
import { harbordTest } from '../../../src/stats/meta/harbord-test.js';
import { petersTest } from '../../../src/stats/meta/peters-test.js';
import { trimAndFill } from '../../../src/stats/meta/trim-and-fill.js';
import { failSafeN, type FailSafeType } from '../../../src/stats/meta/fail-safe-n.js';
import type { BinaryStudy } from '../../../src/stats/meta/binary-effect-sizes.js';
import type { EffectSizes } from '../../../src/stats/meta/effect-sizes.js';
import type { MetaMethod, MetaTest } from '../../../src/stats/meta/meta-analysis.js';
import { expectClose } from '../../support/close.js';
import { loadFixture } from './fixture.js';

// metafor 3.8 regtest, ranktest, trimfill, fsn; R lm for Harbord and Peters (test/reference/meta_depth.R).
const fx = loadFixture('meta_depth');
const sizes: Record<string, number[] | null> = {
  bcg: fx.bcg.n1i.map((n: number, i: number) => n + fx.bcg.n2i[i]),
  egger2001: fx.egger2001.n1i.map((n: number, i: number) => n + fx.egger2001.n2i[i]),
  hackshaw: null,
};
function effectsOf(name: string): EffectSizes {
  const d = fx[name];
  const n = sizes[name];
  return {
    measure: 'GEN',
    studies: d.yi.map((y: number, i: number) => ({
      study: d.study[i],
      yi: y,
      vi: d.vi[i],
      ...(n ? { ni: n[i] } : {}),
    })),
    dropped: [],
    warnings: [],
  };
}
function tables(name: 'bcg' | 'egger2001'): BinaryStudy[] {
  const d = fx[name];
  return d.ai.map((a: number, i: number) => ({
    study: d.study[i],
    events1: a,
    n1: d.n1i[i],
    events2: d.ci[i],
    n2: d.n2i[i],
  }));
}
const tolOf = (method: string | null) =>
  method && ['REML', 'ML', 'EB', 'PM'].includes(method) ? 1e-6 : 1e-9;

describe('regression tests (metafor regtest, every predictor)', () => {
  for (const [key, e] of Object.entries(fx.regtest) as [string, any][]) {
    it(key, () => {
      const r = eggerTest(effectsOf(e.data), {
        model: e.model,
        predictor: e.predictor as RegtestPredictor,
        ...(e.method ? { method: e.method as MetaMethod, test: e.test as MetaTest } : {}),
      });
      const tol = tolOf(e.model === 'lm' ? null : e.method);
      expectClose(r.statistic, e.zval, tol, 1e-12, 'zval');
      expectClose(r.p, e.pval, tol, 1e-14, 'pval');
      expect(r.df).toBe(e.dfs);
      expectClose(r.slope, e.slope, tol, 1e-12, 'slope');
      if (e.est === null) {
        expect(r.limitEstimate).toBeNull();
        expect(r.ci).toBeNull();
      } else {
        expectClose(r.limitEstimate!, e.est, tol, 1e-12, 'est');
        expectClose(r.ci!.lower, e.ci_lb, tol, 1e-12, 'ci_lb');
        expectClose(r.ci!.upper, e.ci_ub, tol, 1e-12, 'ci_ub');
      }
      if (e.tau2 !== null && e.tau2 !== undefined) expectClose(r.tau2, e.tau2, tol, 1e-10, 'tau2');
    });
  }
  it('sample-size predictors need ni', () => {
    expect(() => eggerTest(effectsOf('hackshaw'), { predictor: 'ninv' })).toThrow(/sample size/);
  });
});

describe('rank correlation test (metafor ranktest)', () => {
  for (const name of ['bcg', 'egger2001', 'hackshaw']) {
    const e = fx.ranktest[name];
    it(`${name}: exact Kendall p and the normal approximation`, () => {
      const r = rankCorrelationTest(effectsOf(name));
      expect(r.method).toBe('exact');
      expectClose(r.tau, e.tau, 1e-12, 0, 'tau');
      expectClose(r.p, e.pval, 1e-9, 0, 'p exact');
      const n = rankCorrelationTest(effectsOf(name), { exact: false });
      expect(n.method).toBe('normal');
      expectClose(n.p, e.pval_normal, 1e-10, 0, 'p normal');
    });
  }
  it('ties: normal approximation with the tie-corrected variance (as cor.test)', () => {
    const e = fx.ranktest.tied;
    const r = rankCorrelationTest({
      measure: 'GEN',
      studies: e.yi.map((y: number, i: number) => ({ study: `S${i}`, yi: y, vi: e.vi[i] })),
      dropped: [],
      warnings: [],
    });
    expect(r.method).toBe('normal');
    expectClose(r.tau, e.tau, 1e-12, 0, 'tau_b');
    expectClose(r.p, e.pval, 1e-10, 0, 'p');
    expect(r.warnings.some((w) => w.includes('ties'))).toBe(true);
  });
  it('the exact null distribution sums to 1 and matches brute-force enumeration for k = 6', () => {
    // all 720 orderings of 6 distinct values: P(two-sided) for τ = 1 is 2/720
    const studies = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6].map((v, i) => ({
      study: `S${i}`,
      yi: 0.01 + i * 0.5,
      vi: v,
    }));
    const r = rankCorrelationTest({ measure: 'GEN', studies, dropped: [], warnings: [] });
    expect(r.tau).toBeCloseTo(1, 12);
    expectClose(r.p, 2 / 720, 1e-12);
  });
});

describe('Harbord (2006) and Peters (2006) tests (R lm on the papers’ definitions)', () => {
  for (const name of ['egger2001', 'bcg'] as const) {
    const e = fx.harbord_peters[name];
    it(`${name}: Harbord`, () => {
      const r = harbordTest(tables(name));
      expectClose(r.bias, e.harbord.bias, 1e-10, 0, 'bias');
      expectClose(r.se, e.harbord.se, 1e-10, 0, 'se');
      expectClose(r.statistic, e.harbord.t, 1e-10, 0, 't');
      expectClose(r.p, e.harbord.p, 1e-10, 0, 'p');
      expectClose(r.slope, e.harbord.slope, 1e-10, 0, 'slope');
      expect(r.df).toBe(e.harbord.df);
    });
    it(`${name}: Peters`, () => {
      const r = petersTest(tables(name));
      expectClose(r.slope, e.peters.slope, 1e-10, 0, 'slope');
      expectClose(r.se, e.peters.se, 1e-10, 0, 'se');
      expectClose(r.p, e.peters.p, 1e-10, 0, 'p');
      expectClose(r.intercept, e.peters.intercept, 1e-10, 0, 'intercept');
    });
  }
});

describe('trim and fill (metafor trimfill)', () => {
  for (const [key, e] of Object.entries(fx.trimfill) as [string, any][]) {
    it(key, () => {
      const r = trimAndFill(effectsOf(e.data), {
        method: e.method as MetaMethod,
        estimator: e.estimator,
        ...(e.side_asked === 'auto' ? {} : { side: e.side_asked }),
      });
      const tol = tolOf(e.method);
      expect(r.side).toBe(e.side);
      expect(r.k0).toBe(e.k0);
      expectClose(r.seK0, e.se_k0, 1e-12, 0, 'se.k0');
      if (e.estimator === 'R0') expectClose(r.pK0!, e.p_k0, 1e-12, 0, 'p.k0');
      expect(r.result.k).toBe(e.k);
      expectClose(r.result.estimate, e.estimate, tol, 1e-12, 'estimate');
      expectClose(r.result.se, e.se, tol, 0, 'se');
      expectClose(r.result.ci.lower, e.ci_lb, tol, 0, 'ci_lb');
      expectClose(r.result.p, e.pval, tol, 1e-14, 'pval');
      expectClose(r.result.tau2, e.tau2, tol, 1e-10, 'tau2');
      expectClose(r.result.Q, e.QE, tol, 0, 'QE');
      r.filled.forEach((f, i) => {
        expectClose(f.yi, e.fill_yi[i], tol, 1e-12, `fill yi[${i}]`);
        expectClose(f.vi, e.fill_vi[i], 1e-14, 0, `fill vi[${i}]`);
      });
      expect(r.filled).toHaveLength(e.k0);
    });
  }
});

describe('fail-safe N (metafor fsn)', () => {
  for (const [key, e] of Object.entries(fx.fsn) as [string, any][]) {
    it(key, () => {
      const r = failSafeN(effectsOf(e.data), {
        type: e.type as FailSafeType,
        ...(e.alpha !== undefined ? { alpha: e.alpha } : {}),
        ...(e.weighted !== undefined ? { weighted: e.weighted } : {}),
        ...(e.target_asked !== undefined ? { target: e.target_asked } : {}),
      });
      expect(r.fsn).toBe(e.fsnum);
      if (e.pval !== undefined) expectClose(r.p!, e.pval, 1e-10, 1e-300, 'p');
      if (e.meanes !== undefined) expectClose(r.meanEffect!, e.meanes, 1e-12, 0, 'mean');
      if (e.target !== undefined) expectClose(r.target!, e.target, 1e-12, 0, 'target');
    });
  }
});

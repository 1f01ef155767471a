import { describe, expect, it } from 'vitest';
import {
  metaAnalysis,
  type MetaMethod,
  type MetaTest,
} from '../../../src/stats/meta/meta-analysis.js';
import { tau2ConfidenceInterval } from '../../../src/stats/meta/tau2-confidence-interval.js';
import { binaryEffectSizes } from '../../../src/stats/meta/binary-effect-sizes.js';
import type { EffectSizes } from '../../../src/stats/meta/effect-sizes.js';
import { expectClose } from '../../support/close.js';
import { fixture, fitDatasets, tolerance } from './fixture.js';

const effectsOf = (yi: number[], vi: number[]): EffectSizes => ({
  measure: 'GEN',
  studies: yi.map((y, i) => ({ study: `S${i + 1}`, yi: y, vi: vi[i] })),
  dropped: [],
  warnings: [],
});

const METHODS: MetaMethod[] = ['FE', 'DL', 'REML', 'ML', 'PM', 'HE', 'HS', 'SJ', 'EB'];
const TESTS: MetaTest[] = ['z', 'knha', 'adhoc', 't'];

describe('metaAnalysis against metafor 3.8 rma(method, test) + predict + confint', () => {
  for (const data of fitDatasets()) {
    for (const method of METHODS) {
      for (const test of TESTS) {
        const key = `${method}_${test}`;
        it(`${data.name}: ${key}`, () => {
          const exp = data.fits[key];
          const tol = tolerance(method);
          const r = metaAnalysis(effectsOf(data.yi, data.vi), {
            method,
            test,
            pi: test === 'z' ? 'z' : 't',
          });
          const c = (got: number, want: number, label: string, abs = 0): void =>
            expectClose(got, want, tol, abs, label);
          c(r.estimate, exp.estimate, 'estimate');
          c(r.se, exp.se, 'se');
          c(r.statistic, exp.zval, 'statistic');
          c(r.p, exp.pval, 'p');
          c(r.ci.lower, exp.ci_lb, 'ci.lower');
          c(r.ci.upper, exp.ci_ub, 'ci.upper');
          c(r.tau2, exp.tau2, 'tau2', 1e-12); // absolute floor where τ² = 0 (boundary)
          c(r.Q, exp.QE, 'Q');
          c(r.Qp, exp.QEp, 'Qp');
          c(r.I2, exp.I2, 'I2', 1e-10); // absolute floor where I² = 0
          c(r.H2, exp.H2, 'H2');
          if (method === 'FE')
            expect(r.pi).toBeNull(); // metafor: no PI for a common-effect model
          else {
            c(r.pi!.lower, exp.pi_lb, 'pi.lower');
            c(r.pi!.upper, exp.pi_ub, 'pi.upper');
          }
          r.studies.forEach((s, i) => c(s.weight, exp.weights[i], `weight[${i}]`));
          if (exp.tau2_ci) {
            // metafor's uniroot (tol eps^0.25) is reproduced by the R_zeroin2 port: compare at 1e-6
            expectClose(r.tau2Ci!.lower, exp.tau2_ci[0], 1e-6, 1e-12, 'tau2Ci.lower');
            expectClose(r.tau2Ci!.upper, exp.tau2_ci[1], 1e-6, 1e-12, 'tau2Ci.upper');
            expectClose(r.I2Ci!.lower, exp.I2_ci![0], 1e-6, 1e-10, 'I2Ci.lower');
            expectClose(r.H2Ci!.upper, exp.H2_ci![1], 1e-6, 0, 'H2Ci.upper');
            expectClose(r.tauCi!.upper, Math.sqrt(exp.tau2_ci[1]), 1e-6, 0, 'tauCi.upper');
          }
        });
      }
    }
    it(`${data.name}: Q-profile τ² CI with tol 1e-12 matches confint(control = list(tol = 1e-12))`, () => {
      const exp = data.fits.REML_z;
      const ci = tau2ConfidenceInterval(effectsOf(data.yi, data.vi), {
        estimate: exp.tau2,
        tol: 1e-12,
      });
      expectClose(ci.lower, exp.tau2_ci_tight![0], 1e-8, 1e-12, 'lower');
      expectClose(ci.upper, exp.tau2_ci_tight![1], 1e-8, 1e-12, 'upper');
    });
  }
});

describe('zero cells: REML on corrected tables with double-zero studies dropped (RR/OR) or kept (RD)', () => {
  const d = fixture.zeros.data;
  const studies = d.ai.map((a: number, i: number) => ({
    events1: a,
    n1: d.n1i[i],
    events2: d.ci[i],
    n2: d.n2i[i],
  }));
  for (const m of ['RR', 'OR', 'RD'] as const) {
    it(m, () => {
      const r = metaAnalysis(binaryEffectSizes(studies, m), { pi: 'z' });
      const e = fixture.zeros.fits[m];
      expect(r.k).toBe(e.k);
      expectClose(r.estimate, e.estimate, 1e-6);
      expectClose(r.tau2, e.tau2, 1e-6, 1e-12);
      expectClose(r.ci.upper, e.ci_ub, 1e-6);
      expectClose(r.I2, e.I2, 1e-6, 1e-10);
      expectClose(r.pi!.lower, e.pi_lb, 1e-6);
      expect(r.warnings.join('\n')).toMatch(/0.5 added to every cell/);
    });
  }
});

describe('published values', () => {
  it('BCG vaccine trials, REML log RR as printed by rma(yi, vi) for dat.bcg (issue #4; Viechtbauer 2010, J Stat Softw 36(3); data Colditz et al. 1994, JAMA 271:698)', () => {
    const d = fixture.bcg.data;
    const es = binaryEffectSizes(
      d.ai.map((a: number, i: number) => ({
        events1: a,
        n1: d.n1i[i],
        events2: d.ci[i],
        n2: d.n2i[i],
      })),
      'RR',
    );
    const r = metaAnalysis(es, { pi: 'z' });
    expect(r.tau2.toFixed(4)).toBe('0.3132');
    expect(r.estimate.toFixed(4)).toBe('-0.7145');
    expect(r.ci.lower.toFixed(4)).toBe('-1.0669');
    expect(r.ci.upper.toFixed(4)).toBe('-0.3622');
    expect(r.I2.toFixed(2)).toBe('92.22');
    expect(r.H2.toFixed(2)).toBe('12.86');
    expect(r.Q.toFixed(4)).toBe('152.2330');
    expect(r.transformed.transform).toBe('exp');
    expectClose(r.transformed.estimate, Math.exp(r.estimate), 1e-15);
  });
});

describe('options and edge cases', () => {
  const [bcg] = fitDatasets();
  const effects = effectsOf(bcg.yi, bcg.vi);
  it('I² from Q when asked (meta / RevMan convention)', () => {
    const r = metaAnalysis(effects, { i2: 'Q' });
    expectClose(r.I2, (100 * (r.Q - 12)) / r.Q, 1e-14);
    expect(r.i2Method).toBe('Q');
  });
  it('prediction interval t(k − 1) by default and HTS t(k − 2)', () => {
    const t = metaAnalysis(effects);
    const hts = metaAnalysis(effects, { pi: 'hts' });
    expect(t.pi!.df).toBe(12);
    expect(hts.pi!.df).toBe(11);
    expect(hts.pi!.upper - hts.pi!.lower).toBeGreaterThan(t.pi!.upper - t.pi!.lower);
  });
  it('"adhoc" Hartung–Knapp CI is never narrower than the Wald CI (homogeneous data, q < 1)', () => {
    const h = effectsOf(fixture.homogeneous.yi, fixture.homogeneous.vi);
    const z = metaAnalysis(h, { test: 'z' });
    const kh = metaAnalysis(h, { test: 'knha' });
    const adhoc = metaAnalysis(h, { test: 'adhoc' });
    expect(kh.se).toBeLessThan(z.se);
    expectClose(adhoc.se, z.se, 1e-14);
    expect(adhoc.warnings.join(' ')).toMatch(/replaced by 1/);
  });
  it('k = 1: a result with a warning, no heterogeneity, no t-based PI', () => {
    const r = metaAnalysis(effectsOf([0.4], [0.04]));
    expect(r.estimate).toBe(0.4);
    expect(r.tau2).toBe(0);
    expect(r.Q).toBe(0);
    expect(r.Qp).toBe(1);
    expect(r.pi).toBeNull();
    expect(r.warnings.join(' ')).toMatch(/k = 1/);
  });
  it('k = 2 with HTS PI: no PI, a warning', () => {
    const r = metaAnalysis(effectsOf(fixture.k2.yi, fixture.k2.vi), { pi: 'hts' });
    expect(r.pi).toBeNull();
    expect(r.warnings.join(' ')).toMatch(/needs k ≥ 3/);
  });
  it('τ² = 0 boundary is flagged', () => {
    const r = metaAnalysis(effectsOf(fixture.homogeneous.yi, fixture.homogeneous.vi));
    expect(r.tau2).toBe(0);
    expect(r.warnings.join(' ')).toMatch(/boundary/);
    expect(r.tau2Ci!.lower).toBe(0);
  });
  it('convergence is reported for REML', () => {
    const r = metaAnalysis(effects);
    expect(r.convergence!.converged).toBe(true);
    expect(r.convergence!.iterations).toBeGreaterThan(0);
  });
  it('result is frozen', () => {
    expect(Object.isFrozen(metaAnalysis(effects))).toBe(true);
  });
});

describe('degenerate input', () => {
  it('identical estimates: Q = 0, τ² = 0, I² = 0, null τ² interval at 0', () => {
    const r = metaAnalysis(effectsOf([0.2, 0.2, 0.2], [0.01, 0.02, 0.03]), { i2: 'Q' });
    expect(r.Q).toBeCloseTo(0, 14);
    expect(r.tau2).toBe(0);
    expect(r.I2).toBe(0);
    expect(r.tau2Ci).toMatchObject({ lower: 0, upper: 0 });
  });
  it('non-positive variances are rejected with the study named', () => {
    expect(() => metaAnalysis(effectsOf([0.1, 0.2], [0.01, 0]))).toThrow(
      /S2: vi: expected a positive finite sampling variance/,
    );
  });
});

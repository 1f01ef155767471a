import { describe, expect, it } from 'vitest';
import { glmmMetaAnalysis } from '../../../src/stats/meta/glmm-meta-analysis.js';
import { gaussHermite } from '../../../src/stats/numeric/gauss-hermite.js';
import { logNormalIntegral } from '../../../src/stats/numeric/adaptive-gauss-hermite.js';
import { loadFixture } from './fixture.js';

const f = loadFixture('meta_glmm');
const tables = (d: { ai: number[]; n1i: number[]; ci: number[]; n2i: number[] }) =>
  d.ai.map((a, i) => ({ events1: a, n1: d.n1i[i], events2: d.ci[i], n2: d.n2i[i] }));

describe('Gauss–Hermite rule', () => {
  it('integrates polynomials exactly up to degree 2n − 1 (∫x⁴e^(−x²) = 3√π/4)', () => {
    for (const n of [3, 7, 15, 40]) {
      const { nodes, weights } = gaussHermite(n);
      const moment = (p: number) => nodes.reduce((s, x, j) => s + weights[j] * x ** p, 0);
      expect(moment(0)).toBeCloseTo(Math.sqrt(Math.PI), 13);
      expect(moment(4)).toBeCloseTo((3 * Math.sqrt(Math.PI)) / 4, 12);
      expect(moment(3)).toBeCloseTo(0, 13);
    }
  });
  it('adaptive quadrature of a log-normal moment is exact for a quadratic exponent', () => {
    // log E exp(Z − Z²/4) = −½ log(1.5) + 1/3 (a Gaussian integral)
    const value = logNormalIntegral((z) => [z - (z * z) / 4, 1 - z / 2, -0.5], 3);
    expect(value).toBeCloseTo(-0.5 * Math.log(1.5) + 1 / 3, 13);
  });
});

describe('GLMM, random-effects logistic model for proportions (metafor rma.glmm PLO, lme4)', () => {
  for (const d of f.plo) {
    it(d.name, () => {
      const r = glmmMetaAnalysis(
        d.xi.map((x: number, i: number) => ({ study: d.study[i], events: x, n: d.ni[i] })),
      );
      const ref = d.fits[0];
      expect(r.model).toBe('PLO');
      expect(r.points).toBe(7);
      expect(r.k).toBe(ref.k);
      expect(r.estimate).toBeCloseTo(ref.beta, 5);
      expect(r.se).toBeCloseTo(ref.se, 5);
      expect(r.tau2).toBeCloseTo(ref.tau2, 5);
      expect(r.p).toBeCloseTo(ref.pval, 6);
      expect(r.ci.lower).toBeCloseTo(ref['ci.lb'], 5);
      expect(r.ci.upper).toBeCloseTo(ref['ci.ub'], 5);
      expect(r.pi.lower).toBeCloseTo(ref['pi.lb'], 5);
      expect(r.pi.upper).toBeCloseTo(ref['pi.ub'], 5);
      // Stable in the number of points: 15 points (also refitted by lme4) moves it < 1e-4.
      expect(r.stability[0].points).toBe(15);
      expect(Math.abs(r.stability[0].estimate - r.estimate)).toBeLessThan(1e-4);
      expect(r.stability[0].estimate).toBeCloseTo(d.fits[1].beta, 5);
      expect(r.stability[0].tau2).toBeCloseTo(d.fits[1].tau2, 5);
      // The 15-point log-likelihood against R's integrate() at metafor's estimates.
      expect(r.stability[0].logLik).toBeCloseTo(d['logLik.integrate'], 5);
      // Study intervals: Clopper–Pearson, as meta::metaprop prints them (R binom.test).
      r.studies.forEach((s, i) => {
        expect(s.ci?.lower).toBeCloseTo(d['cp.lower'][i], 10);
        expect(s.ci?.upper).toBeCloseTo(d['cp.upper'][i], 10);
        expect(s.ci?.method).toBe('clopper-pearson');
      });
    });
  }
});

describe('GLMM for odds ratios (metafor rma.glmm OR)', () => {
  for (const d of f.or) {
    it(`${d.name}: UM.FS (lme4 glmer, fixed study intercepts)`, () => {
      const r = glmmMetaAnalysis(tables(d), { model: 'UM.FS' });
      const ref = d['UM.FS'][0];
      expect(r.k).toBe(ref.k);
      expect(r.estimate).toBeCloseTo(ref.beta, 4);
      expect(r.se).toBeCloseTo(ref.se, 4);
      expect(r.tau2).toBeCloseTo(ref.tau2, 4);
      expect(r.pi.lower).toBeCloseTo(ref['pi.lb'], 4);
      expect(r.logLik).toBeCloseTo(d['UM.FS.logLik.integrate'], 4);
      expect(r.stability[0].estimate).toBeCloseTo(d['UM.FS'][1].beta, 4);
      expect(r.transformed.transform).toBe('exp');
    });
    it(`${d.name}: CM.EL (non-central hypergeometric, metafor's integrate())`, () => {
      const r = glmmMetaAnalysis(tables(d), { model: 'CM.EL' });
      const ref = d['CM.EL'];
      expect(r.k).toBe(ref.k);
      expect(r.estimate).toBeCloseTo(ref.beta, 4);
      expect(r.se).toBeCloseTo(ref.se, 4);
      expect(r.tau2).toBeCloseTo(ref.tau2, 4);
      expect(r.logLik).toBeCloseTo(ref.logLik, 4);
      expect(Math.abs(r.stability[0].estimate - r.estimate)).toBeLessThan(1e-5);
    });
  }
  it('drops double-zero tables with a coded warning (metafor drop00)', () => {
    const d = f.or[0];
    const r = glmmMetaAnalysis([...tables(d), { events1: 0, n1: 20, events2: 0, n2: 20 }], {
      model: 'CM.EL',
      stabilityPoints: [],
    });
    expect(r.k).toBe(d['CM.EL'].k);
    expect(r.codedWarnings.map((w) => w.code)).toContain('study-dropped');
  });
});

describe('Stijnen, Hamza & Özdemir (Stat Med 2010;29:3046), dat.nielweise2007', () => {
  const d = f.or[0];
  const arm = (x: number[], n: number[]) =>
    glmmMetaAnalysis(
      x.map((events, i) => ({ events, n: n[i] })),
      { stabilityPoints: [] },
    );
  it.each([
    ['control', () => arm(d.ci, d.n2i), [-3.5, 0.26, 0.81, 0.029, 0.018, 0.048]],
    ['treatment', () => arm(d.ai, d.n1i), [-4.81, 0.36, 0.83, 0.008, 0.004, 0.016]],
  ] as const)('Table II (p. 3050): binomial-normal model, %s-arm proportions', (_, run, v) => {
    const r = run();
    const got = [r.estimate, r.se, r.tau2, r.transformed.estimate, r.transformed.ci.lower];
    got.push(r.transformed.ci.upper);
    got.forEach((x, i) => expect(x).toBeCloseTo(v[i], i < 3 ? 2 : 3));
  });
  it('Table III (p. 3052): conditional model with the exact likelihood, OR 0.26 (0.13 to 0.51)', () => {
    const r = glmmMetaAnalysis(tables(d), { model: 'CM.EL', stabilityPoints: [] });
    expect(r.estimate).toBeCloseTo(-1.353, 3);
    expect(r.se).toBeCloseTo(0.351, 3);
    expect(r.tau).toBeCloseTo(0.83, 2);
    expect(r.transformed.estimate).toBeCloseTo(0.26, 2);
    expect(r.transformed.ci.lower).toBeCloseTo(0.13, 2);
    expect(r.transformed.ci.upper).toBeCloseTo(0.51, 2);
  });
});

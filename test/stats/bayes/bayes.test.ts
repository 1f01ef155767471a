import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { betaBinomialPosterior } from '../../../src/stats/bayes/beta-binomial.js';
import { normalPosterior, normalPrior } from '../../../src/stats/bayes/normal-normal.js';
import {
  ppDesign,
  ppDesignOc,
  predictiveProbability,
} from '../../../src/stats/bayes/predictive-probability.js';
import { twoArmBeta } from '../../../src/stats/bayes/two-arm-beta.js';
import { expectClose } from '../../support/close.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const fx = JSON.parse(
  readFileSync(new URL('../../reference/fixtures/bayes.json', import.meta.url), 'utf8'),
) as Record<string, any>;

describe('predictiveProbability (Lee & Liu 2008)', () => {
  it('Lee & Liu 2008 worked example: 16/23, Nmax 40, p0 0.6, beta(0.6, 0.4), θT 0.9 → PP 0.5656', () => {
    const pp = predictiveProbability(16, 23, 40, 0.6, { a: 0.6, b: 0.4, thetaT: 0.9 });
    expect(pp.toFixed(4)).toBe('0.5656');
  });
  it('R ph2bye documentation example PredP(16, 23, 40, 1, 1, 0.5, 0.9) = 0.8871897', () => {
    expect(predictiveProbability(16, 23, 40, 0.5).toFixed(7)).toBe('0.8871897');
  });
  for (const c of fx.pp) {
    it(`${c.x}/${c.n} of ${c.nMax}, p0 ${c.p0}, beta(${c.a}, ${c.b}), θT ${c.thetaT} (R integrate)`, () => {
      const pp = predictiveProbability(c.x, c.n, c.nMax, c.p0, {
        a: c.a,
        b: c.b,
        thetaT: c.thetaT,
      });
      expectClose(pp, c.pp, 1e-9, 1e-14);
    });
  }
});

describe('ppDesign and its operating characteristics', () => {
  it('stopping table and exact OCs against R brute force over all 2^14 sequences', () => {
    const d = fx.design;
    const design = ppDesign(d.nMax, d.p0, {
      a: d.a,
      b: d.b,
      thetaT: d.thetaT,
      thetaL: d.thetaL,
      firstLook: d.firstLook,
    });
    expect(design.boundaries.map((b) => b.futility)).toEqual(d.futility);
    expect(design.finalSuccess).toBe(d.finalSuccess);
    for (const o of d.oc) {
      const r = ppDesignOc(design, o.p);
      expectClose(r.pSuccess, o.pSuccess, 1e-10, 1e-15, `success at ${o.p}`);
      expectClose(r.pStopFutility, o.pStopFutility, 1e-10, 1e-15, `futility at ${o.p}`);
      expectClose(r.expectedN, o.expectedN, 1e-10, 0, `E[N] at ${o.p}`);
    }
  });
  it("Lee & Liu's example setting: Nmax 40, p0 0.6, beta(0.6, 0.4), θT 0.9, θL 0.001, looks from 10 (R table)", () => {
    const l = fx.leeLiu;
    const design = ppDesign(l.nMax, l.p0, {
      a: l.a,
      b: l.b,
      thetaT: l.thetaT,
      thetaL: l.thetaL,
      firstLook: l.firstLook,
    });
    expect(design.boundaries.map((b) => b.futility)).toEqual(l.futility);
    expect(design.finalSuccess).toBe(l.finalSuccess);
  });
  it('an efficacy bound stops early for success', () => {
    const design = ppDesign(20, 0.2, { thetaL: 0.05, thetaU: 0.99, firstLook: 5 });
    const r = ppDesignOc(design, 0.6);
    expect(r.pStopEfficacy).toBeGreaterThan(0.3);
    expect(r.pSuccess).toBeGreaterThanOrEqual(r.pStopEfficacy);
  });
});

describe('twoArmBeta: P(p1 > p2 + δ)', () => {
  for (const c of fx.twoArm) {
    it(`${c.x1}/${c.n1} vs ${c.x2}/${c.n2}, δ ${c.delta}, beta(${c.a}, ${c.b}) (R integrate)`, () => {
      const r = twoArmBeta({ x1: c.x1, n1: c.n1, x2: c.x2, n2: c.n2 }, c.delta, { a: c.a, b: c.b });
      expectClose(r.probability, c.probability, 1e-8, 1e-12);
    });
  }
});

describe('normal–normal posterior (Spiegelhalter et al. 2004)', () => {
  it('sceptical and enthusiastic priors put 5% beyond δA and beyond 0', () => {
    const s = normalPrior('sceptical', 20);
    expectClose(s.sd, 20 / 1.6448536269514722, 1e-12);
    const e = normalPrior('enthusiastic', 20);
    expect(e.mean).toBe(20);
  });
  for (const c of fx.normal) {
    it(`estimate ${c.estimate} (SE ${c.se}), prior N(${c.priorMean}, ${c.priorSd.toFixed(3)}²) (R integrate)`, () => {
      const r = normalPosterior(
        c.estimate,
        c.se,
        { kind: 'custom', mean: c.priorMean, sd: c.priorSd },
        c.thresholds,
      );
      expectClose(r.mean, c.mean, 1e-8);
      expectClose(r.sd, c.sd, 1e-8);
      r.above.forEach((a, i) => expectClose(a.probability, c.above[i], 1e-7, 1e-12));
    });
  }
  it('a reference prior gives the likelihood back', () => {
    const r = normalPosterior(34.4, 16.1, normalPrior('reference'));
    expect(r.mean).toBe(34.4);
    expect(r.sd).toBe(16.1);
  });
});

describe('betaBinomialPosterior', () => {
  it('beta(1, 1) + 3/10 → beta(4, 8)', () => {
    const r = betaBinomialPosterior(3, 10, 0.2);
    expect([r.a, r.b]).toEqual([4, 8]);
    expectClose(r.mean, 1 / 3, 1e-15);
  });
  it('rejects x > n', () => {
    expect(() => betaBinomialPosterior(11, 10, 0.2)).toThrow(InputError);
  });
});

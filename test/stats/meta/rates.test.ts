import { describe, expect, it } from 'vitest';
import { metaAnalysis } from '../../../src/stats/meta/meta-analysis.js';
import { rateComparison, incidenceRateCi } from '../../../src/stats/meta/rate-comparison.js';
import { rateEffectSizes, type RateMeasure } from '../../../src/stats/meta/rate-effect-sizes.js';
import { loadFixture } from './fixture.js';

const f = loadFixture('meta_rates');
const h = f.hart;
const arms = h.x1i.map((x: number, i: number) => ({
  study: h.study[i],
  events1: x,
  time1: h.t1i[i],
  events2: h.x2i[i],
  time2: h.t2i[i],
}));
const single = h.x1i.map((x: number, i: number) => ({
  study: h.study[i],
  events: x,
  time: h.t1i[i],
}));

describe('rate effect sizes and pooling (metafor escalc + rma, dat.hart1999)', () => {
  for (const group of [...h.two, ...h.one]) {
    it(group.measure, () => {
      const m = group.measure as RateMeasure;
      const es = rateEffectSizes(m === 'IRR' || m === 'IRD' ? arms : single, m);
      es.studies.forEach((s, i) => {
        expect(s.yi).toBeCloseTo(group.yi[i], 12);
        expect(s.vi).toBeCloseTo(group.vi[i], 12);
      });
      for (const ref of group.fits) {
        const r = metaAnalysis(es, { method: ref.method });
        expect(r.estimate).toBeCloseTo(ref.estimate, 7);
        expect(r.se).toBeCloseTo(ref.se, 7);
        expect(r.tau2).toBeCloseTo(ref.tau2, 7);
        expect(r.Q).toBeCloseTo(ref.QE, 10);
        expect(r.ci.lower).toBeCloseTo(ref['ci.lb'], 7);
      }
    });
  }
  it('zero counts get ½ as escalc(to = "only0"); the square-root rate needs none', () => {
    const z = f.zeros;
    const two = z.x1i.map((x: number, i: number) => ({
      events1: x,
      time1: z.t1i[i],
      events2: z.x2i[i],
      time2: z.t2i[i],
    }));
    for (const g of z.two) {
      const es = rateEffectSizes(two, g.measure);
      expect(es.studies.map((s) => s.yi)).toEqual(g.yi.map((y: number) => expect.closeTo(y, 12)));
      expect(es.studies.map((s) => s.vi)).toEqual(g.vi.map((v: number) => expect.closeTo(v, 12)));
      expect(es.codedWarnings?.[0]?.code).toBe('studies-zero-count-corrected');
    }
    for (const g of z.one) {
      const es = rateEffectSizes(
        z.x1i.map((x: number, i: number) => ({ events: x, time: z.t1i[i] })),
        g.measure,
      );
      expect(es.studies.map((s) => s.yi)).toEqual(g.yi.map((y: number) => expect.closeTo(y, 12)));
      expect(es.studies.map((s) => s.vi)).toEqual(g.vi.map((v: number) => expect.closeTo(v, 12)));
    }
  });
});

describe('rateComparison: exact conditional IRR test and interval (R poisson.test)', () => {
  const cases: [string, number][] = h.study.map((s: string, i: number) => [s, i]);
  it.each(cases)('%s', (_, i) => {
    const e = h.exact[i];
    const ref = e as { irr: number; p: number; lower: number; upper: number };
    const r = rateComparison(h.x1i[i], h.t1i[i], h.x2i[i], h.t2i[i]);
    expect(r.irr.estimate).toBeCloseTo(ref.irr, 12);
    expect(r.irr.test.p).toBeCloseTo(ref.p, 10);
    expect(r.irr.ci.lower).toBeCloseTo(ref.lower, 9);
    expect(r.irr.ci.upper).toBeCloseTo(ref.upper, 9);
    const rate = incidenceRateCi(h.x1i[i], h.t1i[i]);
    expect(rate.lower).toBeCloseTo((e as { 'rate1.lower': number })['rate1.lower'], 12);
    expect(rate.upper).toBeCloseTo((e as { 'rate1.upper': number })['rate1.upper'], 12);
  });
  it('IRD: Wald interval with se = √(x₁/t₁² + x₂/t₂²), as escalc IRD', () => {
    const r = rateComparison(9, 413, 19, 398);
    expect(r.ird.se ** 2).toBeCloseTo(h.two[1].vi[0], 14);
    expect(r.ird.estimate).toBeCloseTo(h.two[1].yi[0], 14);
  });
});

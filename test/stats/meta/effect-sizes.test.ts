import { describe, expect, it } from 'vitest';
import { binaryEffectSizes } from '../../../src/stats/meta/binary-effect-sizes.js';
import { genericEffectSizes } from '../../../src/stats/meta/generic-effect-sizes.js';
import { proportionEffectSizes } from '../../../src/stats/meta/proportion-effect-sizes.js';
import { InputError } from '../../../src/errors.js';
import { expectClose } from '../../support/close.js';
import { fixture } from './fixture.js';

const closeAll = (got: number[], expected: number[], tol = 1e-10): void => {
  expect(got.length).toBe(expected.length);
  got.forEach((g, i) => expectClose(g, expected[i], tol, 0, `[${i}]`));
};

function binaryStudies(d: {
  ai: number[];
  n1i: number[];
  ci: number[];
  n2i: number[];
  study?: string[];
}) {
  return d.ai.map((a, i) => ({
    study: d.study?.[i],
    events1: a,
    n1: d.n1i[i],
    events2: d.ci[i],
    n2: d.n2i[i],
  }));
}

describe('binaryEffectSizes against metafor escalc', () => {
  for (const m of ['RR', 'OR', 'RD'] as const) {
    it(`dat.bcg ${m}`, () => {
      const es = binaryEffectSizes(binaryStudies(fixture.bcg.data), m);
      closeAll(
        es.studies.map((s) => s.yi),
        fixture.bcg.escalc[m].yi,
      );
      closeAll(
        es.studies.map((s) => s.vi),
        fixture.bcg.escalc[m].vi,
      );
      expect(es.warnings).toEqual([]);
    });
    it(`zero cells (dat.nielweise2007 + a double-zero study) ${m}`, () => {
      const es = binaryEffectSizes(binaryStudies(fixture.zeros.data), m);
      const exp = fixture.zeros.escalc[m];
      const keep = exp.yi.map((y: number | null) => y !== null);
      closeAll(
        es.studies.map((s) => s.yi),
        exp.yi.filter((_: unknown, i: number) => keep[i]),
      );
      closeAll(
        es.studies.map((s) => s.vi),
        exp.vi.filter((_: unknown, i: number) => keep[i]),
      );
      expect(es.warnings.join('\n')).toMatch(/0.5 added to every cell/);
      if (m === 'RD') expect(es.dropped).toEqual([]);
      else expect(es.dropped.map((d) => d.study)).toEqual(['Study 15', 'Study 19']);
    });
  }
  it('keeps double-zero studies for RR when asked, with the correction', () => {
    const es = binaryEffectSizes([{ events1: 0, n1: 10, events2: 0, n2: 12 }], 'RR', {
      dropDoubleZero: false,
    });
    expectClose(es.studies[0].yi, Math.log(0.5 / 11) - Math.log(0.5 / 13), 1e-14);
  });
  it('rejects events > n', () => {
    expect(() => binaryEffectSizes([{ events1: 5, n1: 4, events2: 0, n2: 3 }], 'OR')).toThrow(
      InputError,
    );
  });
});

describe('proportionEffectSizes against metafor escalc', () => {
  const pritz = fixture.pritz.data.xi.map((x: number, i: number) => ({
    events: x,
    n: fixture.pritz.data.ni[i],
  }));
  const edges = fixture.prop_edges.data.xi.map((x: number, i: number) => ({
    events: x,
    n: fixture.prop_edges.data.ni[i],
  }));
  for (const m of ['PLO', 'PFT', 'PR'] as const) {
    it(`dat.pritz1997 ${m}`, () => {
      const es = proportionEffectSizes(pritz, m);
      closeAll(
        es.studies.map((s) => s.yi),
        fixture.pritz[m].escalc.yi,
      );
      closeAll(
        es.studies.map((s) => s.vi),
        fixture.pritz[m].escalc.vi,
      );
    });
    it(`0 and n events ${m}`, () => {
      const es = proportionEffectSizes(edges, m);
      closeAll(
        es.studies.map((s) => s.yi),
        fixture.prop_edges[m].yi,
      );
      closeAll(
        es.studies.map((s) => s.vi),
        fixture.prop_edges[m].vi,
      );
      if (m !== 'PFT') expect(es.warnings[0]).toMatch(/2 stud/);
    });
  }
});

describe('genericEffectSizes', () => {
  const h = fixture.hackshaw;
  it('from reported 95% CIs of ORs (dat.hackshaw1998), log scale', () => {
    const es = genericEffectSizes(
      h.data.or.map((or: number, i: number) => ({
        yi: Math.log(or),
        ciLower: Math.log(h.data.or_lb[i]),
        ciUpper: Math.log(h.data.or_ub[i]),
      })),
    );
    closeAll(
      es.studies.map((s) => s.vi),
      h.from_ci.vi,
    );
  });
  it('from two-sided p-values', () => {
    const es = genericEffectSizes(
      h.from_p.yi.map((y: number, i: number) => ({ yi: y, p: h.from_p.p[i] })),
    );
    closeAll(
      es.studies.map((s) => Math.sqrt(s.vi)),
      h.from_p.sei,
      1e-9,
    );
  });
  it('sei squared, and a warning for a CI on the wrong scale', () => {
    expect(genericEffectSizes([{ yi: 1, sei: 0.5 }]).studies[0].vi).toBe(0.25);
    const es = genericEffectSizes([{ yi: Math.log(2), ciLower: 1.2, ciUpper: 3.5 }]);
    expect(es.warnings[0]).toMatch(/not symmetric/);
  });
  it('needs a variance source', () => {
    expect(() => genericEffectSizes([{ yi: 1 }])).toThrow(/one of vi, sei/);
  });
});

describe('edge cases: tiny and huge samples', () => {
  it('n = 1 per arm: corrected OR and RR are finite, with the correction warning', () => {
    const es = binaryEffectSizes([{ events1: 0, n1: 1, events2: 1, n2: 1 }], 'OR');
    expectClose(es.studies[0].yi, Math.log((0.5 * 0.5) / (1.5 * 1.5)), 1e-14);
    expectClose(es.studies[0].vi, 1 / 0.5 + 1 / 1.5 + 1 / 1.5 + 1 / 0.5, 1e-14);
    expect(es.warnings[0]).toMatch(/added to every cell/);
  });
  it('huge n keeps full precision (n = 10⁸)', () => {
    const es = binaryEffectSizes([{ events1: 1234567, n1: 1e8, events2: 2345678, n2: 1e8 }], 'RR');
    expectClose(es.studies[0].yi, Math.log(1234567 / 2345678), 1e-12);
    expectClose(es.studies[0].vi, 1 / 1234567 - 1e-8 + 1 / 2345678 - 1e-8, 1e-12);
  });
  it('single proportion with n = 1 and 1 event (PLO corrected, PFT uncorrected)', () => {
    expectClose(
      proportionEffectSizes([{ events: 1, n: 1 }], 'PLO').studies[0].yi,
      Math.log(1.5 / 0.5),
      1e-14,
    );
    expectClose(proportionEffectSizes([{ events: 1, n: 1 }], 'PFT').studies[0].vi, 1 / 6, 1e-14);
  });
  it('no correction: a zero cell makes the study inestimable, dropped with a warning (not NaN)', () => {
    const es = binaryEffectSizes(
      [
        { events1: 0, n1: 10, events2: 3, n2: 10 },
        { events1: 2, n1: 10, events2: 3, n2: 10 },
      ],
      'OR',
      { correction: 0 },
    );
    expect(es.studies).toHaveLength(1);
    expect(es.warnings[0]).toMatch(/not estimable/);
  });
});

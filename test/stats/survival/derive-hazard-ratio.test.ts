import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deriveHazardRatio } from '../../../src/stats/survival/derive-hazard-ratio.js';
import { HR_METHODS } from '../../../src/stats/survival/hr-methods.js';
import type { HrReported } from '../../../src/stats/survival/hr-derivation.js';
import { InputError } from '../../../src/errors.js';
import { normalSf } from '../../../src/stats/dist/normal.js';
import { expectClose, readFixture } from '../continuous/close.js';

interface Simulated {
  hrTrue: number;
  n1: number;
  n2: number;
  coxLogHr: number;
  coxSe: number;
  coxLower: number;
  coxUpper: number;
  coxP: number;
  oMinusE: number;
  v: number;
  chisq: number;
  logrankP: number;
  events1: number;
  events2: number;
  median1: number;
  median2: number;
}
const fixture = readFixture<{
  ci: { hr: number; lower: number; upper: number; level: number; logHr: number; se: number }[];
  p: { hr: number; p: number; logHr: number; se: number }[];
  onestep: { oMinusE: number; v: number; chisq: number; oneStep: number }[];
  simulated: Simulated[];
}>('survival');

const only = (r: HrReported, method: string) =>
  deriveHazardRatio(r, { methods: [method] }).derivations[0];

describe('log HR and SE from a printed CI of any level (R: uniroot on the Wald bound)', () => {
  for (const c of fixture.ci) {
    it(`HR ${c.hr} (${c.lower} to ${c.upper}, ${c.level * 100}%)`, () => {
      const d = only({ hr: c.hr, ciLower: c.lower, ciUpper: c.upper, ciLevel: c.level }, 'ci');
      expectClose(d.logHr, c.logHr, 1e-12);
      expectClose(d.se, c.se, 1e-10);
      expectClose(d.v, 1 / c.se ** 2, 1e-9);
    });
  }
});

describe('log HR and SE from an HR with its exact p (R: uniroot on the Wald p)', () => {
  for (const c of fixture.p) {
    it(`HR ${c.hr}, p = ${c.p}`, () => {
      const d = only({ hr: c.hr, p: c.p }, 'p');
      expectClose(d.se, c.se, 1e-9);
      expectClose(d.p, c.p, 1e-9);
    });
  }
});

describe('Peto estimate from O − E and V equals one Newton step of coxph (no ties, R survdiff + coxph iter.max = 1)', () => {
  fixture.onestep.forEach((c, i) => {
    it(`simulated trial ${i + 1}: O − E ${c.oMinusE.toFixed(3)}, V ${c.v.toFixed(3)}`, () => {
      const d = only({ oMinusE: c.oMinusE, v: c.v }, 'oe-v');
      expectClose(d.logHr, c.oneStep, 1e-9);
      expectClose(d.se, 1 / Math.sqrt(c.v), 1e-12);
    });
  });
});

describe('every derivation lands near the Cox HR on trials simulated from a known HR (R coxph, survdiff, survfit)', () => {
  for (const s of fixture.simulated) {
    it(`HR ${s.hrTrue}, ${s.n1}:${s.n2}: all seven methods within 0.07 on the log scale and 8 % in SE of coxph`, () => {
      const r = deriveHazardRatio({
        logHr: s.coxLogHr,
        seLogHr: s.coxSe,
        hr: Math.exp(s.coxLogHr),
        ciLower: s.coxLower,
        ciUpper: s.coxUpper,
        p: s.coxP,
        oMinusE: s.oMinusE,
        v: s.v,
        logrankP: s.logrankP,
        events1: s.events1,
        events2: s.events2,
        n1: s.n1,
        n2: s.n2,
        median1: s.median1,
        median2: s.median2,
      });
      expect(r.derivations.map((d) => d.method)).toEqual(HR_METHODS.map((m) => m.id));
      for (const d of r.derivations) {
        expect(Math.abs(d.logHr - s.coxLogHr), d.method).toBeLessThan(
          d.method === 'medians' ? 0.07 : 0.015,
        );
        expect(Math.abs(d.se / s.coxSe - 1), d.method).toBeLessThan(0.08);
      }
      expectClose(r.estimate, Math.exp(s.coxLogHr), 1e-12);
      expectClose(r.ci.lower, s.coxLower, 1e-9);
      expectClose(r.ci.upper, s.coxUpper, 1e-9);
      // CI and p are the same Wald estimate printed two ways: consistent.
      expect(r.agreement.find((a) => a.methods[0] === 'ci' && a.methods[1] === 'p')?.verdict).toBe(
        'consistent',
      );
    });
  }
});

describe('Tierney 2007 bladder cancer example (Results: HR 0.88, V 128.81, 95% CI 0.74 to 1.05)', () => {
  it('O − E and V give the printed interval; the printed interval gives V within rounding', () => {
    const v = 128.81;
    const r = deriveHazardRatio(
      { hr: 0.88, ciLower: 0.74, ciUpper: 1.05, oMinusE: Math.log(0.88) * v, v },
      { decimals: { oMinusE: 8, v: 2 } },
    );
    const oe = r.derivations.find((d) => d.method === 'oe-v')!;
    expect(oe.ci.lower.toFixed(2)).toBe('0.74');
    expect(oe.ci.upper.toFixed(2)).toBe('1.05');
    const ci = r.derivations.find((d) => d.method === 'ci')!;
    expect(ci.rounding.se[0]).toBeLessThanOrEqual(1 / Math.sqrt(v));
    expect(ci.rounding.se[1]).toBeGreaterThanOrEqual(1 / Math.sqrt(v));
    expect(r.consistent).toBe(true);
  });
});

describe('consistency of the derivations', () => {
  it('HR 0.72 (0.61 to 0.85) fits p = 0.0001 but not p = 0.02', () => {
    expect(
      deriveHazardRatio({ hr: 0.72, ciLower: 0.61, ciUpper: 0.85, p: 0.0001 }).consistent,
    ).toBe(true);
    const bad = deriveHazardRatio({ hr: 0.72, ciLower: 0.61, ciUpper: 0.85, p: 0.02 });
    expect(bad.consistent).toBe(false);
    expect(bad.agreement[0].verdict).toBe('discrepant');
    expect(bad.warnings.some((w) => w.startsWith('discrepant: ci and p'))).toBe(true);
  });
  it('a log-rank p "< 0.001"-style bound is not taken for an exact p: p must be > 0', () => {
    expect(() => deriveHazardRatio({ hr: 0.7, p: 0 })).toThrow(InputError);
  });
  it('medians carry the exponential assumption in the derivation and a warning', () => {
    const r = deriveHazardRatio({ median1: 12, median2: 8, events1: 60, events2: 70 });
    expectClose(r.estimate, 8 / 12, 1e-14);
    expectClose(r.se, Math.sqrt(1 / 60 + 1 / 70), 1e-14);
    expect(r.derivations[0].derivation.assumptions[0]).toMatch(/EXPONENTIAL/);
    expect(r.warnings.some((w) => /exponential/.test(w))).toBe(true);
  });
  it('log-rank p with total events and a 2:1 allocation: V = d·R/(1+R)²', () => {
    const r = deriveHazardRatio({
      logrankP: 0.01,
      events: 200,
      allocationRatio: 2,
      favours: 'arm1',
    });
    const v = (200 * 2) / 9;
    expectClose(r.se, 1 / Math.sqrt(v), 1e-14);
    expect(r.logHr).toBeLessThan(0);
    expectClose(r.test.p, 0.01, 1e-12);
  });
  it('asks for a direction when a log-rank p comes without HR or sign', () => {
    const r = () => deriveHazardRatio({ logrankP: 0.01, events: 200 });
    expect(r).toThrow(/direction/);
  });
  it('rejects half an interval, reversed bounds and bad levels', () => {
    expect(() => deriveHazardRatio({ hr: 0.8, ciLower: 0.6 })).toThrow(InputError);
    expect(() => deriveHazardRatio({ hr: 0.8, ciLower: 0.9, ciUpper: 0.6 })).toThrow(
      /greater than ciLower/,
    );
    expect(() => deriveHazardRatio({ hr: 0.8, ciLower: 0.6, ciUpper: 0.9, ciLevel: 95 })).toThrow(
      /level/,
    );
    expect(() => deriveHazardRatio({ hr: -1, ciLower: 0.6, ciUpper: 0.9 })).toThrow(InputError);
    expect(() => deriveHazardRatio({ hr: 0.8 })).toThrow(/at least one derivation/);
  });
  it('lists what each unused method lacks', () => {
    const r = deriveHazardRatio({ hr: 0.8, ciLower: 0.6, ciUpper: 0.9 });
    expect(r.skipped.map((s) => s.method)).toEqual([
      'log-se',
      'oe-v',
      'p',
      'logrank',
      'events',
      'medians',
    ]);
    expect(Object.isFrozen(r)).toBe(true);
  });
});

describe('property: swapping the arms inverts the HR and keeps the SE', () => {
  it('for every method', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.2, max: 5, noNaN: true }),
        fc.double({ min: 0.05, max: 0.6, noNaN: true }),
        fc.integer({ min: 5, max: 500 }),
        fc.integer({ min: 5, max: 500 }),
        fc.integer({ min: 10, max: 300 }),
        fc.integer({ min: 10, max: 300 }),
        (hr, se, d1, d2, n1, n2) => {
          const z = 1.959963984540054;
          const lz = Math.log(hr) / se;
          const p = 2 * normalSf(Math.abs(lz));
          const forward: HrReported = {
            hr,
            ciLower: hr * Math.exp(-z * se),
            ciUpper: hr * Math.exp(z * se),
            oMinusE: Math.log(hr) / se ** 2,
            v: 1 / se ** 2,
            logrankZ: lz,
            events1: d1,
            events2: d2,
            n1,
            n2,
            median1: 10 / hr,
            median2: 10,
            ...(p > 0 && p < 1 ? { p } : {}),
          };
          const swapped: HrReported = {
            hr: 1 / hr,
            ciLower: 1 / (forward.ciUpper as number),
            ciUpper: 1 / (forward.ciLower as number),
            oMinusE: -(forward.oMinusE as number),
            v: forward.v,
            logrankZ: -lz,
            events1: d2,
            events2: d1,
            n1: n2,
            n2: n1,
            median1: 10,
            median2: 10 / hr,
            ...(p > 0 && p < 1 ? { p } : {}),
          };
          const a = deriveHazardRatio(forward);
          const b = deriveHazardRatio(swapped);
          expect(b.derivations.map((d) => d.method)).toEqual(a.derivations.map((d) => d.method));
          a.derivations.forEach((d, i) => {
            expectClose(b.derivations[i].logHr, -d.logHr, 1e-9, 1e-12, d.method);
            expectClose(b.derivations[i].se, d.se, 1e-9, 0, d.method);
          });
        },
      ),
      { seed: 12, numRuns: 200 },
    );
  });
});

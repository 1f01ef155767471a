import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { groupSequentialDesign } from '../../../src/stats/design/group-sequential-design.js';
import { groupSequentialInterim } from '../../../src/stats/design/group-sequential-interim.js';
import { groupSequentialProbabilities } from '../../../src/stats/design/group-sequential-probabilities.js';
import { groupSequentialSampleSize } from '../../../src/stats/design/group-sequential-sample-size.js';
import type {
  BetaSpendingType,
  GroupSequentialType,
} from '../../../src/stats/design/group-sequential-types.js';
import { expectClose } from '../../support/close.js';

/** test/reference/design_sequential.R: rpact 3.3.4 and mvtnorm (Miwa) reference values. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const fx = JSON.parse(
  readFileSync(new URL('../../reference/fixtures/design_sequential.json', import.meta.url), 'utf8'),
) as Record<string, any>;

const TOL = 1e-6;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function designOf(c: any) {
  return groupSequentialDesign({
    informationRates: c.informationRates,
    alpha: c.alpha,
    beta: c.beta,
    sided: c.sided,
    type: c.type as GroupSequentialType,
    ...(c.parameter !== null ? { parameter: c.parameter } : {}),
    ...(c.futility !== null
      ? {
          futility: {
            type: c.futility as BetaSpendingType,
            ...(c.futilityParameter !== null ? { parameter: c.futilityParameter } : {}),
          },
        }
      : {}),
  });
}

describe('groupSequentialDesign against rpact getDesignGroupSequential + getDesignCharacteristics (1e-6)', () => {
  for (const c of fx.designs) {
    const name = `${c.type}${c.parameter !== null ? `(${c.parameter})` : ''} K=${c.kMax} t=${c.informationRates.map((t: number) => t.toFixed(2)).join('/')} α=${c.alpha} β=${c.beta} sided=${c.sided}${c.futility ? ` ${c.futility}${c.futilityParameter !== null ? `(${c.futilityParameter})` : ''}` : ''}`;
    it(name, () => {
      const d = designOf(c);
      d.criticalValues.forEach((x, k) =>
        expectClose(x, c.criticalValues[k], TOL, TOL, `critical ${k + 1}`),
      );
      d.alphaSpent.forEach((x, k) =>
        expectClose(x, c.alphaSpent[k], TOL, 1e-8, `alphaSpent ${k + 1}`),
      );
      if (c.futility) {
        d.futility!.bounds.forEach((x, k) =>
          expectClose(x, c.futilityBounds[k], TOL, TOL, `futility ${k + 1}`),
        );
        d.futility!.betaSpent.forEach((x, k) =>
          expectClose(x, c.betaSpent[k], TOL, 1e-8, `betaSpent ${k + 1}`),
        );
      }
      expectClose(d.shift, c.shift, TOL, 0, 'shift');
      expectClose(d.inflationFactor, c.inflationFactor, TOL, 0, 'inflationFactor');
      d.power.forEach((x, k) => expectClose(x, c.power[k], TOL, 1e-8, `power ${k + 1}`));
      d.underH1.rejectUpper.forEach((x, k) =>
        expectClose(x, c.rejectionProbabilities[k], TOL, 1e-8, `rejection ${k + 1}`),
      );
      if (c.futility)
        d.underH1.futility
          .slice(0, -1)
          .forEach((x, k) =>
            expectClose(x, c.futilityProbabilities[k], TOL, 1e-8, `futility prob ${k + 1}`),
          );
      expectClose(d.underH1.averageSampleNumber, c.asn1, TOL, 0, 'ASN H1');
      expectClose(d.underHalf.averageSampleNumber, c.asn01, TOL, 0, 'ASN θ/2');
      expectClose(d.underH0.averageSampleNumber, c.asn0, TOL, 0, 'ASN H0');
    });
  }
});

describe('groupSequentialProbabilities against mvtnorm::pmvnorm (an independent multivariate-normal integral)', () => {
  for (const c of fx.mvn) {
    it(`t=${c.informationRates.map((t: number) => t.toFixed(2)).join('/')} drift ${c.drift}`, () => {
      const lower = c.lower.map((x: number | string | null) =>
        x === null || x === '-Inf' ? -Infinity : x,
      );
      const p = groupSequentialProbabilities(c.informationRates, lower, c.upper, c.drift);
      p.upper.forEach((x, k) => expectClose(x, c.exitUpper[k], 1e-6, 1e-9, `upper ${k + 1}`));
      p.lower.forEach((x, k) => expectClose(x, c.exitLower[k], 1e-6, 1e-9, `lower ${k + 1}`));
    });
  }
  for (const c of fx.mvnBounds) {
    it(`${c.type} critical values re-solved with uniroot on pmvnorm`, () => {
      const d = groupSequentialDesign({
        informationRates: c.informationRates,
        alpha: c.alpha,
        type: c.type,
      });
      d.criticalValues.forEach((x, k) =>
        expectClose(x, c.criticalValues[k], 1e-6, 0, `critical ${k + 1}`),
      );
    });
  }
  it('a finer grid changes probabilities by < 1e-9 (the default r = 32 has converged)', () => {
    const t = [0.2, 0.45, 0.7, 1];
    const lo = [-1, 0, 1, 2];
    const up = [3.5, 3, 2.5, 2];
    const a = groupSequentialProbabilities(t, lo, up, 2.5);
    const b = groupSequentialProbabilities(t, lo, up, 2.5, { gridR: 96 });
    a.upper.forEach((x, k) => expect(Math.abs(x - b.upper[k])).toBeLessThan(1e-9));
    a.lower.forEach((x, k) => expect(Math.abs(x - b.lower[k])).toBeLessThan(1e-9));
  });
});

describe('groupSequentialInterim: stage-wise ordering p (mvtnorm) and repeated CIs', () => {
  for (const c of fx.stagewise) {
    it(`look ${c.look}, z ${c.z}, sided ${c.sided}`, () => {
      // A design object carrying the fixture's bounds: the p-value depends only on them.
      const d = {
        ...groupSequentialDesign({
          informationRates: c.informationRates,
          sided: c.sided,
          alpha: c.sided === 2 ? 0.05 : 0.025,
        }),
        criticalValues: c.criticalValues,
      };
      const r = groupSequentialInterim(d, { look: c.look, estimate: c.z * 0.7, se: 0.7 });
      expectClose(r.stagewiseP, c.p, 1e-6, 1e-10, 'stagewise p');
    });
  }
  it('repeated CI is estimate ± c_k se and the decision follows the bounds', () => {
    const d = groupSequentialDesign({ kMax: 3, alpha: 0.05, sided: 2 });
    const r = groupSequentialInterim(d, { look: 2, estimate: 4.1, se: 1.5 });
    expectClose(r.repeatedCi.lower, 4.1 - d.criticalValues[1] * 1.5, 1e-15);
    expectClose(r.repeatedCi.upper, 4.1 + d.criticalValues[1] * 1.5, 1e-15);
    expect(r.repeatedCi.level).toBe(0.95);
    expect(r.decision).toBe('reject'); // z = 2.733 ≥ 2.511
    expect(groupSequentialInterim(d, { look: 1, estimate: 4.1, se: 1.5 }).decision).toBe(
      'continue',
    );
    expect(groupSequentialInterim(d, { look: 3, estimate: 1, se: 1.5 }).decision).toBe(
      'do not reject',
    );
    const f = groupSequentialDesign({ kMax: 3, futility: { type: 'bsOF' } });
    expect(groupSequentialInterim(f, { look: 1, estimate: -0.5, se: 1 }).decision).toBe(
      'stop for futility',
    );
    // At the first look the stage-wise p is the naive p.
    const first = groupSequentialInterim(d, { look: 1, estimate: 1.2, se: 1 });
    expectClose(first.stagewiseP, first.naiveP, 1e-12);
    expect(() => groupSequentialInterim(d, { look: 4, estimate: 1, se: 1 })).toThrow(InputError);
  });
});

describe('groupSequentialSampleSize against rpact getSampleSizeMeans/Rates (normal approximation) and getSampleSizeSurvival events', () => {
  for (const c of fx.sizes) {
    it(`${c.design.type} K=${c.design.k} sided=${c.design.sided}: ${c.endpoint}, ${c.groups ?? 2} group(s), allocation ${c.allocation}`, () => {
      const d = groupSequentialDesign({
        kMax: c.design.k,
        alpha: c.design.alpha,
        beta: c.design.beta,
        sided: c.design.sided,
        type: c.design.type,
      });
      const endpoint =
        c.endpoint === 'means'
          ? {
              kind: 'means' as const,
              groups: c.groups,
              delta: c.delta,
              sd: c.sd,
              allocation: c.allocation,
            }
          : c.endpoint === 'rates'
            ? c.groups === 1
              ? { kind: 'rates' as const, groups: 1 as const, p1: c.p1, p0: c.p0 }
              : {
                  kind: 'rates' as const,
                  groups: 2 as const,
                  p1: c.p1,
                  p2: c.p2,
                  allocation: c.allocation,
                }
            : { kind: 'survival' as const, hazardRatio: c.hazardRatio, allocation: c.allocation };
      const s = groupSequentialSampleSize(d, endpoint);
      expectClose(s.nFixed, c.nFixed, 1e-9, 0, 'nFixed');
      expectClose(s.nMax, c.nMax, TOL, 0, 'nMax');
      s.perLook.forEach((x, k) => expectClose(x, c.n[k], TOL, 0, `n at look ${k + 1}`));
      if (c.enH0 !== undefined && c.enH0 !== null)
        expectClose(s.expectedH0, c.enH0, TOL, 0, 'E[N|H0]');
      expectClose(s.expectedH1, c.enH1, TOL, 0, 'E[N|H1]');
    });
  }
});

/**
 * Jennison C, Turnbull BW. Group Sequential Methods with Applications to Clinical Trials.
 * Chapman & Hall/CRC 2000. Table 2.1: Pocock constants C_P(K, α); Table 2.3: O'Brien–Fleming
 * constants C_B(K, α) (two-sided tests, equally spaced looks), printed to 3 decimals.
 * Tables 2.2 and 2.4: R_P(K, α, β) and R_B(K, α, β), the maximum sample size relative to the
 * fixed design (our inflation factor), α = 0.05 two-sided, β = 0.2.
 */
describe('Jennison & Turnbull (2000) Tables 2.1–2.4', () => {
  const pocock: Record<number, Record<number, number>> = {
    0.01: { 2: 2.772, 3: 2.873, 4: 2.939, 5: 2.986 },
    0.05: { 1: 1.96, 2: 2.178, 3: 2.289, 4: 2.361, 5: 2.413, 10: 2.555 },
    0.1: { 2: 1.875, 3: 1.992, 4: 2.067, 5: 2.122 },
  };
  const obf: Record<number, Record<number, number>> = {
    0.01: { 2: 2.58, 3: 2.595, 4: 2.609, 5: 2.621 },
    0.05: { 1: 1.96, 2: 1.977, 3: 2.004, 4: 2.024, 5: 2.04, 10: 2.087 },
    0.1: { 2: 1.678, 3: 1.71, 4: 1.733, 5: 1.751 },
  };
  for (const [table, type, values] of [
    ['2.1', 'P', pocock],
    ['2.3', 'OF', obf],
  ] as const) {
    for (const [a, row] of Object.entries(values)) {
      it(`Table ${table}: ${type} α = ${a}`, () => {
        for (const [K, c] of Object.entries(row)) {
          const d = groupSequentialDesign({ kMax: Number(K), alpha: Number(a), sided: 2, type });
          const cK = type === 'P' ? d.criticalValues[0] : d.criticalValues[d.kMax - 1];
          expect(Number(cK.toFixed(3)), `K = ${K}`).toBe(c);
        }
      });
    }
  }
  it('Tables 2.2 / 2.4: R_P and R_B at α = 0.05, β = 0.2', () => {
    const rp: Record<number, number> = { 2: 1.11, 3: 1.166, 4: 1.202, 5: 1.229 };
    const rb: Record<number, number> = { 2: 1.008, 3: 1.017, 4: 1.024, 5: 1.028 };
    for (const [K, r] of Object.entries(rp))
      expect(
        Number(
          groupSequentialDesign({
            kMax: Number(K),
            alpha: 0.05,
            sided: 2,
            type: 'P',
          }).inflationFactor.toFixed(3),
        ),
        `P K=${K}`,
      ).toBe(r);
    for (const [K, r] of Object.entries(rb))
      expect(
        Number(
          groupSequentialDesign({
            kMax: Number(K),
            alpha: 0.05,
            sided: 2,
            type: 'OF',
          }).inflationFactor.toFixed(3),
        ),
        `OF K=${K}`,
      ).toBe(r);
  });
});

describe('groupSequentialDesign: input checks and invariants', () => {
  it('rejects bad input with InputError', () => {
    expect(() => groupSequentialDesign({ informationRates: [0.5, 0.4, 1] })).toThrow(InputError);
    expect(() => groupSequentialDesign({ informationRates: [0.5, 0.9] })).toThrow(InputError);
    expect(() => groupSequentialDesign({ alpha: 0 })).toThrow(InputError);
    expect(() => groupSequentialDesign({ type: 'xx' as GroupSequentialType })).toThrow(InputError);
    expect(() => groupSequentialDesign({ sided: 2, futility: { type: 'bsOF' } })).toThrow(
      InputError,
    );
    expect(() => groupSequentialDesign({ type: 'asKD', parameter: 0 })).toThrow(InputError);
  });
  it('one look is the fixed design: c = z_{1−α}, inflation 1', () => {
    const d = groupSequentialDesign({ kMax: 1, alpha: 0.025 });
    expectClose(d.criticalValues[0], 1.959963984540054, 1e-10);
    expectClose(d.inflationFactor, 1, 1e-9);
  });
  it('results are frozen and JSON-serialisable', () => {
    const d = groupSequentialDesign({ kMax: 2, futility: { type: 'bsP' } });
    expect(Object.isFrozen(d)).toBe(true);
    expect(JSON.parse(JSON.stringify(d)).criticalValues).toHaveLength(2);
  });
});

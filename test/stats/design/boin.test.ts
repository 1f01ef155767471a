import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { boinBoundaries, boinRule } from '../../../src/stats/design/boin.js';
import { intervalDesignOc } from '../../../src/stats/design/interval-design-oc.js';
import { isotonicMtd, pava } from '../../../src/stats/design/isotonic-mtd.js';
import { expectClose } from '../../support/close.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const fx = JSON.parse(
  readFileSync(new URL('../../reference/fixtures/design_sequential.json', import.meta.url), 'utf8'),
) as Record<string, any>;

describe('boinBoundaries', () => {
  it('Liu & Yuan (2015) Table 1: target 0.3 → λe = 0.2365, λd = 0.3585', () => {
    const b = boinBoundaries(0.3);
    expect(b.lambdaE.toFixed(4)).toBe('0.2365');
    expect(b.lambdaD.toFixed(4)).toBe('0.3585');
  });
  for (const c of fx.boinBounds) {
    it(`target ${c.target}: λ by uniroot on the likelihood crossing and the n = 1..30 table (R, design_sequential.R)`, () => {
      const b = boinBoundaries(c.target, { maxN: 30 });
      expectClose(b.lambdaE, c.lambdaE, 1e-10);
      expectClose(b.lambdaD, c.lambdaD, 1e-10);
      expect(b.table).toEqual(c.table);
    });
  }
  it('rejects bad input', () => {
    expect(() => boinBoundaries(0)).toThrow(InputError);
    expect(() => boinBoundaries(0.3, { phi1: 0.35 })).toThrow(InputError);
    expect(() => boinBoundaries(0.3, { phi2: 0.2 })).toThrow(InputError);
  });
});

describe('isotonic MTD selection', () => {
  it('pava pools violators', () => {
    expect(pava([0.3, 0.1, 0.4], [1, 1, 1])).toEqual([0.2, 0.2, 0.4]);
    expect(pava([0.1, 0.5, 0.2, 0.3], [1, 1, 2, 1])).toEqual([0.1, 0.3, 0.3, 0.3]);
  });
  it('selects the dose closest to the target; none when the lowest is eliminated', () => {
    expect(isotonicMtd([0, 1, 4], [3, 6, 6], 0.3, 3)).toBe(1);
    expect(isotonicMtd([3, 0], [3, 0], 0.3, 0)).toBe(-1);
  });
});

describe('intervalDesignOc with the BOIN rule', () => {
  const rule = boinRule(boinBoundaries(0.3, { maxN: 30 }));
  for (const c of fx.boinOc) {
    it(`${c.kind}: dlt ${c.dlt.join('/')}, ${c.cohorts} cohorts of ${c.cohortSize} (R ${c.kind === 'exact' ? 'path-by-path enumeration' : `simulation, ${c.reps} trials`})`, () => {
      const r = intervalDesignOc(rule, c.dlt, c.target, {
        cohortSize: c.cohortSize,
        cohorts: c.cohorts,
      });
      if (c.kind === 'exact') {
        r.pSelect.forEach((p, j) =>
          expectClose(p, c.pSelect[j], 1e-10, 1e-14, `P(select ${j + 1})`),
        );
        expectClose(r.pNone, c.pNone, 1e-10, 1e-14, 'P(none)');
        r.expectedNPerDose.forEach((n, j) =>
          expectClose(n, c.expectedNPerDose[j], 1e-10, 1e-12, `E[n ${j + 1}]`),
        );
      } else {
        // 4.5 Monte Carlo standard errors of the R estimate.
        r.pSelect.forEach((p, j) =>
          expect(Math.abs(p - c.pSelect[j]), `P(select ${j + 1})`).toBeLessThan(
            4.5 * Math.sqrt((p * (1 - p)) / c.reps) + 1e-9,
          ),
        );
      }
      expectClose(r.pSelect.reduce((a, b) => a + b, 0) + r.pNone, 1, 1e-12);
    });
  }
  it('the seeded simulation agrees with the exact enumeration and is reproducible', () => {
    const dlt = [0.05, 0.1, 0.2, 0.3, 0.45];
    const exact = intervalDesignOc(rule, dlt, 0.3);
    const sim = intervalDesignOc(rule, dlt, 0.3, { method: 'simulate', reps: 20000, seed: 3 });
    sim.pSelect.forEach((p, j) =>
      expect(Math.abs(p - exact.pSelect[j])).toBeLessThan(
        4.5 * Math.sqrt((exact.pSelect[j] * (1 - exact.pSelect[j])) / 20000) + 1e-9,
      ),
    );
    expect(intervalDesignOc(rule, dlt, 0.3, { method: 'simulate', reps: 2000, seed: 3 })).toEqual(
      intervalDesignOc(rule, dlt, 0.3, { method: 'simulate', reps: 2000, seed: 3 }),
    );
    expect(exact.expectedN).toBeLessThanOrEqual(30 + 1e-9);
  });
});

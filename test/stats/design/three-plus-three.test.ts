import { describe, expect, it } from 'vitest';
import {
  simulateThreePlusThree,
  threePlusThree,
} from '../../../src/stats/design/three-plus-three.js';
import { InputError } from '../../../src/errors.js';

/**
 * Independent brute force over every DLT outcome sequence: the rules run imperatively,
 * patient by patient, reading outcomes from a sequence of 0/1; a run that needs one more
 * outcome than the sequence holds is re-run with the sequence extended by 0 and by 1.
 * Each complete sequence is one leaf with probability prod q^y (1 - q)^(1 - y).
 */
class NeedMore extends Error {}
function bruteForce(dlt: number[], variant: 'classic' | 'deescalate') {
  const doses = dlt.length;
  const pSelect = new Array<number>(doses).fill(0);
  let pNone = 0;
  let eN = 0;
  let eD = 0;
  const runOnce = (sequence: number[]) => {
    const used = new Array<number>(doses).fill(0);
    const tox = new Array<number>(doses).fill(0);
    let next = 0;
    let prob = 1;
    const treat = (d: number) => {
      for (let i = 0; i < 3; i += 1) {
        if (next >= sequence.length) throw new NeedMore();
        const y = sequence[next++];
        prob *= y ? dlt[d] : 1 - dlt[d];
        tox[d] += y;
        used[d] += 1;
      }
    };
    let mtd = doses - 1;
    for (let d = 0; d < doses; d += 1) {
      treat(d);
      if (tox[d] === 1) treat(d);
      if (tox[d] <= 1) continue;
      mtd = d - 1;
      if (variant === 'deescalate') {
        while (mtd >= 0 && used[mtd] < 6) {
          treat(mtd);
          if (tox[mtd] <= 1) break;
          mtd -= 1;
        }
      }
      break;
    }
    if (next !== sequence.length) throw new Error('sequence longer than the trial');
    return { mtd, prob, n: used.reduce((a, b) => a + b, 0), d: tox.reduce((a, b) => a + b, 0) };
  };
  const explore = (sequence: number[]) => {
    let leaf;
    try {
      leaf = runOnce(sequence);
    } catch (error) {
      if (!(error instanceof NeedMore)) throw error;
      explore([...sequence, 0]);
      explore([...sequence, 1]);
      return;
    }
    if (leaf.mtd < 0) pNone += leaf.prob;
    else pSelect[leaf.mtd] += leaf.prob;
    eN += leaf.prob * leaf.n;
    eD += leaf.prob * leaf.d;
  };
  explore([]);
  return { pNone, pSelect, expectedN: eN, expectedDLT: eD };
}

const scenarios: number[][] = [
  [0.05, 0.1, 0.2],
  [0.3, 0.45, 0.6],
  [0, 0.5],
  [1, 1],
];

describe('threePlusThree (exact enumeration)', () => {
  for (const variant of ['classic', 'deescalate'] as const) {
    for (const dlt of scenarios) {
      it(`${variant} ${dlt.join(',')}: matches a brute force over all DLT tapes, sums to 1`, () => {
        const exact = threePlusThree(dlt, { variant });
        const brute = bruteForce(dlt, variant);
        expect(exact.pNone + exact.pSelect.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 13);
        expect(Math.abs(exact.pNone - brute.pNone)).toBeLessThan(1e-12);
        exact.pSelect.forEach((p, i) => expect(Math.abs(p - brute.pSelect[i])).toBeLessThan(1e-12));
        expect(exact.expectedN).toBeCloseTo(brute.expectedN, 11);
        expect(exact.expectedDLT).toBeCloseTo(brute.expectedDLT, 11);
        expect(exact.expectedNPerDose.reduce((a, b) => a + b, 0)).toBeCloseTo(exact.expectedN, 12);
      });
    }
  }

  it('hand-computed single dose: P(MTD = dose 1) = P(escalate) and E[N]', () => {
    const q = 0.2;
    const b = (k: number) => [1, 3, 3, 1][k] * q ** k * (1 - q) ** (3 - k);
    const pass = b(0) + b(1) * b(0);
    const r = threePlusThree([q]);
    expect(r.pSelect[0]).toBeCloseTo(pass, 15);
    expect(r.pNone).toBeCloseTo(1 - pass, 15);
    expect(r.expectedN).toBeCloseTo(3 + 3 * b(1), 14);
    // Wald's identity: each treated patient has a DLT with probability q.
    expect(r.expectedDLT).toBeCloseTo(q * r.expectedN, 14);
  });

  it('certain toxicity: never an MTD; no toxicity: always the top dose', () => {
    expect(threePlusThree([1, 1, 1]).pNone).toBe(1);
    const safe = threePlusThree([0, 0, 0]);
    expect(safe.pSelect).toEqual([0, 0, 1]);
    expect(safe.expectedN).toBe(9);
  });

  it('rejects invalid probabilities and variants', () => {
    expect(() => threePlusThree([])).toThrow(InputError);
    expect(() => threePlusThree([0.1, 1.2])).toThrow(InputError);
    expect(() => threePlusThree([0.1], { variant: 'x' as never })).toThrow(InputError);
  });
});

describe('simulateThreePlusThree (Monte Carlo cross-check)', () => {
  for (const variant of ['classic', 'deescalate'] as const) {
    it(`${variant}: agrees with the exact values within 4 Monte Carlo SE`, () => {
      const dlt = [0.1, 0.25, 0.4, 0.55];
      const exact = threePlusThree(dlt, { variant });
      const sim = simulateThreePlusThree(dlt, { variant, reps: 40_000, seed: 20261122 });
      expect(Math.abs(sim.pNone - exact.pNone)).toBeLessThan(4 * sim.mcse.pNone);
      sim.pSelect.forEach((p, i) =>
        expect(Math.abs(p - exact.pSelect[i])).toBeLessThan(4 * sim.mcse.pSelect[i]),
      );
      expect(Math.abs(sim.expectedN - exact.expectedN)).toBeLessThan(4 * sim.mcse.expectedN);
      expect(Math.abs(sim.expectedDLT - exact.expectedDLT)).toBeLessThan(4 * sim.mcse.expectedDLT);
    });
  }

  it('is reproducible: same seed, same numbers', () => {
    const a = simulateThreePlusThree([0.1, 0.3], { reps: 500, seed: 7 });
    const b = simulateThreePlusThree([0.1, 0.3], { reps: 500, seed: 7 });
    expect(a).toEqual(b);
  });
});

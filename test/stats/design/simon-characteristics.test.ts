import { describe, expect, it } from 'vitest';
import { simonCharacteristics } from '../../../src/stats/design/simon-characteristics.js';
import { simonTwoStage } from '../../../src/stats/design/simon-two-stage.js';

describe('simonCharacteristics', () => {
  it('gives back the attained α, PET0, EN0 (at p0) and power (at p1) of the designs (R-verified in simon-two-stage tests)', () => {
    for (const [p0, p1] of [
      [0.1, 0.3],
      [0.2, 0.4],
      [0.05, 0.25],
    ] as const) {
      const result = simonTwoStage({ p0, p1, alpha: 0.05, power: 0.8 });
      for (const design of [result.optimal, result.minimax]) {
        const null0 = simonCharacteristics(design, p0);
        expect(null0.pReject).toBeCloseTo(design.alpha, 12);
        expect(null0.pet).toBeCloseTo(design.pet0, 12);
        expect(null0.expectedN).toBeCloseTo(design.en0, 10);
        expect(simonCharacteristics(design, p1).pReject).toBeCloseTo(design.power, 12);
      }
    }
  });

  it('reproduces Simon (1989) Table 1, p0 = 0.10, p1 = 0.30, α = 0.05, β = 0.20, optimal 1/10, 5/29: PET0 0.74, EN0 15.0', () => {
    const oc = simonCharacteristics({ r1: 1, n1: 10, r: 5, n: 29 }, 0.1);
    expect(oc.pet.toFixed(2)).toBe('0.74');
    expect(oc.expectedN.toFixed(1)).toBe('15.0');
  });

  it('is 0 at p = 0 and 1 at p = 1, and rejects bad designs', () => {
    expect(simonCharacteristics({ r1: 1, n1: 10, r: 5, n: 29 }, 0).pReject).toBe(0);
    expect(simonCharacteristics({ r1: 1, n1: 10, r: 5, n: 29 }, 1).pReject).toBeCloseTo(1, 15);
    expect(() => simonCharacteristics({ r1: 10, n1: 10, r: 5, n: 29 }, 0.2)).toThrow(/^design: /);
  });
});

import { describe, expect, it } from 'vitest';
import { kmPercent, kmReachable } from '../../../src/stats/survival/km-reachable.js';
import { InputError } from '../../../src/errors.js';
import { expectClose, readFixture } from '../continuous/close.js';

const fixture = readFixture<{
  reachable: Record<string, number[]>;
  withoutCensoring: Record<string, number[]>;
}>('km-reachable');

describe('reachable Kaplan–Meier values (brute force over follow-up histories, exact fractions: km_reachable.py)', () => {
  for (const [n, want] of Object.entries(fixture.reachable)) {
    it(`n = ${n}: ${want.length} values`, () => {
      const got = kmReachable(Number(n));
      expect(got.length).toBe(want.length);
      got.forEach((v, i) => expectClose(v.survival, want[i], 1e-12, 1e-15));
      const plain = got.filter((v) => v.withoutCensoring).map((v) => v.survival);
      expect(plain.length).toBe(fixture.withoutCensoring[n].length);
      // every witness multiplies out to its value and respects the risk sets
      for (const v of got) {
        let left = Number(n);
        let s = 1;
        for (const step of v.witness) {
          expect(step.atRisk).toBeLessThanOrEqual(left);
          s *= 1 - step.events / step.atRisk;
          left = step.atRisk - step.events;
        }
        expectClose(s, v.survival, 1e-12, 1e-15);
      }
    });
  }
});

describe('seed 001: two-year PFS "77 %" in 7 children (Satirer)', () => {
  it('is not a Kaplan–Meier value for 7 patients, with or without censoring: nearest 75 % and 80 %', () => {
    const r = kmPercent('77', 7);
    expect(r.possible).toBe(false);
    expect(r.possibleWithoutCensoring).toBe(false);
    expect(r.below?.survival).toBeCloseTo(0.75, 12);
    expect(r.below?.witness).toEqual([{ atRisk: 4, events: 1 }]);
    expect(r.above?.survival).toBeCloseTo(0.8, 12);
  });
  it('"100 %" at one year is possible; "86" needs no censoring (6/7); "83" needs censoring (5/6)', () => {
    expect(kmPercent('100', 7).possible).toBe(true);
    expect(kmPercent('86', 7).possibleWithoutCensoring).toBe(true);
    const r = kmPercent('83', 7);
    expect([r.possible, r.possibleWithoutCensoring]).toEqual([true, false]);
  });
  it('rejects bounds, percentages over 100 and n beyond the exact enumeration', () => {
    expect(() => kmPercent('< 50', 7)).toThrow(InputError);
    expect(() => kmPercent('120', 7)).toThrow(InputError);
    expect(() => kmReachable(21)).toThrow(/1 to 20/);
  });
});

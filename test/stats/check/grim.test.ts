import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { grim } from '../../../src/stats/check/grim.js';
import { grimmer } from '../../../src/stats/check/grimmer.js';

describe('grim', () => {
  it('reproduces the worked example of Brown & Heathers (2017), p. 364: mean 5.19 with n = 28 is impossible', () => {
    // 145/28 = 5.179 → 5.18 and 146/28 = 5.214 → 5.21: nothing prints as 5.19.
    expect(grim('5.19', 28)).toMatchObject({ consistent: false, informative: true, totals: [] });
    expect(grim('5.18', 28)).toMatchObject({ consistent: true, totals: [145] });
  });

  it('accounts for multi-item scales', () => {
    // With 2 items, totals are over 56 half-points: 5.19 = 290.6/56 → 291/56 = 5.196 → 5.20, 290/56 = 5.179.
    expect(grim('5.19', 28, { items: 2 }).consistent).toBe(false);
    expect(grim('5.20', 28, { items: 2 }).totals).toEqual([291]);
  });

  it('says when the test cannot be informative (n·items ≥ 10^decimals)', () => {
    const result = grim('3.7', 12);
    expect(result.informative).toBe(false);
    expect(result.consistent).toBe(true);
  });

  it('handles negative means', () => {
    expect(grim('-1.25', 4).totals).toEqual([-5]);
    expect(grim('-1.30', 4).consistent).toBe(false);
  });

  it('agrees with brute force over all totals (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: -5000, max: 5000 }),
        (n, hundredths) => {
          // Mean h/100 admits T when |T/n − h/100| ≤ 0.005, i.e. |200·T − 2·h·n| ≤ n.
          const expected: number[] = [];
          for (let total = -3000; total <= 3000; total++) {
            if (Math.abs(200 * total - 2 * hundredths * n) <= n) expected.push(total);
          }
          expect(grim((hundredths / 100).toFixed(2), n).totals).toEqual(expected);
        },
      ),
      { numRuns: 200, seed: 20261122 },
    );
  });

  it('rejects bad input', () => {
    expect(() => grim('5.19', 0)).toThrow(/^n: /);
    expect(() => grim('5.19', 10, { items: 0 })).toThrow(/^items: /);
  });
});

describe('INSPECT-SR (trustworthiness checks for randomised trials), check 4.8 example: Apgar scores, 30 per group', () => {
  it('means 8.96 and 9.96 are impossible for n = 30 (GRIM); 9.93 with SD 0.18 is impossible (GRIMMER)', () => {
    expect(grim('8.96', 30).consistent).toBe(false);
    expect(grim('9.96', 30).consistent).toBe(false);
    // 9.93 passes GRIM (298/30), but 29·[0.175², 0.185²] + 298²/30 = [2961.02, 2961.13] holds no whole Σx².
    expect(grim('9.93', 30).totals).toEqual([298]);
    expect(grimmer('9.93', '0.18', 30)).toMatchObject({ consistent: false, reason: 'sd-range' });
  });
});

describe('grimmer', () => {
  it('reproduces the examples in rsprite2 / scrutiny tests: (5.21, 1.6, 28) consistent, (3.44, 2.47, 18) not', () => {
    expect(grimmer('5.21', '1.6', 28).consistent).toBe(true);
    const failing = grimmer('3.44', '2.47', 18);
    expect(failing.consistent).toBe(false);
    expect(failing.reason).not.toBe('grim');
  });

  it('reports a GRIM failure first', () => {
    expect(grimmer('5.19', '1.00', 28)).toMatchObject({ consistent: false, reason: 'grim' });
  });

  it('accepts every (mean, SD) that real integer data produce (brute force over small samples)', () => {
    // Every multiset of n values from 1..5: its rounded mean and SD must pass GRIMMER.
    const check = (values: number[]): void => {
      const n = values.length;
      const mean = values.reduce((a, b) => a + b, 0) / n;
      const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
      const result = grimmer(mean.toFixed(2), sd.toFixed(2), n);
      if (!result.consistent)
        throw new Error(
          `rejected real data ${values.join(',')}: ${mean.toFixed(2)}, ${sd.toFixed(2)}`,
        );
    };
    const walk = (prefix: number[], from: number, n: number): void => {
      if (prefix.length === n) return check(prefix);
      for (let v = from; v <= 5; v++) walk([...prefix, v], v, n);
    };
    for (let n = 2; n <= 7; n++) walk([], 1, n);
  });

  it('separates the SD-range test from the parity test (hand-checked, n = 5)', () => {
    // Mean 3.20 with n = 5 means Σx = 16 (even), T²/n = 51.2, and Σx² = 51.2 + 4·sd².
    // SD 1.30: 4·[1.295², 1.305²] + 51.2 = [57.91, 58.01] holds 58, even: consistent.
    expect(grimmer('3.20', '1.30', 5).consistent).toBe(true);
    // SD 1.14: [56.35, 56.44] holds no integer.
    expect(grimmer('3.20', '1.14', 5)).toMatchObject({ consistent: false, reason: 'sd-range' });
    // SD 1.20: [56.91, 57.01] holds only 57, odd, but Σx² ≡ Σx (mod 2) must be even.
    expect(grimmer('3.20', '1.20', 5)).toMatchObject({ consistent: false, reason: 'parity' });
    // Mean 3.00 (Σx = 15, odd), SD 1.00: [48.96, 49.04] holds 49, odd: consistent (e.g. 2, 2, 3, 4, 4).
    expect(grimmer('3.00', '1.00', 5).consistent).toBe(true);
  });
});

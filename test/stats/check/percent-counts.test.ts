import { describe, expect, it } from 'vitest';
import { percentCounts, percentDenominators } from '../../../src/stats/check/percent-counts.js';

// Expected counts were computed independently with exact rational arithmetic
// (Python fractions) from the rule in shared/sources/published-figures.md.
describe('percentCounts', () => {
  it.each([
    // Rapami safety, seed-000: SAEs 45 % vs 27 % of 22; discontinuations 18 % of 22.
    ['45', 22, [10]],
    ['27', 22, [6]],
    ['18', 22, [4]],
    // Dazukibart AEs (seed-001) and SAEs (news summary of Lancet 2025).
    ['80', 15, [12]],
    ['81', 37, [30]],
    ['78', 23, [18]],
    ['11', 37, [4]],
    ['4', 23, [1]],
    // Seed-001 audit figures.
    ['3.5', 287, [10]],
    ['70', 99, [69]],
    ['22', 202, [44, 45]],
    ['52', 391, [202, 203, 204, 205]],
    ['30', 379, [112, 113, 114, 115]],
    ['81', 21, [17]],
    // IBM veterans (Liarski 2025), IBM n = 732, controls n = 1215.
    ['49.5', 732, [362]],
    ['6.6', 1215, [80]],
    ['38.4', 732, [281]],
    ['2.8', 1215, [34]],
    ['61.9', 732, [453]],
    ['48.4', 1215, [588]],
    // Jasinski 2017: 83 % of 12 (seed-004); 73 % fits 11, not 12.
    ['83', 12, [10]],
    ['73', 11, [8]],
  ] as const)('%s %% of %i → %j', (percent, n, counts) => {
    const result = percentCounts(percent, n);
    expect(result.counts).toEqual(counts);
    expect(result.consistent).toBe(true);
  });

  it.each([
    ['60', 11, 'HLA-DRB1*11:01 in 11 IMNM patients (seed-001): 6/11 = 54.5 %, 7/11 = 63.6 %'],
    ['73', 12, 'Jasinski 2017 abstract: 73 % of 12 ITP patients'],
    ['11', 15, 'dazukibart SAE summary: 4 (11 %) labelled 150 mg, but 4/15 = 26.7 %'],
    ['12', 22, 'Rapami IBMWCI "12 %": a mean degradation, not a share of 22 patients'],
  ] as const)('%s %% of %i is impossible (%s)', (percent, n, _why) => {
    expect(percentCounts(percent, n)).toMatchObject({ consistent: false, counts: [] });
  });

  it('respects printed decimals: 50.0 % of 7 is impossible, 50 % of 7 is not', () => {
    expect(percentCounts('50', 7).counts).toEqual([]);
    expect(percentCounts('57', 7).counts).toEqual([4]);
    expect(percentCounts('57.0', 7).counts).toEqual([]);
    expect(percentCounts(57, 7, { decimals: 1 }).counts).toEqual([]);
  });

  it('accepts half-way rounding either way', () => {
    // 1/8 = 12.5 % prints as 12 or 13 depending on the rounding rule.
    expect(percentCounts('12', 8).counts).toEqual([1]);
    expect(percentCounts('13', 8).counts).toEqual([1]);
  });

  it('covers 0 % and 100 %', () => {
    expect(percentCounts('0', 5).counts).toEqual([0]);
    expect(percentCounts('100', 5).counts).toEqual([5]);
    expect(percentCounts('0', 300).counts).toEqual([0, 1]);
  });

  it('rejects bad input with the argument named', () => {
    expect(() => percentCounts('45', 0)).toThrow(/^n: expected a whole number ≥ 1, found 0/);
    expect(() => percentCounts('120', 10)).toThrow(/percent: expected a percentage in \[0, 100\]/);
    expect(() => percentCounts('< 5', 10)).toThrow(/not a bound/);
    expect(() => percentCounts('abc', 10)).toThrow(/expected a printed number/);
  });
});

describe('percentDenominators', () => {
  it('finds the denominators that admit a printed percentage', () => {
    // 73 %: among 10..13 only 11 works (8/11).
    expect(percentDenominators('73', 10, 13).ns).toEqual([11]);
    // 60 %: 5, 10, 15, ... and near misses such as 13 (8/13 = 61.5 %? no) — brute force below.
    const brute: number[] = [];
    for (let n = 1; n <= 40; n++) {
      for (let k = 0; k <= n; k++) {
        if (Math.abs(200 * k - 120 * n) <= n) {
          brute.push(n);
          break;
        }
      }
    }
    expect(percentDenominators('60', 1, 40).ns).toEqual(brute);
  });
});

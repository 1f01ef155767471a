import { describe, expect, it } from 'vitest';
import { ciSymmetry } from '../../../src/stats/check/ci-symmetry.js';

/**
 * Reference by brute force: search a fine grid inside each printed value's rounding
 * interval for an estimate and bounds that are symmetric (within the grid step) on the
 * given scale. Independent of the interval arithmetic in ciSymmetry.
 */
function bruteSymmetric(e: string, l: string, u: string, g: (x: number) => number): boolean {
  const box = (text: string): number[] => {
    const decimals = text.includes('.') ? text.split('.')[1].length : 0;
    const half = 0.5 * 10 ** -decimals;
    const value = Number(text);
    return Array.from({ length: 201 }, (_, i) => value - half + (2 * half * i) / 200);
  };
  const es = box(e);
  const ls = box(l);
  const us = box(u);
  for (const x of es) {
    for (const y of ls) {
      // The best upper bound for this (x, y) is g⁻¹(2g(x) − g(y)): is it within u's box?
      const target = 2 * g(x) - g(y);
      const lowU = g(us[0]);
      const highU = g(us[us.length - 1]);
      if (target >= lowU - 1e-9 && target <= highU + 1e-9) return true;
    }
  }
  return false;
}

describe('ciSymmetry', () => {
  const cases: [string, string, string][] = [
    ['0.72', '0.61', '0.85'],
    ['-16.3', '-20.4', '-12.1'],
    ['-13.7', '-18.3', '-9.0'],
    ['1.5', '0.9', '2.5'],
    ['2.0', '1.0', '3.0'],
    ['2.0', '1.0', '4.0'],
    ['0.50', '0.30', '0.90'],
    ['1.67', '1.02', '2.73'],
    ['5', '2', '9'],
  ];
  it.each(cases)('matches a brute-force search for %s (%s to %s)', (e, l, u) => {
    const result = ciSymmetry(e, l, u);
    expect(result.linear).toBe(bruteSymmetric(e, l, u, (x) => x));
    expect(result.log).toBe(Number(l) > 0 ? bruteSymmetric(e, l, u, Math.log) : null);
  });

  it('reads the method from the scale of symmetry', () => {
    expect(ciSymmetry('0.72', '0.61', '0.85').reading).toBe('both'); // too narrow to tell the scales apart
    expect(ciSymmetry('0.52', '0.30', '0.90').reading).toBe('wald-log');
    expect(ciSymmetry('0.50', '0.30', '0.90').reading).toBe('neither');
    expect(ciSymmetry('2.0', '1.0', '3.0').reading).toBe('wald-linear');
    expect(ciSymmetry('2.0', '1.0', '4.0').reading).toBe('wald-log');
    expect(ciSymmetry('3.0', '1.0', '4.0').reading).toBe('neither');
    expect(ciSymmetry('5.0', '1.0', '4.0').reading).toBe('outside');
    expect(ciSymmetry('-16.3', '-20.4', '-12.1').log).toBeNull();
  });

  it('reports the printed asymmetry ratios', () => {
    expect(ciSymmetry('2.0', '1.0', '4.0').ratioLog).toBeCloseTo(1, 12);
    expect(ciSymmetry('2.0', '1.0', '4.0').ratioLinear).toBeCloseTo(2, 12);
  });

  it('rejects reversed bounds', () => {
    expect(() => ciSymmetry('1', '3', '2')).toThrow(/lower/);
  });
});

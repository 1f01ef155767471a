import { describe, expect, it } from 'vitest';
import { formatLevel, formatNumber, formatP } from '../../src/format/number.js';

describe('formatNumber', () => {
  it('keeps three significant digits and a typeset minus', () => {
    expect(formatNumber(-34.4231)).toBe('\u221234.4');
    expect(formatNumber(1.6667)).toBe('1.67');
    expect(formatNumber(0.000123456)).toBe('0.000123');
    expect(formatNumber(12345.6)).toBe('12346');
    expect(formatNumber(9.9951)).toBe('10.0');
    expect(formatNumber(-0.0001, { digits: 1 })).toBe('\u22120.0001');
    expect(formatNumber(-4.1, { digits: 2, minus: 'ascii' })).toBe('-4.1');
    expect(formatNumber(0)).toBe('0');
  });
});

describe('formatP', () => {
  it('prints p the way journals do', () => {
    expect(formatP(0.0347)).toBe('p = 0.035');
    expect(formatP(0.73)).toBe('p = 0.73');
    expect(formatP(0.0091)).toBe('p = 0.009');
    expect(formatP(2e-7)).toBe('p < 0.001');
    expect(formatP(2e-7, { threshold: 0.0001 })).toBe('p < 0.0001');
  });
});

describe('formatLevel', () => {
  it('writes levels as percentages', () => {
    expect(formatLevel(0.95)).toBe('95%');
    expect(formatLevel(0.975)).toBe('97.5%');
    expect(formatLevel(0.9)).toBe('90%');
  });
});

import { describe, expect, it } from 'vitest';
import {
  columnDecimals,
  formatPrinted,
  formatEstimateCi,
  formatLevel,
  formatNumber,
  formatP,
  formatPercent,
  formatTau2,
} from '../../src/format/number.js';

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

describe('column formatting', () => {
  it('gives an estimate and its limits the same decimals', () => {
    expect(columnDecimals([34.4231, 2.5412, 66.31])).toBe(1);
    expect(formatEstimateCi(34.4231, 2.5412, 66.31, columnDecimals([34.4231, 2.5412, 66.31]))).toBe(
      '34.4 (2.5 to 66.3)',
    );
    expect(columnDecimals([0.4894, 0.3441, 0.6962], { ratio: true })).toBe(2);
    expect(columnDecimals([0.05, 0.01], { ratio: true })).toBe(3);
    expect(columnDecimals([-9.02, -0.51])).toBe(2);
    expect(columnDecimals([153.2, 227.4])).toBe(0);
    expect(formatEstimateCi(-0.7145, -1.0669, -0.3622, 2)).toBe('−0.71 (−1.07 to −0.36)');
  });
  it('prints percentages with one decimal and tiny ones as a bound', () => {
    expect(formatPercent(38.4456)).toBe('38.4%');
    expect(formatPercent(0.0000382)).toBe('< 0.1%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(4.3478)).toBe('4.3%');
  });
  it('prints τ² for people', () => {
    expect(formatTau2(0.313243)).toBe('0.313');
    expect(formatTau2(2.57e-7)).toBe('< 0.001');
    expect(formatTau2(0)).toBe('0');
  });
});

describe('formatPrinted: transcribed values keep their printed digits', () => {
  it('keeps the decimals of the printed text, with a typeset minus', () => {
    expect(formatPrinted(-9, '-9.0')).toBe('−9.0');
    expect(formatPrinted(59, '59')).toBe('59');
    expect(formatPrinted(-11.07, '-11.07')).toBe('−11.07');
    expect(formatPrinted(0.5, '.50')).toBe('0.50');
    expect(formatPrinted(12.3, '+12.3')).toBe('12.3');
    expect(formatPrinted(0.0015, '1.5e-3')).toBe('0.0015');
  });
  it('without printed text (or text of another value) writes the shortest exact form', () => {
    expect(formatPrinted(-11.07)).toBe('−11.07');
    expect(formatPrinted(34.4)).toBe('34.4');
    expect(formatPrinted(22, '21')).toBe('22');
    expect(formatPrinted(-4.1, undefined, 'ascii')).toBe('-4.1');
  });
});

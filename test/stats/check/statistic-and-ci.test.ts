import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkPValueCi } from '../../../src/stats/check/p-value-from-ci.js';
import {
  checkTestStatistic,
  type StatisticKind,
} from '../../../src/stats/check/check-test-statistic.js';

interface Fixture {
  pFromCi: {
    estimate: number;
    lower: number;
    upper: number;
    level: number;
    scale: 'natural' | 'log';
    df?: number;
    p: number;
  }[];
  statisticP: { test: StatisticKind; statistic: number; df?: number; df2?: number; p: number }[];
}
const fixture = JSON.parse(readFileSync('test/reference/fixtures/check.json', 'utf8')) as Fixture;
const REL = 1e-10; // closed forms over R's p-functions

function expectRelClose(actual: number, expected: number, rel: number): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.abs(expected));
}

describe('checkTestStatistic recomputes p as R does (test/reference/check.R)', () => {
  it.each(fixture.statisticP)('$test($df, $df2) = $statistic', (c) => {
    const result = checkTestStatistic({
      test: c.test,
      statistic: c.statistic,
      df: c.df,
      df2: c.df2,
      p: 0.5,
    });
    expectRelClose(result.pRecomputed, c.p, REL);
  });
});

describe("checkTestStatistic follows statcheck's documented cases (statcheck tests/testthat: test-error.R, test-decisionerror.R)", () => {
  const errors: [StatisticKind, string, number | undefined, number | undefined, string][] = [
    ['t', '2.20', 28, undefined, '.03'],
    ['F', '2.20', 2, 28, '.15'],
    ['r', '.22', 28, undefined, '.26'],
    ['chisq', '22.20', 28, undefined, '.79'],
    ['z', '2.20', undefined, undefined, '.04'],
    ['Q', '22.20', 28, undefined, '.79'],
    ['t', '-2.20', 28, undefined, '.03'],
    ['t', '2.20', 28, undefined, '> .05'],
  ];
  it.each(errors)('%s(%s) with p %s is an error', (test, statistic, df, df2, p) => {
    expect(checkTestStatistic({ test, statistic, df, df2, p }).error).toBe(true);
  });

  it('Z = -2.42, p = 0.016 and t(28) = 2.0, p < .05 are not errors', () => {
    expect(checkTestStatistic({ test: 'z', statistic: '-2.42', p: '0.016' }).error).toBe(false);
    expect(checkTestStatistic({ test: 't', statistic: '2.0', df: 28, p: '< .05' }).error).toBe(
      false,
    );
  });

  const decisionErrors: [StatisticKind, string, number | undefined, number | undefined, string][] =
    [
      ['t', '2.20', 28, undefined, '.06'],
      ['t', '1.20', 28, undefined, '.03'],
      ['F', '22.20', 2, 28, '.06'],
      ['F', '2.20', 2, 28, '.03'],
      ['r', '.22', 28, undefined, '.03'],
      ['r', '.52', 28, undefined, '.06'],
      ['chisq', '2.20', 28, undefined, '.03'],
      ['chisq', '52.20', 28, undefined, '.06'],
      ['z', '1.20', undefined, undefined, '.03'],
      ['z', '2.20', undefined, undefined, '.06'],
      ['Q', '2.20', 28, undefined, '.03'],
      ['Q', '52.20', 28, undefined, '.06'],
      ['t', '1.02', 48, undefined, '< .05'],
    ];
  it.each(decisionErrors)('%s(%s) with p %s is a decision error', (test, statistic, df, df2, p) => {
    const result = checkTestStatistic({ test, statistic, df, df2, p });
    expect(result.error).toBe(true);
    expect(result.decisionError).toBe(true);
  });

  it('accepts a correctly reported result and propagates the rounding of the statistic', () => {
    // t(28) = 2.20 gives p = .0362; the statistic's range [2.195, 2.205] gives p in [.0358, .0366].
    const result = checkTestStatistic({ test: 't', statistic: '2.20', df: 28, p: '.036' });
    expect(result).toMatchObject({ error: false, decisionError: false, consistent: true });
    expect(result.pRange.lower).toBeLessThan(result.pRecomputed);
    expect(result.pRange.upper).toBeGreaterThan(result.pRecomputed);
  });

  it('counts p = .000 as an error unless told otherwise', () => {
    expect(checkTestStatistic({ test: 't', statistic: '25.3', df: 3, p: '.000' }).error).toBe(true);
    expect(
      checkTestStatistic({ test: 't', statistic: '25.3', df: 3, p: '.000', pZeroError: false })
        .error,
    ).toBe(false);
  });

  it('rejects missing df with the argument named', () => {
    expect(() => checkTestStatistic({ test: 't', statistic: '2.2', p: '.03' })).toThrow(/^df: /);
    expect(() => checkTestStatistic({ test: 'F', statistic: '2.2', df: 2, p: '.03' })).toThrow(
      /^df2: /,
    );
    expect(() => checkTestStatistic({ test: 'r', statistic: '1.2', df: 2, p: '.03' })).toThrow(
      /correlation/,
    );
  });
});

describe('checkPValueCi', () => {
  it.each(fixture.pFromCi)(
    'recomputes p from $estimate [$lower, $upper] at $level ($scale) as R',
    (c) => {
      const result = checkPValueCi({
        estimate: c.estimate,
        lower: c.lower,
        upper: c.upper,
        p: 0.5,
        level: c.level,
        scale: c.scale,
        df: c.df,
      });
      expectRelClose(result.pRecomputed, c.p, REL);
    },
  );

  it('finds the dazukibart 600 mg difference −16.3 (−20.4 to −12.1) consistent with p < 0.0001 at any level (Lancet 2025 abstract)', () => {
    const result = checkPValueCi({
      estimate: '-16.3',
      lower: '-20.4',
      upper: '-12.1',
      p: '< 0.0001',
      level: null,
    });
    expect(result.consistent).toBe(true);
    expect(result.consistentLevels).toEqual([0.9, 0.95, 0.99]);
  });

  it('tells which level makes a p and a CI agree', () => {
    // MD 2.0 (1.0 to 3.0): SE = 1/q. At 95 %, z = 3.92, p = 0.0000886; at 90 %, z = 3.29, p = 0.0010; at 99 %, z = 5.15.
    const result = checkPValueCi({
      estimate: '2.0',
      lower: '1.0',
      upper: '3.0',
      p: '0.001',
      level: null,
    });
    expect(result.consistentLevels).toEqual([0.9]);
    expect(result.consistent).toBe(true);
    const stated = checkPValueCi({
      estimate: '2.0',
      lower: '1.0',
      upper: '3.0',
      p: '0.001',
      level: 0.95,
    });
    expect(stated.consistent).toBe(false);
  });

  it('works on the log scale for ratios and propagates rounding', () => {
    // RR 0.50 (0.30 to 0.90) at 95 %: log SE = (ln 0.9 − ln 0.3)/3.92 = 0.2803, z = 2.473, p = 0.0134.
    const result = checkPValueCi({
      estimate: '0.50',
      lower: '0.30',
      upper: '0.90',
      p: '0.013',
      scale: 'log',
    });
    expect(result.consistent).toBe(true);
    expect(result.pRange.lower).toBeLessThan(0.0134);
    expect(result.pRange.upper).toBeGreaterThan(0.0134);
    expect(
      checkPValueCi({ estimate: '0.50', lower: '0.30', upper: '0.90', p: '0.13', scale: 'log' })
        .consistent,
    ).toBe(false);
  });

  it('rejects impossible input with the argument named', () => {
    expect(() => checkPValueCi({ estimate: 1, lower: 2, upper: 1, p: 0.5 })).toThrow(/^lower: /);
    expect(() => checkPValueCi({ estimate: 1, lower: -1, upper: 2, p: 0.5, scale: 'log' })).toThrow(
      /positive ratio/,
    );
    expect(() => checkPValueCi({ estimate: 1, lower: 0, upper: 2, p: 1.5 })).toThrow(/^p: /);
  });
});

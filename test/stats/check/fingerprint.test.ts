import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chiSquareTest } from '../../../src/stats/binary/chi-square-test.js';
import { fisherExact } from '../../../src/stats/binary/fisher-exact.js';
import { oddsRatio } from '../../../src/stats/binary/odds-ratio.js';
import { riskDifference } from '../../../src/stats/binary/risk-difference.js';
import { riskRatio } from '../../../src/stats/binary/risk-ratio.js';
import { meanDifference } from '../../../src/stats/continuous/mean-difference.js';
import { fingerprintBinary } from '../../../src/stats/check/fingerprint-binary.js';
import { fingerprintMeans } from '../../../src/stats/check/fingerprint-means.js';

/** Prints a p-value as a paper would: three decimals, or a bound below 0.001. */
const printP = (p: number): string => (p < 0.001 ? '< 0.001' : p.toFixed(3));

describe('fingerprintBinary', () => {
  it('identifies the Koopman score interval in Koopman (1984), Biometrics 40:513, example 36/40 vs 16/80: RR 4.50 (2.94 to 7.15)', () => {
    const result = fingerprintBinary({ events1: 36, n1: 40, events2: 16, n2: 80 }, 'RR', {
      estimate: '4.50',
      lower: '2.94',
      upper: '7.15',
    });
    expect(result.matches.length).toBeGreaterThan(0);
    expect(result.matches[0].methods).toMatchObject({ ci: 'koopman', level: 0.95 });
    // Katz's log interval (2.87 to 7.06) does not reproduce it.
    expect(result.matches.some((m) => m.methods.ci === 'katz')).toBe(false);
  });

  it('returns the nearest combinations when nothing reproduces the figures', () => {
    const result = fingerprintBinary({ events1: 10, n1: 22, events2: 6, n2: 22 }, 'RR', {
      estimate: '1.67',
      lower: '0.10',
      upper: '9.00',
    });
    expect(result.matches).toEqual([]);
    expect(result.nearest.length).toBeGreaterThan(0);
    expect(result.nearest[0].checks.estimate).toBe('reproduced');
  });

  it('tries Barnard and Boschloo for small tables and says when it skips them', () => {
    const small = fingerprintBinary(
      { events1: 7, n1: 12, events2: 1, n2: 12 },
      'RD',
      { p: '0.03' },
      {},
    );
    expect(small.skipped).toEqual([]);
    const large = fingerprintBinary({ events1: 70, n1: 300, events2: 50, n2: 300 }, 'RD', {
      p: '0.04',
    });
    expect(large.skipped[0]).toMatch(/Barnard and Boschloo tests skipped/);
  });

  it('recovers the CI method, level and test used to print a comparison (property)', () => {
    const ciByMeasure = {
      RD: ['newcombe', 'wald', 'mn', 'ac'],
      RR: ['katz', 'koopman', 'mn'],
      OR: ['woolf', 'exact', 'mn'],
    } as const;
    const arbitrary = fc
      .record({
        n1: fc.integer({ min: 15, max: 120 }),
        n2: fc.integer({ min: 15, max: 120 }),
        f1: fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        f2: fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        measure: fc.constantFrom('RD' as const, 'RR' as const, 'OR' as const),
        methodIndex: fc.integer({ min: 0, max: 3 }),
        level: fc.constantFrom(0.9, 0.95, 0.99),
        test: fc.constantFrom('chisq' as const, 'chisq-yates' as const, 'fisher' as const),
      })
      .map((c) => ({
        ...c,
        events1: Math.max(1, Math.min(c.n1 - 1, Math.round(c.f1 * c.n1))),
        events2: Math.max(1, Math.min(c.n2 - 1, Math.round(c.f2 * c.n2))),
      }));
    fc.assert(
      fc.property(arbitrary, (c) => {
        const table = { events1: c.events1, n1: c.n1, events2: c.events2, n2: c.n2 };
        const methods = ciByMeasure[c.measure];
        const ci = methods[c.methodIndex % methods.length];
        const estimate =
          c.measure === 'RD'
            ? riskDifference(table, { ci: ci as 'newcombe', level: c.level })
            : c.measure === 'RR'
              ? riskRatio(table, { ci: ci as 'katz', level: c.level })
              : oddsRatio(table, { ci: ci as 'woolf', level: c.level });
        const p =
          c.test === 'fisher'
            ? fisherExact(table).test.p
            : chiSquareTest(table, { correct: c.test === 'chisq-yates' })!.p;
        const decimals = c.measure === 'RD' ? 3 : 2;
        const result = fingerprintBinary(
          table,
          c.measure,
          {
            estimate: estimate.estimate!.toFixed(decimals),
            lower: estimate.ci.lower!.toFixed(decimals),
            upper: estimate.ci.upper!.toFixed(decimals),
            p: printP(p),
          },
          { exactTestLimit: 0 },
        );
        const found = result.matches.some(
          (m) =>
            m.methods.ci === ci &&
            m.methods.level === c.level &&
            m.methods.test === c.test &&
            m.methods.sided === 'two-sided',
        );
        if (!found) throw new Error(`not recovered: ${JSON.stringify({ ...c, ci })}`);
      }),
      { numRuns: 40, seed: 42 },
    );
  });
});

describe('fingerprintMeans', () => {
  it('recovers Welch vs Student, t vs z, level and sidedness (property)', () => {
    const arbitrary = fc.record({
      n1: fc.integer({ min: 4, max: 60 }),
      n2: fc.integer({ min: 4, max: 60 }),
      mean1: fc.double({ min: -50, max: 50, noNaN: true }),
      diff: fc.double({ min: -20, max: 20, noNaN: true }),
      sd1: fc.double({ min: 1, max: 30, noNaN: true }),
      sd2: fc.double({ min: 1, max: 30, noNaN: true }),
      variance: fc.constantFrom('unequal' as const, 'equal' as const),
      level: fc.constantFrom(0.9, 0.95, 0.99),
    });
    fc.assert(
      fc.property(arbitrary, (c) => {
        const arm1 = { n: c.n1, mean: c.mean1 + c.diff, sd: c.sd1 };
        const arm2 = { n: c.n2, mean: c.mean1, sd: c.sd2 };
        const md = meanDifference(arm1, arm2, { variance: c.variance, level: c.level });
        const result = fingerprintMeans(arm1, arm2, {
          estimate: md.estimate.toFixed(2),
          lower: md.ci.lower.toFixed(2),
          upper: md.ci.upper.toFixed(2),
          p: printP(md.test.p),
        });
        const found = result.matches.some(
          (m) =>
            m.methods.variance === c.variance &&
            m.methods.distribution === 't' &&
            m.methods.level === c.level &&
            m.methods.sided === 'two-sided',
        );
        if (!found) throw new Error(`not recovered: ${JSON.stringify(c)}`);
      }),
      { numRuns: 100, seed: 7 },
    );
  });

  it('ranks the exact generating method first when the figures are printed precisely', () => {
    const arm1 = { n: 8, mean: 12.0, sd: 2.0 };
    const arm2 = { n: 30, mean: 10.0, sd: 6.0 };
    const welch = meanDifference(arm1, arm2, { level: 0.9 });
    const result = fingerprintMeans(arm1, arm2, {
      lower: welch.ci.lower.toFixed(4),
      upper: welch.ci.upper.toFixed(4),
      p: welch.test.p.toFixed(4),
    });
    expect(result.matches[0].methods).toEqual({
      measure: 'MD',
      variance: 'unequal',
      distribution: 't',
      level: 0.9,
      sided: 'two-sided',
    });
  });
});

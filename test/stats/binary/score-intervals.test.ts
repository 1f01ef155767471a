import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { oddsRatio } from '../../../src/stats/binary/odds-ratio.js';
import { riskDifference } from '../../../src/stats/binary/risk-difference.js';
import { riskRatio } from '../../../src/stats/binary/risk-ratio.js';
import {
  orConstrained,
  rdConstrained,
  rrConstrained,
} from '../../../src/stats/binary/score-statistics.js';
import { decode, expectClose } from './fixtures.js';

/**
 * Miettinen–Nurminen / Koopman score intervals against test/reference/score_intervals.R, which
 * finds the constrained MLE by solving the likelihood equation numerically (uniroot on logits /
 * log p / the smaller tail), never with the closed forms under test, and brackets every limit
 * by a verified sign change. Every table with n1, n2 ≤ 8 at levels 0.8, 0.95, 0.999, the rest
 * of n1, n2 ≤ 12 at 0.95, tables with n up to 1e6 and zero cells, and the examples of issue 17.
 */
type Cell = number | string | null;
const fixture = JSON.parse(
  readFileSync(new URL('../../reference/fixtures/score_intervals.json', import.meta.url), 'utf8'),
) as {
  small: Cell[][];
  medium: Cell[][];
  large: Cell[][];
  examples: Cell[][];
  nonMonotone: unknown[];
};

// Both sides solve to ~1e−15 in the parameter, so the statistic's own rounding bounds the
// agreement: ≤ 5e−12 seen for n ≤ 8, ≤ 5e−10 for n up to 1e6 (where z is flatter in θ).
const REL_SMALL = 1e-11;
const REL_LARGE = 1e-9;

function check(row: Cell[], REL = REL_SMALL): void {
  const [x1, n1, x2, n2, level] = row.slice(0, 5) as number[];
  const table = { events1: x1, n1, events2: x2, n2 };
  const want = row.slice(5).map((v) => (v === null ? null : decode(v)));
  const where = `${x1}/${n1} vs ${x2}/${n2} at ${level}`;
  const pairs: [
    string,
    { ci: { lower: number | null; upper: number | null } },
    number | null,
    number | null,
  ][] = [
    ['MN OR', oddsRatio(table, { ci: 'mn', level }), want[0], want[1]],
    ['Koopman RR', riskRatio(table, { ci: 'koopman', level }), want[2], want[3]],
    ['MN RR', riskRatio(table, { ci: 'mn', level }), want[4], want[5]],
    ['MN RD', riskDifference(table, { ci: 'mn', level }), want[6], want[7]],
  ];
  for (const [name, got, lower, upper] of pairs) {
    if (lower === null) {
      expect(got.ci.lower, `${name} ${where}: not estimable`).toBeNull();
      continue;
    }
    expectClose(got.ci.lower!, lower, REL, 1e-15, `${name} lower, ${where}`);
    expectClose(got.ci.upper!, upper!, REL, 1e-15, `${name} upper, ${where}`);
  }
}

describe('score intervals against the numeric-MLE reference', () => {
  it('the reference found no score statistic that crosses a critical value twice', () => {
    expect(fixture.nonMonotone).toEqual([]);
  });
  it(`every 2×2 table with n1, n2 ≤ 8 at three levels (${fixture.small.length} rows)`, () => {
    expect(fixture.small.length).toBe(1936 * 3); // (2 + 3 + … + 9)² tables
    for (const row of fixture.small) check(row);
  });
  it(`the other tables with n1, n2 ≤ 12 at 95% (${fixture.medium.length} rows)`, () => {
    expect(fixture.medium.length).toBe(90 * 90 - 44 * 44);
    for (const row of fixture.medium) check(row);
  });
  it(`large tables, n up to 1e6, zero cells (${fixture.large.length} rows)`, () => {
    for (const row of fixture.large) check(row, REL_LARGE);
  });
  it('the examples of issue 17', () => {
    for (const row of fixture.examples) check(row, REL_LARGE);
    // the stated reference values (5 significant digits)
    const or = (a: number, b: number, c: number, d: number, level = 0.95) =>
      oddsRatio({ events1: a, n1: b, events2: c, n2: d }, { ci: 'mn', level }).ci;
    expect(or(3, 8, 0, 8, 0.999).lower!.toPrecision(5)).toBe('0.23662');
    expect(or(1, 4, 1, 1, 0.8).upper!.toPrecision(6)).toBe('1.12690');
    expect(or(1, 1e5, 1, 1e5).upper!.toPrecision(6)).toBe('9.57868');
    const rr = riskRatio({ events1: 0, n1: 1e6, events2: 1, n2: 1e6 }, { ci: 'koopman' }).ci;
    expect(rr.upper!.toPrecision(5)).toBe('3.8415');
  });
});

describe('constrained MLEs', () => {
  const tables = [
    { events1: 3, n1: 8, events2: 0, n2: 8 },
    { events1: 1, n1: 4, events2: 1, n2: 1 },
    { events1: 1, n1: 1e5, events2: 1, n2: 1e5 },
    { events1: 999999, n1: 1e6, events2: 7, n2: 1e6 },
  ];
  it('p + q = 1 and the defining constraints hold at extreme parameters', () => {
    for (const t of tables) {
      for (const psi of [1e-300, 1e-12, 0.3, 1, 1 + 1e-12, 7, 1e12, 1e300]) {
        const c = orConstrained(t, psi);
        expectClose(c.p1 + c.q1, 1, 1e-15, 0, 'OR p1 + q1');
        expectClose(c.p2 + c.q2, 1, 1e-15, 0, 'OR p2 + q2');
        // the margin n1 p1 + n2 p2 = x1 + x2, from the smaller tail of each side
        const m = t.events1 + t.events2;
        const N = t.n1 + t.n2;
        if (m <= N / 2) expectClose(t.n1 * c.p1 + t.n2 * c.p2, m, 1e-13, 1e-300, 'OR margin');
        else expectClose(t.n1 * c.q1 + t.n2 * c.q2, N - m, 1e-13, 1e-300, 'OR margin');
        if (c.p2 > 0 && c.q1 > 0 && c.p1 > 0 && c.q2 > 0) {
          expectClose(
            Math.log(c.p1) - Math.log(c.q1) - Math.log(c.p2) + Math.log(c.q2),
            Math.log(psi),
            1e-12,
            1e-12,
            'OR log odds ratio',
          );
        }
      }
      for (const theta of [1e-12, 0.3, 1, 2, 1e6]) {
        const c = rrConstrained(t, theta);
        expectClose(c.p1 + c.q1, 1, 1e-15, 0, 'RR p1 + q1');
        expectClose(c.p2 + c.q2, 1, 1e-15, 0, 'RR p2 + q2');
        if (c.p1 < 1) expectClose(c.p1 / c.p2, theta, 1e-14, 0, 'RR ratio');
      }
      for (const delta of [-0.999999, -0.3, 0, 1e-9, 0.5, 0.999999]) {
        const c = rdConstrained(t, delta);
        expectClose(c.p1 + c.q1, 1, 1e-15, 0, 'RD p1 + q1');
        expectClose(c.p2 + c.q2, 1, 1e-15, 0, 'RD p2 + q2');
        expectClose(c.p1 - c.p2, delta, 1e-12, 1e-15, 'RD difference');
      }
    }
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { oddsRatio } from '../../../src/stats/binary/odds-ratio.js';
import { riskDifference } from '../../../src/stats/binary/risk-difference.js';
import { riskRatio } from '../../../src/stats/binary/risk-ratio.js';

const table = fc
  .tuple(
    fc.integer({ min: 1, max: 300 }),
    fc.integer({ min: 1, max: 300 }),
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.double({ min: 0, max: 1, noNaN: true }),
  )
  .map(([n1, n2, f1, f2]) => ({
    events1: Math.round(f1 * n1),
    n1,
    events2: Math.round(f2 * n2),
    n2,
  }));
const interior = table.filter(
  (t) => t.events1 > 0 && t.events2 > 0 && t.events1 < t.n1 && t.events2 < t.n2,
);
const swap = (t: { events1: number; n1: number; events2: number; n2: number }) => ({
  events1: t.events2,
  n1: t.n2,
  events2: t.events1,
  n2: t.n1,
});
const close = (a: number, b: number, tol = 1e-7) =>
  Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));

describe('properties', () => {
  it('swapping arms negates the RD and its interval (every method)', () => {
    fc.assert(
      fc.property(table, (t) => {
        for (const ci of ['newcombe', 'wald', 'mn', 'ac'] as const) {
          const a = riskDifference(t, { ci });
          const b = riskDifference(swap(t), { ci });
          expect(close(a.estimate!, -b.estimate!)).toBe(true);
          expect(close(a.ci.lower!, -b.ci.upper!)).toBe(true);
          expect(close(a.ci.upper!, -b.ci.lower!)).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });
  it('swapping arms inverts the RR and OR and their intervals', () => {
    fc.assert(
      fc.property(interior, (t) => {
        for (const ci of ['katz', 'koopman', 'mn'] as const) {
          const a = riskRatio(t, { ci });
          const b = riskRatio(swap(t), { ci });
          expect(close(a.estimate!, 1 / b.estimate!)).toBe(true);
          expect(close(a.ci.lower!, 1 / b.ci.upper!, 1e-6)).toBe(true);
        }
        for (const ci of ['woolf', 'exact', 'mn'] as const) {
          const a = oddsRatio(t, { ci });
          const b = oddsRatio(swap(t), { ci });
          // fisher.test's limits are only as precise as uniroot's default tolerance
          const tol = ci === 'exact' ? 1e-3 : 1e-6;
          expect(close(a.estimate!, 1 / b.estimate!, tol)).toBe(true);
          expect(close(a.ci.upper!, 1 / b.ci.lower!, tol)).toBe(true);
        }
      }),
      { numRuns: 25 },
    );
  });
  it('intervals contain the estimate', () => {
    fc.assert(
      fc.property(table, (t) => {
        const results = [
          ...(['newcombe', 'wald', 'mn', 'ac'] as const).map((ci) => riskDifference(t, { ci })),
          ...(['katz', 'koopman', 'mn'] as const).map((ci) => riskRatio(t, { ci })),
          ...(['woolf', 'exact', 'mn'] as const).map((ci) => oddsRatio(t, { ci })),
        ];
        for (const r of results) {
          if (!r.estimable) continue;
          // Agresti–Caffo is centred on the adjusted proportions, not on p1 − p2; skip containment there.
          if (r.ci.method === 'agresti-caffo') continue;
          if (r.estimate === Infinity) {
            expect(r.ci.upper).toBe(Infinity);
            continue;
          }
          const slack = 1e-9 * Math.max(1, Math.abs(r.estimate!));
          expect(r.ci.lower! <= r.estimate! + slack).toBe(true);
          expect(r.ci.upper! >= r.estimate! - slack).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });
  it('interval width shrinks as n grows (same proportions, 4× the patients)', () => {
    fc.assert(
      fc.property(interior, (t) => {
        const big = { events1: 4 * t.events1, n1: 4 * t.n1, events2: 4 * t.events2, n2: 4 * t.n2 };
        const width = (r: { ci: { lower: number | null; upper: number | null } }, log = false) =>
          log ? Math.log(r.ci.upper!) - Math.log(r.ci.lower!) : r.ci.upper! - r.ci.lower!;
        for (const ci of ['newcombe', 'wald', 'mn'] as const) {
          expect(width(riskDifference(big, { ci }))).toBeLessThan(width(riskDifference(t, { ci })));
        }
        for (const ci of ['katz', 'koopman', 'mn'] as const) {
          expect(width(riskRatio(big, { ci }), true)).toBeLessThan(
            width(riskRatio(t, { ci }), true),
          );
        }
        for (const ci of ['woolf', 'mn'] as const) {
          expect(width(oddsRatio(big, { ci }), true)).toBeLessThan(
            width(oddsRatio(t, { ci }), true),
          );
        }
      }),
      { numRuns: 25 },
    );
  });
});

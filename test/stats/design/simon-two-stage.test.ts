import { describe, expect, it } from 'vitest';
import { simonTwoStage } from '../../../src/stats/design/simon-two-stage.js';
import { InputError } from '../../../src/errors.js';
import { expectClose } from '../../support/close.js';
import { fixture } from './fixture.js';

/**
 * Simon R. Optimal two-stage designs for phase II clinical trials. Controlled Clinical Trials
 * 1989;10:1-10, Table 1 (α = 0.05, β = 0.20): r1/n1, r/n and EN(p0) as printed (1 decimal);
 * PET(p0) (2 decimals) for the p0 = 0.1 row, the one checked against the printed table here.
 */
const table1 = [
  { p0: 0.05, p1: 0.25, optimal: [0, 9, 2, 17, 12.0, null], minimax: [0, 12, 2, 16, 13.8, null] },
  { p0: 0.1, p1: 0.3, optimal: [1, 10, 5, 29, 15.0, 0.74], minimax: [1, 15, 5, 25, 19.5, 0.55] },
  { p0: 0.2, p1: 0.4, optimal: [3, 13, 12, 43, 20.6, null], minimax: [4, 18, 10, 33, 22.3, null] },
  { p0: 0.3, p1: 0.5, optimal: [5, 15, 18, 46, 23.6, null], minimax: [6, 19, 16, 39, 25.7, null] },
];

describe('simonTwoStage: Simon (1989) Table 1, α = 0.05, power 0.8', () => {
  for (const row of table1) {
    it(`p0 ${row.p0}, p1 ${row.p1}`, () => {
      const r = simonTwoStage({ p0: row.p0, p1: row.p1, alpha: 0.05, power: 0.8 });
      for (const kind of ['optimal', 'minimax'] as const) {
        const [r1, n1, rr, n, en0, pet0] = row[kind];
        const d = r[kind];
        expect([d.r1, d.n1, d.r, d.n], kind).toEqual([r1, n1, rr, n]);
        expect(Number(d.en0.toFixed(1))).toBe(en0);
        if (pet0 !== null) expect(Number(d.pet0.toFixed(2))).toBe(pet0);
        expect(d.alpha).toBeLessThanOrEqual(0.05);
        expect(d.power).toBeGreaterThanOrEqual(0.8);
      }
    });
  }
});

describe('simonTwoStage: Simon (1989) Table 1, α = 0.10, power 0.9', () => {
  it('p0 0.1, p1 0.3: optimal 1/12, 5/35 (EN0 19.8, PET0 0.66); minimax 1/16, 4/25 (EN0 20.4, PET0 0.51)', () => {
    const r = simonTwoStage({ p0: 0.1, p1: 0.3, alpha: 0.1, power: 0.9 });
    expect([r.optimal.r1, r.optimal.n1, r.optimal.r, r.optimal.n]).toEqual([1, 12, 5, 35]);
    expect([r.optimal.en0.toFixed(1), r.optimal.pet0.toFixed(2)]).toEqual(['19.8', '0.66']);
    expect([r.minimax.r1, r.minimax.n1, r.minimax.r, r.minimax.n]).toEqual([1, 16, 4, 25]);
    expect([r.minimax.en0.toFixed(1), r.minimax.pet0.toFixed(2)]).toEqual(['20.4', '0.51']);
  });
});

describe('simonTwoStage vs R', () => {
  it('attained α, power, PET0 and EN0 of the published designs match R dbinom/pbinom sums', () => {
    for (const row of fixture.simonDesigns) {
      const r = simonTwoStage({ p0: row.p0, p1: row.p1 });
      const d = [r.optimal, r.minimax].find((x) => x.n === row.n && x.n1 === row.n1)!;
      expect(d, `${row.p0}/${row.p1} ${row.r1}/${row.n1}`).toBeDefined();
      expectClose(d.alpha, row.alpha, 1e-10);
      expectClose(d.power, row.power, 1e-10);
      expectClose(d.pet0, row.pet0, 1e-10);
      expectClose(d.en0, row.en0, 1e-10);
    }
  });

  it('agrees with an independent brute-force search written in R', () => {
    for (const row of fixture.simonSearch) {
      const r = simonTwoStage({ p0: row.p0, p1: row.p1, alpha: row.alpha, power: row.power, nMax: row.nMax });
      for (const kind of ['optimal', 'minimax'] as const) {
        const d = r[kind];
        const e = row[kind];
        expect([d.r1, d.n1, d.r, d.n]).toEqual([e.r1, e.n1, e.r, e.n]);
        expectClose(d.en0, e.en0, 1e-10);
      }
    }
  });

  it('rejects p1 ≤ p0 and a search limit with no feasible design', () => {
    expect(() => simonTwoStage({ p0: 0.3, p1: 0.2 })).toThrow(InputError);
    expect(() => simonTwoStage({ p0: 0.1, p1: 0.3, nMax: 5 })).toThrow(InputError);
  });
});

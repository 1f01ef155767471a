import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { binomialPmf } from '../../../src/stats/dist/index.js';
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
      const r = simonTwoStage({
        p0: row.p0,
        p1: row.p1,
        alpha: row.alpha,
        power: row.power,
        nMax: row.nMax,
      });
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

describe('simonTwoStage: pruned search (Neyman–Pearson start, EN0 bound, monotone r)', () => {
  it('p0 0.4, p1 0.5 (α 0.05, power 0.8): the designs of the exhaustive search, fast', () => {
    const started = performance.now();
    const r = simonTwoStage({ p0: 0.4, p1: 0.5 });
    const elapsed = performance.now() - started;
    // Found by the previous exhaustive search over every (n, n1, r1) with n ≤ 302 (≈ 9 s).
    expect([r.optimal.r1, r.optimal.n1, r.optimal.r, r.optimal.n]).toEqual([25, 60, 80, 176]);
    expect(r.optimal.en0).toBeCloseTo(99.87407330146684, 10);
    expect([r.minimax.r1, r.minimax.n1, r.minimax.r, r.minimax.n]).toEqual([53, 121, 71, 154]);
    expect(r.minimax.en0).toBeCloseTo(126.6698538778551, 10);
    expect(elapsed).toBeLessThan(20_000); // a generous hang guard; speed is measured in npm run bench
  });
});

/** The plain exhaustive search (every n, n1, r1, r), as the search was before pruning. */
function bruteForce(p0: number, p1: number, alpha: number, power: number, nMax: number) {
  const pmfs = new Map<string, number[]>();
  const pmf = (m: number, p: number) => {
    const key = `${m},${p}`;
    if (!pmfs.has(key))
      pmfs.set(
        key,
        Array.from({ length: m + 1 }, (_, x) => binomialPmf(x, m, p)),
      );
    return pmfs.get(key)!;
  };
  const sf = (m: number, p: number, k: number) =>
    k < 0
      ? 1
      : k >= m
        ? 0
        : pmf(m, p)
            .slice(k + 1)
            .reduce((a, b) => a + b, 0);
  const cache = new Map<string, number>();
  const S = (m: number, p: number, k: number) => {
    const key = `${m},${p},${k}`;
    if (!cache.has(key)) cache.set(key, sf(m, p, k));
    return cache.get(key)!;
  };
  const rej = (p: number, r1: number, n1: number, r: number, n: number) => {
    const b = pmf(n1, p);
    let t = 0;
    for (let x1 = r1 + 1; x1 <= n1; x1 += 1) t += b[x1] * S(n - n1, p, r - x1);
    return t;
  };
  let opt: { n: number; en0: number; key: number[] } | undefined;
  let mm: { n: number; en0: number; key: number[] } | undefined;
  for (let n = 2; n <= nMax; n += 1)
    for (let n1 = 1; n1 < n; n1 += 1) {
      const b0 = pmf(n1, p0);
      for (let r1 = 0; r1 < n1; r1 += 1)
        for (let r = r1; r < n; r += 1) {
          if (rej(p0, r1, n1, r, n) > alpha) continue;
          if (rej(p1, r1, n1, r, n) < power) break;
          const pet0 = b0.slice(0, r1 + 1).reduce((a, c) => a + c, 0);
          const en0 = n1 + (1 - pet0) * (n - n1);
          const d = { n, en0, key: [r1, n1, r, n] };
          if (!opt || en0 < opt.en0 - 1e-12) opt = d;
          if (!mm || n < mm.n || (n === mm.n && en0 < mm.en0 - 1e-12)) mm = d;
          break; // the smallest feasible r is the best for this (n, n1, r1)
        }
    }
  return { optimal: opt!.key, minimax: mm!.key };
}

describe('simonTwoStage: pruned search equals the plain exhaustive search', () => {
  for (const [p0, p1, alpha, power] of [
    [0.1, 0.3, 0.05, 0.8],
    [0.2, 0.4, 0.1, 0.9],
    [0.3, 0.5, 0.05, 0.8],
    [0.5, 0.7, 0.05, 0.9],
    [0.05, 0.2, 0.1, 0.8],
  ] as const) {
    it(`p0 ${p0}, p1 ${p1}, α ${alpha}, power ${power}`, () => {
      const r = simonTwoStage({ p0, p1, alpha, power, nMax: 60 });
      const b = bruteForce(p0, p1, alpha, power, 60);
      expect([r.optimal.r1, r.optimal.n1, r.optimal.r, r.optimal.n]).toEqual(b.optimal);
      expect([r.minimax.r1, r.minimax.n1, r.minimax.r, r.minimax.n]).toEqual(b.minimax);
    });
  }
});

describe('simonTwoStage admissible designs (Jung et al. 2004)', () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const adm = JSON.parse(
    readFileSync(
      new URL('../../reference/fixtures/simon_admissible.json', import.meta.url),
      'utf8',
    ),
  ) as { cases: any[] };
  for (const c of adm.cases) {
    it(`p0 ${c.p0}, p1 ${c.p1}, α ${c.alpha}, power ${c.power}: R exhaustive search per n and a q grid`, () => {
      const r = simonTwoStage({ p0: c.p0, p1: c.p1, alpha: c.alpha, power: c.power });
      expect(r.admissible.map((d) => [d.r1, d.n1, d.r, d.n])).toEqual(
        // Both from the minimax (smallest n, q up to 1) to the optimal (q down to 0).
        c.designs.map((d: { r1: number; n1: number; r: number; n: number }) => [
          d.r1,
          d.n1,
          d.r,
          d.n,
        ]),
      );
      const ours = r.admissible;
      c.designs.forEach((d: { en0: number; qMin: number; qMax: number }, i: number) => {
        expect(Math.abs(ours[i].en0 - d.en0)).toBeLessThan(1e-10);
        // The grid has step 5e-5: the hull's exact q limits lie within one step of it.
        expect(Math.abs(ours[i].qFrom - d.qMin)).toBeLessThanOrEqual(5e-5 + 1e-12);
        expect(Math.abs(ours[i].qTo - d.qMax)).toBeLessThanOrEqual(5e-5 + 1e-12);
      });
      expect(r.admissible[0]).toMatchObject({ n: r.minimax.n, qTo: 1 });
      expect(r.admissible[r.admissible.length - 1]).toMatchObject({ n: r.optimal.n, qFrom: 0 });
    });
  }
});

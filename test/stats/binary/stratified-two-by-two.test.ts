import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { breslowDayTest } from '../../../src/stats/binary/breslow-day-test.js';
import { stratifiedTwoByTwo as mantelHaenszel } from '../../../src/stats/binary/stratified-two-by-two.js';
import { expectClose } from './fixtures.js';

/**
 * Stratified 2×2 tables against test/reference/stratified.R (stratifiedTwoByTwo): epiR::epi.2by2 (MH RR, OR, RD with
 * Sato and Greenland–Robins variances, Breslow–Day), mantelhaen.test (CMH statistic with and
 * without correction; MH OR and RGB interval) and Tarone's correction from its definition with
 * the fitted counts found by uniroot. Six datasets (UGDP, zero cells, 12 random strata, large n)
 * at 90/95/99%.
 */
interface Case {
  name: string;
  level: number;
  strata: number[][];
  rr: number[];
  or: number[];
  rdSato: number[];
  rdGreenlandRobins: number[];
  mantelhaen: {
    orEstimate: number;
    orCi: number[];
    statisticCorrected: number;
    pCorrected: number;
    statistic: number;
    p: number;
  };
  epirBreslowDay: { statistic: number; df: number; p: number };
  homogeneity: {
    breslowDay: number;
    tarone: number;
    df: number;
    pBreslowDay: number;
    pTarone: number;
  };
}
const fixture = JSON.parse(
  readFileSync(new URL('../../reference/fixtures/stratified.json', import.meta.url), 'utf8'),
) as { cases: Case[] };
const CLOSED = 1e-10;
const strataOf = (c: Case) =>
  c.strata.map(([events1, n1, events2, n2]) => ({ events1, n1, events2, n2 }));

describe('Mantel–Haenszel stratified analysis', () => {
  for (const c of fixture.cases) {
    it(`${c.name} at ${c.level}`, () => {
      const r = mantelHaenszel(strataOf(c), { level: c.level });
      const gr = mantelHaenszel(strataOf(c), {
        level: c.level,
        rdVariance: 'greenland-robins',
        correct: false,
      });
      const triple = (e: {
        estimate: number | null;
        ci: { lower: number | null; upper: number | null };
      }) => [e.estimate!, e.ci.lower!, e.ci.upper!];
      const check = (got: number[], want: number[], what: string) =>
        got.forEach((g, i) => expectClose(g, want[i], CLOSED, 1e-14, `${what}[${i}]`));
      check(triple(r.rr), c.rr, 'MH RR (epiR)');
      check(triple(r.or), c.or, 'MH OR (epiR)');
      check(
        triple(r.or),
        [c.mantelhaen.orEstimate, ...c.mantelhaen.orCi],
        'MH OR (mantelhaen.test)',
      );
      check(triple(r.rd), c.rdSato, 'MH RD Sato (epiR)');
      check(triple(gr.rd), c.rdGreenlandRobins, 'MH RD Greenland-Robins (epiR)');
      expectClose(
        r.tests.mantelHaenszel.statistic,
        c.mantelhaen.statisticCorrected,
        CLOSED,
        0,
        'CMH corrected',
      );
      expectClose(r.tests.mantelHaenszel.p, c.mantelhaen.pCorrected, CLOSED, 0, 'CMH corrected p');
      expectClose(gr.tests.mantelHaenszel.statistic, c.mantelhaen.statistic, CLOSED, 0, 'CMH');
      expectClose(gr.tests.mantelHaenszel.p, c.mantelhaen.p, CLOSED, 0, 'CMH p');
      // epiR's Breslow–Day; the uniroot recomputation solves A to 1e−13, hence 1e−9
      expectClose(
        r.tests.breslowDay.statistic,
        c.epirBreslowDay.statistic,
        CLOSED,
        1e-12,
        'Breslow-Day (epiR)',
      );
      expect(r.tests.breslowDay.df).toBe(c.homogeneity.df);
      expectClose(
        r.tests.breslowDay.statistic,
        c.homogeneity.breslowDay,
        1e-9,
        1e-12,
        'Breslow-Day (uniroot)',
      );
      expectClose(r.tests.tarone.statistic, c.homogeneity.tarone, 1e-9, 1e-12, 'Tarone');
      expectClose(r.tests.tarone.p, c.homogeneity.pTarone, 1e-9, 1e-12, 'Tarone p');
    });
  }

  it('UGDP data, Rothman, Greenland & Lash (2008) Modern Epidemiology 3rd ed. Table 15-1: RR_MH 1.33, RD_MH 3.5 per 100', () => {
    const r = mantelHaenszel([
      { events1: 8, n1: 106, events2: 5, n2: 120 },
      { events1: 22, n1: 98, events2: 16, n2: 85 },
    ]);
    expect(r.rr.estimate!.toFixed(2)).toBe('1.33');
    expect((100 * r.rd.estimate!).toFixed(1)).toBe('3.5');
    expect(r.crude.rr.estimate!.toFixed(2)).toBe('1.44');
  });

  it('a stratum with a zero margin is left out of Breslow–Day (df) and adds nothing to the MH estimates', () => {
    const base = [
      { events1: 12, n1: 40, events2: 5, n2: 38 },
      { events1: 7, n1: 25, events2: 9, n2: 30 },
    ];
    const withEmpty = [...base, { events1: 0, n1: 10, events2: 0, n2: 9 }];
    const psi = mantelHaenszel(base).or.estimate!;
    expect(mantelHaenszel(withEmpty).or.estimate).toBeCloseTo(psi, 14);
    expect(breslowDayTest(withEmpty, psi).breslowDay).toEqual(breslowDayTest(base, psi).breslowDay);
    expect(mantelHaenszel(withEmpty).tests.mantelHaenszel.statistic).toBeCloseTo(
      mantelHaenszel(base).tests.mantelHaenszel.statistic,
      13,
    );
  });

  it('no events in arm 2 of any stratum: RR and OR not estimable, with a warning', () => {
    const r = mantelHaenszel([
      { events1: 3, n1: 10, events2: 0, n2: 10 },
      { events1: 2, n1: 8, events2: 0, n2: 9 },
    ]);
    expect(r.rr.estimable).toBe(false);
    expect(r.or.estimate).toBeNull();
    expect(r.warnings.length).toBeGreaterThan(0);
    expect(() => mantelHaenszel([])).toThrow(/strata/);
    expect(() => mantelHaenszel([{ events1: 3, n1: 2, events2: 0, n2: 1 }])).toThrow(/strata\[0\]/);
  });
});

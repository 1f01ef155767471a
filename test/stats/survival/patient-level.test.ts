import { describe, expect, it } from 'vitest';
import { kaplanMeier, type KmConfType } from '../../../src/stats/survival/kaplan-meier.js';
import { survivalAt } from '../../../src/stats/survival/survival-at.js';
import { restrictedMean } from '../../../src/stats/survival/restricted-mean.js';
import { logRankTest } from '../../../src/stats/survival/log-rank-test.js';
import { coxHazardRatio } from '../../../src/stats/survival/cox-hazard-ratio.js';
import type { SurvivalRecord } from '../../../src/stats/survival/survival-records.js';
import { InputError } from '../../../src/errors.js';
import { expectClose, readFixture } from '../continuous/close.js';

type Num = number | string;
interface Cox {
  coef: number;
  se: number;
  lower: number;
  upper: number;
  waldZ: number;
  waldP: number;
  score: number;
  scoreP: number;
  lr: number;
  lrP: number;
  loglik: number[];
}
interface Analysis {
  name: string;
  levels: string[];
  tau: number;
  km: {
    strata: string[];
    time: number[];
    nRisk: number[];
    nEvent: number[];
    nCensor: number[];
    surv: number[];
    stdErr: Num[];
    lower: Num[];
    upper: Num[];
  };
  kmLog: { lower: Num[]; upper: Num[] };
  kmPlain: { lower: Num[]; upper: Num[] };
  medians: {
    median: number[];
    lower: number[];
    upper: number[];
    lowerLog: number[];
    upperLog: number[];
  };
  rmst: { rmean: number[]; se: number[] };
  at: {
    times: number[];
    strata: string[];
    time: number[];
    surv: number[];
    stdErr: number[];
    lower: number[];
    upper: number[];
    nRisk: number[];
  };
  logrank: { obs: number[]; exp: number[]; var: number; chisq: number; p: number };
  efron: Cox;
  breslow: Cox;
  stratified?: { obs: number[][]; exp: number[][]; var: number; chisq: number };
  stratifiedCox?: { coef: number; se: number };
}
const fixture = readFixture<{
  data: {
    veteran: { time: number[]; status: number[]; trt: number[]; celltype: string[] };
    lung: { time: number[]; status: number[]; sex: number[] };
  };
  analyses: Analysis[];
}>('survival');

const records: Record<string, SurvivalRecord[]> = {
  veteran: fixture.data.veteran.time.map((time, i) => ({
    time,
    event: fixture.data.veteran.status[i] === 1,
    arm: String(fixture.data.veteran.trt[i]),
    stratum: fixture.data.veteran.celltype[i],
  })),
  lung: fixture.data.lung.time.map((time, i) => ({
    time,
    event: fixture.data.lung.status[i] === 1,
    arm: String(fixture.data.lung.sex[i]),
  })),
};
const unstratified = (rs: SurvivalRecord[]): SurvivalRecord[] =>
  rs.map(({ stratum: _s, ...r }) => r);

/** R's NA and NaN are both "no value" here. */
function expectValue(actual: number, expected: Num, rel: number, label: string): void {
  if (expected === 'NA' || expected === 'NaN')
    expect(Number.isNaN(actual), `${label}: expected NA, got ${actual}`).toBe(true);
  else expectClose(actual, expected, rel, 1e-15, label);
}

for (const a of fixture.analyses) {
  const data = unstratified(records[a.name]);
  describe(`${a.name}: patient-level analyses against R survival ${a.levels.join(' vs ')}`, () => {
    a.levels.forEach((level, k) => {
      const arm = data.filter((r) => r.arm === level);
      const idx = a.km.strata.map((s, i) => (s === `g=${level}` ? i : -1)).filter((i) => i >= 0);
      it(`KM of arm ${level}: every step (time, n.risk, n.event, n.censor, surv, std.err, log-log limits) within 1e-10 of survfit`, () => {
        const km = kaplanMeier(arm);
        expect(km.steps.length).toBe(idx.length);
        km.steps.forEach((s, j) => {
          const i = idx[j];
          expect([s.time, s.nRisk, s.nEvent, s.nCensor]).toEqual([
            a.km.time[i],
            a.km.nRisk[i],
            a.km.nEvent[i],
            a.km.nCensor[i],
          ]);
          expectClose(s.surv, a.km.surv[i], 1e-12, 0, `surv at ${s.time}`);
          expectValue(s.stdErr, a.km.stdErr[i], 1e-10, `std.err at ${s.time}`);
          expectValue(s.lower, a.km.lower[i], 1e-10, `lower at ${s.time}`);
          expectValue(s.upper, a.km.upper[i], 1e-10, `upper at ${s.time}`);
        });
      });
      for (const [type, ref] of [
        ['log', a.kmLog],
        ['plain', a.kmPlain],
      ] as [KmConfType, { lower: Num[]; upper: Num[] }][]) {
        it(`KM of arm ${level}: ${type} limits within 1e-10 of survfit(conf.type = "${type}")`, () => {
          const km = kaplanMeier(arm, { confType: type });
          km.steps.forEach((s, j) => {
            expectValue(s.lower, ref.lower[idx[j]], 1e-10, `lower at ${s.time}`);
            expectValue(s.upper, ref.upper[idx[j]], 1e-10, `upper at ${s.time}`);
          });
        });
      }
      it(`median of arm ${level}: ${a.medians.median[k]} (${a.medians.lower[k]} to ${a.medians.upper[k]}), Brookmeyer–Crowley on log-log and log`, () => {
        const km = kaplanMeier(arm);
        expect([km.median.estimate, km.median.lower, km.median.upper]).toEqual([
          a.medians.median[k],
          a.medians.lower[k],
          a.medians.upper[k],
        ]);
        const kmLog = kaplanMeier(arm, { confType: 'log' });
        expect([kmLog.median.lower, kmLog.median.upper]).toEqual([
          a.medians.lowerLog[k],
          a.medians.upperLog[k],
        ]);
      });
      it(`RMST of arm ${level} to τ = ${a.tau}: ${a.rmst.rmean[k].toFixed(3)} (SE ${a.rmst.se[k].toFixed(3)}) as print(survfit, rmean = τ)`, () => {
        const r = restrictedMean(kaplanMeier(arm), a.tau);
        expectClose(r.rmst, a.rmst.rmean[k], 1e-12);
        expectClose(r.se, a.rmst.se[k], 1e-10);
      });
      it(`survival of arm ${level} at ${a.at.times.join(', ')} as summary(survfit, times = …)`, () => {
        const at = survivalAt(kaplanMeier(arm), a.at.times);
        const rows = a.at.strata.map((s, i) => (s === `g=${level}` ? i : -1)).filter((i) => i >= 0);
        at.forEach((s, j) => {
          const i = rows[j];
          expectClose(s.surv, a.at.surv[i], 1e-12);
          expectClose(s.se, a.at.stdErr[i], 1e-10);
          expectClose(s.lower, a.at.lower[i], 1e-10);
          expectClose(s.upper, a.at.upper[i], 1e-10);
          expect(s.nRisk).toBe(a.at.nRisk[i]);
        });
      });
    });

    it(`log-rank: O, E, V, χ² ${a.logrank.chisq.toFixed(4)} within 1e-10 of survdiff`, () => {
      const lr = logRankTest(data, { arms: [a.levels[0], a.levels[1]] });
      expect(lr.observed).toEqual(a.logrank.obs);
      expectClose(lr.expected[0], a.logrank.exp[0], 1e-12);
      expectClose(lr.expected[1], a.logrank.exp[1], 1e-12);
      expectClose(lr.v, a.logrank.var, 1e-12);
      expectClose(lr.chiSq, a.logrank.chisq, 1e-10);
      expectClose(lr.p, a.logrank.p, 1e-10);
    });

    for (const ties of ['efron', 'breslow'] as const) {
      it(`Cox (${ties}): HR ${Math.exp(a[ties].coef).toFixed(4)}, SE, Wald, score and LR tests within 1e-8 of coxph`, () => {
        const c = coxHazardRatio(data, { arms: [a.levels[1], a.levels[0]], ties });
        const r = a[ties];
        expect(c.converged).toBe(true);
        expectClose(c.logHr, r.coef, 1e-9);
        expectClose(c.se, r.se, 1e-9);
        expectClose(c.ci.lower, r.lower, 1e-9);
        expectClose(c.ci.upper, r.upper, 1e-9);
        expectClose(c.wald.z, r.waldZ, 1e-9);
        expectClose(c.wald.p, r.waldP, 1e-8);
        expectClose(c.score.chiSq, r.score, 1e-10);
        expectClose(c.score.p, r.scoreP, 1e-9);
        expectClose(c.likelihoodRatio.chiSq, r.lr, 1e-8);
        expectClose(c.likelihoodRatio.p, r.lrP, 1e-8);
        expectClose(c.logLik[0], r.loglik[0], 1e-12);
        expectClose(c.logLik[1], r.loglik[1], 1e-12);
      });
    }

    if (a.stratified && a.stratifiedCox) {
      const st = a.stratified;
      const sc = a.stratifiedCox;
      it(`stratified log-rank (by cell type): χ² ${st.chisq.toFixed(4)} as survdiff(… + strata(celltype))`, () => {
        const lr = logRankTest(records[a.name], { arms: [a.levels[0], a.levels[1]] });
        expect(lr.stratified).toBe(true);
        expectClose(lr.v, st.var, 1e-12);
        expectClose(lr.chiSq, st.chisq, 1e-10);
        expectClose(
          lr.expected[0],
          st.exp[0].reduce((x, y) => x + y, 0),
          1e-12,
        );
      });
      it(`stratified Cox (Efron): log HR ${sc.coef.toFixed(5)} as coxph(… + strata(celltype))`, () => {
        const c = coxHazardRatio(records[a.name], { arms: [a.levels[1], a.levels[0]] });
        expectClose(c.logHr, sc.coef, 1e-9);
        expectClose(c.se, sc.se, 1e-9);
      });
    }
  });
}

describe('patient-level input checks and edge cases', () => {
  it('swapping arms inverts the Cox HR and the sign of O − E', () => {
    const data = unstratified(records.veteran);
    const a = coxHazardRatio(data, { arms: ['1', '2'] });
    const b = coxHazardRatio(data, { arms: ['2', '1'] });
    expectClose(a.logHr, -b.logHr, 1e-10);
    expectClose(a.se, b.se, 1e-10);
    expectClose(
      logRankTest(data, { arms: ['1', '2'] }).oMinusE,
      -logRankTest(data, { arms: ['2', '1'] }).oMinusE,
      1e-12,
    );
  });
  it('a median that is never reached is NaN, with a warning', () => {
    const km = kaplanMeier([
      { time: 1, event: true },
      { time: 2, event: false },
      { time: 3, event: false },
      { time: 4, event: false },
    ]);
    expect(Number.isNaN(km.median.estimate)).toBe(true);
    expect(km.warnings[0]).toMatch(/not estimable/);
  });
  it('all events in one arm: the Cox fit warns instead of returning a confident HR', () => {
    const rs: SurvivalRecord[] = [1, 2, 3, 4]
      .map((t) => ({ time: t, event: true, arm: 'a' }))
      .concat([5, 6, 7].map((t) => ({ time: t, event: false, arm: 'b' })));
    const c = coxHazardRatio(rs);
    expect(c.warnings.join()).toMatch(/did not converge|not estimable/);
  });
  it('rejects negative times, non-boolean events and unknown arms', () => {
    expect(() => kaplanMeier([{ time: -1, event: true }])).toThrow(InputError);
    expect(() => kaplanMeier([{ time: 1, event: 1 as unknown as boolean }])).toThrow(
      /true \(event\)/,
    );
    expect(() => logRankTest(records.lung, { arms: ['1', '3'] })).toThrow(/an arm in the records/);
    expect(() => restrictedMean(kaplanMeier(records.lung), 0)).toThrow(InputError);
  });
});

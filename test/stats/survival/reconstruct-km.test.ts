import { describe, expect, it } from 'vitest';
import { reconstructKm, roundHalfEven } from '../../../src/stats/survival/reconstruct-km.js';
import { kaplanMeier } from '../../../src/stats/survival/kaplan-meier.js';
import { coxHazardRatio } from '../../../src/stats/survival/cox-hazard-ratio.js';
import { logRankTest } from '../../../src/stats/survival/log-rank-test.js';
import type { SurvivalRecord } from '../../../src/stats/survival/survival-records.js';
import { InputError } from '../../../src/errors.js';
import { expectClose, readFixture } from '../continuous/close.js';

interface Input {
  time: number[];
  survival: number[];
  riskTime: number[];
  nRisk: number[];
  events: number | null;
}
interface Fits {
  coxLogHr: number;
  coxSe: number;
  chisq: number;
  median: number[];
  medianLower: number[];
  medianUpper: number[];
}
interface Case {
  name: string;
  inputs: Input[];
  ipd: { time: number[]; event: number[]; d: number[]; cen: number[] }[];
  fits: Fits;
  truth: Fits;
}
const { cases } = readFixture<{ cases: Case[] }>('guyot');

const arm = (x: Input) =>
  reconstructKm({
    time: x.time,
    survival: x.survival,
    riskTime: x.riskTime,
    nRisk: x.nRisk,
    ...(x.events === null ? {} : { totalEvents: x.events }),
  });
const pooled = (a: SurvivalRecord[], b: SurvivalRecord[]): SurvivalRecord[] => [
  ...a.map((r) => ({ ...r, arm: 'arm2' })),
  ...b.map((r) => ({ ...r, arm: 'arm1' })),
];
/** One KM step of the truth's curve either side of its median: a median "within one step". */
function stepAround(km: ReturnType<typeof kaplanMeier>, median: number): [number, number] {
  const times = km.steps.filter((s) => s.nEvent > 0).map((s) => s.time);
  const i = times.findIndex((t) => t >= median);
  return [times[Math.max(0, i - 1)], times[Math.min(times.length - 1, i + 1)]];
}

for (const c of cases) {
  describe(`Guyot reconstruction: ${c.name}`, () => {
    const rebuilt = c.inputs.map(arm);
    it('events and censorings at every point equal those of the published algorithm run in R', () => {
      rebuilt.forEach((r, k) => {
        expect(r.events).toEqual(c.ipd[k].d);
        expect(r.censored).toEqual(c.ipd[k].cen);
        const times = r.records.map((x) => x.time);
        expect(times.length).toBe(c.ipd[k].time.length);
        times.forEach((t, i) => expectClose(t, c.ipd[k].time[i], 1e-12));
        expect(r.records.map((x) => (x.event ? 1 : 0))).toEqual(c.ipd[k].event);
      });
    });
    it(`on the pseudo-IPD: Cox log HR ${c.fits.coxLogHr.toFixed(4)}, log-rank χ² and KM medians equal coxph/survdiff/survfit`, () => {
      const data = pooled(rebuilt[0].records, rebuilt[1].records);
      const cox = coxHazardRatio(data, { arms: ['arm1', 'arm2'] });
      expectClose(cox.logHr, c.fits.coxLogHr, 1e-9);
      expectClose(cox.se, c.fits.coxSe, 1e-9);
      expectClose(logRankTest(data, { arms: ['arm2', 'arm1'] }).chiSq, c.fits.chisq, 1e-10);
      rebuilt.forEach((r, k) => {
        const km = kaplanMeier(r.records);
        expect([km.median.estimate, km.median.lower, km.median.upper]).toEqual(
          [c.fits.median[k], c.fits.medianLower[k], c.fits.medianUpper[k]].map((x) => x ?? NaN),
        );
      });
    });
  });
}

describe('Guyot 2012 acceptance on the bundled veteran curves (reconstructed vs the real patient data)', () => {
  const c = cases.find(
    (x) => x.name.startsWith('veteran-lung') && x.name.includes('total events'),
  )!;
  const rebuilt = c.inputs.map(arm);
  const cox = coxHazardRatio(pooled(rebuilt[0].records, rebuilt[1].records), {
    arms: ['arm1', 'arm2'],
  });
  it(`Cox log HR ${cox.logHr.toFixed(4)} from the curves vs ${c.truth.coxLogHr.toFixed(4)} from the real data: within 0.05`, () => {
    expect(Math.abs(cox.logHr - c.truth.coxLogHr)).toBeLessThan(0.05);
  });
  rebuilt.forEach((r, k) => {
    const km = kaplanMeier(r.records);
    it(`arm ${k + 1}: median ${km.median.estimate} from the curve vs ${c.truth.median[k]} from the real data: within one step of the real curve`, () => {
      const realTimes = c.inputs[k].time;
      const [lo, hi] = stepAround(
        kaplanMeier(realTimes.slice(1).map((t) => ({ time: t, event: true }))),
        c.truth.median[k],
      );
      expect(km.median.estimate).toBeGreaterThanOrEqual(lo);
      expect(km.median.estimate).toBeLessThanOrEqual(hi);
      expect(r.records.length).toBe(c.inputs[k].nRisk[0]);
      expect(r.records.filter((x) => x.event).length).toBe(c.inputs[k].events);
    });
  });
});

describe('round trip: IPD simulated from a known HR, digitised, reconstructed', () => {
  for (const c of cases.filter((x) => x.name.startsWith('simulated'))) {
    const rebuilt = c.inputs.map(arm);
    const cox = coxHazardRatio(pooled(rebuilt[0].records, rebuilt[1].records), {
      arms: ['arm1', 'arm2'],
    });
    const n = c.inputs[0].nRisk[0];
    // Small arms with rounded digitisation lose more: allow 0.05 from 150 per arm, 0.1 below.
    const tolerance = n >= 150 ? 0.05 : 0.1;
    it(`${c.name}: log HR ${cox.logHr.toFixed(4)} vs original ${c.truth.coxLogHr.toFixed(4)} (within ${tolerance}); medians equal`, () => {
      expect(Math.abs(cox.logHr - c.truth.coxLogHr)).toBeLessThan(tolerance);
      rebuilt.forEach((r, k) =>
        expect(kaplanMeier(r.records).median.estimate).toBeCloseTo(c.truth.median[k], 10),
      );
    });
  }
});

describe('reconstruction details', () => {
  it("rounds half to even, as R's round()", () => {
    expect([0.5, 1.5, 2.5, -0.5, -1.5, 2.4999, 2.5001].map(roundHalfEven)).toEqual([
      0, 2, 2, 0, -2, 2, 3,
    ]);
  });
  it('rejects survival given in percent and at-risk tables that increase', () => {
    expect(() =>
      reconstructKm({ time: [0, 1], survival: [100, 80], riskTime: [0], nRisk: [10] }),
    ).toThrow(/divide percentages by 100/);
    expect(() =>
      reconstructKm({ time: [0, 1], survival: [1, 0.8], riskTime: [0, 1], nRisk: [10, 12] }),
    ).toThrow(InputError);
  });
  it('a curve that rises is made non-increasing, with a warning', () => {
    const r = reconstructKm({
      time: [0, 1, 2, 3],
      survival: [1, 0.8, 0.85, 0.6],
      riskTime: [0],
      nRisk: [20],
    });
    expect(r.survival).toEqual([1, 0.8, 0.8, 0.6]);
    expect(r.warnings.join()).toMatch(/non-increasing/);
  });
});

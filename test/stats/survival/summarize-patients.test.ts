import { describe, expect, it } from 'vitest';
import { quantileSorted } from 'simple-statistics';
import {
  summarizePatients,
  type PatientRow,
} from '../../../src/stats/survival/summarize-patients.js';
import { InputError } from '../../../src/errors.js';
import { expectClose, readFixture } from '../continuous/close.js';

const fixture = readFixture<{
  data: { veteran: { time: number[]; status: number[]; trt: number[] } };
  describe: {
    arm: string;
    n: number;
    mean: number;
    sd: number;
    q: number[];
    min: number;
    max: number;
    prior: number;
  }[];
  type7: { x: number[]; p: number[]; q: number[] };
  analyses: {
    name: string;
    medians: { median: number[]; lower: number[]; upper: number[] };
    at: { times: number[]; strata: string[]; surv: number[] };
  }[];
}>('survival');
const vet = fixture.data.veteran;

describe('summarising patient-level rows into arm rows (R: mean, sd, quantile type 7, survfit)', () => {
  it("simple-statistics' quantileSorted is R's type 7 (the definition the summaries use)", () => {
    const sorted = [...fixture.type7.x].sort((a, b) => a - b);
    fixture.type7.p.forEach((p, i) =>
      expectClose(quantileSorted(sorted, p), fixture.type7.q[i], 1e-14, 0, `p = ${p}`),
    );
  });

  const rows: PatientRow[] = vet.time.flatMap((time, i) => [
    { outcome: 'overall survival', arm: String(vet.trt[i]), time, event: vet.status[i] },
    { outcome: 'log time', arm: String(vet.trt[i]), value: Math.log(time) },
  ]);
  const summaries = summarizePatients(rows, { times: [90, 365] });

  for (const ref of fixture.describe) {
    it(`arm ${ref.arm}: n, mean, SD, quartiles and range of log(time) as R`, () => {
      const c = summaries.continuous.find((s) => s.arm === ref.arm)!;
      expect(c.n).toBe(ref.n);
      expectClose(c.mean, ref.mean, 1e-13);
      expectClose(c.sd!, ref.sd, 1e-12);
      expectClose(c.q1, ref.q[0], 1e-14);
      expectClose(c.median, ref.q[1], 1e-14);
      expectClose(c.q3, ref.q[2], 1e-14);
      expectClose(c.min, ref.min, 1e-14);
      expectClose(c.max, ref.max, 1e-14);
    });
  }

  it('time to event: n, events, median with Brookmeyer–Crowley CI, survival % at stated times, as survfit', () => {
    const veteran = fixture.analyses.find((a) => a.name === 'veteran')!;
    ['1', '2'].forEach((arm, k) => {
      const [main, ...at] = summaries.timeToEvent.filter((s) => s.arm === arm);
      expect(main.n).toBe(vet.trt.filter((t) => String(t) === arm).length);
      expect(main.events).toBe(
        vet.status.filter((s, i) => s === 1 && String(vet.trt[i]) === arm).length,
      );
      expect([main.median, main.median_ci_lower, main.median_ci_upper]).toEqual([
        veteran.medians.median[k],
        veteran.medians.lower[k],
        veteran.medians.upper[k],
      ]);
      const refAt = veteran.at.strata
        .map((s, i) => (s === `g=${arm}` ? i : -1))
        .filter((i) => i >= 0);
      expect(at.map((s) => s.time)).toEqual([90, 365]);
      at.forEach((s) => {
        const i = refAt[veteran.at.times.indexOf(s.time!)];
        expectClose(s.survival_percent!, 100 * veteran.at.surv[i], 1e-12);
      });
    });
    expect(summaries.quantiles).toMatch(/type 7/);
  });

  it('binary responses become events / n; a row with two outcomes is rejected', () => {
    const s = summarizePatients([
      { outcome: 'response', arm: 'A', response: 1 },
      { outcome: 'response', arm: 'A', response: 0 },
      { outcome: 'response', arm: 'A', response: 1 },
    ]);
    expect(s.binary).toEqual([{ outcome: 'response', arm: 'A', events: 2, n: 3 }]);
    expect(() => summarizePatients([{ outcome: 'x', arm: 'A', value: 1, response: 1 }])).toThrow(
      InputError,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { survivalPower, survivalSampleSize } from '../../../src/stats/survival/survival-design.js';
import { InputError } from '../../../src/errors.js';
import { expectClose, readFixture } from '../continuous/close.js';

interface SizeCase {
  hr: number;
  alpha: number;
  sided: 1 | 2;
  beta: number;
  r: number;
  method: string;
  lambda2: number;
  a: number;
  f: number;
  d1: number;
  d2: number;
  dt: number;
  events: number;
  n: number;
  n1: number;
  n2: number;
}
interface PowerCase {
  hr: number;
  alpha: number;
  sided: 1 | 2;
  r: number;
  method: string;
  lambda2: number;
  a: number;
  events: number;
  n: number;
  power: number;
  followUp: number;
}
const fixture = readFixture<{ sampleSize: SizeCase[]; power: PowerCase[] }>('survival_design');
const method = (m: string) => m.toLowerCase() as 'schoenfeld' | 'freedman';

describe('events and sample size against rpact getSampleSizeSurvival', () => {
  for (const c of fixture.sampleSize) {
    it(`${c.method}, HR ${c.hr}, r ${c.r}, α ${c.alpha} (${c.sided}-sided), power ${1 - c.beta}, accrual ${c.a}, follow-up ${c.f}, dropout ${c.d1}/${c.d2}: ${c.events.toFixed(2)} events, ${c.n.toFixed(2)} patients`, () => {
      const r = survivalSampleSize({
        hazardRatio: c.hr,
        alpha: c.alpha,
        sided: c.sided,
        power: 1 - c.beta,
        allocationRatio: c.r,
        method: method(c.method),
        lambda2: c.lambda2,
        accrualTime: c.a,
        followUpTime: c.f,
        dropoutRate1: c.d1,
        dropoutRate2: c.d2,
        dropoutTime: c.dt,
      });
      expectClose(r.events, c.events, 1e-9);
      expectClose(r.n!, c.n, 1e-8);
      expectClose(r.n1!, c.n1, 1e-8);
      expectClose(r.n2!, c.n2, 1e-8);
    });
  }
});

describe('power for a number of events, and the follow-up it needs, against rpact getPowerSurvival', () => {
  for (const c of fixture.power) {
    it(`${c.method}, HR ${c.hr}, ${c.events} events of ${c.n} patients: power ${c.power.toFixed(4)}, follow-up ${c.followUp.toFixed(3)}`, () => {
      const r = survivalPower({
        hazardRatio: c.hr,
        alpha: c.alpha,
        sided: c.sided,
        allocationRatio: c.r,
        method: method(c.method),
        events: c.events,
        n: c.n,
        lambda2: c.lambda2,
        accrualTime: c.a,
      });
      expectClose(r.power, c.power, 1e-9);
      expectClose(r.followUpTime!, c.followUp, 1e-6);
    });
  }
  it('events alone (no hazards) give events and power only; bad inputs are InputErrors', () => {
    const r = survivalSampleSize({ hazardRatio: 0.7 });
    expect(r.n).toBeUndefined();
    expectClose(survivalPower({ hazardRatio: 0.7, events: r.events }).power, 0.8, 1e-12);
    expect(() => survivalSampleSize({ hazardRatio: 1 })).toThrow(InputError);
    expect(() => survivalSampleSize({ hazardRatio: 0.7, median2: 12 })).toThrow(/accrual/);
  });
});

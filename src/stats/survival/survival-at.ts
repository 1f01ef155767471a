import { InputError } from '../../errors.js';
import type { KaplanMeierResult } from './kaplan-meier.js';

export interface SurvivalAtTime {
  time: number;
  surv: number;
  /** SE of S(t) (Greenwood, as summary.survfit's std.err). */
  se: number;
  lower: number;
  upper: number;
  /** Patients still at risk at t (follow-up ≥ t). */
  nRisk: number;
}

/**
 * S(t) at given times from a Kaplan–Meier estimate: the value of the last step at or before t,
 * with its interval, and the number at risk at t — as `summary(survfit, times = …, extend = TRUE)`.
 * @example survivalAt(kaplanMeier(records), [365])[0].surv
 */
export function survivalAt(km: KaplanMeierResult, times: readonly number[]): SurvivalAtTime[] {
  return times.map((t, i) => {
    if (typeof t !== 'number' || !Number.isFinite(t) || t < 0)
      throw new InputError(`times[${i}]`, t, 'a finite time ≥ 0');
    let last = -1;
    for (let k = 0; k < km.steps.length && km.steps[k].time <= t; k++) last = k;
    const atOrAfter = km.steps.find((s) => s.time >= t);
    const nRisk = atOrAfter ? atOrAfter.nRisk : 0;
    if (last < 0) return { time: t, surv: 1, se: 0, lower: 1, upper: 1, nRisk };
    const step = km.steps[last];
    return {
      time: t,
      surv: step.surv,
      se: step.stdErr * step.surv,
      lower: step.lower,
      upper: step.upper,
      nRisk,
    };
  });
}

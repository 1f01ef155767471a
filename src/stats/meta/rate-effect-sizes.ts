import { InputError } from '../../errors.js';
import { freeze } from '../types.js';
import { messages, warning, type Warning } from '../warnings.js';
import { checkValue, studyLabel, type EffectSizes, type StudyEffect } from './effect-sizes.js';

/** Events and person-time in two arms (arm 1 vs arm 2), e.g. adverse events per patient-year. */
export interface RateStudy {
  study?: string;
  events1: number;
  /** Person-time at risk in arm 1 (any unit, the same in both arms). */
  time1: number;
  events2: number;
  time2: number;
  extra?: Readonly<Record<string, string | number>>;
}

/** Events and person-time of one group. */
export interface SingleRateStudy {
  study?: string;
  events: number;
  time: number;
  extra?: Readonly<Record<string, string | number>>;
}

export type RateMeasure = 'IRR' | 'IRD' | 'IRLN' | 'IRS';

/**
 * Per-study incidence-rate effect sizes, as metafor `escalc(measure, add = 1/2, to = "only0")`:
 *   IRR:  yi = log((x₁/t₁)/(x₂/t₂)),  vi = 1/x₁ + 1/x₂
 *   IRD:  yi = x₁/t₁ − x₂/t₂,         vi = x₁/t₁² + x₂/t₂²
 *   IRLN: yi = log(x/t),              vi = 1/x
 *   IRS:  yi = √(x/t),                vi = 1/(4t)
 * with `correction` (½) added to the event counts of a study with a zero count (both arms)
 * for IRR, IRD and IRLN; the square-root rate needs none. Rates are per unit of the person-time
 * given. Reference: Viechtbauer W. J Stat Softw 2010;36(3); Rothman KJ et al. Modern
 * Epidemiology, 3rd ed., 2008, ch. 14.
 * @example rateEffectSizes([{ events1: 9, time1: 413, events2: 19, time2: 398 }], 'IRR').studies[0].yi // −0.7944 (AFASAK, dat.hart1999)
 */
export function rateEffectSizes(
  studies: readonly RateStudy[] | readonly SingleRateStudy[],
  measure: RateMeasure,
  { correction = 0.5 }: { correction?: number } = {},
): EffectSizes {
  checkValue('correction', correction, { min: 0 });
  if (!['IRR', 'IRD', 'IRLN', 'IRS'].includes(measure))
    throw new InputError('measure', measure, 'IRR, IRD, IRLN or IRS');
  const twoArm = measure === 'IRR' || measure === 'IRD';
  const warnings: Warning[] = [];
  const corrected: string[] = [];
  const out: StudyEffect[] = studies.map((s, i) => {
    const label = studyLabel(s.study, i);
    const count = (name: string, x: unknown) =>
      checkValue(`${label}: ${name}`, x, { integer: true, min: 0 });
    const time = (name: string, t: unknown) =>
      checkValue(`${label}: ${name}`, t, { positive: true });
    const extra = s.extra ? { extra: s.extra } : {};
    if (twoArm) {
      const r = s as RateStudy;
      let x1 = count('events1', r.events1);
      const t1 = time('time1', r.time1);
      let x2 = count('events2', r.events2);
      const t2 = time('time2', r.time2);
      if ((x1 === 0 || x2 === 0) && correction > 0) {
        corrected.push(label);
        x1 += correction;
        x2 += correction;
      }
      return measure === 'IRR'
        ? { study: label, yi: Math.log(x1 / t1 / (x2 / t2)), vi: 1 / x1 + 1 / x2, ...extra }
        : { study: label, yi: x1 / t1 - x2 / t2, vi: x1 / t1 ** 2 + x2 / t2 ** 2, ...extra };
    }
    const r = s as SingleRateStudy;
    let x = count('events', r.events);
    const t = time('time', r.time);
    if (measure === 'IRS') return { study: label, yi: Math.sqrt(x / t), vi: 1 / (4 * t), ...extra };
    if (x === 0 && correction > 0) {
      corrected.push(label);
      x += correction;
    }
    return { study: label, yi: Math.log(x / t), vi: 1 / x, ...extra };
  });
  const dropped: EffectSizes['dropped'] = [];
  const kept = out.filter((s) => {
    const ok = Number.isFinite(s.yi) && s.vi > 0 && Number.isFinite(s.vi);
    if (!ok)
      dropped.push({
        study: s.study,
        reason: `${measure} not estimable without a correction (no events)`,
      });
    return ok;
  });
  if (corrected.length > 0)
    warnings.push(warning('studies-zero-count-corrected', { correction, studies: corrected }));
  for (const d of dropped) warnings.push(warning('study-dropped', d));
  return freeze({
    measure,
    studies: kept,
    dropped,
    warnings: messages(warnings),
    codedWarnings: warnings,
  });
}

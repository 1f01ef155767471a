import { InputError } from '../../errors.js';
import { freeze } from '../types.js';
import { checkValue, studyLabel, type EffectSizes, type StudyEffect } from './effect-sizes.js';

/** A single-arm study: `events` of `n`. */
export interface ProportionStudy {
  study?: string;
  events: number;
  n: number;
  extra?: Readonly<Record<string, string | number>>;
}

/**
 * Per-study single proportions as metafor `escalc("PLO" | "PFT" | "PR", add = 1/2, to = "only0")`:
 *   PLO (logit):  yi = log(x/(n − x)),  vi = 1/x + 1/(n − x)
 *   PFT (Freeman–Tukey double arcsine): yi = ½[asin √(x/(n+1)) + asin √((x+1)/(n+1))], vi = 1/(4n + 2)
 *   PR  (raw):    yi = x/n,  vi = yi(1 − yi)/n
 * For PLO and PR, `correction` is added to events and non-events of studies with x = 0 or
 * x = n (as escalc); PFT needs no correction.
 * References: Freeman MF, Tukey JW (1950), Ann Math Stat 21:607–611; Miller JJ (1978), Am Stat 32:138.
 * @example proportionEffectSizes([{ events: 16, n: 17 }], 'PLO').studies[0].yi // 2.772588722239781
 */
export function proportionEffectSizes(
  studies: readonly ProportionStudy[],
  measure: 'PLO' | 'PFT' | 'PR',
  options: { correction?: number } = {},
): EffectSizes {
  const { correction = 0.5 } = options;
  checkValue('correction', correction, { min: 0 });
  if (!['PLO', 'PFT', 'PR'].includes(measure))
    throw new InputError('measure', measure, 'PLO, PFT or PR');
  const out: StudyEffect[] = [];
  const warnings: string[] = [];
  const dropped: EffectSizes['dropped'] = [];
  const corrected: string[] = [];
  studies.forEach((s, i) => {
    const label = studyLabel(s.study, i);
    const n = checkValue(`${label}: n`, s.n, { integer: true, positive: true });
    const x = checkValue(`${label}: events`, s.events, { integer: true, min: 0 });
    if (x > n) throw new InputError(`${label}: events`, x, `at most n = ${n}`);
    let yi: number;
    let vi: number;
    if (measure === 'PFT') {
      yi = 0.5 * (Math.asin(Math.sqrt(x / (n + 1))) + Math.asin(Math.sqrt((x + 1) / (n + 1))));
      vi = 1 / (4 * n + 2);
    } else {
      const add = (x === 0 || x === n) && correction > 0 ? correction : 0;
      if (add > 0) corrected.push(label);
      const e = x + add;
      const ne = n - x + add;
      if (measure === 'PLO') {
        yi = Math.log(e / ne);
        vi = 1 / e + 1 / ne;
      } else {
        const p = e / (e + ne);
        yi = p;
        vi = (p * (1 - p)) / (e + ne);
      }
    }
    if (!Number.isFinite(yi) || !(vi > 0)) {
      dropped.push({
        study: label,
        reason: `${measure} not estimable with ${x} of ${n} events and no correction`,
      });
      return;
    }
    out.push({ study: label, yi, vi, ni: n, ...(s.extra ? { extra: s.extra } : {}) });
  });
  if (corrected.length > 0) {
    warnings.push(
      `${correction} added to events and non-events of ${corrected.length} stud(ies) with 0 or all events: ${corrected.join(', ')}`,
    );
  }
  for (const d of dropped) warnings.push(`${d.study} dropped: ${d.reason}`);
  return freeze({ measure, studies: out, dropped, warnings });
}

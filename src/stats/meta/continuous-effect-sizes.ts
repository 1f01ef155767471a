import { InputError } from '../../errors.js';
import { hedgesCorrection } from './hedges-correction.js';
import { freeze } from '../types.js';
import { checkValue, studyLabel, type EffectSizes, type StudyEffect } from './effect-sizes.js';

/** A two-arm continuous study: n, mean, SD per arm (experimental = 1, control = 2). */
export interface ContinuousStudy {
  study?: string;
  n1: number;
  mean1: number;
  sd1: number;
  n2: number;
  mean2: number;
  sd2: number;
  extra?: Readonly<Record<string, string | number>>;
}

/**
 * Per-study mean difference, standardised mean difference (Hedges' g) or log ratio of means,
 * as metafor `escalc("MD" | "SMD" | "ROM")` with its default `vtype = "LS"`:
 *   MD:  yi = m1 − m2,               vi = sd1²/n1 + sd2²/n2
 *   SMD: yi = J · (m1 − m2)/s_pooled, J = Γ(m/2) / (√(m/2) Γ((m−1)/2)), m = n1 + n2 − 2 (exact),
 *        vi = 1/n1 + 1/n2 + yi²/(2(n1 + n2))
 *   ROM: yi = log(m1/m2),            vi = sd1²/(n1 m1²) + sd2²/(n2 m2²)
 * References: Hedges LV (1981), J Educ Stat 6:107–128 (exact J, eq. 6e);
 * Hedges, Gurevitch & Curtis (1999), Ecology 80:1150 (ROM).
 * @example continuousEffectSizes([{ n1: 155, mean1: 55, sd1: 47, n2: 156, mean2: 75, sd2: 64 }], 'SMD').studies[0].yi // -0.3551696409401069
 */
export function continuousEffectSizes(
  studies: readonly ContinuousStudy[],
  measure: 'MD' | 'SMD' | 'ROM',
): EffectSizes {
  if (!['MD', 'SMD', 'ROM'].includes(measure))
    throw new InputError('measure', measure, 'MD, SMD or ROM');
  const out: StudyEffect[] = [];
  const warnings: string[] = [];
  studies.forEach((s, i) => {
    const label = studyLabel(s.study, i);
    const n1 = checkValue(`${label}: n1`, s.n1, { positive: true });
    const n2 = checkValue(`${label}: n2`, s.n2, { positive: true });
    const m1 = checkValue(`${label}: mean1`, s.mean1);
    const m2 = checkValue(`${label}: mean2`, s.mean2);
    const sd1 = checkValue(`${label}: sd1`, s.sd1, { min: 0 });
    const sd2 = checkValue(`${label}: sd2`, s.sd2, { min: 0 });
    let yi: number;
    let vi: number;
    if (measure === 'MD') {
      yi = m1 - m2;
      vi = (sd1 * sd1) / n1 + (sd2 * sd2) / n2;
    } else if (measure === 'SMD') {
      const m = n1 + n2 - 2;
      if (m < 2)
        throw new InputError(`${label}: n1 + n2`, n1 + n2, 'at least 4 for Hedges’ correction');
      const sp = Math.sqrt(((n1 - 1) * sd1 * sd1 + (n2 - 1) * sd2 * sd2) / m);
      if (!(sp > 0)) throw new InputError(`${label}: sd1, sd2`, 0, 'a positive pooled SD');
      yi = hedgesCorrection(m) * ((m1 - m2) / sp);
      vi = 1 / n1 + 1 / n2 + (yi * yi) / (2 * (n1 + n2));
    } else {
      if (!(m1 > 0 && m2 > 0))
        throw new InputError(
          `${label}: mean1, mean2`,
          `${m1}, ${m2}`,
          'positive means for a ratio of means',
        );
      yi = Math.log(m1 / m2);
      vi = (sd1 * sd1) / (n1 * m1 * m1) + (sd2 * sd2) / (n2 * m2 * m2);
    }
    if (!(vi > 0))
      throw new InputError(
        `${label}: sd1, sd2`,
        `${sd1}, ${sd2}`,
        'at least one positive SD (variance 0)',
      );
    out.push({ study: label, yi, vi, ni: n1 + n2, ...(s.extra ? { extra: s.extra } : {}) });
  });
  return freeze({ measure, studies: out, dropped: [], warnings });
}

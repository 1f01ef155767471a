import { InputError } from '../../errors.js';
import { normalQuantile } from '../dist/index.js';
import { freeze, type Measure } from '../types.js';
import { checkValue, studyLabel, type EffectSizes, type StudyEffect } from './effect-sizes.js';

/**
 * A study reported as an estimate on the analysis scale with one of: its variance `vi`,
 * its standard error `sei`, a confidence interval (`ciLower`, `ciUpper`, `ciLevel`, on the
 * same scale as `yi`: take logs of a reported ratio CI first), or a two-sided p-value `p`
 * of the Wald test of yi = 0.
 */
export interface GenericStudy {
  study?: string;
  yi: number;
  vi?: number;
  sei?: number;
  ciLower?: number;
  ciUpper?: number;
  /** Default 0.95. */
  ciLevel?: number;
  p?: number;
  ni?: number;
  extra?: Readonly<Record<string, string | number>>;
}

/**
 * Generic inverse-variance input: vi = sei², or from a symmetric Wald CI
 * sei = (upper − lower) / (2 z_{(1+level)/2}), or from a two-sided p-value
 * sei = |yi| / z_{1 − p/2} (Altman & Bland 2011, BMJ 343:d2090; Cochrane Handbook §6.3).
 * A CI that is not symmetric about yi (difference > 1 % of the width) gets a warning.
 * @example genericEffectSizes([{ yi: Math.log(1.18), ciLower: Math.log(0.9), ciUpper: Math.log(1.54) }]).studies[0].vi // 0.018776885485068104
 */
export function genericEffectSizes(
  studies: readonly GenericStudy[],
  measure: Measure = 'GEN',
): EffectSizes {
  const out: StudyEffect[] = [];
  const warnings: string[] = [];
  studies.forEach((s, i) => {
    const label = studyLabel(s.study, i);
    const yi = checkValue(`${label}: yi`, s.yi);
    let vi: number;
    if (s.vi !== undefined) vi = checkValue(`${label}: vi`, s.vi, { positive: true });
    else if (s.sei !== undefined) vi = checkValue(`${label}: sei`, s.sei, { positive: true }) ** 2;
    else if (s.ciLower !== undefined && s.ciUpper !== undefined) {
      const lower = checkValue(`${label}: ciLower`, s.ciLower);
      const upper = checkValue(`${label}: ciUpper`, s.ciUpper);
      const level = s.ciLevel ?? 0.95;
      if (!(level > 0 && level < 1))
        throw new InputError(`${label}: ciLevel`, level, 'a level in (0, 1)');
      if (!(upper > lower))
        throw new InputError(`${label}: ciUpper`, upper, `greater than ciLower = ${lower}`);
      const sei = (upper - lower) / (2 * normalQuantile((1 + level) / 2));
      vi = sei * sei;
      const asymmetry = Math.abs(upper - yi - (yi - lower));
      if (asymmetry > 0.01 * (upper - lower)) {
        warnings.push(
          `${label}: CI not symmetric about yi on this scale (wrong scale? ratios need logs); SE taken from its width`,
        );
      }
    } else if (s.p !== undefined) {
      const p = checkValue(`${label}: p`, s.p);
      if (!(p > 0 && p < 1))
        throw new InputError(`${label}: p`, p, 'a two-sided p-value in (0, 1)');
      if (yi === 0)
        throw new InputError(
          `${label}: yi`,
          yi,
          'a non-zero estimate to derive an SE from a p-value',
        );
      const sei = Math.abs(yi) / -normalQuantile(p / 2);
      vi = sei * sei;
    } else
      throw new InputError(
        `${label}: vi`,
        undefined,
        'one of vi, sei, a CI (ciLower, ciUpper) or a p-value',
      );
    out.push({
      study: label,
      yi,
      vi,
      ...(s.ni !== undefined ? { ni: s.ni } : {}),
      ...(s.extra ? { extra: s.extra } : {}),
    });
  });
  return freeze({ measure, studies: out, dropped: [], warnings });
}

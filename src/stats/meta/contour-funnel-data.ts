import { InputError } from '../../errors.js';
import { normalQuantile } from '../dist/index.js';
import { freeze } from '../types.js';
import type { EffectSizes, StudyEffect } from './effect-sizes.js';

export interface ContourFunnelData {
  /** Observed and (if given) filled studies: estimate against its standard error. */
  points: { study: string; yi: number; sei: number; filled: boolean }[];
  /** Significance contours about the null: |yᵢ| = z_{1−α/2}·se, from se 0 to the largest se. */
  contours: { level: number; z: number; se: number; lower: number; upper: number }[];
  /** Value of no effect on the model scale (0; log 1 for ratios). */
  reference: number;
  /** Pooled estimate drawn as a vertical line, or null. */
  centre: number | null;
  maxSe: number;
}

/**
 * Data of a contour-enhanced funnel plot (Peters JL et al. 2008, J Clin Epidemiol 61:991):
 * each study's estimate against its standard error, with the regions where a study would
 * be significant at the given two-sided levels (|yᵢ − reference| ≥ z_{1−α/2}·seᵢ), so that
 * missing studies in areas of non-significance point to publication bias rather than to other
 * small-study effects; filled studies from `trimAndFill` are marked.
 * @example contourFunnelData(bcgRR).contours.map((c) => c.level) // [0.1, 0.05, 0.01]
 */
export function contourFunnelData(
  effects: EffectSizes,
  options: {
    levels?: readonly number[];
    reference?: number;
    centre?: number;
    filled?: readonly StudyEffect[];
  } = {},
): ContourFunnelData {
  const { levels = [0.1, 0.05, 0.01], reference = 0, centre = null, filled = [] } = options;
  for (const a of levels)
    if (!(a > 0 && a < 1)) throw new InputError('levels', a, 'significance levels in (0, 1)');
  if (effects.studies.length === 0) throw new InputError('studies', 0, 'at least one study');
  const points = [
    ...effects.studies.map((s) => ({
      study: s.study,
      yi: s.yi,
      sei: Math.sqrt(s.vi),
      filled: false,
    })),
    ...filled.map((s) => ({ study: s.study, yi: s.yi, sei: Math.sqrt(s.vi), filled: true })),
  ];
  const maxSe = points.reduce((m, p) => Math.max(m, p.sei), 0);
  const sorted = [...levels].sort((a, b) => b - a);
  const contours = sorted.flatMap((level) => {
    const z = normalQuantile(1 - level / 2);
    return [0, maxSe].map((se) => ({
      level,
      z,
      se,
      lower: reference - z * se,
      upper: reference + z * se,
    }));
  });
  return freeze({ points, contours, reference, centre, maxSe });
}

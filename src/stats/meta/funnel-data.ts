import { normalQuantile } from '../dist/index.js';
import { freeze } from '../types.js';
import type { EffectSizes } from './effect-sizes.js';

export interface FunnelData {
  points: { study: string; yi: number; sei: number }[];
  /** Centre line (usually the pooled estimate, model scale). */
  centre: number;
  /** Pseudo-confidence region centre ± z·se from se = 0 to the largest se (two points per side). */
  region: { se: number; lower: number; upper: number }[];
  level: number;
}

/**
 * Data for a funnel plot (estimate against its standard error, se axis reversed by the
 * chart) with the pseudo-confidence region centre ± z_{1−α/2}·se, as metafor `funnel.rma`.
 * Reference: Sterne JAC, Egger M (2001), J Clin Epidemiol 54:1046–1055.
 * @example funnelData(binaryEffectSizes(bcg, 'RR'), -0.7145).region[1].se // 0.7297299810204818 (largest se, Comstock & Webster 1969)
 */
export function funnelData(
  effects: EffectSizes,
  centre: number,
  options: { level?: number } = {},
): FunnelData {
  const { level = 0.95 } = options;
  const points = effects.studies.map((s) => ({ study: s.study, yi: s.yi, sei: Math.sqrt(s.vi) }));
  const maxSe = points.reduce((m, p) => Math.max(m, p.sei), 0);
  const z = normalQuantile(1 - (1 - level) / 2);
  const region = [0, maxSe].map((se) => ({ se, lower: centre - z * se, upper: centre + z * se }));
  return freeze({ points, centre, region, level });
}

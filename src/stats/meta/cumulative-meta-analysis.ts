import { InputError } from '../../errors.js';
import { freeze } from '../types.js';
import type { EffectSizes, StudyEffect } from './effect-sizes.js';
import { sensitivityRow, type SensitivityRow } from './leave-one-out.js';
import { metaAnalysis, type MetaAnalysisOptions } from './meta-analysis.js';

/**
 * Cumulative meta-analysis as metafor `cumul.rma.uni`: studies sorted by `orderBy` (a study's
 * value, e.g. publication year from an extra column; ties keep input order), then the model
 * fitted to the first 1, 2, …, k studies with the same options.
 * Reference: Lau J et al. (1992), N Engl J Med 327:248–254.
 * @example cumulativeMetaAnalysis(binaryEffectSizes(bcg, 'RR'), (s) => Number(s.extra?.year)).at(-1).estimate // -0.7145323483651009 (all 13)
 */
export function cumulativeMetaAnalysis(
  effects: EffectSizes,
  orderBy: (study: StudyEffect, index: number) => number | string = (_s, i) => i,
  options: MetaAnalysisOptions = {},
): SensitivityRow[] {
  if (effects.studies.length === 0) throw new InputError('studies', 0, 'at least one study');
  const keyed = effects.studies.map((s, i) => ({ s, key: orderBy(s, i), i }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i));
  const sorted = keyed.map((x) => x.s);
  return freeze(
    sorted.map((s, j) =>
      sensitivityRow(
        s.study,
        metaAnalysis(
          { ...effects, studies: sorted.slice(0, j + 1), warnings: [], codedWarnings: [] },
          { ...options, tau2Interval: false },
        ),
      ),
    ),
  );
}

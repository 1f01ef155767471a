import { InputError } from '../../errors.js';
import { genericEffectSizes } from '../meta/generic-effect-sizes.js';
import {
  metaAnalysis,
  type MetaAnalysisOptions,
  type MetaAnalysisResult,
} from '../meta/meta-analysis.js';
import { freeze } from '../types.js';
import {
  deriveHazardRatio,
  type DeriveHazardRatioOptions,
  type HazardRatioResult,
} from './derive-hazard-ratio.js';
import type { HrField, HrReported } from './hr-derivation.js';

export interface HrStudy {
  study: string;
  reported: HrReported;
  /** Printed decimals of the figures, for the rounding check. */
  decimals?: Partial<Record<HrField, number>>;
}

export interface PooledHazardRatios {
  /** The meta-analysis of log HRs (measure HR: `transformed` is on the HR scale). */
  meta: MetaAnalysisResult;
  /** Each study's derivations; the preferred one (`primary`) is what was pooled. */
  studies: { study: string; derived: HazardRatioResult }[];
  warnings: string[];
}

/**
 * Pools hazard ratios derived from whatever each study prints (deriveHazardRatio: CI, p,
 * O − E and V, log-rank p with events, events, medians): each study's preferred derivation
 * gives log HR and SE, pooled by generic inverse variance (metaAnalysis: any τ² estimator,
 * Hartung–Knapp, prediction interval).
 *
 * Reference: Tierney JF et al. Trials 2007;8:16; Cochrane Handbook §10.3 (generic inverse variance).
 * @example poolHazardRatios([{ study: 'A', reported: { hr: 0.8, ciLower: 0.6, ciUpper: 1.07 } }, { study: 'B', reported: { oMinusE: -10, v: 40 } }]).meta.transformed.estimate
 */
export function poolHazardRatios(
  studies: readonly HrStudy[],
  options: MetaAnalysisOptions & Pick<DeriveHazardRatioOptions, 'methods'> = {},
): PooledHazardRatios {
  if (studies.length === 0) throw new InputError('studies', 0, 'at least one study');
  const { methods, ...metaOptions } = options;
  const warnings: string[] = [];
  const derived = studies.map((s) => {
    let result: HazardRatioResult;
    try {
      result = deriveHazardRatio(s.reported, {
        decimals: s.decimals ?? {},
        ...(methods ? { methods } : {}),
      });
    } catch (error) {
      if (error instanceof InputError)
        throw new InputError(`${s.study}: ${error.argument}`, error.value, error.expected);
      throw error;
    }
    warnings.push(...result.warnings.map((w) => `${s.study}: ${w}`));
    return { study: s.study, derived: result };
  });
  const effects = genericEffectSizes(
    derived.map((d) => ({
      study: d.study,
      yi: d.derived.logHr,
      sei: d.derived.se,
      extra: { derivation: d.derived.primary },
    })),
    'HR',
  );
  const meta = metaAnalysis(effects, metaOptions);
  return freeze({
    meta,
    studies: derived,
    warnings: [...warnings, ...effects.warnings, ...meta.warnings],
  });
}

import { InputError } from '../../errors.js';
import { freeze } from '../types.js';
import type { EffectSizes } from './effect-sizes.js';
import {
  metaAnalysis,
  type MetaAnalysisOptions,
  type MetaAnalysisResult,
} from './meta-analysis.js';

/** One refit in a sensitivity analysis (leave-one-out or cumulative), model scale. */
export interface SensitivityRow {
  /** The study left out (leave-one-out) or the last study added (cumulative). */
  study: string;
  k: number;
  estimate: number;
  se: number;
  statistic: number;
  p: number;
  ci: { lower: number; upper: number };
  Q: number;
  Qp: number;
  tau2: number;
  I2: number;
  H2: number;
}

export function sensitivityRow(study: string, fit: MetaAnalysisResult): SensitivityRow {
  return {
    study,
    k: fit.k,
    estimate: fit.estimate,
    se: fit.se,
    statistic: fit.statistic,
    p: fit.p,
    ci: { lower: fit.ci.lower, upper: fit.ci.upper },
    Q: fit.Q,
    Qp: fit.Qp,
    tau2: fit.tau2,
    I2: fit.I2,
    H2: fit.H2,
  };
}

/**
 * Leave-one-out analysis as metafor `leave1out.rma.uni`: the model refitted k times with the
 * same options, each time without one study.
 * Reference: Viechtbauer W, Cheung MWL (2010), Res Synth Methods 1:112–125.
 * @example leaveOneOut(binaryEffectSizes(bcg, 'RR'))[0].estimate // -0.7070837880314365 (dat.bcg without Aronson 1948)
 */
export function leaveOneOut(
  effects: EffectSizes,
  options: MetaAnalysisOptions = {},
): SensitivityRow[] {
  const k = effects.studies.length;
  if (k < 2) throw new InputError('studies', k, 'at least 2 studies for leave-one-out');
  return freeze(
    effects.studies.map((s, i) => {
      const rest = {
        ...effects,
        studies: effects.studies.filter((_, j) => j !== i),
        warnings: [],
        codedWarnings: [],
      };
      return sensitivityRow(s.study, metaAnalysis(rest, { ...options, tau2Interval: false }));
    }),
  );
}

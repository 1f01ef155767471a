import { InputError } from '../../errors.js';
import { normalQuantile, tQuantile } from '../dist/index.js';
import { freeze } from '../types.js';
import type { MetaRegressionResult } from './meta-regression.js';

export interface MetaRegressionPrediction {
  x: number[];
  /** x'β̂ on the model scale. */
  estimate: number;
  /** √(x' V x). */
  se: number;
  ci: { lower: number; upper: number; level: number };
  /** x'β̂ ± crit·√(se² + τ̂²); null for a fixed-effects (FE) model. */
  pi: { lower: number; upper: number; df: number | null } | null;
}

/**
 * Predicted (average) effects for model-matrix rows x (see `moderatorRow`), as metafor
 * `predict.rma(fit, newmods)`: x'β̂ with se √(x'Vx), CI with the fit's z or t(k − p) critical
 * value, and prediction interval x'β̂ ± crit·√(se² + τ̂²) with crit from `fit.piType`
 * (`t`: t(k − p), `z`: normal, `test`: the CI's).
 * @example predictMetaRegression(fit, [[1, 30]])[0].estimate // -0.4386 (dat.bcg, log RR at latitude 30)
 */
export function predictMetaRegression(
  fit: MetaRegressionResult,
  rows: readonly (readonly number[])[],
  options: { level?: number } = {},
): MetaRegressionPrediction[] {
  const { level = fit.level } = options;
  if (!(level > 0 && level < 1)) throw new InputError('level', level, 'a level in (0, 1)');
  const alpha = 1 - level;
  const crit = fit.df === null ? normalQuantile(1 - alpha / 2) : tQuantile(1 - alpha / 2, fit.df);
  const piDf = fit.piType === 't' ? fit.k - fit.p : fit.piType === 'z' ? null : fit.df;
  const piCrit =
    piDf === null ? normalQuantile(1 - alpha / 2) : tQuantile(1 - alpha / 2, Math.max(1, piDf));
  const beta = fit.coefficients.map((c) => c.estimate);
  return freeze(
    rows.map((x) => {
      if (x.length !== beta.length)
        throw new InputError(
          'prediction row',
          x.length,
          `${beta.length} values (${fit.design.names.join(', ')})`,
        );
      const estimate = x.reduce((s, v, j) => s + v * beta[j], 0);
      let variance = 0;
      for (let r = 0; r < x.length; r++)
        for (let c = 0; c < x.length; c++) variance += x[r] * fit.vb[r][c] * x[c];
      const se = Math.sqrt(variance);
      const sePred = Math.sqrt(variance + fit.tau2);
      return {
        x: [...x],
        estimate,
        se,
        ci: { lower: estimate - crit * se, upper: estimate + crit * se, level },
        pi:
          fit.method === 'FE'
            ? null
            : { lower: estimate - piCrit * sePred, upper: estimate + piCrit * sePred, df: piDf },
      };
    }),
  );
}

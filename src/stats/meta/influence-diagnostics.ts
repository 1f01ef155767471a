import { InputError } from '../../errors.js';
import { freeze } from '../types.js';
import type { EffectSizes } from './effect-sizes.js';
import { metaAnalysis, type MetaAnalysisOptions } from './meta-analysis.js';

export interface InfluenceRow {
  study: string;
  /** Externally studentised residual (yᵢ − μ̂₍₋ᵢ₎)/√(vᵢ + τ̂²₍₋ᵢ₎ + var μ̂₍₋ᵢ₎). */
  rstudent: number;
  /** (μ̂ − μ̂₍₋ᵢ₎)/√(hᵢ (τ̂²₍₋ᵢ₎ + vᵢ)). */
  dffits: number;
  /** Cook's distance (μ̂ − μ̂₍₋ᵢ₎)²/var μ̂. */
  cooksDistance: number;
  /** Covariance ratio var μ̂₍₋ᵢ₎ / var μ̂. */
  covRatio: number;
  tau2Deleted: number;
  QDeleted: number;
  /** Leverage hᵢ = wᵢ/Σw. */
  hat: number;
  /** Percentage weight. */
  weight: number;
  /** (μ̂ − μ̂₍₋ᵢ₎)/√(s²₍₋ᵢ₎ / Σⱼ 1/(vⱼ + τ̂²₍₋ᵢ₎)), the sum over all k studies (as metafor). */
  dfbetas: number;
  /** metafor's rule: |dffits| > 3√(1/(k−1)), or P[χ²₁ ≤ Cook's D] > 0.5, or hat > 3/k, or |dfbetas| > 1. */
  influential: boolean;
}

/**
 * Case-deletion diagnostics as metafor `influence.rma.uni` (intercept-only model): each study
 * is deleted in turn and the model refitted with the same τ² estimator and test; the
 * variance scale s² of Hartung–Knapp is carried as metafor does (s² = 1 for z tests).
 * Reference: Viechtbauer W, Cheung MWL (2010), Res Synth Methods 1:112–125.
 * @example influenceDiagnostics(binaryEffectSizes(bcg, 'RR'))[0].rstudent // -0.21814247434444226 (dat.bcg, Aronson 1948)
 */
export function influenceDiagnostics(
  effects: EffectSizes,
  options: MetaAnalysisOptions = {},
): InfluenceRow[] {
  const k = effects.studies.length;
  if (k < 3) throw new InputError('studies', k, 'at least 3 studies for case-deletion diagnostics');
  const opts = { ...options, tau2Interval: false };
  const full = metaAnalysis(effects, opts);
  const vb = full.se ** 2;
  return freeze(
    effects.studies.map((s, i) => {
      const del = metaAnalysis(
        {
          ...effects,
          studies: effects.studies.filter((_, j) => j !== i),
          warnings: [],
          codedWarnings: [],
        },
        opts,
      );
      const sumW = del.studies.reduce((acc, r) => acc + 1 / (r.vi + del.tau2), 0);
      const s2w = del.se ** 2 * sumW; // 1 unless Hartung–Knapp
      const hat = full.studies[i].weight / 100;
      const vbDel = del.se ** 2;
      const diff = full.estimate - del.estimate;
      let resid = s.yi - del.estimate;
      if (Math.abs(resid) < 100 * Number.EPSILON) resid = 0;
      const dffits = diff / Math.sqrt(s2w * hat * (del.tau2 + s.vi));
      const cooksDistance = (diff * diff) / vb;
      const vbDelAll = 1 / effects.studies.reduce((acc, t) => acc + 1 / (t.vi + del.tau2), 0);
      const dfbetas = diff / Math.sqrt(s2w * vbDelAll);
      return {
        study: s.study,
        rstudent: resid / Math.sqrt(s.vi * s2w + vbDel + del.tau2 * s2w),
        dffits,
        cooksDistance,
        covRatio: vbDel / vb,
        tau2Deleted: del.tau2,
        QDeleted: del.Q,
        hat,
        weight: full.studies[i].weight,
        dfbetas,
        // qchisq(0.5, 1) = 0.454936423119572776
        influential:
          Math.abs(dffits) > 3 * Math.sqrt(1 / (k - 1)) ||
          cooksDistance > 0.454936423119572776 ||
          hat > 3 / k ||
          Math.abs(dfbetas) > 1,
      };
    }),
  );
}

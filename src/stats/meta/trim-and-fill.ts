import { InputError } from '../../errors.js';
import { freeze } from '../types.js';
import type { EffectSizes, StudyEffect } from './effect-sizes.js';
import {
  metaAnalysis,
  type MetaAnalysisOptions,
  type MetaAnalysisResult,
} from './meta-analysis.js';
import { regressionCore } from './meta-regression.js';

export interface TrimAndFillOptions extends MetaAnalysisOptions {
  /** Estimator of the number of missing studies. Default `L0`. */
  estimator?: 'L0' | 'R0';
  /** Side on which studies are missing; default estimated from the sign of Egger's slope (as metafor). */
  side?: 'left' | 'right';
  /** Iteration limit. Default 100. */
  maxiter?: number;
}

export interface TrimAndFillResult {
  estimator: 'L0' | 'R0';
  side: 'left' | 'right';
  /** Whether the side was estimated (true) or given. */
  sideEstimated: boolean;
  /** Estimated number of missing studies. */
  k0: number;
  /** Standard error of the k0 estimator (Duval & Tweedie 2000, eqs. for L0/R0). */
  seK0: number;
  /** R0 only: P(R0 ≥ k0) under no missing studies, 0.5^(k0+1); null for L0. */
  pK0: number | null;
  iterations: number;
  /** The filled (imputed) studies: yᵢ mirrored about the trimmed estimate, same vᵢ. */
  filled: StudyEffect[];
  /** The model refitted to the observed and filled studies. */
  result: MetaAnalysisResult;
  /** The model on the observed studies alone. */
  observed: MetaAnalysisResult;
  warnings: string[];
}

/**
 * Trim and fill (Duval S, Tweedie R 2000, Biometrics 56:455 and JASA 95:89), as metafor
 * `trimfill.rma.uni`: on the side where studies are thought missing (estimated from the sign
 * of the slope of yᵢ on √vᵢ when not given), the k0 most extreme studies are trimmed and the
 * pooled estimate refitted until k0 is stable, with
 *   L0 = [4 S_r − k(k + 1)]/(2k − 1)  (S_r the sum of the positive signed ranks of yᵢ − θ̂)
 *   R0 = γ* − 1                        (γ* the rightmost run of positive ranks),
 * rounded and floored at 0; then k0 mirror-image studies 2θ̂ − yᵢ are added and the model
 * refitted with the same τ² estimator (and test and level).
 * @example trimAndFill(hackshaw, { method: 'REML' }).k0 // 7 (dat.hackshaw1998, missing on the left)
 */
export function trimAndFill(
  effects: EffectSizes,
  options: TrimAndFillOptions = {},
): TrimAndFillResult {
  const { estimator = 'L0', side: givenSide, maxiter = 100, ...analysis } = options;
  const method = analysis.method ?? 'REML';
  const k = effects.studies.length;
  if (k < 3) throw new InputError('studies', k, 'at least 3 studies for trim and fill');
  if (estimator !== 'L0' && estimator !== 'R0')
    throw new InputError('estimator', estimator, 'L0 or R0');
  const yiAll = effects.studies.map((s) => s.yi);
  const viAll = effects.studies.map((s) => s.vi);
  let side = givenSide;
  if (side === undefined) {
    const slope = regressionCore(
      yiAll,
      viAll,
      viAll.map((v) => [1, Math.sqrt(v)]),
      { method, test: 'z', control: analysis.control, btt: [1] },
    ).beta[1];
    side = slope < 0 ? 'right' : 'left';
  } else if (side !== 'left' && side !== 'right')
    throw new InputError('side', side, 'left or right');
  const flip = side === 'right' ? -1 : 1;
  // Sorted by the (flipped) effect, ties in input order, as R's sort(index.return = TRUE).
  const order = effects.studies
    .map((_, i) => i)
    .sort((a, b) => flip * yiAll[a] - flip * yiAll[b] || a - b);
  const sorted = order.map((i) => effects.studies[i]);
  const yi = sorted.map((s) => flip * s.yi);
  const warnings: string[] = [...effects.warnings];
  const refit = { ...analysis, method, tau2Interval: false };

  let k0 = 0;
  let previous = -1;
  let iterations = 0;
  let beta = 0;
  let seK0 = 0;
  while (k0 !== previous) {
    previous = k0;
    iterations++;
    if (iterations > maxiter)
      throw new InputError('maxiter', maxiter, 'enough iterations for trim and fill to converge');
    const trimmed = sorted.slice(0, k - k0).map((s, i) => ({ ...s, yi: yi[i] }));
    beta = metaAnalysis({ ...effects, studies: trimmed, warnings: [] }, refit).estimate;
    const centred = yi.map((y) => y - beta);
    // rank(|yᵢ − θ̂|, ties.method = "first")
    const byAbs = centred
      .map((_, i) => i)
      .sort((a, b) => Math.abs(centred[a]) - Math.abs(centred[b]) || a - b);
    const rank = new Array<number>(k);
    byAbs.forEach((i, r) => (rank[i] = r + 1));
    let estimate: number;
    if (estimator === 'R0') {
      const negativeRanks = rank.filter((_, i) => centred[i] < 0);
      estimate = k - (negativeRanks.length ? Math.max(...negativeRanks) : 0) - 1;
      seK0 = Math.sqrt(2 * Math.max(0, estimate) + 2);
    } else {
      const Sr = rank.reduce((s, r, i) => s + (centred[i] > 0 ? r : 0), 0);
      estimate = (4 * Sr - k * (k + 1)) / (2 * k - 1);
      const varSr =
        (k * (k + 1) * (2 * k + 1) +
          10 * estimate ** 3 +
          27 * estimate ** 2 +
          17 * estimate -
          18 * k * estimate ** 2 -
          18 * k * estimate +
          6 * k ** 2 * estimate) /
        24;
      seK0 = (4 * Math.sqrt(varSr)) / (2 * k - 1);
    }
    k0 = Math.max(0, Math.round(estimate));
    seK0 = Math.max(0, seK0);
    if (Number.isNaN(seK0)) seK0 = NaN;
  }
  const observed = metaAnalysis(effects, analysis);
  const filled: StudyEffect[] = sorted.slice(k - k0).map((s, j) => ({
    study: `Filled ${j + 1}`,
    // −(yᵢ − 2θ̂) on the flipped scale, back on the original scale
    yi: flip * -(yi[k - k0 + j] - 2 * beta),
    vi: s.vi,
    ...(s.ni !== undefined ? { ni: s.ni } : {}),
    extra: { filled: 1, mirrorOf: s.study },
  }));
  const result =
    k0 > 0
      ? metaAnalysis(
          { ...effects, studies: [...effects.studies, ...filled], warnings: [] },
          analysis,
        )
      : observed;
  if (k0 > 0)
    warnings.push(
      `trim and fill (${estimator}) imputed ${k0} stud${k0 === 1 ? 'y' : 'ies'} on the ${side}; the adjusted estimate is a sensitivity analysis, not a corrected effect (Cochrane Handbook §13.3.5.5)`,
    );
  return freeze({
    estimator,
    side,
    sideEstimated: givenSide === undefined,
    k0,
    seK0,
    pK0: estimator === 'R0' ? 0.5 ** (k0 + 1) : null,
    iterations,
    filled,
    result,
    observed,
    warnings,
  });
}

import { InputError } from '../../errors.js';
import { normalQuantile, normalSf, tQuantile, tSf } from '../dist/index.js';
import { freeze } from '../types.js';
import type { EffectSizes } from './effect-sizes.js';
import { estimateTau2 } from './estimate-tau2.js';
import type { MetaMethod, MetaTest } from './meta-analysis.js';
import { weightedFit } from './weighted-fit.js';

/** Predictors of metafor's regtest: the SE (Egger), the variance, the sample size and its transformations. */
export type RegtestPredictor = 'sei' | 'vi' | 'ni' | 'ninv' | 'sqrtni' | 'sqrtninv';
export const REGTEST_PREDICTORS: readonly RegtestPredictor[] = [
  'sei',
  'vi',
  'ni',
  'ninv',
  'sqrtni',
  'sqrtninv',
];

export interface EggerTestResult {
  model: 'rma' | 'lm';
  /** The regressor (default `sei`). */
  predictor: RegtestPredictor;
  /** Test of the slope on the standard error (funnel-plot asymmetry). */
  statistic: number;
  df: number | null;
  p: number;
  slope: number;
  slopeSe: number;
  /**
   * Intercept = the limit estimate as the predictor → 0 (se → 0, or n → ∞), with its CI (model
   * scale); null for the predictors `ni` and `sqrtni`, whose zero is not an infinitely large study.
   */
  limitEstimate: number | null;
  ci: { lower: number; upper: number; level: number } | null;
  /** τ² of the meta-regression (model `rma`). */
  tau2: number;
  warnings: string[];
}

/**
 * Regression test for funnel-plot asymmetry, as metafor `regtest(predictor = …)`; the
 * predictor is the SE (default, Egger's test), the variance, the sample size nᵢ, 1/nᵢ, √nᵢ
 * or 1/√nᵢ (Moreno SG et al. 2009, BMC Med Res Methodol 9:2; Peters JL et al. 2006, JAMA
 * 295:676, for 1/n); nᵢ comes from `StudyEffect.ni` (total sample size):
 * - model `rma` (default): meta-regression yᵢ = β₀ + β₁·seᵢ with the given τ² estimator and
 *   test; Wald z (or Hartung–Knapp t(k − 2)) for β₁.
 * - model `lm`: Egger's original weighted regression (weights 1/vᵢ, residual variance
 *   estimated), t test with k − 2 df (Egger M et al. 1997, BMJ 315:629–634).
 * References: Sterne JAC, Egger M (2005), in Publication Bias in Meta-Analysis, ch. 6.
 * @example eggerTest(binaryEffectSizes(bcg, 'RR')).p // 0.4217845356722285 (dat.bcg, REML)
 */
export function eggerTest(
  effects: EffectSizes,
  options: {
    model?: 'rma' | 'lm';
    method?: MetaMethod;
    test?: MetaTest;
    level?: number;
    predictor?: RegtestPredictor;
  } = {},
): EggerTestResult {
  const { model = 'rma', method = 'REML', test = 'z', level = 0.95, predictor = 'sei' } = options;
  if (!REGTEST_PREDICTORS.includes(predictor))
    throw new InputError('predictor', predictor, REGTEST_PREDICTORS.join(', '));
  const k = effects.studies.length;
  if (k < 3) throw new InputError('studies', k, 'at least 3 studies for a regression test');
  const yi = effects.studies.map((s) => s.yi);
  const vi = effects.studies.map((s) => s.vi);
  const usesN =
    predictor === 'ni' ||
    predictor === 'ninv' ||
    predictor === 'sqrtni' ||
    predictor === 'sqrtninv';
  const noN = effects.studies.find((s) => !(typeof s.ni === 'number' && s.ni > 0));
  if (usesN && noN)
    throw new InputError(
      'predictor',
      predictor,
      `a sample size for every study (none for ${noN.study}); use sei or vi`,
    );
  const x = (s: (typeof effects.studies)[number]): number => {
    const n = s.ni!;
    switch (predictor) {
      case 'sei':
        return Math.sqrt(s.vi);
      case 'vi':
        return s.vi;
      case 'ni':
        return n;
      case 'ninv':
        return 1 / n;
      case 'sqrtni':
        return Math.sqrt(n);
      case 'sqrtninv':
        return 1 / Math.sqrt(n);
    }
  };
  const X = effects.studies.map((s) => [1, x(s)]);
  const warnings: string[] = [];
  if (k < 10)
    warnings.push(
      `only ${k} studies: regression tests for funnel asymmetry have little power below 10 (Cochrane Handbook §13.3.5.4)`,
    );
  let tau2 = 0;
  let scale = 1;
  let df: number | null = null;
  if (model === 'lm') {
    const fit0 = weightedFit(
      yi,
      X,
      vi.map((v) => 1 / v),
    );
    scale = fit0.rss / (k - 2);
    df = k - 2;
  } else if (method !== 'FE') {
    const est = estimateTau2(yi, vi, method, {}, X);
    tau2 = est.tau2;
    warnings.push(...est.warnings);
  }
  const fit = weightedFit(
    yi,
    X,
    vi.map((v) => 1 / (v + tau2)),
  );
  if (model === 'rma' && (test === 'knha' || test === 'adhoc')) {
    const q = fit.rss / (k - 2);
    scale = test === 'adhoc' ? Math.max(1, q) : q;
  }
  if (model === 'rma' && test !== 'z') df = k - 2;
  const slopeSe = Math.sqrt(scale * fit.vb[1][1]);
  const interceptSe = Math.sqrt(scale * fit.vb[0][0]);
  const statistic = fit.beta[1] / slopeSe;
  const p = df === null ? 2 * normalSf(Math.abs(statistic)) : 2 * tSf(Math.abs(statistic), df);
  const crit =
    df === null ? normalQuantile(1 - (1 - level) / 2) : tQuantile(1 - (1 - level) / 2, df);
  const hasLimit = predictor !== 'ni' && predictor !== 'sqrtni';
  return freeze({
    model,
    predictor,
    statistic,
    df,
    p,
    slope: fit.beta[1],
    slopeSe,
    limitEstimate: hasLimit ? fit.beta[0] : null,
    ci: hasLimit
      ? { lower: fit.beta[0] - crit * interceptSe, upper: fit.beta[0] + crit * interceptSe, level }
      : null,
    tau2,
    warnings,
  });
}

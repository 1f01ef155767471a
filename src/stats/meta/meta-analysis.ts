import { InputError } from '../../errors.js';
import { normalQuantile, normalSf, tQuantile, tSf } from '../dist/index.js';
import { freeze, type Measure } from '../types.js';
import { backTransform } from './back-transform.js';
import type { EffectSizes } from './effect-sizes.js';
import { messages, uncoded, warning, type Warning } from '../warnings.js';
import {
  estimateTau2,
  TAU2_ESTIMATORS,
  type Tau2Control,
  type Tau2Method,
} from './estimate-tau2.js';
import { qStatistics } from './fixed-effect-result.js';
import { tau2ConfidenceInterval } from './tau2-confidence-interval.js';
import { weightedFit } from './weighted-fit.js';

export type MetaMethod = 'FE' | Tau2Method;
/**
 * `z`: Wald with the normal distribution; `knha`: Hartung–Knapp(–Sidik–Jonkman), variance
 * scaled by q = Σwᵢ(yᵢ − μ̂)²/(k − 1) and t(k − 1); `adhoc`: as knha with q = max(1, q), so the
 * interval is never narrower than the unadjusted one (Röver et al. 2015, BMC Med Res Methodol
 * 15:99); `t`: unadjusted variance with t(k − 1).
 */
export type MetaTest = 'z' | 'knha' | 'adhoc' | 't';
/** Prediction interval: `z` normal; `t` t(k − 1); `hts` t(k − 2) (Higgins, Thompson & Spiegelhalter 2009); `none`. */
export type PredictionType = 'z' | 't' | 'hts' | 'none';

export interface MetaAnalysisOptions {
  /** τ² estimator, or `FE` for a common (fixed) effect. Default `REML`. */
  method?: MetaMethod;
  /** Default `z`. */
  test?: MetaTest;
  /** Default `t`. Common-effect (FE) models have none. */
  pi?: PredictionType;
  /** I² from τ² (metafor: 100 τ²/(τ² + ṽ)) or from Q (meta/RevMan: (Q − df)/Q). Default `tau2`. */
  i2?: 'tau2' | 'Q';
  /** Default 0.95. */
  level?: number;
  control?: Tau2Control;
  /** Compute the Q-profile interval for τ² (default true; leave-one-out and influence skip it). */
  tau2Interval?: boolean;
  /**
   * Centre of Cochran's Q, Q = Σ(yᵢ − c)²/vᵢ (default: the inverse-variance common effect).
   * RevMan 5 centres Q on the Mantel–Haenszel estimate for binary outcomes (meta's
   * `Q.Cochrane = TRUE`); I² from Q and the DerSimonian–Laird τ² then follow from that Q:
   * τ² = (Q − (k − 1)) / (Σwᵢ − Σwᵢ²/Σwᵢ), wᵢ = 1/vᵢ (Deeks JJ, Higgins JPT, Statistical
   * algorithms in Review Manager 5, 2010).
   */
  qCenter?: number;
}

export interface MetaStudyRow {
  study: string;
  yi: number;
  vi: number;
  /** Percentage weight in the pooled estimate. */
  weight: number;
  ci: { lower: number; upper: number };
  /** Study size where known (kept for the PFT back-transformation). */
  ni?: number;
}

export interface MetaAnalysisResult {
  measure: Measure;
  method: MetaMethod;
  test: MetaTest;
  k: number;
  /** Pooled effect on the model scale (log for RR/OR/ROM, logit for PLO, ...), as metafor's rma. */
  estimate: number;
  se: number;
  ci: { lower: number; upper: number; level: number; method: string };
  statistic: number;
  /** Degrees of freedom of the t reference distribution; null for z. */
  df: number | null;
  p: number;
  tau2: number;
  tau: number;
  /** Q-profile interval for τ² (Viechtbauer 2007, Stat Med 26:37); null for FE or k < 2. */
  tau2Ci: { lower: number; upper: number; level: number; method: 'Q-profile' } | null;
  /** √ of the τ² interval. */
  tauCi: { lower: number; upper: number } | null;
  I2: number;
  i2Method: 'tau2' | 'Q';
  H2: number;
  I2Ci: { lower: number; upper: number } | null;
  H2Ci: { lower: number; upper: number } | null;
  Q: number;
  Qdf: number;
  Qp: number;
  /** Typical within-study variance ṽ = (k − 1)/tr P (Higgins & Thompson 2002). */
  vt: number;
  pi: {
    lower: number;
    upper: number;
    type: Exclude<PredictionType, 'none'>;
    df: number | null;
  } | null;
  /** Estimate, CI and PI on the natural scale (exp, inverse logit, inverse double arcsine, ...). */
  transformed: {
    estimate: number;
    ci: { lower: number; upper: number };
    pi: { lower: number; upper: number } | null;
    transform: string;
  };
  studies: MetaStudyRow[];
  convergence: { iterations: number; converged: boolean } | null;
  /** The messages of `codedWarnings`. */
  warnings: string[];
  codedWarnings: Warning[];
}

/**
 * Inverse-variance meta-analysis (metafor `rma.uni` intercept-only model): weights
 * wᵢ = 1/(vᵢ + τ̂²), μ̂ = Σwᵢyᵢ/Σwᵢ, se = 1/√Σwᵢ, Wald or Hartung–Knapp inference,
 * Cochran's Q with wᵢ = 1/vᵢ, I² and H² from τ² (or from Q), the Q-profile CI for τ², and a
 * prediction interval μ̂ ± crit·√(se² + τ̂²).
 * References: Viechtbauer W (2010), J Stat Softw 36(3); Hartung J, Knapp G (2001), Stat Med
 * 20:3875; IntHout J et al. (2014), BMC Med Res Methodol 14:25; Higgins JPT et al. (2009),
 * J R Stat Soc A 172:137.
 * @example metaAnalysis(binaryEffectSizes(bcg, 'RR')).estimate // -0.7145323483651012 (dat.bcg; τ² 0.313243325980895, I² 92.22138607496555)
 */
export function metaAnalysis(
  effects: EffectSizes,
  options: MetaAnalysisOptions = {},
): MetaAnalysisResult {
  const {
    method = 'REML',
    test = 'z',
    pi: piType = 't',
    i2 = 'tau2',
    level = 0.95,
    control = {},
    tau2Interval = true,
    qCenter,
  } = options;
  if (!(level > 0 && level < 1)) throw new InputError('level', level, 'a level in (0, 1)');
  const studies = effects.studies;
  const k = studies.length;
  if (k === 0) throw new InputError('studies', 0, 'at least one study with an estimable effect');
  for (const s of studies) {
    if (!Number.isFinite(s.yi))
      throw new InputError(`${s.study}: yi`, s.yi, 'a finite effect size');
    if (!(s.vi > 0 && Number.isFinite(s.vi)))
      throw new InputError(`${s.study}: vi`, s.vi, 'a positive finite sampling variance');
  }
  const warnings: Warning[] = [...(effects.codedWarnings ?? uncoded(effects.warnings))];
  const yi = studies.map((s) => s.yi);
  const vi = studies.map((s) => s.vi);
  const X = yi.map(() => [1]);

  let tau2 = 0;
  let convergence: MetaAnalysisResult['convergence'] = null;
  if (k === 1) {
    warnings.push(warning('single-study'));
  } else if (method === 'DL' && qCenter !== undefined) {
    const w = vi.map((v) => 1 / v);
    const sumW = w.reduce((a, b) => a + b, 0);
    const sumW2 = w.reduce((a, b) => a + b * b, 0);
    const Q = yi.reduce((a, y, i) => a + w[i] * (y - qCenter) ** 2, 0);
    tau2 = Math.max(0, (Q - (k - 1)) / (sumW - sumW2 / sumW));
    if (tau2 === 0) warnings.push(warning('tau2-at-boundary', { method }));
  } else if (method !== 'FE') {
    const est = estimateTau2(yi, vi, method, control, X);
    tau2 = est.tau2;
    warnings.push(...est.codedWarnings);
    if (TAU2_ESTIMATORS.get(method).iterative)
      convergence = { iterations: est.iterations, converged: est.converged };
    if (tau2 === 0) warnings.push(warning('tau2-at-boundary', { method }));
  }

  const fit = weightedFit(
    yi,
    X,
    vi.map((v) => 1 / (v + tau2)),
  );
  const estimate = fit.beta[0];
  let variance = fit.vb[0][0];
  let effectiveTest: MetaTest = test;
  if (k === 1 && test !== 'z') {
    warnings.push(warning('test-needs-k2', { test }));
    effectiveTest = 'z';
  }
  if (effectiveTest === 'knha' || effectiveTest === 'adhoc') {
    const q = fit.rss / (k - 1);
    if (effectiveTest === 'adhoc' && q < 1) warnings.push(warning('hk-factor-floored', { q }));
    variance *= effectiveTest === 'adhoc' ? Math.max(1, q) : q;
  }
  const se = Math.sqrt(variance);
  const df = effectiveTest === 'z' ? null : k - 1;
  const alpha = 1 - level;
  const crit = df === null ? normalQuantile(1 - alpha / 2) : tQuantile(1 - alpha / 2, df);
  const statistic = estimate / se;
  const p = df === null ? 2 * normalSf(Math.abs(statistic)) : 2 * tSf(Math.abs(statistic), df);
  const ci = {
    lower: estimate - crit * se,
    upper: estimate + crit * se,
    level,
    method: ciMethod(effectiveTest),
  };

  // Heterogeneity: Q with fixed-effect weights; ṽ = (k − p)/tr P.
  const fe = weightedFit(
    yi,
    X,
    vi.map((v) => 1 / v),
  );
  const qs = qStatistics(
    qCenter === undefined ? fe.rss : yi.reduce((a, y, i) => a + (y - qCenter) ** 2 / vi[i], 0),
    k - 1,
  );
  const vt = (k - 1) / fe.trP;
  let I2 = k > 1 ? (100 * tau2) / (vt + tau2) : 0;
  let H2 = k > 1 ? tau2 / vt + 1 : 1;
  if (method === 'FE' || i2 === 'Q') {
    I2 = qs.I2;
    H2 = qs.H2;
  }
  let tau2Ci: MetaAnalysisResult['tau2Ci'] = null;
  let I2Ci: MetaAnalysisResult['I2Ci'] = null;
  let H2Ci: MetaAnalysisResult['H2Ci'] = null;
  if (method !== 'FE' && k > 1 && tau2Interval) {
    const qp = tau2ConfidenceInterval(effects, { level, estimate: tau2 });
    tau2Ci = { lower: qp.lower, upper: qp.upper, level, method: 'Q-profile' };
    I2Ci = { lower: (100 * qp.lower) / (vt + qp.lower), upper: (100 * qp.upper) / (vt + qp.upper) };
    H2Ci = { lower: qp.lower / vt + 1, upper: qp.upper / vt + 1 };
    warnings.push(...uncoded(qp.warnings));
  }

  let pi: MetaAnalysisResult['pi'] = null;
  const piDf = piType === 'z' || piType === 'none' ? null : piType === 't' ? k - 1 : k - 2;
  if (piType === 'none' || method === 'FE') {
    // not requested, or no between-study variance in a common-effect model (metafor gives none either)
  } else if (piDf !== null && piDf < 1) {
    warnings.push(
      warning('pi-needs-more-studies', { type: piType, k: piType === 't' ? 2 : 3, df: piDf }),
    );
  } else {
    const piCrit = piDf === null ? normalQuantile(1 - alpha / 2) : tQuantile(1 - alpha / 2, piDf);
    const sePred = Math.sqrt(variance + tau2);
    pi = {
      lower: estimate - piCrit * sePred,
      upper: estimate + piCrit * sePred,
      type: piType,
      df: piDf,
    };
  }

  const z = normalQuantile(1 - alpha / 2);
  const rows: MetaStudyRow[] = studies.map((s, i) => ({
    study: s.study,
    yi: s.yi,
    vi: s.vi,
    weight: (100 * (1 / (vi[i] + tau2))) / fit.sumW,
    ci: { lower: s.yi - z * Math.sqrt(s.vi), upper: s.yi + z * Math.sqrt(s.vi) },
    ...(s.ni !== undefined ? { ni: s.ni } : {}),
  }));
  const tf = backTransform(effects);
  return freeze({
    measure: effects.measure,
    method,
    test: effectiveTest,
    k,
    estimate,
    se,
    ci,
    statistic,
    df,
    p,
    tau2,
    tau: Math.sqrt(tau2),
    tau2Ci,
    tauCi: tau2Ci ? { lower: Math.sqrt(tau2Ci.lower), upper: Math.sqrt(tau2Ci.upper) } : null,
    I2,
    i2Method: method === 'FE' ? 'Q' : i2,
    H2,
    I2Ci,
    H2Ci,
    Q: qs.Q,
    Qdf: qs.Qdf,
    Qp: qs.Qp,
    vt,
    pi,
    transformed: {
      estimate: tf.apply(estimate),
      ci: tf.interval(ci.lower, ci.upper),
      pi: pi ? tf.interval(pi.lower, pi.upper) : null,
      transform: tf.name,
    },
    studies: rows,
    convergence,
    warnings: messages(warnings),
    codedWarnings: warnings,
  });
}

function ciMethod(test: MetaTest): string {
  return {
    z: 'wald-z',
    knha: 'hartung-knapp-t',
    adhoc: 'hartung-knapp-t-never-narrower',
    t: 'wald-t',
  }[test];
}

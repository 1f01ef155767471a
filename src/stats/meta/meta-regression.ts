import { InputError } from '../../errors.js';
import { chiSquareSf, fSf, normalQuantile, normalSf, tQuantile, tSf } from '../dist/index.js';
import { freeze, type Measure } from '../types.js';
import type { EffectSizes } from './effect-sizes.js';
import { estimateTau2, logLik, type Tau2Control } from './estimate-tau2.js';
import type { MetaMethod, MetaTest } from './meta-analysis.js';
import { moderatorDesign, type ModeratorSpec, type ModeratorTerm } from './moderator-design.js';
import { invert, logDeterminant, weightedFit } from './weighted-fit.js';

export interface MetaRegressionOptions {
  /** τ² estimator, or `FE` for a fixed-effects meta-regression. Default `REML`. */
  method?: MetaMethod;
  /**
   * `z` (default): Wald z tests and χ² omnibus test; `knha`: Knapp–Hartung, variance scaled by
   * s² = Σwᵢrᵢ²/(k − p), t(k − p) tests and F(m, k − p) omnibus test; `adhoc`: as knha with
   * s² = max(1, s²); `t`: unscaled variance with t and F reference distributions.
   */
  test?: MetaTest;
  /** Default 0.95. */
  level?: number;
  /** Include an intercept (default true). */
  intercept?: boolean;
  /** Coefficients (0-based columns of the model matrix) in the omnibus test; default all but the intercept. */
  btt?: readonly number[];
  /** Prediction intervals: `t` with k − p df (default, as the pooled model's k − 1), `z` normal, or `test` (metafor's default: the CI's critical value). */
  pi?: 'z' | 't' | 'test';
  control?: Tau2Control;
}

export interface MetaRegressionCoefficient {
  name: string;
  estimate: number;
  se: number;
  /** z or t statistic. */
  statistic: number;
  p: number;
  ci: { lower: number; upper: number };
}

export interface MetaRegressionStudy {
  study: string;
  yi: number;
  vi: number;
  /** The study's row of the model matrix. */
  x: number[];
  fitted: number;
  residual: number;
  /** Percentage weight 100·wᵢ/Σw with wᵢ = 1/(vᵢ + τ̂²). */
  weight: number;
}

export interface MetaRegressionResult {
  measure: Measure;
  method: MetaMethod;
  test: MetaTest;
  level: number;
  k: number;
  /** Number of model coefficients. */
  p: number;
  coefficients: MetaRegressionCoefficient[];
  /** Covariance matrix of the coefficients (scaled by s² for knha/adhoc). */
  vb: number[][];
  /** Degrees of freedom of t tests (k − p); null for z. */
  df: number | null;
  /** Omnibus test of the coefficients in `btt` (Q_M): χ²(m) for z, F(m, k − p) = Q_M/m otherwise. */
  QM: {
    statistic: number;
    df1: number;
    df2: number | null;
    p: number;
    distribution: 'chisq' | 'F';
    coefficients: string[];
  };
  /** Test for residual heterogeneity: Q_E = Σ (yᵢ − xᵢβ̂_FE)²/vᵢ on k − p df. */
  QE: { Q: number; df: number; p: number };
  tau2: number;
  tau: number;
  /** Residual I² = 100 τ̂²/(ṽ + τ̂²), ṽ = (k − p)/tr P (from Q_E for FE). */
  I2: number;
  H2: number;
  vt: number;
  /** Pseudo-R² (%) = max(0, 100 (τ̂²_RE − τ̂²)/τ̂²_RE) with τ̂²_RE of the model without moderators; null without intercept or moderators. */
  R2: number | null;
  /** Knapp–Hartung scale factor s² (1 for z and t). */
  s2w: number;
  logLik: { ML: number; REML: number };
  piType: 'z' | 't' | 'test';
  studies: MetaRegressionStudy[];
  design: { names: string[]; terms: ModeratorTerm[]; intercept: boolean; btt: number[] };
  dropped: { study: string; reason: string }[];
  convergence: { iterations: number; converged: boolean } | null;
  warnings: string[];
}

/** What a permutation refit needs: coefficients' test statistics and the omnibus statistic. */
export interface RegressionCore {
  beta: number[];
  vb: number[][];
  se: number[];
  statistic: number[];
  QM: number;
  tau2: number;
  s2w: number;
  df: number | null;
  tauEstimate: ReturnType<typeof estimateTau2> | null;
}

/**
 * Fits yᵢ = xᵢ'β + uᵢ + εᵢ, uᵢ ~ N(0, τ²), εᵢ ~ N(0, vᵢ) for a given model matrix: τ² by
 * `estimateTau2` with X, β̂ = (X'WX)⁻¹X'Wy with W = diag 1/(vᵢ + τ̂²), Var β̂ = (X'WX)⁻¹
 * (× s² for Knapp–Hartung), Q_M = β̂_b'(V_bb)⁻¹β̂_b (÷ m for F). Used by `metaRegression`
 * and by every refit of the permutation test.
 */
export function regressionCore(
  yi: readonly number[],
  vi: readonly number[],
  X: readonly (readonly number[])[],
  options: { method: MetaMethod; test: MetaTest; control?: Tau2Control; btt: readonly number[] },
): RegressionCore {
  const { method, test, control = {}, btt } = options;
  const k = yi.length;
  const p = X[0].length;
  const tauEstimate = method === 'FE' ? null : estimateTau2(yi, vi, method, control, X);
  const tau2 = tauEstimate?.tau2 ?? 0;
  const fit = weightedFit(
    yi,
    X,
    vi.map((v) => 1 / (v + tau2)),
  );
  let s2w = 1;
  if (test === 'knha' || test === 'adhoc') {
    s2w = fit.rss <= 2.220446049250313e-16 ? 0 : fit.rss / (k - p);
    if (test === 'adhoc') s2w = Math.max(1, s2w);
  }
  const vb = fit.vb.map((row) => row.map((v) => v * s2w));
  const se = vb.map((row, i) => Math.sqrt(row[i]));
  const statistic = fit.beta.map((b, i) => b / se[i]);
  const sub = btt.map((r) => btt.map((c) => vb[r][c]));
  const inv = invert(sub);
  let QM = 0;
  for (let r = 0; r < btt.length; r++)
    for (let c = 0; c < btt.length; c++) QM += fit.beta[btt[r]] * inv[r][c] * fit.beta[btt[c]];
  const df = test === 'z' ? null : k - p;
  if (df !== null) QM /= btt.length;
  return { beta: fit.beta, vb, se, statistic, QM, tau2, s2w, df, tauEstimate };
}

/**
 * Mixed-effects meta-regression, as metafor 3.8 `rma(yi, vi, mods = ~ …, method, test)`:
 * numeric and categorical moderators (treatment coding, see `moderatorDesign`), every τ²
 * estimator of `estimateTau2` (or FE), Wald z or Knapp–Hartung inference, the omnibus test
 * Q_M (χ² or F), the residual heterogeneity test Q_E, residual I²/H², pseudo-R², fitted
 * values and residuals. Predictions for new moderator values: `predictMetaRegression`;
 * permutation p-values: `permutationTest`.
 * References: Berkey CS et al. (1995), Stat Med 14:395; Thompson SG, Higgins JPT (2002), Stat
 * Med 21:1559; Knapp G, Hartung J (2003), Stat Med 22:2693; Raudenbush SW (2009), in The
 * Handbook of Research Synthesis, 2nd ed., ch. 16; Viechtbauer W (2010), J Stat Softw 36(3).
 * @example metaRegression(bcgRR, [{ column: 'ablat' }]).coefficients[1].estimate // -0.0291017302127 (dat.bcg, REML; R² 75.62%)
 */
export function metaRegression(
  effects: EffectSizes,
  moderators: readonly ModeratorSpec[],
  options: MetaRegressionOptions = {},
): MetaRegressionResult {
  const {
    method = 'REML',
    test = 'z',
    level = 0.95,
    intercept = true,
    pi = 't',
    control = {},
  } = options;
  if (!(level > 0 && level < 1)) throw new InputError('level', level, 'a level in (0, 1)');
  for (const s of effects.studies) {
    if (!Number.isFinite(s.yi))
      throw new InputError(`${s.study}: yi`, s.yi, 'a finite effect size');
    if (!(s.vi > 0 && Number.isFinite(s.vi)))
      throw new InputError(`${s.study}: vi`, s.vi, 'a positive finite sampling variance');
  }
  const design = moderatorDesign(effects.studies, moderators, { intercept });
  const { X, names, studies } = design;
  const k = studies.length;
  const p = names.length;
  if (k === 0)
    throw new InputError(
      'studies',
      0,
      'at least one study with an estimable effect and all moderators',
    );
  if (test !== 'z' && k <= p)
    throw new InputError('test', test, `k > p for t-based tests (k = ${k}, p = ${p})`);
  const btt = options.btt
    ? [...options.btt]
    : intercept && p > 1
      ? names.map((_, i) => i).slice(1)
      : names.map((_, i) => i);
  for (const b of btt)
    if (!(Number.isInteger(b) && b >= 0 && b < p))
      throw new InputError('btt', b, `a coefficient index in 0 … ${p - 1}`);
  if (new Set(btt).size !== btt.length || btt.length === 0)
    throw new InputError('btt', btt.join(','), 'distinct coefficient indices');
  const warnings = [...effects.warnings];
  if (design.dropped.length > 0)
    warnings.push(
      `${design.dropped.length} stud${design.dropped.length === 1 ? 'y' : 'ies'} left out for a missing moderator value: ${design.dropped.map((d) => d.study).join('; ')}`,
    );
  const yi = studies.map((s) => s.yi);
  const vi = studies.map((s) => s.vi);

  const core = regressionCore(yi, vi, X, { method, test, control, btt });
  const { beta, vb, se, statistic, tau2, s2w, df } = core;
  let convergence: MetaRegressionResult['convergence'] = null;
  if (core.tauEstimate) {
    warnings.push(...core.tauEstimate.warnings);
    if (['REML', 'ML', 'EB', 'PM'].includes(method))
      convergence = {
        iterations: core.tauEstimate.iterations,
        converged: core.tauEstimate.converged,
      };
  }
  if (s2w === 0)
    warnings.push(
      'Knapp–Hartung: the weighted residual sum of squares is 0; standard errors are 0',
    );
  const alpha = 1 - level;
  const crit = df === null ? normalQuantile(1 - alpha / 2) : tQuantile(1 - alpha / 2, df);
  const coefficients = names.map((name, i) => ({
    name,
    estimate: beta[i],
    se: se[i],
    statistic: statistic[i],
    p: df === null ? 2 * normalSf(Math.abs(statistic[i])) : 2 * tSf(Math.abs(statistic[i]), df),
    ci: { lower: beta[i] - crit * se[i], upper: beta[i] + crit * se[i] },
  }));
  const m = btt.length;
  const QM = {
    statistic: core.QM,
    df1: m,
    df2: df,
    p: df === null ? chiSquareSf(core.QM, m) : fSf(core.QM, m, df),
    distribution: df === null ? ('chisq' as const) : ('F' as const),
    coefficients: btt.map((b) => names[b]),
  };

  // Residual heterogeneity from the fixed-effects fit (weights 1/vᵢ).
  const fe = weightedFit(
    yi,
    X,
    vi.map((v) => 1 / v),
  );
  let QE = { Q: 0, df: k - p, p: 1 };
  let I2 = 0;
  let H2 = 1;
  let vt = 0;
  if (k > p) {
    const Q = Math.max(0, fe.rss);
    QE = { Q, df: k - p, p: chiSquareSf(Q, k - p) };
    vt = (k - p) / fe.trP;
    if (method === 'FE') {
      I2 = Math.max(0, (100 * (Q - (k - p))) / Q);
      H2 = Q / (k - p);
    } else {
      I2 = (100 * tau2) / (vt + tau2);
      H2 = tau2 / vt + 1;
    }
  }

  let R2: number | null = null;
  if (intercept && p > 1) {
    if (method === 'FE') R2 = weightedAdjustedR2(yi, vi, X, fe.rss);
    else {
      const tau2RE = estimateTau2(yi, vi, method, control).tau2;
      R2 = tau2RE === 0 ? 0 : Math.max(0, (100 * (tau2RE - tau2)) / tau2RE);
    }
  }

  const w = vi.map((v) => 1 / (v + tau2));
  const sumW = w.reduce((a, b) => a + b, 0);
  const rows: MetaRegressionStudy[] = studies.map((s, i) => {
    const fitted = X[i].reduce((acc, x, j) => acc + x * beta[j], 0);
    return {
      study: s.study,
      yi: s.yi,
      vi: s.vi,
      x: [...X[i]],
      fitted,
      residual: s.yi - fitted,
      weight: (100 * w[i]) / sumW,
    };
  });
  return freeze({
    measure: effects.measure,
    method,
    test,
    level,
    k,
    p,
    coefficients,
    vb,
    df,
    QM,
    QE,
    tau2,
    tau: Math.sqrt(tau2),
    I2,
    H2,
    vt,
    R2,
    s2w,
    // metafor's reported REML log-likelihood adds ½ log det X'X (its REMLf = TRUE)
    logLik: {
      ML: logLik(yi, vi, X, tau2, 'ML'),
      REML: logLik(yi, vi, X, tau2, 'REML') + 0.5 * logDeterminant(crossProduct(X)),
    },
    piType: pi,
    studies: rows,
    design: { names, terms: design.terms, intercept, btt },
    dropped: design.dropped,
    convergence,
    warnings,
  });
}

function crossProduct(X: readonly (readonly number[])[]): number[][] {
  const p = X[0].length;
  return Array.from({ length: p }, (_, r) =>
    Array.from({ length: p }, (__, c) => X.reduce((s, row) => s + row[r] * row[c], 0)),
  );
}

/** metafor's R² for a fixed-effects meta-regression: the adjusted R² of lm(yi ~ X, weights = 1/vi), floored at 0. */
function weightedAdjustedR2(
  yi: readonly number[],
  vi: readonly number[],
  X: readonly (readonly number[])[],
  rss: number,
): number {
  const k = yi.length;
  const p = X[0].length;
  const w = vi.map((v) => 1 / v);
  const sumW = w.reduce((a, b) => a + b, 0);
  const mean = yi.reduce((acc, y, i) => acc + w[i] * y, 0) / sumW;
  const tss = yi.reduce((acc, y, i) => acc + w[i] * (y - mean) ** 2, 0);
  if (tss === 0) return 0;
  const r2 = 1 - rss / tss;
  return Math.max(0, 100 * (1 - ((1 - r2) * (k - 1)) / (k - p)));
}

import { InputError } from '../../errors.js';
import { normalCdf } from '../dist/index.js';
import { integrate, integrationRule } from '../numeric/integrate.js';
import { zeroin } from '../numeric/zeroin.js';
import { freeze, type Measure } from '../types.js';
import { messages, uncoded, type Warning } from '../warnings.js';
import { backTransform } from './back-transform.js';
import type { EffectSizes } from './effect-sizes.js';

/**
 * Prior for the heterogeneity τ: half-normal, half-Cauchy or exponential with a scale (on the
 * scale of the effects: 0.5 is a common choice for log odds ratios, Friede et al. 2017), or
 * the improper uniform prior on [0, ∞) (bayesmeta's default; use with caution).
 */
export type TauPrior =
  | { type: 'half-normal' | 'half-cauchy' | 'exponential'; scale: number }
  | { type: 'uniform' };

export interface BayesianMetaOptions {
  /** Default half-normal with scale 0.5 (Friede T et al. Biom J 2017;59:658). */
  tauPrior?: TauPrior;
  /** Normal prior for μ; default the improper uniform prior. */
  muPrior?: { mean: number; sd: number } | null;
  /** Default 0.95. */
  level?: number;
  /** `shortest` (default, as bayesmeta) or `central` (equal tails) intervals. */
  interval?: 'shortest' | 'central';
}

/** A marginal posterior (or predictive) distribution's summary. */
export interface PosteriorSummary {
  median: number;
  mean: number;
  sd: number;
  interval: { lower: number; upper: number };
}

export interface BayesianMetaResult {
  measure: Measure;
  method: 'bayes';
  k: number;
  tauPrior: TauPrior;
  muPrior: { mean: number; sd: number } | null;
  level: number;
  intervalType: 'shortest' | 'central';
  /** Posterior median of μ (model scale) and its credible interval, in the one result shape. */
  estimate: number;
  ci: { lower: number; upper: number; level: number; method: string };
  mu: PosteriorSummary & { probabilityPositive: number };
  tau: PosteriorSummary;
  /** The effect θ in a new study (posterior predictive). */
  predictive: PosteriorSummary;
  /** Shrinkage estimates: the posterior of each study's θᵢ. */
  studies: ({ study: string; yi: number; sei: number } & PosteriorSummary)[];
  /** Natural scale (exp for ratio measures, inverse logit, …) of μ's median and interval. */
  transformed: {
    estimate: number;
    ci: { lower: number; upper: number };
    predictive: { lower: number; upper: number };
    transform: string;
  };
  /** Gauss–Kronrod subintervals of the τ grid and the relative error of the normalising integral. */
  integration: { intervals: number; relativeError: number };
  warnings: string[];
  codedWarnings: Warning[];
}

function logPrior(prior: TauPrior, tau: number): number {
  switch (prior.type) {
    case 'half-normal':
      return -0.5 * (tau / prior.scale) ** 2 - Math.log(prior.scale);
    case 'half-cauchy':
      return -Math.log1p((tau / prior.scale) ** 2) - Math.log(prior.scale);
    case 'exponential':
      return -tau / prior.scale - Math.log(prior.scale);
    default:
      return 0;
  }
}

/** A normal mixture Σ ωⱼ N(mⱼ, sⱼ²): CDF, moments, quantiles and intervals. */
function mixtureSummary(
  omega: readonly number[],
  means: readonly number[],
  sds: readonly number[],
  level: number,
  type: 'shortest' | 'central',
): PosteriorSummary & { cdf: (x: number) => number } {
  const cdf = (x: number): number => {
    let s = 0;
    for (let j = 0; j < omega.length; j++)
      if (omega[j] > 0) s += omega[j] * normalCdf((x - means[j]) / sds[j]);
    return s;
  };
  let mean = 0;
  let second = 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (let j = 0; j < omega.length; j++) {
    mean += omega[j] * means[j];
    second += omega[j] * (sds[j] ** 2 + means[j] ** 2);
    if (omega[j] > 1e-300) {
      lo = Math.min(lo, means[j] - 40 * sds[j]);
      hi = Math.max(hi, means[j] + 40 * sds[j]);
    }
  }
  const density = (x: number): number => {
    let s = 0;
    for (let j = 0; j < omega.length; j++) {
      const z = (x - means[j]) / sds[j];
      s += (omega[j] * Math.exp(-0.5 * z * z)) / (sds[j] * Math.sqrt(2 * Math.PI));
    }
    return s;
  };
  const quantile = (p: number): number =>
    zeroin((x) => cdf(x) - p, lo, hi, { tol: 1e-13 * Math.max(1, Math.abs(hi - lo)), maxiter: 500 })
      .root;
  return {
    median: quantile(0.5),
    mean,
    sd: Math.sqrt(Math.max(0, second - mean * mean)),
    interval: credibleInterval(quantile, density, level, type, -Infinity),
    cdf,
  };
}

/**
 * Central or shortest interval from a quantile and a density function. The shortest interval
 * of a unimodal density has equal density at both ends, f(Q(p)) = f(Q(p + level)), solved for
 * the lower tail p (a root, so the ends are as precise as the quantiles); when the support
 * starts at a bound (τ ≥ 0) and the density there is at least f(Q(level)), it starts there.
 */
function credibleInterval(
  quantile: (p: number) => number,
  density: (x: number) => number,
  level: number,
  type: 'shortest' | 'central',
  lowerBound: number,
): { lower: number; upper: number } {
  const alpha = 1 - level;
  if (type === 'central') return { lower: quantile(alpha / 2), upper: quantile(1 - alpha / 2) };
  const g = (p: number): number => density(quantile(p)) - density(quantile(p + level));
  if (Number.isFinite(lowerBound) && density(lowerBound) >= density(quantile(level)))
    return { lower: lowerBound, upper: quantile(level) };
  const eps = alpha * 1e-9;
  const p = zeroin(g, eps, alpha - eps, { tol: 1e-14, maxiter: 200 }).root;
  return { lower: quantile(p), upper: quantile(p + level) };
}

/**
 * Bayesian random-effects meta-analysis by exact numerical integration, as the bayesmeta
 * package (Röver C. J Stat Softw 2020;93(6)): yᵢ ~ N(θᵢ, σᵢ²), θᵢ ~ N(μ, τ²), μ uniform or
 * normal, τ from `tauPrior`. Given τ, μ is normal: μ | τ, y ~ N(μ̂(τ), 1/W), wᵢ = 1/(σᵢ² + τ²),
 * W = Σwᵢ (+ 1/s₀²), so the marginal posterior of τ,
 *   p(τ | y) ∝ p(τ) ∏ wᵢ^½ · W^−½ · exp(−½ Σ wᵢ(yᵢ − μ̂)²),
 * is integrated by adaptive Gauss–Kronrod quadrature on τ = c·u/(1 − u), and every other
 * posterior is a normal mixture over that grid: μ; the predictive θ_new ~ N(μ̂, 1/W + τ²);
 * the shrinkage θᵢ ~ N(bᵢμ̂ + (1 − bᵢ)yᵢ, σᵢ²(1 − bᵢ) + bᵢ²/W), bᵢ = σᵢ²/(σᵢ² + τ²).
 * Quantiles by Brent root finding; shortest intervals by minimising their width.
 * @example bayesianMetaAnalysis(schools, { tauPrior: { type: 'half-cauchy', scale: 25 }, muPrior: { mean: 0, sd: 50 } }).mu.median // 7.962961 (bayesmeta vignette, eight schools)
 */
export function bayesianMetaAnalysis(
  effects: EffectSizes,
  options: BayesianMetaOptions = {},
): BayesianMetaResult {
  const {
    tauPrior = { type: 'half-normal', scale: 0.5 },
    muPrior = null,
    level = 0.95,
    interval = 'shortest',
  } = options;
  if (!(level > 0 && level < 1)) throw new InputError('level', level, 'a level in (0, 1)');
  if (tauPrior.type !== 'uniform' && !(tauPrior.scale > 0 && Number.isFinite(tauPrior.scale)))
    throw new InputError('tauPrior.scale', tauPrior.scale, 'a positive finite scale');
  if (muPrior && !(muPrior.sd > 0 && Number.isFinite(muPrior.sd) && Number.isFinite(muPrior.mean)))
    throw new InputError(
      'muPrior',
      `${muPrior.mean}, ${muPrior.sd}`,
      'a finite mean and a positive sd',
    );
  const studies = effects.studies;
  const k = studies.length;
  if (k === 0) throw new InputError('studies', 0, 'at least one study with an estimable effect');
  if (k === 1 && tauPrior.type === 'uniform')
    throw new InputError(
      'tauPrior',
      'uniform',
      'a proper τ prior with a single study (the posterior is improper)',
    );
  const y = studies.map((s) => s.yi);
  const v = studies.map((s) => s.vi);
  const w0 = muPrior ? 1 / muPrior.sd ** 2 : 0;
  const m0 = muPrior ? muPrior.mean : 0;
  const conditional = (tau: number) => {
    const w = v.map((vi) => 1 / (vi + tau * tau));
    const W = w.reduce((a, b) => a + b, w0);
    const muHat = (w.reduce((a, wi, i) => a + wi * y[i], 0) + w0 * m0) / W;
    return { w, W, muHat };
  };
  const logDensity = (tau: number): number => {
    const { w, W, muHat } = conditional(tau);
    let s = logPrior(tauPrior, tau) - 0.5 * Math.log(W) - 0.5 * w0 * (m0 - muHat) ** 2;
    for (let i = 0; i < k; i++) s += 0.5 * Math.log(w[i]) - 0.5 * w[i] * (y[i] - muHat) ** 2;
    return s;
  };
  // τ = c·u/(1 − u) maps [0, 1) onto [0, ∞); c is the typical standard error (or the prior scale).
  const sortedSe = v.map(Math.sqrt).sort((a, b) => a - b);
  const c = tauPrior.type === 'uniform' ? sortedSe[Math.floor(k / 2)] : tauPrior.scale;
  const offset = logDensity(c);
  const tauOf = (u: number): number => (c * u) / (1 - u);
  const integrand = (u: number): number =>
    u >= 1 ? 0 : Math.exp(logDensity(tauOf(u)) - offset) * (c / (1 - u) ** 2);
  const rule = integrationRule(integrand, 0, 1, { relTol: 1e-13, pieces: 12, maxIntervals: 4000 });
  const warnings: Warning[] = [...(effects.codedWarnings ?? uncoded(effects.warnings))];
  // Nodes that carry no posterior mass (below 1e-18 of the total) are left out of the mixtures.
  const mass = rule.nodes.map((u, j) => (rule.weights[j] * integrand(u)) / rule.value);
  const keep = mass.map((_, j) => j).filter((j) => mass[j] > 1e-18);
  const omega = keep.map((j) => mass[j]);
  const taus = keep.map((j) => tauOf(rule.nodes[j]));
  const fits = taus.map(conditional);
  const mu = mixtureSummary(
    omega,
    fits.map((f) => f.muHat),
    fits.map((f) => Math.sqrt(1 / f.W)),
    level,
    interval,
  );
  const predictive = mixtureSummary(
    omega,
    fits.map((f) => f.muHat),
    fits.map((f, j) => Math.sqrt(1 / f.W + taus[j] ** 2)),
    level,
    interval,
  );
  // τ: CDF by integrating the density up to t (on the u scale), normalised.
  const tauCdf = (t: number): number => {
    if (t <= 0) return 0;
    const uMax = t / (c + t);
    return integrate(integrand, 0, uMax, { relTol: 1e-12, pieces: 8 }).value / rule.value;
  };
  let tauHi = c;
  while (tauCdf(tauHi) < 1 - 1e-10 && tauHi < 1e12) tauHi *= 4;
  const tauQuantile = (p: number): number =>
    p <= 0 ? 0 : zeroin((t) => tauCdf(t) - p, 0, tauHi, { tol: 1e-11 * tauHi, maxiter: 500 }).root;
  const tauMean = omega.reduce((s, o, j) => s + o * taus[j], 0);
  const tauSecond = omega.reduce((s, o, j) => s + o * taus[j] ** 2, 0);
  const tau: PosteriorSummary = {
    median: tauQuantile(0.5),
    mean: tauMean,
    sd: Math.sqrt(Math.max(0, tauSecond - tauMean ** 2)),
    interval: credibleInterval(
      tauQuantile,
      (t) => Math.exp(logDensity(t) - offset) / rule.value,
      level,
      interval,
      0,
    ),
  };
  const shrinkage = studies.map((s, i) => {
    const b = taus.map((t) => v[i] / (v[i] + t * t));
    const summary = mixtureSummary(
      omega,
      fits.map((f, j) => b[j] * f.muHat + (1 - b[j]) * y[i]),
      fits.map((f, j) => Math.sqrt(v[i] * (1 - b[j]) + (b[j] * b[j]) / f.W)),
      level,
      interval,
    );
    const { cdf: _cdf, ...rest } = summary;
    return { study: s.study, yi: s.yi, sei: Math.sqrt(s.vi), ...rest };
  });
  const tf = backTransform(effects);
  const { cdf: muCdf, ...muSummary } = mu;
  const { cdf: _pred, ...predictiveSummary } = predictive;
  return freeze({
    measure: effects.measure,
    method: 'bayes' as const,
    k,
    tauPrior,
    muPrior,
    level,
    intervalType: interval,
    estimate: mu.median,
    ci: { ...mu.interval, level, method: `bayes-${interval}` },
    mu: { ...muSummary, probabilityPositive: 1 - muCdf(0) },
    tau,
    predictive: predictiveSummary,
    studies: shrinkage,
    transformed: {
      estimate: tf.apply(mu.median),
      ci: tf.interval(mu.interval.lower, mu.interval.upper),
      predictive: tf.interval(predictive.interval.lower, predictive.interval.upper),
      transform: tf.name,
    },
    integration: { intervals: rule.intervals, relativeError: rule.error / Math.abs(rule.value) },
    warnings: messages(warnings),
    codedWarnings: warnings,
  });
}

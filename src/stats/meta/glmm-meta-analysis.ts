import { InputError } from '../../errors.js';
import { normalQuantile, normalSf } from '../dist/index.js';
import { logGamma } from '../dist/special.js';
import { logNormalIntegral, type LogConcaveTerm } from '../numeric/adaptive-gauss-hermite.js';
import { fmin } from '../numeric/fmin.js';
import { nelderMead } from '../numeric/nelder-mead.js';
import { proportionCi } from '../proportion/proportion-ci.js';
import { freeze } from '../types.js';
import { messages, warning, type Warning } from '../warnings.js';
import type { BinaryStudy } from './binary-effect-sizes.js';
import type { ProportionStudy } from './proportion-effect-sizes.js';

/**
 * `PLO`: random-effects logistic model for single proportions, logit πᵢ = μ + uᵢ;
 * `UM.FS`: unconditional model with fixed study effects, logit πᵢ₁ = αᵢ + μ + uᵢ/2 and
 * logit πᵢ₂ = αᵢ − uᵢ/2; `CM.EL`: conditional (non-central hypergeometric) model for aᵢ given
 * the margins, log ψᵢ = μ + uᵢ. Always uᵢ ~ N(0, τ²).
 */
export type GlmmModel = 'PLO' | 'UM.FS' | 'CM.EL';

export interface GlmmOptions {
  /** Default `PLO` for single proportions, `UM.FS` for two-arm tables. */
  model?: GlmmModel;
  /** Gauss–Hermite points per study (1 = Laplace). Default 7 (metafor's nAGQ, lme4's). */
  points?: number;
  /** Default 0.95. */
  level?: number;
  /** Also refit with these numbers of points and report the largest change. Default [15]. */
  stabilityPoints?: readonly number[];
}

export interface GlmmStudyRow {
  study: string;
  /** Observed log-odds (PLO) or log odds ratio, without correction; ±Infinity at a zero cell. */
  yi: number;
  /** PLO: the observed proportion xᵢ/nᵢ. */
  proportion?: number;
  /** Study interval on the natural scale: Clopper–Pearson for PLO (as metaprop prints), none else. */
  ci: { lower: number; upper: number; level: number; method: string } | null;
}

export interface GlmmResult {
  measure: 'PLO' | 'OR';
  model: GlmmModel;
  method: 'ML';
  k: number;
  /** μ̂ on the model scale (logit or log OR), as metafor's rma.glmm. */
  estimate: number;
  se: number;
  ci: { lower: number; upper: number; level: number; method: 'wald-z' };
  statistic: number;
  p: number;
  tau2: number;
  tau: number;
  /** μ̂ ± z·√(se² + τ̂²), as metafor predict(). */
  pi: { lower: number; upper: number; type: 'z'; df: null };
  /** Natural scale: proportion (inverse logit) or odds ratio (exp). */
  transformed: {
    estimate: number;
    ci: { lower: number; upper: number };
    pi: { lower: number; upper: number };
    transform: 'inverse-logit' | 'exp';
  };
  logLik: number;
  points: number;
  /** The fit with other numbers of points: the answer should not move. */
  stability: { points: number; estimate: number; tau2: number; logLik: number }[];
  studies: GlmmStudyRow[];
  convergence: { iterations: number; converged: boolean };
  warnings: string[];
  codedWarnings: Warning[];
}

const log1pExp = (x: number): number =>
  x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
const logChoose = (n: number, x: number): number =>
  logGamma(n + 1) - logGamma(x + 1) - logGamma(n - x + 1);
const expit = (x: number): number => 1 / (1 + Math.exp(-x));

/** Binomial log-likelihood of x/n at logit θ, with its θ-derivatives. */
function binomialTerm(x: number, n: number, theta: number): [number, number, number] {
  const p = expit(theta);
  return [x * theta - n * log1pExp(theta), x - n * p, -n * p * (1 - p)];
}

/**
 * Non-central hypergeometric log-probability of a given the margins, at log ψ = θ (an
 * exponential family in θ), with its θ-derivatives a − E[X] and −Var[X]. The terms are
 * log-concave in j, so the sum runs outward from the mode until a term falls below e⁻⁴⁵ of it.
 */
function conditionalTerm(
  a: number,
  n1: number,
  n2: number,
  m1: number,
): (theta: number) => [number, number, number] {
  const lo = Math.max(0, m1 - n2);
  const hi = Math.min(n1, m1);
  const base: number[] = [];
  for (let j = lo; j <= hi; j++) base.push(logChoose(n1, j) + logChoose(n2, m1 - j));
  return (theta) => {
    // Mode: the first j whose next term is smaller (the increments decrease in j).
    let left = 0;
    let right = hi - lo;
    while (left < right) {
      const mid = (left + right) >> 1;
      if (base[mid + 1] - base[mid] + theta > 0) left = mid + 1;
      else right = mid;
    }
    const top = base[left] + (left + lo) * theta;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    const add = (i: number): boolean => {
      const e = base[i] + (i + lo) * theta - top;
      const w = Math.exp(e);
      const j = i + lo;
      s0 += w;
      s1 += w * j;
      s2 += w * j * j;
      return e > -45;
    };
    add(left);
    for (let i = left + 1; i <= hi - lo && add(i); i++);
    for (let i = left - 1; i >= 0 && add(i); i--);
    const mean = s1 / s0;
    return [base[a - lo] + a * theta - top - Math.log(s0), a - mean, -(s2 / s0 - mean * mean)];
  };
}

interface Likelihood {
  /** Σ log ∫ f(yᵢ | μ, τ, zᵢ) φ(zᵢ) dzᵢ, the fixed study effects (UM.FS) maximised out. */
  profile(mu: number, tau: number, points: number): number;
}

function ploLikelihood(xs: readonly number[], ns: readonly number[]): Likelihood {
  const constant = xs.reduce((s, x, i) => s + logChoose(ns[i], x), 0);
  return {
    profile: (mu, tau, points) => {
      let ll = constant;
      for (let i = 0; i < xs.length; i++) {
        const term: LogConcaveTerm = (z) => {
          const [l, d1, d2] = binomialTerm(xs[i], ns[i], mu + tau * z);
          return [l, tau * d1, tau * tau * d2];
        };
        ll += tau === 0 ? term(0)[0] : logNormalIntegral(term, points);
      }
      return ll;
    },
  };
}

function umfsLikelihood(tables: readonly BinaryStudy[]): Likelihood {
  const constant = tables.reduce(
    (s, t) => s + logChoose(t.n1, t.events1) + logChoose(t.n2, t.events2),
    0,
  );
  return {
    profile: (mu, tau, points) => {
      let ll = constant;
      for (const t of tables) {
        const marginal = (alpha: number): number => {
          const term: LogConcaveTerm = (z) => {
            const a = binomialTerm(t.events1, t.n1, alpha + mu + (tau * z) / 2);
            const c = binomialTerm(t.events2, t.n2, alpha - (tau * z) / 2);
            return [a[0] + c[0], (tau / 2) * (a[1] - c[1]), ((tau * tau) / 4) * (a[2] + c[2])];
          };
          return tau === 0 ? term(0)[0] : logNormalIntegral(term, points);
        };
        // The marginal likelihood is log-concave in αᵢ (Prékopa): one maximum, found by Brent.
        const centre = Math.log((t.events2 + 0.5) / (t.n2 - t.events2 + 0.5));
        const best = fmin((alpha) => -marginal(alpha), centre - 15, centre + 15, 1e-11);
        ll -= best.fx;
      }
      return ll;
    },
  };
}

function cmelLikelihood(tables: readonly BinaryStudy[]): Likelihood {
  const terms = tables.map((t) => conditionalTerm(t.events1, t.n1, t.n2, t.events1 + t.events2));
  return {
    profile: (mu, tau, points) => {
      let ll = 0;
      for (const f of terms) {
        const term: LogConcaveTerm = (z) => {
          const [l, d1, d2] = f(mu + tau * z);
          return [l, tau * d1, tau * tau * d2];
        };
        ll += tau === 0 ? term(0)[0] : logNormalIntegral(term, points);
      }
      return ll;
    },
  };
}

/** Maximises the profile likelihood over (μ, τ), τ = |t| (the likelihood is even in t). */
function maximise(
  lik: Likelihood,
  start: number,
  points: number,
): { mu: number; tau: number; logLik: number; iterations: number; converged: boolean } {
  const f = ([mu, t]: readonly number[]): number => -lik.profile(mu, Math.abs(t), points);
  let fit = nelderMead(f, [start, 0.5], { step: 0.3, tol: 1e-14, xtol: 1e-9 });
  // A restart from the optimum guards against a collapsed simplex.
  const again = nelderMead(f, fit.x, { step: 0.05, tol: 1e-15, xtol: 1e-10 });
  if (again.value <= fit.value) fit = { ...again, iterations: fit.iterations + again.iterations };
  return {
    mu: fit.x[0],
    tau: Math.abs(fit.x[1]),
    logLik: -fit.value,
    iterations: fit.iterations,
    converged: fit.converged,
  };
}

/** Observed information of the profile likelihood by central differences; returns Var(μ̂). */
function muVariance(lik: Likelihood, mu: number, tau: number, points: number): number {
  const h = 1e-4;
  const ll = (m: number, t: number): number => lik.profile(m, t, points);
  const f0 = ll(mu, tau);
  const hmm = (ll(mu + h, tau) - 2 * f0 + ll(mu - h, tau)) / (h * h);
  if (tau < 1e-4) return -1 / hmm;
  const htt = (ll(mu, tau + h) - 2 * f0 + ll(mu, tau - h)) / (h * h);
  const hmt =
    (ll(mu + h, tau + h) - ll(mu + h, tau - h) - ll(mu - h, tau + h) + ll(mu - h, tau - h)) /
    (4 * h * h);
  // [H⁻¹]_μμ of the 2 × 2 observed information −H (the study effects already profiled out,
  // so this is the μ block of the full inverse, as lme4's vcov(use.hessian = TRUE)).
  const det = hmm * htt - hmt * hmt;
  return -htt / det;
}

/**
 * Generalised linear mixed models for meta-analysis of sparse events (Stijnen T, Hamza TH,
 * Özdemir P. Stat Med 2010;29:3046–3067), fitted by maximum likelihood with adaptive
 * Gauss–Hermite quadrature over each study's random effect (`points` nodes, 7 by default as
 * metafor rma.glmm and lme4 glmer(nAGQ = 7)):
 * - PLO: xᵢ ~ Bin(nᵢ, expit(μ + uᵢ)) (metafor rma.glmm(measure = "PLO"), meta::metaprop's default);
 * - UM.FS: aᵢ ~ Bin(n₁ᵢ, expit(αᵢ + μ + uᵢ/2)), cᵢ ~ Bin(n₂ᵢ, expit(αᵢ − uᵢ/2)), fixed αᵢ;
 * - CM.EL: aᵢ | aᵢ + cᵢ ~ non-central hypergeometric with log odds ratio μ + uᵢ;
 * uᵢ ~ N(0, τ²). The fixed study effects αᵢ are profiled out (each maximised by Brent, the
 * marginal likelihood being log-concave in αᵢ); (μ, τ) are maximised by Nelder–Mead; se(μ̂)
 * from the observed information of the profile likelihood. Wald z test and CI; the
 * prediction interval μ̂ ± z·√(se² + τ̂²). Tables with no events or only events in both arms
 * carry no information on the odds ratio and are dropped (metafor drop00).
 * @example glmmMetaAnalysis(pritz, { model: 'PLO' }).estimate // 1.3766 (dat.pritz1997; τ² 0.5893, as rma.glmm)
 */
export function glmmMetaAnalysis(
  data: readonly ProportionStudy[] | readonly BinaryStudy[],
  options: GlmmOptions = {},
): GlmmResult {
  const { level = 0.95, points = 7, stabilityPoints = [15] } = options;
  if (!(level > 0 && level < 1)) throw new InputError('level', level, 'a level in (0, 1)');
  if (!(Number.isInteger(points) && points >= 1 && points <= 100))
    throw new InputError('points', points, 'a whole number of quadrature points from 1 to 100');
  if (data.length === 0) throw new InputError('studies', 0, 'at least one study');
  const proportions = 'events' in data[0];
  const model = options.model ?? (proportions ? 'PLO' : 'UM.FS');
  if (proportions !== (model === 'PLO'))
    throw new InputError(
      'model',
      model,
      proportions ? 'PLO for single proportions' : 'UM.FS or CM.EL for two-arm tables',
    );
  const warnings: Warning[] = [];
  const z = normalQuantile(1 - (1 - level) / 2);
  let lik: Likelihood;
  let start: number;
  let rows: GlmmStudyRow[];
  let k: number;
  if (model === 'PLO') {
    const studies = data as readonly ProportionStudy[];
    studies.forEach((s, i) => {
      const name = s.study ?? `Study ${i + 1}`;
      if (!(Number.isInteger(s.n) && s.n >= 1))
        throw new InputError(`${name}: n`, s.n, 'a whole number ≥ 1');
      if (!(Number.isInteger(s.events) && s.events >= 0 && s.events <= s.n))
        throw new InputError(`${name}: events`, s.events, `a whole number from 0 to ${s.n}`);
    });
    lik = ploLikelihood(
      studies.map((s) => s.events),
      studies.map((s) => s.n),
    );
    const x = studies.reduce((s, r) => s + r.events, 0);
    const n = studies.reduce((s, r) => s + r.n, 0);
    start = Math.log((x + 0.5) / (n - x + 0.5));
    k = studies.length;
    rows = studies.map((s, i) => {
      const cp = proportionCi(s.events, s.n, { method: 'exact', level });
      return {
        study: s.study ?? `Study ${i + 1}`,
        yi: Math.log(s.events / (s.n - s.events)),
        proportion: s.events / s.n,
        ci: { lower: cp.ci.lower, upper: cp.ci.upper, level, method: 'clopper-pearson' },
      };
    });
  } else {
    const tables = (data as readonly BinaryStudy[]).map((t, i) => ({
      ...t,
      study: t.study ?? `Study ${i + 1}`,
    }));
    for (const t of tables) {
      for (const [cell, n] of [
        ['events1', 'n1'],
        ['events2', 'n2'],
      ] as const) {
        if (!(Number.isInteger(t[n]) && t[n] >= 1))
          throw new InputError(`${t.study}: ${n}`, t[n], 'a whole number ≥ 1');
        if (!(Number.isInteger(t[cell]) && t[cell] >= 0 && t[cell] <= t[n]))
          throw new InputError(`${t.study}: ${cell}`, t[cell], `a whole number from 0 to ${t[n]}`);
      }
    }
    const informative = tables.filter((t) => {
      const none = t.events1 === 0 && t.events2 === 0;
      const all = t.events1 === t.n1 && t.events2 === t.n2;
      if (none || all)
        warnings.push(
          warning('study-dropped', {
            study: t.study,
            reason: `${none ? 'no events' : 'every patient had the event'} in both arms: no information on the odds ratio`,
          }),
        );
      return !(none || all);
    });
    if (informative.length === 0)
      throw new InputError(
        'studies',
        0,
        'at least one table with events in one arm and non-events in one arm',
      );
    lik = model === 'UM.FS' ? umfsLikelihood(informative) : cmelLikelihood(informative);
    const sum = (f: (t: BinaryStudy) => number): number =>
      informative.reduce((s, t) => s + f(t), 0);
    start = Math.log(
      ((sum((t) => t.events1) + 0.5) * (sum((t) => t.n2 - t.events2) + 0.5)) /
        ((sum((t) => t.n1 - t.events1) + 0.5) * (sum((t) => t.events2) + 0.5)),
    );
    k = informative.length;
    rows = informative.map((t) => ({
      study: t.study,
      yi: Math.log((t.events1 * (t.n2 - t.events2)) / ((t.n1 - t.events1) * t.events2)),
      ci: null,
    }));
  }
  const fit = maximise(lik, start, points);
  if (!fit.converged)
    warnings.push(
      warning('tau2-not-converged', {
        method: `GLMM (${model})`,
        detail: 'the Nelder–Mead search did not converge; last value used',
      }),
    );
  const variance = muVariance(lik, fit.mu, fit.tau, points);
  const se = Math.sqrt(variance);
  const tau2 = fit.tau * fit.tau;
  const statistic = fit.mu / se;
  const ci = { lower: fit.mu - z * se, upper: fit.mu + z * se, level, method: 'wald-z' as const };
  const sePred = Math.sqrt(variance + tau2);
  const pi = {
    lower: fit.mu - z * sePred,
    upper: fit.mu + z * sePred,
    type: 'z' as const,
    df: null,
  };
  const back = model === 'PLO' ? expit : Math.exp;
  const stability = stabilityPoints
    .filter((q) => q !== points)
    .map((q) => {
      const other = maximise(lik, fit.mu, q);
      return { points: q, estimate: other.mu, tau2: other.tau ** 2, logLik: other.logLik };
    });
  return freeze({
    measure: model === 'PLO' ? ('PLO' as const) : ('OR' as const),
    model,
    method: 'ML' as const,
    k,
    estimate: fit.mu,
    se,
    ci,
    statistic,
    p: 2 * normalSf(Math.abs(statistic)),
    tau2,
    tau: fit.tau,
    pi,
    transformed: {
      estimate: back(fit.mu),
      ci: { lower: back(ci.lower), upper: back(ci.upper) },
      pi: { lower: back(pi.lower), upper: back(pi.upper) },
      transform: model === 'PLO' ? ('inverse-logit' as const) : ('exp' as const),
    },
    logLik: fit.logLik,
    points,
    stability,
    studies: rows,
    convergence: { iterations: fit.iterations, converged: fit.converged },
    warnings: messages(warnings),
    codedWarnings: warnings,
  });
}

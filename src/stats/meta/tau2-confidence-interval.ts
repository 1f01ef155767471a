import { InputError } from '../../errors.js';
import { chiSquareQuantile } from '../dist/index.js';
import type { EffectSizes } from './effect-sizes.js';
import { weightedFit } from './weighted-fit.js';
import { zeroin } from '../numeric/zeroin.js';

export interface Tau2Interval {
  lower: number;
  upper: number;
  level: number;
  method: 'Q-profile';
  /** `null` when the bound was found; otherwise what was returned instead (e.g. 'below 0'). */
  lowerNote: string | null;
  upperNote: string | null;
  warnings: string[];
}

/**
 * Q-profile confidence interval for τ² (Viechtbauer 2007, Stat Med 26:37–52, eq. 14), as
 * metafor `confint.rma.uni(type = "QP")`: the bounds solve the generalised Q statistic
 * Q(τ²) = Σ (yᵢ − μ̂(τ²))²/(vᵢ + τ²) = χ²_{k−1; 1−α/2} (lower) and χ²_{k−1; α/2} (upper),
 * searched on [0, max(100, 10 τ̂²)] with R's uniroot algorithm (default tol eps^0.25, as
 * metafor). A bound that falls below 0 is reported as 0 with a note.
 * @example tau2ConfidenceInterval(binaryEffectSizes(bcg, 'RR'), { estimate: 0.313243325980895 }).upper // 1.1114862622154404
 */
export function tau2ConfidenceInterval(
  effects: Pick<EffectSizes, 'studies'>,
  options: { level?: number; estimate?: number; tol?: number; maxiter?: number } = {},
): Tau2Interval {
  const {
    level = 0.95,
    estimate = 0,
    tol = 2.220446049250313e-16 ** 0.25,
    maxiter = 1000,
  } = options;
  if (!(level > 0 && level < 1)) throw new InputError('level', level, 'a level in (0, 1)');
  const yi = effects.studies.map((s) => s.yi);
  const vi = effects.studies.map((s) => s.vi);
  const k = yi.length;
  if (k < 2) throw new InputError('studies', k, 'at least 2 studies for a τ² interval');
  const X = yi.map(() => [1]);
  const alpha = 1 - level;
  const critUpper = chiSquareQuantile(1 - alpha / 2, k - 1); // gives the lower bound of τ²
  const critLower = chiSquareQuantile(alpha / 2, k - 1); // gives the upper bound
  const tau2Min = Math.min(0, estimate);
  const tau2Max = Math.max(100, estimate * 10, tau2Min * 10);
  const qgen = (tau2: number): number =>
    weightedFit(
      yi,
      X,
      vi.map((v) => 1 / (v + tau2)),
    ).rss;
  const qMin = qgen(tau2Min);
  const qMax = qgen(tau2Max);
  const warnings: string[] = [];
  const solve = (target: number): number => {
    const r = zeroin((t) => qgen(t) - target, tau2Min, tau2Max, {
      tol,
      maxiter,
      fLower: qMin - target,
      fUpper: qMax - target,
    });
    if (!r.converged)
      warnings.push('Q-profile: root finding for a τ² bound did not converge; last value used');
    return r.root;
  };
  let lower: number;
  let upper: number;
  let lowerNote: string | null = null;
  let upperNote: string | null = null;
  if (qMin < critLower) {
    lower = upper = tau2Min;
    lowerNote = upperNote =
      'below 0: the interval is null (Q(0) is below the lower critical value)';
  } else {
    if (qMax > critLower) {
      upper = tau2Max;
      upperNote = `above ${tau2Max}`;
    } else upper = solve(critLower);
    if (qMin < critUpper) {
      lower = tau2Min;
      if (tau2Min > 0) lowerNote = `below ${tau2Min}`;
    } else if (qMax > critUpper) {
      lower = tau2Max;
      lowerNote = `above ${tau2Max}`;
    } else lower = solve(critUpper);
  }
  for (const note of [lowerNote, upperNote])
    if (note && !warnings.includes(note)) warnings.push(`τ² CI bound ${note}`);
  return { lower, upper, level, method: 'Q-profile', lowerNote, upperNote, warnings };
}

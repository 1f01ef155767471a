import { InputError } from '../../errors.js';
import { normalQuantile, normalSf } from '../dist/index.js';
import { freeze } from '../types.js';

export type NormalPriorKind = 'reference' | 'sceptical' | 'enthusiastic' | 'custom';

export interface NormalPrior {
  kind: NormalPriorKind;
  /** Prior mean and SD (reference: SD ∞). */
  mean: number;
  sd: number;
}

/**
 * Spiegelhalter's community of priors for a treatment effect θ (Spiegelhalter DJ, Abrams KR,
 * Myles JP. Bayesian Approaches to Clinical Trials and Health-Care Evaluation, 2004, §5.5):
 * sceptical N(0, σ²) with P(θ > δA) = γ; enthusiastic N(δA, σ²) with P(θ < 0) = γ; both
 * σ = δA / z_{1−γ} (γ default 0.05); reference: flat (the posterior is the likelihood).
 * @example normalPrior('sceptical', 20) // { mean: 0, sd: 12.159 } (20 / 1.645)
 */
export function normalPrior(
  kind: Exclude<NormalPriorKind, 'custom'>,
  deltaA = 0,
  gamma = 0.05,
): NormalPrior {
  if (kind === 'reference') return { kind, mean: 0, sd: Infinity };
  if (!(deltaA !== 0 && Number.isFinite(deltaA)))
    throw new InputError('deltaA', deltaA, 'a non-zero alternative effect δA');
  if (!(gamma > 0 && gamma < 0.5))
    throw new InputError('gamma', gamma, 'a probability in (0, 0.5)');
  const sd = Math.abs(deltaA) / normalQuantile(1 - gamma);
  return { kind, mean: kind === 'sceptical' ? 0 : deltaA, sd };
}

export interface NormalPosterior {
  prior: NormalPrior;
  /** The likelihood: estimate and its SE. */
  estimate: number;
  se: number;
  mean: number;
  sd: number;
  credible: { lower: number; upper: number; level: number };
  /** P(θ > threshold | data) for each threshold. */
  above: { threshold: number; probability: number }[];
}

/**
 * Normal–normal posterior of a treatment effect from a published estimate and SE (Spiegelhalter
 * et al. 2004, §3.6): precision-weighted mean (μ0/σ0² + y/s²)/(1/σ0² + 1/s²), variance
 * 1/(1/σ0² + 1/s²); P(θ > t) = Φ((mean − t)/sd).
 * @example normalPosterior(34.4, 16.1, normalPrior('sceptical', 20), [0, 20]).above[1].probability
 */
export function normalPosterior(
  estimate: number,
  se: number,
  prior: NormalPrior,
  thresholds: readonly number[] = [0],
  level = 0.95,
): NormalPosterior {
  if (!Number.isFinite(estimate)) throw new InputError('estimate', estimate, 'a finite number');
  if (!(se > 0 && Number.isFinite(se))) throw new InputError('se', se, 'a positive standard error');
  if (!(prior.sd > 0))
    throw new InputError('prior sd', prior.sd, 'a positive SD (∞ for a flat prior)');
  const wPrior = Number.isFinite(prior.sd) ? 1 / prior.sd ** 2 : 0;
  const wData = 1 / se ** 2;
  const mean = (wPrior * prior.mean + wData * estimate) / (wPrior + wData);
  const sd = Math.sqrt(1 / (wPrior + wData));
  const z = normalQuantile((1 + level) / 2);
  return freeze({
    prior: { ...prior },
    estimate,
    se,
    mean,
    sd,
    credible: { lower: mean - z * sd, upper: mean + z * sd, level },
    above: thresholds.map((t) => ({ threshold: t, probability: normalSf((t - mean) / sd) })),
  });
}

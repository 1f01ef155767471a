import { normalQuantile } from '../dist/normal.js';
import { InputError } from '../../errors.js';
import { freeze, type Estimate } from '../types.js';
import { hedgesCorrection } from './hedges-correction.js';
import { armDerivations } from './arm-derivations.js';
import type { ArmSummary, Derivation } from './types.js';
import { assertArm, assertChoice, assertLevel } from './validate.js';

export type SmdVariant = 'hedges-g' | 'cohen-d' | 'glass-delta' | 'glass-delta-corrected';

export const SMD_VARIANTS: readonly SmdVariant[] = ['hedges-g', 'cohen-d', 'glass-delta', 'glass-delta-corrected'];

export interface StandardizedMeanDifferenceOptions {
  /**
   * - `hedges-g` (default): pooled SD, exact correction J(n₁+n₂−2) — metafor `escalc("SMD")`
   * - `cohen-d`: pooled SD, no correction
   * - `glass-delta`: arm 2's (the control's) SD, no correction
   * - `glass-delta-corrected`: arm 2's SD with J(n₂−1) — metafor `escalc("SMD1")`
   */
  variant?: SmdVariant;
  /** Confidence level, default 0.95. */
  level?: number;
}

export interface StandardizedMeanDifferenceResult extends Estimate {
  measure: 'SMD';
  se: number;
  /** Sampling variance (large-sample, metafor vtype "LS"): se². */
  variance: number;
  variant: SmdVariant;
  /** The SD the difference was divided by. */
  standardizer: number;
  /** Small-sample correction factor applied (1 when none). */
  correction: number;
  derivation: Derivation[];
}

/**
 * Standardised mean difference (arm 1 − arm 2) / SD with its large-sample variance and a
 * normal-theory interval, as metafor's `escalc` with `vtype = "LS"`:
 *
 * pooled SD s_p = √{[(n₁−1)s₁² + (n₂−1)s₂²]/(n₁+n₂−2)}; d = (m₁ − m₂)/s_p; g = J(n₁+n₂−2)·d;
 * v = 1/n₁ + 1/n₂ + y²/(2N), with N = n₁ + n₂ for the pooled SD and N = n₂ for Glass's Δ;
 * CI y ± z_{1−α/2}·√v.
 *
 * Reference: Hedges LV, Olkin I. Statistical Methods for Meta-Analysis, 1985, ch. 5
 * (eq. 5.15 for the variance); Borenstein M et al. Introduction to Meta-Analysis, 2009, ch. 4;
 * Viechtbauer W. metafor `escalc` (measures "SMD", "SMD1").
 *
 * @example
 * standardizedMeanDifference({ n: 22, mean: -4.1, sd: 52 }, { n: 22, mean: -38.5, sd: 52 })
 * // estimate 0.64964, se 0.30936, ci [0.04330, 1.25598] (hedges-g)
 */
export function standardizedMeanDifference(
  arm1: ArmSummary,
  arm2: ArmSummary,
  options: StandardizedMeanDifferenceOptions = {},
): StandardizedMeanDifferenceResult {
  const { variant = 'hedges-g', level = 0.95 } = options;
  assertArm('arm1', arm1);
  assertArm('arm2', arm2);
  assertLevel('level', level);
  assertChoice('variant', variant, SMD_VARIANTS);
  const glass = variant === 'glass-delta' || variant === 'glass-delta-corrected';
  let standardizer: number;
  let correction = 1;
  let nVariance: number;
  if (glass) {
    standardizer = arm2.sd;
    nVariance = arm2.n;
    if (variant === 'glass-delta-corrected') {
      if (arm2.n < 3) throw new InputError('arm2.n', arm2.n, 'a whole number ≥ 3 for the corrected Glass Δ (J needs n₂ − 1 > 1)');
      correction = hedgesCorrection(arm2.n - 1);
    }
  } else {
    const m = arm1.n + arm2.n - 2;
    standardizer = Math.sqrt(((arm1.n - 1) * arm1.sd ** 2 + (arm2.n - 1) * arm2.sd ** 2) / m);
    nVariance = arm1.n + arm2.n;
    if (variant === 'hedges-g') correction = hedgesCorrection(m);
  }
  const estimate = correction * ((arm1.mean - arm2.mean) / standardizer);
  const variance = 1 / arm1.n + 1 / arm2.n + estimate ** 2 / (2 * nVariance);
  const se = Math.sqrt(variance);
  const half = normalQuantile(1 - (1 - level) / 2) * se;
  return freeze({
    measure: 'SMD',
    estimate,
    se,
    variance,
    variant,
    standardizer,
    correction,
    ci: { lower: estimate - half, upper: estimate + half, level, method: 'normal (large-sample variance)' },
    derivation: armDerivations(arm1, arm2),
    warnings: [],
  });
}

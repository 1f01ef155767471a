import { normalQuantile } from '../dist/normal.js';
import { InputError } from '../../errors.js';
import { defineMethods, type MethodEntry, type MethodId } from '../method-registry.js';
import { freeze, type Estimate } from '../types.js';
import { hedgesCorrection } from './hedges-correction.js';
import { armDerivations } from './arm-derivations.js';
import type { ArmSummary, Derivation } from './types.js';
import { assertArm, assertLevel } from './validate.js';

/** What an SMD variant decides: the SD divided by, the small-sample factor, and the N of the variance. */
export interface SmdScaling {
  standardizer: number;
  /** Small-sample correction factor J (1 when none). */
  correction: number;
  /** N in v = 1/n₁ + 1/n₂ + y²/(2N). */
  nVariance: number;
}

/** A registry entry of `SMD_METHODS`. */
export type SmdMethod = MethodEntry<string, (arm1: ArmSummary, arm2: ArmSummary) => SmdScaling>;

const pooledSd = (arm1: ArmSummary, arm2: ArmSummary): number =>
  Math.sqrt(((arm1.n - 1) * arm1.sd ** 2 + (arm2.n - 1) * arm2.sd ** 2) / (arm1.n + arm2.n - 2));

/** The SMD variants; `hedges-g` (metafor's "SMD") is the default. */
export const SMD_METHODS = defineMethods('standardised mean difference', [
  {
    id: 'hedges-g',
    label: "Hedges' g",
    formula: 'J(m)·(mean1 − mean2)/s_pooled, J(m) = Γ(m/2)/(√(m/2)·Γ((m − 1)/2)), m = n1 + n2 − 2',
    reference: 'Hedges LV. J Educ Stat 1981;6:107–128; as metafor escalc("SMD")',
    run: (arm1, arm2) => ({
      standardizer: pooledSd(arm1, arm2),
      correction: hedgesCorrection(arm1.n + arm2.n - 2),
      nVariance: arm1.n + arm2.n,
    }),
  },
  {
    id: 'cohen-d',
    label: "Cohen's d",
    formula: '(mean1 − mean2)/s_pooled',
    reference:
      'Cohen J. Statistical Power Analysis for the Behavioral Sciences, 2nd ed., 1988, ch. 2',
    run: (arm1, arm2) => ({
      standardizer: pooledSd(arm1, arm2),
      correction: 1,
      nVariance: arm1.n + arm2.n,
    }),
  },
  {
    id: 'glass-delta',
    label: "Glass's Δ",
    formula: "(mean1 − mean2)/sd2 (the control arm's SD)",
    reference: 'Glass GV. Educ Res 1976;5:3–8',
    run: (_arm1, arm2) => ({ standardizer: arm2.sd, correction: 1, nVariance: arm2.n }),
  },
  {
    id: 'glass-delta-corrected',
    label: "Glass's Δ, bias-corrected",
    formula: 'J(n2 − 1)·(mean1 − mean2)/sd2',
    reference:
      'Hedges LV, Olkin I. Statistical Methods for Meta-Analysis, 1985, ch. 5; as metafor escalc("SMD1")',
    run: (_arm1, arm2) => {
      if (arm2.n < 3)
        throw new InputError(
          'arm2.n',
          arm2.n,
          'a whole number ≥ 3 for the corrected Glass Δ (J needs n₂ − 1 > 1)',
        );
      return { standardizer: arm2.sd, correction: hedgesCorrection(arm2.n - 1), nVariance: arm2.n };
    },
  },
] as const satisfies readonly SmdMethod[]);

export type SmdVariant = MethodId<typeof SMD_METHODS>;

/** The variant ids (kept for callers of 0.1; the registry is `SMD_METHODS`). */
export const SMD_VARIANTS: readonly SmdVariant[] = SMD_METHODS.ids;

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
  const { variant = SMD_METHODS.defaultId, level = 0.95 } = options;
  assertArm('arm1', arm1);
  assertArm('arm2', arm2);
  assertLevel('level', level);
  const { standardizer, correction, nVariance } = SMD_METHODS.get(variant, 'variant').run(
    arm1,
    arm2,
  );
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
    ci: {
      lower: estimate - half,
      upper: estimate + half,
      level,
      method: 'normal (large-sample variance)',
    },
    derivation: armDerivations(arm1, arm2),
    warnings: [],
  });
}

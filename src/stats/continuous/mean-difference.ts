import { tCdf, tQuantile, tSf } from '../dist/student-t.js';
import { freeze, type Alternative, type Estimate, type TestResult } from '../types.js';
import { armDerivations } from './arm-derivations.js';
import type { ArmSummary, Derivation } from './types.js';
import { assertArm, assertChoice, assertLevel } from './validate.js';

export interface MeanDifferenceOptions {
  /** `unequal` (Welch, default) or `equal` (Student, pooled variance). */
  variance?: 'unequal' | 'equal';
  /** Confidence level, default 0.95. */
  level?: number;
  /** Default `two-sided`; `less`/`greater` give one-sided p and a one-sided interval. */
  alternative?: Alternative;
}

export interface MeanDifferenceResult extends Estimate {
  measure: 'MD';
  /** Mean of arm 1 minus mean of arm 2. */
  estimate: number;
  se: number;
  /** Degrees of freedom (Welch–Satterthwaite, non-integer, or n1 + n2 − 2). */
  df: number;
  test: Required<Pick<TestResult, 'name' | 'statistic' | 'df' | 'p' | 'alternative'>>;
  /** How any arm summary was derived (empty when all were reported). */
  derivation: Derivation[];
}

/**
 * Difference in means (arm 1 − arm 2) with a two-sample t-test from summary statistics,
 * with the same arithmetic as R's `t.test(x, y, var.equal, conf.level, alternative)`.
 *
 * Welch: SE = √(s₁²/n₁ + s₂²/n₂), df = SE⁴ / [(s₁²/n₁)²/(n₁−1) + (s₂²/n₂)²/(n₂−1)].
 * Student: s_p² = [(n₁−1)s₁² + (n₂−1)s₂²]/(n₁+n₂−2), SE = s_p√(1/n₁ + 1/n₂), df = n₁+n₂−2.
 * t = MD/SE; two-sided CI MD ± t_{1−α/2, df}·SE; one-sided intervals are open on one side
 * (±Infinity) with t_{level, df}.
 *
 * Reference: Welch BL. Biometrika 1947;34:28–35; R Core Team, `stats::t.test`.
 *
 * @example
 * meanDifference({ n: 22, mean: -4.1, sd: 52 }, { n: 22, mean: -38.5, sd: 52 })
 * // estimate 34.4, se 15.6786, df 42.0, test.p 0.03381, ci [2.759, 66.041] (welch-t)
 */
export function meanDifference(
  arm1: ArmSummary,
  arm2: ArmSummary,
  options: MeanDifferenceOptions = {},
): MeanDifferenceResult {
  const { variance = 'unequal', level = 0.95, alternative = 'two-sided' } = options;
  assertArm('arm1', arm1);
  assertArm('arm2', arm2);
  assertLevel('level', level);
  assertChoice('variance', variance, ['unequal', 'equal']);
  assertChoice('alternative', alternative, ['two-sided', 'less', 'greater']);
  const v1 = arm1.sd ** 2;
  const v2 = arm2.sd ** 2;
  let se: number;
  let df: number;
  if (variance === 'equal') {
    df = arm1.n + arm2.n - 2;
    const pooled = ((arm1.n - 1) * v1 + (arm2.n - 1) * v2) / df;
    se = Math.sqrt(pooled * (1 / arm1.n + 1 / arm2.n));
  } else {
    const a = v1 / arm1.n;
    const b = v2 / arm2.n;
    se = Math.sqrt(a + b);
    df = se ** 4 / (a ** 2 / (arm1.n - 1) + b ** 2 / (arm2.n - 1));
  }
  const estimate = arm1.mean - arm2.mean;
  const statistic = estimate / se;
  let p: number;
  let lower: number;
  let upper: number;
  if (alternative === 'less') {
    p = tCdf(statistic, df);
    lower = -Infinity;
    upper = estimate + tQuantile(level, df) * se;
  } else if (alternative === 'greater') {
    p = tSf(statistic, df);
    lower = estimate - tQuantile(level, df) * se;
    upper = Infinity;
  } else {
    p = 2 * tCdf(-Math.abs(statistic), df);
    const half = tQuantile(1 - (1 - level) / 2, df) * se;
    lower = estimate - half;
    upper = estimate + half;
  }
  const method = variance === 'equal' ? 'student-t' : 'welch-t';
  return freeze({
    measure: 'MD',
    estimate,
    se,
    df,
    ci: { lower, upper, level, method },
    test: {
      name: variance === 'equal' ? 'Student two-sample t' : 'Welch two-sample t',
      statistic,
      df,
      p,
      alternative,
    },
    derivation: armDerivations(arm1, arm2),
    warnings: [],
  });
}

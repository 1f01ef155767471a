import { normalQuantile } from '../dist/normal.js';
import { freeze, type Estimate } from '../types.js';
import { armDerivations } from './arm-derivations.js';
import type { ArmSummary, Derivation } from './types.js';
import { assertArm, assertLevel, assertPositive } from './validate.js';

export interface RatioOfMeansResult extends Estimate {
  measure: 'ROM';
  /** Ratio m₁/m₂ (natural scale). */
  estimate: number;
  /** SE of log(m₁/m₂). */
  se: number;
  /** log(m₁/m₂). */
  logEstimate: number;
  derivation: Derivation[];
}

/**
 * Ratio of means m₁/m₂ on the log scale (response ratio), as metafor's `escalc("ROM")`
 * with vtype "LS": y = log(m₁/m₂), v = s₁²/(n₁m₁²) + s₂²/(n₂m₂²) (delta method);
 * CI exp(y ± z_{1−α/2}√v). Both means must be positive.
 *
 * Reference: Hedges LV, Gurevitch J, Curtis PS. Ecology 1999;80:1150–6, eq. 1 and 9;
 * Friedrich JO et al. BMC Med Res Methodol 2008;8:32.
 *
 * @example
 * ratioOfMeans({ n: 22, mean: 300, sd: 52 }, { n: 22, mean: 280, sd: 60 })
 * // estimate 1.07143, se 0.05876, ci [0.95487, 1.20221]
 */
export function ratioOfMeans(
  arm1: ArmSummary,
  arm2: ArmSummary,
  options: { level?: number } = {},
): RatioOfMeansResult {
  const { level = 0.95 } = options;
  assertArm('arm1', arm1);
  assertArm('arm2', arm2);
  assertPositive('arm1.mean', arm1.mean);
  assertPositive('arm2.mean', arm2.mean);
  assertLevel('level', level);
  const logEstimate = Math.log(arm1.mean / arm2.mean);
  const se = Math.sqrt(
    arm1.sd ** 2 / (arm1.n * arm1.mean ** 2) + arm2.sd ** 2 / (arm2.n * arm2.mean ** 2),
  );
  const half = normalQuantile(1 - (1 - level) / 2) * se;
  return freeze({
    measure: 'ROM',
    estimate: Math.exp(logEstimate),
    se,
    logEstimate,
    ci: {
      lower: Math.exp(logEstimate - half),
      upper: Math.exp(logEstimate + half),
      level,
      method: 'log-normal (delta method)',
    },
    derivation: armDerivations(arm1, arm2),
    warnings: [],
  });
}

import { InputError } from '../../errors.js';
import { normalSf } from '../dist/normal.js';
import { freeze } from '../types.js';
import type { GroupSequentialDesign } from './group-sequential-design.js';
import { groupSequentialProbabilities } from './group-sequential-probabilities.js';

export interface GroupSequentialInterim {
  look: number;
  informationRate: number;
  estimate: number;
  se: number;
  /** estimate / se. */
  z: number;
  criticalValue: number;
  futilityBound?: number;
  decision: 'reject' | 'stop for futility' | 'continue' | 'do not reject';
  /** Repeated confidence interval: estimate ± c_k · se (J&T 2000, ch. 9). */
  repeatedCi: { lower: number; upper: number; level: number };
  /** Naive (unadjusted) p-value of z at this look. */
  naiveP: number;
  /**
   * Stage-wise ordering p-value (J&T §8.4), valid when the trial stops at this look:
   * Σ_{j<k} P_0(exit at j) + P_0(continue to k, Z_k ≥ z) (two-sided: |Z_k| ≥ |z|, both sides).
   */
  stagewiseP: number;
}

/**
 * An interim (or final) analysis of a group-sequential design at look k from an estimate and
 * its standard error: the decision against the design's bounds, the repeated confidence
 * interval estimate ± c_k·se (simultaneous coverage 1 − α for two-sided designs, 1 − 2α for
 * one-sided ones; Jennison & Turnbull 1989, 2000 ch. 9) and the stage-wise ordering p-value.
 * The non-binding futility bound is ignored for the p-value, as for the critical values.
 *
 * @example
 * groupSequentialInterim(groupSequentialDesign({ kMax: 3 }), { look: 2, estimate: 2.2, se: 1 }).stagewiseP
 * // 0.0139249 (mvtnorm::pmvnorm)
 */
export function groupSequentialInterim(
  design: GroupSequentialDesign,
  input: { look: number; estimate: number; se: number },
): GroupSequentialInterim {
  const { look, estimate, se } = input;
  if (!(Number.isInteger(look) && look >= 1 && look <= design.kMax))
    throw new InputError('look', look, `a look between 1 and ${design.kMax}`);
  if (!Number.isFinite(estimate)) throw new InputError('estimate', estimate, 'a finite number');
  if (!(se > 0 && Number.isFinite(se))) throw new InputError('se', se, 'a positive standard error');
  const k = look - 1;
  const z = estimate / se;
  const c = design.criticalValues[k];
  const futilityBound =
    design.futility && k < design.kMax - 1 ? design.futility.bounds[k] : undefined;
  const last = k === design.kMax - 1;
  const rejected = design.sided === 2 ? Math.abs(z) >= c : z >= c;
  const decision = rejected
    ? 'reject'
    : futilityBound !== undefined && z <= futilityBound
      ? 'stop for futility'
      : last
        ? 'do not reject'
        : 'continue';
  const rates = design.informationRates.slice(0, look);
  const absZ = design.sided === 2 ? Math.abs(z) : z;
  const upper = [...design.criticalValues.slice(0, k), absZ];
  const lower = design.sided === 2 ? upper.map((u) => -u) : upper.map(() => -Infinity);
  const p = groupSequentialProbabilities(rates, lower, upper, 0, { gridR: design.gridR });
  const stagewiseP = Math.min(
    1,
    p.upper.reduce((s, x) => s + x, 0) + p.lower.reduce((s, x) => s + x, 0),
  );
  return freeze({
    look,
    informationRate: design.informationRates[k],
    estimate,
    se,
    z,
    criticalValue: c,
    ...(futilityBound !== undefined ? { futilityBound } : {}),
    decision,
    repeatedCi: {
      lower: estimate - c * se,
      upper: estimate + c * se,
      level: 1 - (design.sided === 2 ? design.alpha : 2 * design.alpha),
    },
    naiveP: design.sided === 2 ? Math.min(1, 2 * normalSf(Math.abs(z))) : normalSf(z),
    stagewiseP,
  });
}

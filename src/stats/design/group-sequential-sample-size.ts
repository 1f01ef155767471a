import { InputError } from '../../errors.js';
import { normalQuantile } from '../dist/normal.js';
import { freeze } from '../types.js';
import type { GroupSequentialDesign } from './group-sequential-design.js';

/** The end point whose maximum sample size (or number of events) is planned. */
export type GroupSequentialEndpoint =
  | { kind: 'means'; groups?: 1 | 2; delta: number; sd: number; allocation?: number }
  | { kind: 'rates'; groups: 2; p1: number; p2: number; allocation?: number }
  | { kind: 'rates'; groups: 1; p1: number; p0: number }
  | { kind: 'survival'; hazardRatio: number; allocation?: number };

export interface GroupSequentialSampleSize {
  endpoint: GroupSequentialEndpoint;
  /** 'subjects' (means, rates) or 'events' (survival). */
  unit: 'subjects' | 'events';
  /** The fixed (single-look) design with the same α, β and effect. */
  nFixed: number;
  /** Maximum: inflationFactor × nFixed (not rounded). */
  nMax: number;
  /** Cumulative sample size (or events) at each look: t_k × nMax. */
  perLook: number[];
  /** Expected sample size under H0, θ/2 and H1 (futility bound followed). */
  expectedH0: number;
  expectedHalf: number;
  expectedH1: number;
  formula: string;
}

/**
 * Maximum and expected sample size of a group-sequential design for a normal-approximation
 * test (as rpact's getSampleSizeMeans/Rates with `normalApproximation = TRUE` and
 * getSampleSizeSurvival's events): N_max = IF × N_fixed, IF the design's inflation factor,
 * E[N | θ] = ASN(θ) × N_fixed. With z = z_{1−α/s} + z_{1−β}, r = n1/n2 the allocation ratio:
 * - means, two groups: N_fixed = (1 + r)²/r · σ² z² / δ²; one group: σ² z² / δ²;
 * - rates, two groups: N_fixed = (z_{1−α/s}√(p̄q̄(1 + r)²/r) + z_{1−β}√((1 + r)(p1q1/r + p2q2)))² / (p1 − p2)², p̄ = (r p1 + p2)/(1 + r);
 *   one group: (z_{1−α/s}√(p0q0) + z_{1−β}√(p1q1))² / (p1 − p0)²;
 * - survival (Schoenfeld 1981): events D_fixed = (1 + r)²/r · z² / log²(HR).
 *
 * @example
 * groupSequentialSampleSize(groupSequentialDesign({ kMax: 3 }), { kind: 'survival', hazardRatio: 0.7 }).nMax
 * // 249.9447 events (rpact getSampleSizeSurvival maxNumberOfEvents)
 */
export function groupSequentialSampleSize(
  design: GroupSequentialDesign,
  endpoint: GroupSequentialEndpoint,
): GroupSequentialSampleSize {
  const za = normalQuantile(1 - design.alpha / design.sided);
  const zb = normalQuantile(1 - design.beta);
  const z2 = (za + zb) ** 2;
  const allocation =
    'allocation' in endpoint && endpoint.allocation !== undefined ? endpoint.allocation : 1;
  if (!(allocation > 0 && Number.isFinite(allocation)))
    throw new InputError('allocation', allocation, 'a positive ratio n1/n2');
  const r = allocation;
  let nFixed: number;
  let formula: string;
  let unit: 'subjects' | 'events' = 'subjects';
  if (endpoint.kind === 'means') {
    if (!(endpoint.sd > 0))
      throw new InputError('sd', endpoint.sd, 'a positive standard deviation');
    if (!(endpoint.delta !== 0 && Number.isFinite(endpoint.delta)))
      throw new InputError('delta', endpoint.delta, 'a non-zero difference');
    const ratio = (endpoint.sd / endpoint.delta) ** 2;
    if ((endpoint.groups ?? 2) === 1) {
      nFixed = z2 * ratio;
      formula = 'N_fixed = σ² (z_{1−α} + z_{1−β})² / δ²';
    } else {
      nFixed = ((1 + r) ** 2 / r) * z2 * ratio;
      formula = 'N_fixed = (1 + r)²/r · σ² (z_{1−α} + z_{1−β})² / δ²';
    }
  } else if (endpoint.kind === 'rates') {
    const probs = endpoint.groups === 1 ? [endpoint.p1, endpoint.p0] : [endpoint.p1, endpoint.p2];
    for (const p of probs)
      if (!(p > 0 && p < 1))
        throw new InputError('rate', p, 'a proportion strictly between 0 and 1');
    if (probs[0] === probs[1])
      throw new InputError('p1', probs[0], 'a rate different from the comparator');
    if (endpoint.groups === 1) {
      const { p1, p0 } = endpoint;
      nFixed =
        (za * Math.sqrt(p0 * (1 - p0)) + zb * Math.sqrt(p1 * (1 - p1))) ** 2 / (p1 - p0) ** 2;
      formula = 'N_fixed = (z_{1−α}√(p0 q0) + z_{1−β}√(p1 q1))² / (p1 − p0)²';
    } else {
      const { p1, p2 } = endpoint;
      const pbar = (r * p1 + p2) / (1 + r);
      const v0 = (pbar * (1 - pbar) * (1 + r) ** 2) / r;
      const v1 = (1 + r) * ((p1 * (1 - p1)) / r + p2 * (1 - p2));
      nFixed = (za * Math.sqrt(v0) + zb * Math.sqrt(v1)) ** 2 / (p1 - p2) ** 2;
      formula =
        'N_fixed = (z_{1−α}√(p̄q̄(1 + r)²/r) + z_{1−β}√((1 + r)(p1q1/r + p2q2)))² / (p1 − p2)²';
    }
  } else if (endpoint.kind === 'survival') {
    const hr = endpoint.hazardRatio;
    if (!(hr > 0 && hr !== 1 && Number.isFinite(hr)))
      throw new InputError('hazardRatio', hr, 'a positive hazard ratio other than 1');
    nFixed = (((1 + r) ** 2 / r) * z2) / Math.log(hr) ** 2;
    formula = 'D_fixed = (1 + r)²/r · (z_{1−α} + z_{1−β})² / log²(HR) (Schoenfeld 1981)';
    unit = 'events';
  } else {
    throw new InputError(
      'endpoint',
      (endpoint as { kind: string }).kind,
      'means, rates or survival',
    );
  }
  const nMax = design.inflationFactor * nFixed;
  return freeze({
    endpoint,
    unit,
    nFixed,
    nMax,
    perLook: design.informationRates.map((t) => t * nMax),
    expectedH0: design.underH0.averageSampleNumber * nFixed,
    expectedHalf: design.underHalf.averageSampleNumber * nFixed,
    expectedH1: design.underH1.averageSampleNumber * nFixed,
    formula,
  });
}

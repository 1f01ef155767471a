import { InputError } from '../../errors.js';
import { freeze } from '../types.js';
import type { BinaryStudy } from './binary-effect-sizes.js';
import { eggerTest } from './egger-test.js';
import { studyLabel } from './effect-sizes.js';

export interface HarbordTestResult {
  /** Intercept of Z/√V on √V: the asymmetry ("bias") coefficient. */
  bias: number;
  se: number;
  /** t statistic on k − 2 df. */
  statistic: number;
  df: number;
  p: number;
  /** Slope of Z/√V on √V (≈ the log odds ratio). */
  slope: number;
  k: number;
  dropped: { study: string; reason: string }[];
  warnings: string[];
}

/**
 * Harbord's modified Egger test for binary outcomes (Harbord RM, Egger M, Sterne JAC 2006,
 * Stat Med 25:3443): with the efficient score Z = a − n₁(a + c)/N and its variance
 * V = n₁n₂(a + c)(b + d)/(N²(N − 1)) (the hypergeometric moments of the treated events),
 * regress Z/√V on √V by least squares and test the intercept with t(k − 2). Z and V need no
 * zero-cell correction; a study with no events (or only events) has V = 0 and is left out.
 * Computed as Egger's weighted regression of Z/V on 1/√V (the same fit, intercept and slope swapped).
 * @example harbordTest(egger2001).p // 0.626406649301529 (dat.egger2001, magnesium trials)
 */
export function harbordTest(studies: readonly BinaryStudy[]): HarbordTestResult {
  const dropped: HarbordTestResult['dropped'] = [];
  const kept: { study: string; yi: number; vi: number }[] = [];
  studies.forEach((s, i) => {
    const label = studyLabel(s.study, i);
    const { events1: a, n1, events2: c, n2 } = s;
    for (const [name, v, max] of [
      ['events1', a, n1],
      ['events2', c, n2],
    ] as const) {
      if (!(Number.isInteger(v) && v >= 0 && v <= max))
        throw new InputError(`${label}: ${name}`, v, `a whole number in 0 … ${max}`);
    }
    const N = n1 + n2;
    const m1 = a + c;
    const V = (n1 * n2 * m1 * (N - m1)) / (N * N * (N - 1));
    if (!(V > 0)) {
      dropped.push({
        study: label,
        reason: m1 === 0 ? 'no events in either arm' : 'events in every participant',
      });
      return;
    }
    const Z = a - (n1 * m1) / N;
    kept.push({ study: label, yi: Z / V, vi: 1 / V });
  });
  if (kept.length < 3)
    throw new InputError(
      'studies',
      kept.length,
      'at least 3 studies with events (and non-events) for Harbord’s test',
    );
  const fit = eggerTest(
    { measure: 'OR', studies: kept, dropped: [], warnings: [] },
    { model: 'lm' },
  );
  const warnings = [...fit.warnings];
  for (const d of dropped) warnings.push(`${d.study} left out: ${d.reason}`);
  return freeze({
    bias: fit.slope,
    se: fit.slopeSe,
    statistic: fit.statistic,
    df: fit.df!,
    p: fit.p,
    slope: fit.limitEstimate!,
    k: kept.length,
    dropped,
    warnings,
  });
}

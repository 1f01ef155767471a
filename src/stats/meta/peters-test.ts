import { InputError } from '../../errors.js';
import { tSf } from '../dist/index.js';
import { freeze } from '../types.js';
import { binaryEffectSizes, type BinaryStudy } from './binary-effect-sizes.js';
import { studyLabel } from './effect-sizes.js';
import { weightedFit } from './weighted-fit.js';

export interface PetersTestResult {
  /** Slope of the log odds ratio on 1/N: the asymmetry coefficient. */
  slope: number;
  se: number;
  statistic: number;
  df: number;
  p: number;
  /** Intercept: the log odds ratio extrapolated to an infinitely large study. */
  intercept: number;
  k: number;
  dropped: { study: string; reason: string }[];
  warnings: string[];
}

/**
 * Peters' regression test for binary outcomes (Peters JL et al. 2006, JAMA 295:676–680):
 * weighted least squares of the log odds ratio on 1/N (N the total sample size) with weights
 * 1/(1/(a + c) + 1/(b + d)) (total events and non-events), residual variance estimated; the
 * slope is tested with t(k − 2). Log odds ratios as `binaryEffectSizes(…, 'OR')` (0.5 added to
 * tables with a zero cell); studies without events, or without non-events, have no weight and
 * are left out.
 * @example petersTest(egger2001).p // 0.00139391624030908 (dat.egger2001)
 */
export function petersTest(studies: readonly BinaryStudy[]): PetersTestResult {
  const dropped: PetersTestResult['dropped'] = [];
  const kept: BinaryStudy[] = [];
  studies.forEach((s, i) => {
    const events = s.events1 + s.events2;
    const nonEvents = s.n1 - s.events1 + s.n2 - s.events2;
    const label = studyLabel(s.study, i);
    if (events === 0 || nonEvents === 0)
      dropped.push({
        study: label,
        reason: events === 0 ? 'no events in either arm' : 'events in every participant',
      });
    else kept.push({ ...s, study: label });
  });
  const k = kept.length;
  if (k < 3)
    throw new InputError(
      'studies',
      k,
      'at least 3 studies with events (and non-events) for Peters’ test',
    );
  const es = binaryEffectSizes(kept, 'OR');
  const yi = es.studies.map((s) => s.yi);
  const X = kept.map((s) => [1, 1 / (s.n1 + s.n2)]);
  const w = kept.map(
    (s) => 1 / (1 / (s.events1 + s.events2) + 1 / (s.n1 - s.events1 + s.n2 - s.events2)),
  );
  const fit = weightedFit(yi, X, w);
  const sigma2 = fit.rss / (k - 2);
  const se = Math.sqrt(sigma2 * fit.vb[1][1]);
  const statistic = fit.beta[1] / se;
  const warnings = [...es.warnings];
  if (k < 10)
    warnings.push(
      `only ${k} studies: regression tests for funnel asymmetry have little power below 10 (Cochrane Handbook §13.3.5.4)`,
    );
  for (const d of dropped) warnings.push(`${d.study} left out: ${d.reason}`);
  return freeze({
    slope: fit.beta[1],
    se,
    statistic,
    df: k - 2,
    p: 2 * tSf(Math.abs(statistic), k - 2),
    intercept: fit.beta[0],
    k,
    dropped,
    warnings,
  });
}

import { InputError } from '../../errors.js';
import {
  PROPORTION_INTERVALS,
  proportionCi,
  type ProportionCiMethod,
} from '../proportion/proportion-ci.js';
import { assertCounts } from '../proportion/validate.js';
import {
  rankCandidates,
  toReportedFigures,
  type Candidate,
  type FingerprintResult,
  type ReportedFigures,
} from './fingerprint-match.js';

export interface ProportionMethods {
  /** An entry of PROPORTION_INTERVALS. */
  ci: ProportionCiMethod;
  level: number;
  /** Whether the figures were printed as proportions (0.409) or percentages (40.9). */
  scale: 'proportion' | 'percent';
}

/**
 * Which single-proportion interval reproduces a published proportion and CI? Every entry of
 * PROPORTION_INTERVALS (Wilson, Wilson with continuity correction, Clopper–Pearson, mid-p,
 * Jeffreys, Agresti–Coull, Wald), at CI levels 90/95/99 %, on the proportion and on the
 * percent scale, is recomputed from x and n and judged against the printed figures with
 * their rounding; combinations that reproduce every printed figure come first, in registry
 * order (the usual default first).
 * @example fingerprintProportion(9, 22, { estimate: '40.9', lower: '23.3', upper: '61.3' }).matches[0].methods // { ci: 'wilson', level: 0.95, scale: 'percent' }
 */
export function fingerprintProportion(
  x: number,
  n: number,
  figures: ReportedFigures,
  options: { levels?: number[] } = {},
): FingerprintResult<ProportionMethods> {
  assertCounts(x, n);
  const { levels = [0.9, 0.95, 0.99] } = options;
  const reported = toReportedFigures(figures);
  if (
    reported.estimate === undefined &&
    reported.lower === undefined &&
    reported.upper === undefined
  ) {
    throw new InputError('figures', '', 'at least one reported figure (estimate, lower or upper)');
  }
  const levelsTried = reported.lower || reported.upper ? levels : [0.95];
  const candidates: Candidate<ProportionMethods>[] = [];
  PROPORTION_INTERVALS.entries.forEach((entry, methodIndex) => {
    for (const level of levelsTried) {
      const r = proportionCi(x, n, { method: entry.id, level });
      (['proportion', 'percent'] as const).forEach((scale, scaleIndex) => {
        const k = scale === 'percent' ? 100 : 1;
        candidates.push({
          methods: { ci: entry.id, level, scale },
          estimate: k * r.estimate,
          ci: { lower: k * r.ci.lower, upper: k * r.ci.upper, level, method: r.ci.method },
          p: null,
          preference: methodIndex * 10 + (level === 0.95 ? 0 : 1) + scaleIndex * 1000,
        });
      });
    }
  });
  return rankCandidates(candidates, reported, []);
}

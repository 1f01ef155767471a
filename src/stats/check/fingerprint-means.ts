import { InputError } from '../../errors.js';
import { meanDifference } from '../continuous/mean-difference.js';
import type { ArmSummary } from '../continuous/types.js';
import { normalQuantile, normalSf } from '../dist/index.js';
import {
  rankCandidates,
  toReportedFigures,
  type Candidate,
  type FingerprintResult,
  type ReportedFigures,
} from './fingerprint-match.js';

export interface MeansMethods {
  measure: 'MD';
  /** `unequal` (Welch) or `equal` (Student, pooled). */
  variance: 'unequal' | 'equal';
  /** Reference distribution for CI and p: t (with the variance's df) or the normal. */
  distribution: 't' | 'z';
  level: number;
  sided: 'two-sided' | 'one-sided' | null;
}

/**
 * Which methods reproduce a published mean difference? Welch vs Student, t vs normal
 * reference distribution, CI level (90/95/99 %) and two- vs one-sided p are
 * recomputed from the arm summaries and judged against the printed figures with
 * their rounding; combinations that reproduce every printed figure come first.
 * @example fingerprintMeans({ n: 20, mean: 5, sd: 2 }, { n: 20, mean: 3.6, sd: 2.5 }, { estimate: '1.4', lower: '0.1', upper: '2.7', p: '0.06' }).matches[0].methods
 */
export function fingerprintMeans(
  arm1: ArmSummary,
  arm2: ArmSummary,
  figures: ReportedFigures,
  options: { levels?: number[] } = {},
): FingerprintResult<MeansMethods> {
  const { levels = [0.9, 0.95, 0.99] } = options;
  const reported = toReportedFigures(figures);
  if (Object.keys(reported).length === 0)
    throw new InputError(
      'figures',
      '',
      'at least one reported figure (estimate, lower, upper or p)',
    );
  // The level matters only when a bound was printed.
  const levelsTried = reported.lower || reported.upper ? levels : [0.95];
  const candidates: Candidate<MeansMethods>[] = [];
  (['unequal', 'equal'] as const).forEach((variance, varianceIndex) => {
    (['t', 'z'] as const).forEach((distribution, distributionIndex) => {
      levelsTried.forEach((level) => {
        const t = meanDifference(arm1, arm2, { variance, level });
        let lower = t.ci.lower;
        let upper = t.ci.upper;
        let twoSided = t.test.p;
        if (distribution === 'z') {
          const half = normalQuantile(1 - (1 - level) / 2) * t.se;
          lower = t.estimate - half;
          upper = t.estimate + half;
          twoSided = 2 * normalSf(Math.abs(t.estimate / t.se));
        }
        const preference = varianceIndex * 100 + distributionIndex * 10 + (level === 0.95 ? 0 : 1);
        const sidedOptions = reported.p
          ? ([
              ['two-sided', twoSided, 0],
              ['one-sided', twoSided / 2, 5],
            ] as const)
          : ([[null, null, 0]] as const);
        for (const [sided, p, extra] of sidedOptions) {
          candidates.push({
            methods: { measure: 'MD', variance, distribution, level, sided },
            estimate: t.estimate,
            ci: {
              lower,
              upper,
              level,
              method: `${variance === 'unequal' ? 'welch' : 'student'}-${distribution}`,
            },
            p,
            preference: preference + extra,
          });
        }
      });
    });
  });
  return rankCandidates(candidates, reported, []);
}

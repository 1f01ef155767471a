import { InputError } from '../../errors.js';
import {
  SMD_METHODS,
  standardizedMeanDifference,
  type SmdVariant,
} from '../continuous/standardized-mean-difference.js';
import type { ArmSummary } from '../continuous/types.js';
import {
  rankCandidates,
  toReportedFigures,
  type Candidate,
  type FingerprintResult,
  type ReportedFigures,
} from './fingerprint-match.js';

export interface SmdMethods {
  measure: 'SMD';
  /** An id of SMD_METHODS (Hedges' g, Cohen's d, Glass's Δ, …). */
  variant: SmdVariant;
  level: number;
}

/**
 * Which standardised mean difference reproduces a published one? Every variant of
 * SMD_METHODS (the search space is the registry: a new variant is searched as soon as it is an
 * entry) at CI levels 90/95/99 %, recomputed from the arm summaries and judged against the
 * printed estimate and limits with their rounding; combinations that reproduce every printed
 * figure come first, in registry order.
 * @example fingerprintSmd({ n: 22, mean: -4.1, sd: 52 }, { n: 22, mean: -38.5, sd: 52 }, { estimate: '0.66' }).matches[0].methods.variant // 'cohen-d'
 */
export function fingerprintSmd(
  arm1: ArmSummary,
  arm2: ArmSummary,
  figures: ReportedFigures,
  options: { levels?: number[] } = {},
): FingerprintResult<SmdMethods> {
  const { levels = [0.9, 0.95, 0.99] } = options;
  const reported = toReportedFigures(figures);
  if (reported.p)
    throw new InputError(
      'figures.p',
      reported.p.text ?? String(reported.p.value),
      'no p with an SMD: the estimate and its CI limits only',
    );
  if (Object.keys(reported).length === 0)
    throw new InputError('figures', '', 'at least one reported figure (estimate, lower or upper)');
  // The level matters only when a bound was printed.
  const levelsTried = reported.lower || reported.upper ? levels : [0.95];
  const candidates: Candidate<SmdMethods>[] = [];
  const skipped: string[] = [];
  SMD_METHODS.entries.forEach((entry, index) => {
    for (const level of levelsTried) {
      let smd: ReturnType<typeof standardizedMeanDifference>;
      try {
        smd = standardizedMeanDifference(arm1, arm2, { variant: entry.id, level });
      } catch (error) {
        // A variant undefined for these arms (corrected Glass Δ with n₂ < 3) is left out, and said.
        if (!(error instanceof InputError)) throw error;
        if (level === levelsTried[0]) skipped.push(`${entry.label}: ${error.message}`);
        continue;
      }
      candidates.push({
        methods: { measure: 'SMD', variant: entry.id, level },
        estimate: smd.estimate,
        ci: { ...smd.ci, method: entry.id },
        p: null,
        preference: index * 10 + (level === 0.95 ? 0 : 1),
      });
    }
  });
  return rankCandidates(candidates, reported, skipped);
}

import { messages, warning, type Warning } from '../warnings.js';

/**
 * Result of a two-arm comparison (RD, RR, OR). Follows the toolkit's `Estimate` shape, with
 * two additions for tables where a ratio cannot be estimated:
 * - `estimable: false` (no events in either arm, or every patient an event, for a method
 *   that adds nothing to the cells): `estimate`, `ci.lower` and `ci.upper` are `null`, never NaN,
 *   and `warnings` says why.
 * - `correction`: the amount added to every cell before computing (zero-cell correction), or null.
 * Ratios may legitimately be 0 or Infinity at the edge of the parameter space (e.g. an
 * upper limit of Infinity when the comparator arm has no events).
 */
export interface BinaryEstimate {
  measure: 'RD' | 'RR' | 'OR';
  estimable: boolean;
  /** Natural scale. */
  estimate: number | null;
  /** Analysis scale (log for ratios), for the Wald-type methods. */
  se?: number;
  /** RR and OR: the same SE, named for its scale (SE of log RR / log OR). */
  seLog?: number;
  ci: { lower: number | null; upper: number | null; level: number; method: string };
  correction: number | null;
  /** The messages of `codedWarnings` (kept for 0.1 callers and `--json` scripts). */
  warnings: string[];
  /** The same warnings with their catalogue codes (src/stats/warnings.ts). */
  codedWarnings: Warning[];
}

/** The coded warning for the two degenerate tables of the ratio measures. */
export function degenerateWarning(
  kind: 'no-events' | 'all-events',
  measure: 'RR' | 'OR',
  notEstimable = false,
): Warning {
  return warning(kind === 'no-events' ? 'no-events-either-arm' : 'all-events-both-arms', {
    measure,
    notEstimable,
  });
}

/** The explicit result for a ratio that cannot be estimated: null values, never NaN. */
export function notEstimable(
  measure: 'RR' | 'OR',
  method: string,
  level: number,
  coded: Warning[],
): BinaryEstimate {
  return {
    measure,
    estimable: false,
    estimate: null,
    ci: { lower: null, upper: null, level, method },
    correction: null,
    warnings: messages(coded),
    codedWarnings: coded,
  };
}

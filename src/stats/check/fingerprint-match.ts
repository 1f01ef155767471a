import { judgeReported, type CheckStatus } from './judge-reported.js';
import { parseReported, reportedInterval, type ReportedValue } from './reported-value.js';

/** The printed figures of a published comparison; any may be missing. */
export interface ReportedFigures {
  estimate?: string | number | ReportedValue;
  lower?: string | number | ReportedValue;
  upper?: string | number | ReportedValue;
  p?: string | number | ReportedValue;
  /** Meta-analyses: prediction interval, τ² and I² (in %). */
  piLower?: string | number | ReportedValue;
  piUpper?: string | number | ReportedValue;
  tau2?: string | number | ReportedValue;
  I2?: string | number | ReportedValue;
}

export type Quantity = keyof ReportedFigures;
export const QUANTITIES: readonly Quantity[] = [
  'estimate',
  'lower',
  'upper',
  'p',
  'piLower',
  'piUpper',
  'tau2',
  'I2',
];
/** Quantities that cannot be negative: their rounding interval stops at 0. */
const NON_NEGATIVE: ReadonlySet<Quantity> = new Set(['p', 'tau2', 'I2']);

/** One combination of methods and what it gives. */
export interface Candidate<Methods> {
  methods: Methods;
  estimate: number | null;
  ci: { lower: number | null; upper: number | null; level: number; method: string } | null;
  p: number | null;
  /** Position in the method space's order of preference (0 = the usual default). */
  preference: number;
  /** Other recomputed quantities (meta-analyses: piLower, piUpper, tau2, I2). */
  extra?: Partial<Record<Quantity, number | null>>;
}

export interface FingerprintMatch<Methods> extends Candidate<Methods> {
  /** Verdict per reported quantity. */
  checks: Partial<Record<Quantity, CheckStatus>>;
  /** Sum over quantities of |recomputed − printed| in units of the printing's half-step (0 = exact). */
  distance: number;
}

export interface FingerprintResult<Methods> {
  /** Combinations that reproduce every reported figure, best first. */
  matches: FingerprintMatch<Methods>[];
  /** When nothing reproduces everything: the closest combinations, for diagnosis. */
  nearest: FingerprintMatch<Methods>[];
  /** How many combinations were tried. */
  tried: number;
  /** Parts of the method space left out, and why (e.g. an exact test too costly for this n). */
  skipped: string[];
}

export function toReportedFigures(
  figures: ReportedFigures,
): Partial<Record<Quantity, ReportedValue>> {
  const out: Partial<Record<Quantity, ReportedValue>> = {};
  for (const quantity of QUANTITIES) {
    const value = figures[quantity];
    if (value !== undefined && value !== null && value !== '')
      out[quantity] = typeof value === 'object' ? value : parseReported(value);
  }
  return out;
}

/**
 * Judges every candidate against the printed figures and ranks them: full matches
 * first by closeness, then by preference (defaults before exotic choices).
 */
export function rankCandidates<Methods>(
  candidates: readonly Candidate<Methods>[],
  reported: Partial<Record<Quantity, ReportedValue>>,
  skipped: string[],
  keepNearest = 5,
): FingerprintResult<Methods> {
  const judged = candidates.map(
    (candidate): FingerprintMatch<Methods> & { matched: number; judgedCount: number } => {
      const checks: Partial<Record<Quantity, CheckStatus>> = {};
      let distance = 0;
      let matched = 0;
      let judgedCount = 0;
      for (const quantity of QUANTITIES) {
        const printed = reported[quantity];
        if (!printed) continue;
        const value =
          quantity === 'estimate'
            ? candidate.estimate
            : quantity === 'p'
              ? candidate.p
              : quantity === 'lower' || quantity === 'upper'
                ? (candidate.ci?.[quantity] ?? null)
                : (candidate.extra?.[quantity] ?? null);
        judgedCount++;
        if (value === null || value === undefined || !Number.isFinite(value)) {
          checks[quantity] = 'not-checkable';
          distance += 1e6;
          continue;
        }
        const floor = NON_NEGATIVE.has(quantity) ? 0 : -Infinity;
        const status = judgeReported(printed, value, {
          floor,
          ceiling: quantity === 'p' ? 1 : quantity === 'I2' ? 100 : Infinity,
        }).status;
        checks[quantity] = status;
        if (status === 'reproduced') matched++;
        distance += stepsAway(printed, value, floor);
      }
      return { ...candidate, checks, distance, matched, judgedCount };
    },
  );
  const order = (
    a: { distance: number; preference: number },
    b: { distance: number; preference: number },
  ): number => a.distance - b.distance || a.preference - b.preference;
  const strip = ({
    matched: _m,
    judgedCount: _j,
    ...rest
  }: FingerprintMatch<Methods> & {
    matched: number;
    judgedCount: number;
  }): FingerprintMatch<Methods> => rest;
  const matches = judged
    .filter((c) => c.judgedCount > 0 && c.matched === c.judgedCount)
    .sort(order)
    .map(strip);
  const nearest =
    matches.length > 0
      ? []
      : [...judged]
          .sort((a, b) => b.matched - a.matched || order(a, b))
          .slice(0, keepNearest)
          .map(strip);
  return { matches, nearest, tried: candidates.length, skipped };
}

/** How far a value is from what was printed, in half-steps of the printed precision (0 inside). */
function stepsAway(printed: ReportedValue, value: number, floor: number): number {
  const interval = reportedInterval(printed, floor);
  const half = 0.5 * 10 ** -printed.decimals;
  if (printed.relation !== '=') {
    const outside =
      value < interval.lower
        ? interval.lower - value
        : value > interval.upper
          ? value - interval.upper
          : 0;
    return outside / half;
  }
  return Math.abs(value - printed.value) / half;
}

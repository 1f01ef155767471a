/**
 * Shapes shared by `scanText` and its extractors. A finding is one checkable figure
 * found in a document, with where it is (offsets into the source, 1-based line and
 * column), the sentence it sits in, the check applied and the verdict.
 */

export type FindingKind =
  | 'percent'
  | 'percent-sum'
  | 'estimate'
  | 'test-statistic'
  | 'mean'
  | 'arm-sizes'
  | 'verbal-fraction'
  | 'survival-percent';

/**
 * - `consistent`: the figure follows from the numbers next to it;
 * - `rounding`: it follows only when the source truncated (or rounded in an unusual
 *   direction) rather than rounded to nearest;
 * - `inconsistent`: no reading of the printed numbers gives it;
 * - `not-checked`: found, but not checkable (missing denominator, unsure parse, …): `reason` says why.
 */
export type ScanVerdict = 'consistent' | 'rounding' | 'inconsistent' | 'not-checked';

export const SCAN_VERDICTS: readonly ScanVerdict[] = [
  'consistent',
  'rounding',
  'inconsistent',
  'not-checked',
];

export interface ScanFinding {
  kind: FindingKind;
  /** The figure as printed (source text between start and end, tags removed for HTML). */
  text: string;
  /** UTF-16 offsets into the source document (end exclusive). */
  start: number;
  end: number;
  /** 1-based line and column of `start` in the source. */
  line: number;
  column: number;
  /** The sentence the figure was found in (plain text). */
  sentence: string;
  /** Which check applies, e.g. `percent ↔ count (k/n)`. */
  check: string;
  verdict: ScanVerdict;
  /** One sentence explaining the verdict. */
  reason: string;
  /** The numbers behind the verdict (parsed values, recomputed values, candidates). */
  numbers: Record<string, unknown>;
}

export interface ScanSummary {
  findings: number;
  consistent: number;
  rounding: number;
  inconsistent: number;
  notChecked: number;
  byKind: Partial<Record<FindingKind, number>>;
}

export interface ScanResult {
  locale: ScanLocale;
  format: DocumentFormat;
  findings: ScanFinding[];
  summary: ScanSummary;
}

export type ScanLocale = 'en' | 'fr';
export type DocumentFormat = 'text' | 'markdown' | 'html';

/**
 * What an extractor returns: a finding located in the plain text (offsets into the
 * text the extractors see, mapped back to the source by `scanText`).
 */
export type Candidate = Omit<ScanFinding, 'line' | 'column' | 'sentence' | 'text'> & {
  /** Lower runs first when two candidates overlap. */
  priority?: number;
};

/** What every extractor receives. */
export interface ExtractContext {
  /** The plain text (HTML already converted). */
  text: string;
  locale: ScanLocale;
  /** Sentence spans of `text`, in order. */
  sentences: readonly Span[];
  /** Paragraph spans of `text`, in order. */
  paragraphs: readonly Span[];
}

export interface Span {
  start: number;
  end: number;
}

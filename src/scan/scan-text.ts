import { documentText } from './document-text.js';
import { guessFormat } from './document-text.js';
import { extractArmSizes } from './extract-arm-sizes.js';
import { extractEstimates } from './extract-estimates.js';
import { extractMeans } from './extract-means.js';
import { extractPercentSums } from './extract-percent-sums.js';
import { extractPercents } from './extract-percents.js';
import { extractTestStatistics } from './extract-test-statistics.js';
import { extractVerbalFractions } from './extract-verbal-fractions.js';
import { extractSurvivalPercents } from './extract-survival-percents.js';
import { detectLocale } from './scan-locale.js';
import { paragraphSpans, sentenceSpans, spanAt } from './sentences.js';
import type {
  Candidate,
  DocumentFormat,
  ExtractContext,
  FindingKind,
  ScanFinding,
  ScanLocale,
  ScanResult,
  ScanSummary,
} from './types.js';

export interface ScanOptions {
  /** Document format; guessed from the content when omitted (`guessFormat`). */
  format?: DocumentFormat;
  /** Number conventions; detected when omitted (`detectLocale`). */
  locale?: ScanLocale;
}

/**
 * The extractors, in priority order: when two findings overlap, the one from the
 * earlier extractor (then the lower candidate priority, then the longer span) wins,
 * so "HR 0.72 (0.61–0.85), p = 0.01" is one estimate and never also a percentage.
 */
export const EXTRACTORS: readonly {
  kind: FindingKind;
  extract: (context: ExtractContext) => Candidate[];
}[] = [
  { kind: 'test-statistic', extract: extractTestStatistics },
  { kind: 'estimate', extract: extractEstimates },
  { kind: 'mean', extract: extractMeans },
  { kind: 'percent', extract: extractPercents },
  { kind: 'verbal-fraction', extract: extractVerbalFractions },
  { kind: 'survival-percent', extract: extractSurvivalPercents },
  { kind: 'arm-sizes', extract: extractArmSizes },
  { kind: 'percent-sum', extract: extractPercentSums },
];

/**
 * Finds every checkable figure in a trial report, abstract, press release or review
 * and checks it: percentages against counts and denominators, estimates against
 * their intervals and p, test statistics against p (statcheck rules), means against
 * GRIM/GRIMMER, arm sizes against totals, verbal fractions, shares that should sum
 * to 100. Precision comes first: a figure whose reading is uncertain is listed as
 * `not-checked` with the reason, never judged. Offsets, lines and columns point into
 * `source` (for HTML, at the figure's text inside the markup).
 * @example scanText('Serious adverse events: 10/22 (45%) vs 6/22 (27%).').summary // { findings: 2, consistent: 2, … }
 */
export function scanText(source: string, options: ScanOptions = {}): ScanResult {
  const format = options.format ?? guessFormat(source);
  const doc = documentText(source, format);
  const locale = options.locale ?? detectLocale(doc.text);
  const context: ExtractContext = {
    text: doc.text,
    locale,
    sentences: sentenceSpans(doc.text),
    paragraphs: paragraphSpans(doc.text),
  };
  const ranked: { candidate: Candidate; order: number }[] = [];
  EXTRACTORS.forEach((extractor, order) => {
    for (const candidate of extractor.extract(context)) ranked.push({ candidate, order });
  });
  ranked.sort(
    (a, b) =>
      a.order - b.order ||
      (a.candidate.priority ?? 0) - (b.candidate.priority ?? 0) ||
      b.candidate.end - b.candidate.start - (a.candidate.end - a.candidate.start) ||
      a.candidate.start - b.candidate.start,
  );
  const kept: Candidate[] = [];
  // Aggregate checks (sums, arm totals) re-use figures that other findings already cover: they only compete among themselves.
  const aggregate = (candidate: Candidate): boolean =>
    candidate.kind === 'percent-sum' || candidate.kind === 'arm-sizes';
  for (const { candidate } of ranked) {
    if (
      kept.some(
        (other) =>
          aggregate(other) === aggregate(candidate) &&
          other.start < candidate.end &&
          candidate.start < other.end,
      )
    )
      continue;
    kept.push(candidate);
  }
  kept.sort((a, b) => a.start - b.start);
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') lineStarts.push(i + 1);
  const findings = kept.map((candidate): ScanFinding => {
    const start = doc.map[candidate.start];
    const end = doc.mapEnd[candidate.end - 1] ?? doc.map[candidate.end];
    const line = upperBound(lineStarts, start);
    const sentence = spanAt(context.sentences, candidate.start) ?? {
      start: candidate.start,
      end: candidate.end,
    };
    const { priority: _priority, ...rest } = candidate;
    return {
      ...rest,
      kind: candidate.kind,
      text: doc.text.slice(candidate.start, candidate.end),
      start,
      end,
      line,
      column: start - lineStarts[line - 1] + 1,
      sentence: doc.text
        .slice(sentence.start, Math.max(sentence.end, candidate.end))
        .replace(/\s+/g, ' ')
        .trim(),
    };
  });
  return { locale, format, findings, summary: summarizeFindings(findings) };
}

/** Counts by verdict and by kind. */
export function summarizeFindings(findings: readonly ScanFinding[]): ScanSummary {
  const byKind: Partial<Record<FindingKind, number>> = {};
  for (const finding of findings) byKind[finding.kind] = (byKind[finding.kind] ?? 0) + 1;
  const count = (verdict: ScanFinding['verdict']): number =>
    findings.filter((finding) => finding.verdict === verdict).length;
  return {
    findings: findings.length,
    consistent: count('consistent'),
    rounding: count('rounding'),
    inconsistent: count('inconsistent'),
    notChecked: count('not-checked'),
    byKind,
  };
}

/** 1-based index of the last line start ≤ offset. */
function upperBound(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle] <= offset) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}

export { scanText, summarizeFindings, EXTRACTORS } from './scan-text.js';
export type { ScanOptions } from './scan-text.js';
export { detectLocale } from './scan-locale.js';
export { numberPattern, readNumber } from './scan-number.js';
export { guessFormat, documentText } from './document-text.js';
export { sentenceSpans, paragraphSpans, spanAt } from './sentences.js';
export type {
  ScanFinding,
  ScanResult,
  ScanSummary,
  ScanVerdict,
  FindingKind,
  ScanLocale,
  DocumentFormat,
} from './types.js';

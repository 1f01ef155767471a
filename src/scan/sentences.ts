import type { Span } from './types.js';

// Abbreviations whose full stop does not end a sentence (lower-cased, without the stop).
const ABBREVIATIONS = new Set([
  'al',
  'vs',
  'v',
  'e.g',
  'i.e',
  'cf',
  'fig',
  'figs',
  'tab',
  'ref',
  'refs',
  'dr',
  'pr',
  'prof',
  'mr',
  'mrs',
  'ms',
  'st',
  'no',
  'nos',
  'approx',
  'ca',
  'resp',
  'ibid',
  'vol',
  'pp',
  'p',
  'jr',
  'sr',
  'inc',
  'ltd',
  'env',
  'mme',
  'mlle',
  'n°',
  'suppl',
  'eds',
  'ed',
]);

/**
 * Paragraphs: runs of text separated by blank lines (whitespace-only lines).
 * @example paragraphSpans('a\nb\n\nc') // [{ start: 0, end: 3 }, { start: 5, end: 6 }]
 */
export function paragraphSpans(text: string): Span[] {
  const spans: Span[] = [];
  const separator = /\n[ \t\u00a0]*\n\s*/g;
  let start = 0;
  for (let match = separator.exec(text); match; match = separator.exec(text)) {
    pushTrimmed(spans, text, start, match.index);
    start = match.index + match[0].length;
  }
  pushTrimmed(spans, text, start, text.length);
  return spans;
}

/**
 * Sentences: a `.`, `!`, `?` or `;`-free stop followed by space and a capital, digit,
 * bracket or quote ends a sentence, unless it closes an abbreviation ("et al.", "vs.",
 * "e.g.") or sits inside a number (decimals never end one); a paragraph end, and a
 * line that opens with a list bullet, start a new one. Lines wrapped inside a
 * paragraph do not.
 * @example sentenceSpans('Smith et al. found 2.5 mg. Then 3 more.').length // 2
 */
export function sentenceSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const paragraph of paragraphSpans(text)) {
    let start = paragraph.start;
    for (let i = paragraph.start; i < paragraph.end; i++) {
      const char = text[i];
      if (char === '\n') {
        // A bullet, a numbered item or a table row on the next line starts a new sentence.
        const rest = text.slice(i + 1, i + 8);
        if (
          /^[ \t]*(?:[-*+•▪◦‣o]\s|\d{1,2}[.)]\s|\|)/.test(rest) ||
          /\|\s*$/.test(text.slice(start, i))
        ) {
          pushTrimmed(spans, text, start, i);
          start = i + 1;
        }
        continue;
      }
      if (char !== '.' && char !== '!' && char !== '?') continue;
      const next = text.slice(i + 1, i + 4);
      if (
        !/^["'”»)\]]?\s+["'“«([]?[\p{Lu}\d•▪-]/u.test(next + text.slice(i + 4, i + 6)) &&
        i + 1 < paragraph.end
      )
        continue;
      if (char === '.') {
        const word = /([\p{L}°.]+)$/u
          .exec(text.slice(Math.max(start, i - 12), i))?.[1]
          ?.toLowerCase();
        if (
          word !== undefined &&
          (ABBREVIATIONS.has(word) ||
            /^(?:\p{L}\.)+\p{L}?$/u.test(word) ||
            (/^\p{Lu}$/u.test(text[i - 1] ?? '') && word.length === 1))
        )
          continue;
      }
      pushTrimmed(spans, text, start, i + 1);
      start = i + 1;
    }
    pushTrimmed(spans, text, start, paragraph.end);
  }
  return spans;
}

/** The span containing `offset`, or the nearest one before it (binary search over sorted spans). */
export function spanAt(spans: readonly Span[], offset: number): Span | undefined {
  let low = 0;
  let high = spans.length - 1;
  let found: Span | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (spans[middle].start <= offset) {
      found = spans[middle];
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

function pushTrimmed(spans: Span[], text: string, start: number, end: number): void {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end > start) spans.push({ start, end });
}

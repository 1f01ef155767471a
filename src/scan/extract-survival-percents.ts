import { kmPercent } from '../stats/survival/km-reachable.js';
import { PEOPLE_NOUNS } from './group-sizes.js';
import { numberPattern, readNumber } from './scan-number.js';
import type { Candidate, ExtractContext, Span } from './types.js';

/** Largest group whose Kaplan–Meier values are enumerated (kmPercent). */
const KM_MAX_N = 20;

/** Numbers written as words, up to twenty (small series are written out: « sept enfants »). */
const WORDS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  sept: 7,
  huit: 8,
  neuf: 9,
  dix: 10,
  onze: 11,
  douze: 12,
  treize: 13,
  quatorze: 14,
  quinze: 15,
  seize: 16,
  'dix-sept': 17,
  'dix-huit': 18,
  'dix-neuf': 19,
  vingt: 20,
};
const WORD_PATTERN = Object.keys(WORDS)
  .sort((a, b) => b.length - a.length)
  .join('|');

/** The paragraph holding `offset` and the one before it (a series is often introduced there). */
function scopeOf(context: ExtractContext, offset: number): Span {
  const index = context.paragraphs.findIndex((p) => p.start <= offset && offset < p.end);
  if (index < 0) return { start: 0, end: context.text.length };
  return { start: context.paragraphs[Math.max(0, index - 1)].start, end: offset };
}

/** Distinct group sizes ("7 patients", « sept enfants ») stated before `offset` in its scope. */
function groupsBefore(context: ExtractContext, offset: number): number[] {
  const { start, end } = scopeOf(context, offset);
  const text = context.text.slice(start, end);
  const noun = `(?:[\\p{L}-]+\\s+){0,2}?${PEOPLE_NOUNS}(?![\\p{L}])`;
  const sizes = new Set<number>();
  for (const m of text.matchAll(
    new RegExp(`(?<![\\p{L}\\d])(${numberPattern(context.locale)})\\s+${noun}`, 'gu'),
  )) {
    const value = readNumber(m[1], context.locale);
    if (value.decimals === 0 && value.value >= 2) sizes.add(value.value);
  }
  for (const m of text.matchAll(new RegExp(`(?<![\\p{L}])(${WORD_PATTERN})\\s+${noun}`, 'giu')))
    sizes.add(WORDS[m[1].toLowerCase()]);
  return [...sizes];
}

/**
 * Survival percentages of a small series ("progression-free survival at two years was 77 %"
 * after « sept enfants »): is the figure a value a Kaplan–Meier estimate on n patients can
 * take, with or without censoring (kmPercent, exact enumeration)? Only when the passage
 * names exactly one group of at most 20; otherwise nothing is said (larger groups reach
 * nearly every printed value, and an unknown n cannot be judged).
 * @example extractSurvivalPercents(context('Seven children were treated. Survival at two years was 77%.'))[0].verdict // 'inconsistent'
 */
export function extractSurvivalPercents(context: ExtractContext): Candidate[] {
  const { text, locale } = context;
  const out: Candidate[] = [];
  const percent = new RegExp(`(?<![\\d.,])(${numberPattern(locale)})\\s?%`, 'gu');
  for (const sentence of context.sentences) {
    const body = text.slice(sentence.start, sentence.end);
    if (!/\b(?:survival|survie)\b/i.test(body)) continue;
    const groups = groupsBefore(context, sentence.start);
    if (groups.length !== 1) continue;
    const n = groups[0];
    for (const m of body.matchAll(percent)) {
      const start = sentence.start + m.index;
      const end = start + m[0].length;
      const value = readNumber(m[1], locale);
      const printed =
        value.decimals > 0 ? value.value.toFixed(value.decimals) : String(value.value);
      if (n > KM_MAX_N) {
        out.push({
          kind: 'survival-percent',
          start,
          end,
          check: 'Kaplan–Meier value reachable with n at the start',
          verdict: 'not-checked',
          reason: `a survival estimate on ${n} patients: a Kaplan–Meier estimate on more than ${KM_MAX_N} reaches nearly every printed value`,
          numbers: { percent: value.value, n },
        });
        continue;
      }
      const r = kmPercent(printed, n);
      const near = [r.below, r.above]
        .filter((v) => v !== undefined)
        .map((v) => `${(100 * v.survival).toFixed(1)} %`);
      out.push({
        kind: 'survival-percent',
        start,
        end,
        check: 'Kaplan–Meier value reachable with n at the start',
        verdict: r.possible ? 'consistent' : 'inconsistent',
        reason: r.possible
          ? `a Kaplan–Meier estimate on ${n} patients can print as ${printed} %${r.possibleWithoutCensoring ? '' : ' (only with censoring)'} (the group of ${n} named in the passage)`
          : `no Kaplan–Meier estimate on ${n} patients prints as ${printed} %, with or without censoring (nearest ${near.join(' and ')}): either the number at the start is not ${n} or the figure is wrong`,
        numbers: {
          percent: value.value,
          n,
          possible: r.possible,
          possibleWithoutCensoring: r.possibleWithoutCensoring,
          nearest: [r.below, r.above].filter((v) => v !== undefined).map((v) => v.survival),
        },
      });
    }
  }
  return out;
}

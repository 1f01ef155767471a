import { numberPattern, readNumber } from './scan-number.js';
import type { Candidate, ExtractContext } from './types.js';

/** Pairs of categories that split one group completely. */
const COMPLEMENTS: readonly [RegExp, RegExp][] = [
  [/\b(?:men|males?)\b/i, /\b(?:women|females?)\b/i],
  [/\bhommes\b/i, /\bfemmes\b/i],
  [/\bgarçons\b/i, /\bfilles\b/i],
  [/\bboys\b/i, /\bgirls\b/i],
];

/**
 * Percentages of one denominator that should sum to 100: the shares of complementary
 * categories in one sentence ("52 % men and 48 % women", "hommes 61 %, femmes 39 %").
 * Each printed share may be off by half a unit of its last decimal, so the sum must
 * lie within 100 ± m·0.5·10⁻ᵈ for m shares.
 * @example extractPercentSums(context('Of the 40 patients, 55% were men and 40% women.'))[0].verdict // 'inconsistent'
 */
export function extractPercentSums(context: ExtractContext): Candidate[] {
  const { text, locale, sentences } = context;
  const N = numberPattern(locale);
  const out: Candidate[] = [];
  for (const sentence of sentences) {
    const words = text.slice(sentence.start, sentence.end);
    for (const [first, second] of COMPLEMENTS) {
      const a = nearPercent(words, first, N, locale);
      const b = nearPercent(words, second, N, locale);
      if (!a || !b) continue;
      const sum = a.value.value + b.value.value;
      const slack = 0.5 * 10 ** -a.value.decimals + 0.5 * 10 ** -b.value.decimals;
      const start = sentence.start + Math.min(a.start, b.start);
      const end = sentence.start + Math.max(a.end, b.end);
      const numbers = { shares: [a.value.value, b.value.value], sum, tolerance: slack };
      const base = {
        kind: 'percent-sum' as const,
        start,
        end,
        priority: 7,
        check: 'shares of one group sum to 100 %',
      };
      out.push(
        Math.abs(sum - 100) <= slack + 1e-9
          ? {
              ...base,
              verdict: 'consistent',
              reason: `${a.value.text} % + ${b.value.text} % = ${round(sum)} %`,
              numbers,
            }
          : {
              ...base,
              verdict: 'inconsistent',
              reason: `${a.value.text} % + ${b.value.text} % = ${round(sum)} %, but the two categories make up the whole group (100 % ± ${round(slack)})`,
              numbers,
            },
      );
    }
  }
  return out;
}

/** The percentage written right before or right after a category word ("55% were men", "men 55%", "women (40%)"). */
function nearPercent(words: string, category: RegExp, N: string, locale: 'en' | 'fr') {
  const at = category.exec(words);
  if (!at) return undefined;
  const before = new RegExp(
    `(${N})\\s*%\\s*(?:(?:were|are|of|des|de|étaient|sont)\\s+|d['’]\\s*)?(?:the\\s+)?$`,
    'u',
  ).exec(words.slice(Math.max(0, at.index - 30), at.index));
  if (before) {
    const start = Math.max(0, at.index - 30) + before.index;
    return { value: readNumber(before[1], locale), start, end: at.index + at[0].length };
  }
  const after = new RegExp(`^\\s*[:(,]?\\s*(${N})\\s*%`, 'u').exec(
    words.slice(at.index + at[0].length, at.index + at[0].length + 20),
  );
  if (after)
    return {
      value: readNumber(after[1], locale),
      start: at.index,
      end: at.index + at[0].length + after[0].length,
    };
  return undefined;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

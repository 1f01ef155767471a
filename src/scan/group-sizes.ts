import { numberPattern, readNumber } from './scan-number.js';
import type { ExtractContext, Span } from './types.js';

/** Nouns for groups of people: "22 patients", "191 adultes", "732 vétérans". */
export const PEOPLE_NOUNS =
  '(?:patients?|participants?|subjects?|children|adults?|adolescents?|volunteers?|veterans?|individuals?|people|persons?|women|men|enfants?|adultes?|jeunes|vétérans?|personnes?|sujets?|malades?|volontaires?|femmes?|hommes?)';

/** A group size stated in the text. */
export interface GroupSize {
  n: number;
  start: number;
  end: number;
}

/**
 * The paragraphs a figure can refer back to: its own and, when it is a bullet, the
 * bullets before it up to the paragraph that introduces them.
 */
export function referenceScope(context: ExtractContext, offset: number): Span {
  const { paragraphs, text } = context;
  let index = paragraphs.findIndex((span) => span.start <= offset && offset < span.end);
  if (index < 0) return { start: 0, end: text.length };
  const end = paragraphs[index].end;
  while (
    index > 0 &&
    /^[-•▪*]\s/.test(text.slice(paragraphs[index].start, paragraphs[index].start + 2))
  )
    index--;
  return { start: paragraphs[index].start, end };
}

/** Group sizes ("N [adjectives] patients") in a span of the text. */
export function groupSizes(context: ExtractContext, span: Span): GroupSize[] {
  const { text, locale } = context;
  const pattern = new RegExp(
    `(${numberPattern(locale)})\\s+(?:[\\p{L}-]+\\s+){0,2}?${PEOPLE_NOUNS}(?![\\p{L}])`,
    'gu',
  );
  const sizes: GroupSize[] = [];
  for (const m of text.slice(span.start, span.end).matchAll(pattern)) {
    const value = readNumber(m[1], locale);
    const after = text.slice(
      span.start + m.index + m[1].length,
      span.start + m.index + m[1].length + 3,
    );
    if (value.decimals > 0 || value.value < 2 || /^\s*%/.test(after)) continue;
    // "2 membres", "deux membres" are not groups; "sur 7 000" is a rate, excluded by the noun.
    sizes.push({
      n: value.value,
      start: span.start + m.index,
      end: span.start + m.index + m[0].length,
    });
  }
  return sizes;
}

/**
 * The one group a figure refers to with "d'entre eux", "of them", "des enfants": the
 * single distinct group size stated before it in its scope, else the single one after
 * it. Several distinct sizes make the reference ambiguous.
 */
export function referredGroup(
  context: ExtractContext,
  offset: number,
  options: { pronoun?: boolean } = {},
): { group?: GroupSize; candidates: number[]; why?: string } {
  const scope = referenceScope(context, offset);
  const sizes = groupSizes(context, scope);
  const before = sizes.filter((size) => size.end <= offset);
  // A pronoun ("d'entre eux", "of them") may point at a subset defined in between: "30 % use herbs … 31 % of them".
  if (options.pronoun && before.length > 0) {
    const between = context.text.slice(before.at(-1)!.end, offset);
    if (
      /\d\s*%|\b(?:dont|including|of whom|among whom|parmi lesquel(?:le)?s)\s+\d/i.test(between)
    ) {
      return {
        candidates: [...new Set(before.map((size) => size.n))],
        why: 'a subset is defined between the group and the pronoun',
      };
    }
  }
  const after = sizes.filter((size) => size.start >= offset);
  const pick = (list: GroupSize[]): GroupSize[] => [
    ...new Map(list.map((size) => [size.n, size])).values(),
  ];
  const distinctBefore = pick(before);
  if (distinctBefore.length === 1)
    return { group: distinctBefore[0], candidates: [distinctBefore[0].n] };
  if (distinctBefore.length > 1) return { candidates: distinctBefore.map((size) => size.n) };
  const distinctAfter = pick(after);
  if (distinctAfter.length === 1)
    return { group: distinctAfter[0], candidates: [distinctAfter[0].n] };
  return { candidates: distinctAfter.map((size) => size.n) };
}

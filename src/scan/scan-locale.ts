import type { ScanLocale } from './types.js';

const FRENCH_WORDS =
  /\b(?:la|le|de|et|les|des|du|est|sont|avec|chez|dans|une|aux|pour|par|sur|patients? atteints?|essais?|étude|était|ont|qui|mais|entre|versus)\b/gi;
const ENGLISH_WORDS =
  /\b(?:the|and|of|with|were|was|is|are|in|for|patients? with|trial|study|between|than|from)\b/gi;

/**
 * Guesses the number conventions of a document: `fr` when decimal commas
 * ("p=0,038", "3,5 %"), "IC 95 %" or French function words dominate, `en` otherwise.
 * Each signal counts; a decimal comma weighs more than a word, because it is what
 * changes how numbers are read.
 * @example detectLocale('HR 0,72 (IC 95 % 0,61–0,85), p=0,038') // 'fr'
 * @example detectLocale('HR 0.72 (95% CI 0.61 to 0.85)') // 'en'
 */
export function detectLocale(text: string): ScanLocale {
  // A comma between digits that is not a thousands group (1,200) is a decimal comma.
  const decimalCommas =
    (text.match(/\d,\d(?!\d\d(?!\d))/g) ?? []).length +
    (text.match(/\d,\d{1,2}(?!\d)/g) ?? []).length;
  const pointDecimals = (text.match(/\d\.\d/g) ?? []).length;
  const frenchMarks = (text.match(/\bIC\s*(?:à\s*)?\d{2}\s*%|\bp\s*=\s*0,\d/g) ?? []).length;
  // Words with French diacritics, and the French space before "%" ("45 %"), are weaker signals.
  const accents = (text.match(/\p{L}*[éèêàâçùûôîœ]\p{L}*/gu) ?? []).length;
  const spacedPercent = (text.match(/\d[\u00a0\u202f ]%/g) ?? []).length;
  const french =
    (text.match(FRENCH_WORDS) ?? []).length +
    3 * decimalCommas +
    5 * frenchMarks +
    accents +
    spacedPercent;
  const english = (text.match(ENGLISH_WORDS) ?? []).length + 3 * pointDecimals;
  return french > english ? 'fr' : 'en';
}

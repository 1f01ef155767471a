import { parseReported, type ReportedValue } from '../stats/check/reported-value.js';
import type { ScanLocale } from './types.js';

/** Spaces used between digit groups: no-break, thin, narrow no-break (and plain space in French). */
export const GROUP_SPACES = '\u00a0\u2009\u202f';
/** Minus signs: hyphen-minus and the Unicode minus U+2212. */
export const MINUS = '\\-\u2212';

/**
 * The source (no flags) of a regular expression matching one printed number in the
 * given locale, sign included: `−16.3`, `.03`, `1,215` (en), `1 215`, `3,5`, `0.5` (fr).
 * It does not match inside a longer number or a word. An en dash is never a sign
 * (it joins ranges: `18–36`).
 * @example new RegExp(numberPattern('fr')).exec('soit 3,5 %')?.[0] // '3,5'
 */
export function numberPattern(locale: ScanLocale): string {
  const sign = `(?:[${MINUS}](?=\\d|[.,]\\d))?`;
  const body =
    locale === 'en'
      ? `(?:[1-9]\\d{0,2}(?:,\\d{3})+(?![\\d,])|\\d+)(?:\\.\\d+)?|\\.\\d+`
      : `(?:[1-9]\\d{0,2}(?:[${GROUP_SPACES} ]\\d{3})+(?![\\d,.]\\d)|\\d+)(?:[,.]\\d+)?|[.,]\\d+`;
  return `(?<![\\w.,])${sign}(?:${body})(?![\\w]|[.,]\\d)`;
}

/** A number read from text: the printed value with its decimals (for rounding checks). */
export interface ScannedNumber extends ReportedValue {
  text: string;
}

/**
 * Reads a printed number (as matched by `numberPattern`) into a value with its
 * printed decimals: decimal comma in French, group separators dropped, Unicode minus.
 * @example readNumber('−16,3', 'fr') // { value: -16.3, decimals: 1, relation: '=', text: '−16,3' }
 * @example readNumber('1 215', 'fr').value // 1215
 */
export function readNumber(text: string, locale: ScanLocale): ScannedNumber {
  let plain = text.replace(/\u2212/g, '-').replace(new RegExp(`[${GROUP_SPACES} ]`, 'g'), '');
  plain = locale === 'en' ? plain.replace(/,/g, '') : plain.replace(',', '.');
  const reported = parseReported(plain);
  return { ...reported, text };
}

/** Reads a p-value's relation and number from e.g. `p < 0.0001`, `p=0,038`, `P ≤ .05`. */
export function readRelation(symbol: string): ReportedValue['relation'] {
  switch (symbol) {
    case '<':
      return '<';
    case '>':
      return '>';
    case '≤':
    case '<=':
      return '<=';
    case '≥':
    case '>=':
      return '>=';
    default:
      return '=';
  }
}

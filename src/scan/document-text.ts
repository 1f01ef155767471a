import type { DocumentFormat } from './types.js';

/**
 * Guesses a document's format from its content: `html` when it has HTML block or
 * inline tags, `markdown` when lines open with headings, list markers, emphasis or
 * table rules, `text` otherwise.
 * @example guessFormat('<p>HR 0.72</p>') // 'html'
 * @example guessFormat('# Results\n\n- **45 %** of …') // 'markdown'
 */
export function guessFormat(source: string): DocumentFormat {
  if (
    /<(?:!doctype\s+html|html|body|p|div|span|br|table|td|li|h[1-6]|article|section)\b[^>]*>/i.test(
      source,
    )
  )
    return 'html';
  const markers =
    source.match(/^(?:#{1,6}\s|\s*[-*+]\s+\S|\s*\d+\.\s+\S|\|?\s*:?-{3,}|.*\*\*\S)/gm) ?? [];
  return markers.length >= 2 ? 'markdown' : 'text';
}

/** Plain text of a document with, for each of its characters, the offset in the source it came from. */
export interface DocumentText {
  text: string;
  /** `map[i]` = source offset of `text[i]`; `map[text.length]` = source length. */
  map: number[];
  /** `mapEnd[i]` = source offset just after the source of `text[i]` (an entity maps to all its characters). */
  mapEnd: number[];
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  thinsp: '\u2009',
  ensp: '\u2002',
  emsp: '\u2003',
  minus: '\u2212',
  ndash: '\u2013',
  mdash: '\u2014',
  plusmn: '±',
  middot: '·',
  times: '×',
  le: '≤',
  ge: '≥',
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201c',
  rdquo: '\u201d',
  laquo: '«',
  raquo: '»',
  hellip: '…',
  deg: '°',
  micro: 'µ',
  eacute: 'é',
  egrave: 'è',
  ecirc: 'ê',
  agrave: 'à',
  acirc: 'â',
  ccedil: 'ç',
  ocirc: 'ô',
  ucirc: 'û',
  icirc: 'î',
  iuml: 'ï',
  euml: 'ë',
  Eacute: 'É',
  chi: 'χ',
  sup2: '²',
  alpha: 'α',
  beta: 'β',
  reg: '®',
  copy: '©',
};

const BLOCK =
  /^(?:p|div|br|li|ul|ol|tr|table|thead|tbody|h[1-6]|section|article|header|footer|blockquote|pre|dd|dt|dl|figcaption|caption|hr)$/i;

/**
 * The text the extractors read. Plain text is used as is. Markdown loses its
 * emphasis markers and heading hashes. HTML loses its tags, comments, `<script>` and
 * `<style>` contents; entities are decoded and block elements become line breaks
 * (a paragraph end becomes a blank line), so sentences and paragraphs survive.
 * Every output character maps back to its source offsets.
 * @example documentText('<p>45&nbsp;% of <b>22</b></p>', 'html').text // '45\u00a0% of 22\n\n'
 */
export function documentText(source: string, format: DocumentFormat): DocumentText {
  const text: string[] = [];
  const map: number[] = [];
  const mapEnd: number[] = [];
  const push = (chars: string, from: number, to: number): void => {
    for (const char of chars) {
      text.push(char);
      map.push(from);
      mapEnd.push(to);
    }
  };
  if (format === 'text') {
    for (let i = 0; i < source.length; i++) push(source[i], i, i + 1);
  } else if (format === 'markdown') {
    let lineStart = true;
    for (let i = 0; i < source.length; i++) {
      const char = source[i];
      if (lineStart) {
        const heading = /^#{1,6}[ \t]+/.exec(source.slice(i, i + 8));
        if (heading) {
          i += heading[0].length - 1;
          lineStart = false;
          continue;
        }
      }
      lineStart = char === '\n';
      // Emphasis markers carry no text; a lone "*" between spaces (a list bullet) is kept as text.
      if ((char === '*' || char === '_') && !/\s/.test(source[i + 1] ?? ' ')) continue;
      if ((char === '*' || char === '_') && i > 0 && !/\s/.test(source[i - 1])) continue;
      push(char, i, i + 1);
    }
  } else {
    htmlText(source, push);
  }
  map.push(source.length);
  mapEnd.push(source.length);
  return { text: text.join(''), map, mapEnd };
}

function htmlText(source: string, push: (chars: string, from: number, to: number) => void): void {
  let i = 0;
  while (i < source.length) {
    const char = source[i];
    if (char === '<') {
      if (source.startsWith('<!--', i)) {
        const close = source.indexOf('-->', i + 4);
        i = close < 0 ? source.length : close + 3;
        continue;
      }
      const tag = /^<\/?([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>/.exec(source.slice(i, i + 2000));
      if (!tag) {
        if (/^<[!?]/.test(source.slice(i, i + 2))) {
          const close = source.indexOf('>', i);
          i = close < 0 ? source.length : close + 1;
          continue;
        }
        push('<', i, i + 1);
        i++;
        continue;
      }
      const name = tag[1].toLowerCase();
      const closing = tag[0].startsWith('</');
      if (!closing && (name === 'script' || name === 'style' || name === 'template')) {
        const close = source.toLowerCase().indexOf(`</${name}`, i + tag[0].length);
        const after = close < 0 ? source.length : source.indexOf('>', close);
        i = after < 0 ? source.length : after + 1;
        continue;
      }
      if (BLOCK.test(name)) {
        const paragraph =
          closing && /^(?:p|div|h[1-6]|li|tr|table|section|article|blockquote|ul|ol)$/.test(name);
        push(paragraph ? '\n\n' : '\n', i, i + tag[0].length);
      } else if (name === 'td' || name === 'th') {
        push(' ', i, i + tag[0].length);
      }
      i += tag[0].length;
      continue;
    }
    if (char === '&') {
      const entity = /^&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,9}));/.exec(
        source.slice(i, i + 16),
      );
      if (entity) {
        const code =
          entity[1] !== undefined
            ? Number(entity[1])
            : entity[2] !== undefined
              ? parseInt(entity[2], 16)
              : undefined;
        const decoded =
          code !== undefined
            ? code > 0 && code <= 0x10ffff
              ? String.fromCodePoint(code)
              : '\ufffd'
            : ENTITIES[entity[3]];
        if (decoded !== undefined) {
          push(decoded, i, i + entity[0].length);
          i += entity[0].length;
          continue;
        }
      }
    }
    // Source whitespace (including newlines inside a paragraph) is a space, as a browser shows it.
    push(/[\t\r\n]/.test(char) ? ' ' : char, i, i + 1);
    i++;
  }
}

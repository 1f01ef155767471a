import { DataError, type InputIssue } from '../errors.js';

const SAVE_AS_UTF8 =
  'save it as UTF-8: in Excel as "CSV UTF-8", in a text editor with encoding UTF-8';

/**
 * Decodes the bytes of a text file (CSV, JSON, YAML) as strict UTF-8: one decoder for
 * files, standard input and specs, so the same bytes give the same result whichever way
 * they arrive. A UTF-8 byte-order mark is dropped. Never replaces a bad byte with U+FFFD;
 * throws a DataError naming the file, the line and character of the first problem:
 * a UTF-16 file (its byte-order mark, or NUL bytes every other byte), a ZIP archive
 * (an .xlsx workbook), a NUL byte (a binary file), or bytes that are not UTF-8 (Latin-1,
 * Windows-1252). Runs in Node and in the browser (TextDecoder).
 *
 * @example
 * decodeText(new Uint8Array([0x61, 0xe9, 0x0a]), 'arms.csv');
 * // DataError: arms.csv:1:2: expected UTF-8 text, found byte 0xE9, which is not UTF-8
 * //   (probably Latin-1 or Windows-1252, where é, µ or ± is one byte; save it as UTF-8: ...)
 */
export function decodeText(bytes: Uint8Array, file: string): string {
  const fail = (issue: Omit<InputIssue, 'file' | 'expected'>): never => {
    throw new DataError(
      [{ file, expected: 'UTF-8 text', ...issue }],
      `${file}: not a UTF-8 text file:`,
    );
  };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    fail({
      line: 1,
      found: `a UTF-16 file (byte-order mark ${hex(bytes[0])} ${hex(bytes[1])})`,
      hint: SAVE_AS_UTF8,
    });
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    fail({
      line: 1,
      found: 'a ZIP archive (an .xlsx or .ods workbook?)',
      hint: 'export the sheet as CSV UTF-8',
    });
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    if (looksLikeUtf16(bytes))
      fail({
        line: 1,
        found: 'a UTF-16 file without a byte-order mark (a NUL byte every other byte)',
        hint: SAVE_AS_UTF8,
      });
    const { line, char } = positionOf(bytes, nul);
    fail({
      line,
      char,
      found: 'a NUL byte (a binary file, not text)',
      hint: 'is this the right file?',
    });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const { line, char } = positionOf(bytes, bad);
    return fail({
      line,
      char,
      found: `byte ${hex(bytes[bad])}, which is not UTF-8`,
      hint: `probably Latin-1 or Windows-1252, where é, µ or ± is one byte; ${SAVE_AS_UTF8}`,
    });
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** NUL bytes mostly at even or mostly at odd offsets in the first 4 KB: UTF-16 text without a BOM. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 1) if (bytes[i] === 0) i % 2 === 0 ? (even += 1) : (odd += 1);
  return Math.max(even, odd) >= n / 4 && Math.min(even, odd) <= Math.max(even, odd) / 10;
}

/** Offset of the first byte that does not continue a valid UTF-8 sequence (RFC 3629: no overlongs, no surrogates). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let min = 0x80;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) min = 0xa0;
      if (b === 0xed) max = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) min = 0x90;
      if (b === 0xf4) max = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k += 1) {
      const c = bytes[i + k];
      const lo = k === 1 ? min : 0x80;
      const hi = k === 1 ? max : 0xbf;
      if (c === undefined || c < lo || c > hi) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}

/** 1-based line and character (code points, in the valid UTF-8 before `offset`) of a byte. */
function positionOf(bytes: Uint8Array, offset: number): { line: number; char: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i += 1) {
    if (bytes[i] === 0x0a) {
      line += 1;
      lineStart = i + 1;
    }
  }
  // Characters before the byte on its line: count bytes that start a code point.
  let char = 1;
  for (let i = lineStart; i < offset; i += 1) if ((bytes[i] & 0xc0) !== 0x80) char += 1;
  if (line === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) char -= 1; // the BOM is not a character
  return { line, char };
}

const hex = (byte: number | undefined): string =>
  `0x${(byte ?? 0).toString(16).toUpperCase().padStart(2, '0')}`;

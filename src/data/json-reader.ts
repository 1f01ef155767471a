import type { ColumnSpecs } from './schema.js';
import type { TableBuilder } from './table-builder.js';

/**
 * Feeds a JSON array of objects into `builder`. JSON.parse does the parsing; a light scan
 * of the text finds each object's line and the printed text of its numbers (`18.80`
 * stays `18.80`, which JSON.parse would turn into 18.8).
 */
export function readJsonTable<C extends ColumnSpecs>(text: string, builder: TableBuilder<C>): void {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (source.trim() === '') return; // the builder reports the empty file
  let data: unknown;
  try {
    data = JSON.parse(source);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    builder.issue({
      line: position ? lineAt(source, Number(position[1])) : undefined,
      column: '(JSON)',
      expected: 'valid JSON (an array of objects)',
      found: message,
    });
    return;
  }
  if (!Array.isArray(data)) {
    builder.issue({
      line: 1,
      column: '(JSON)',
      expected: 'an array of objects, one per row',
      found: describeJson(data),
    });
    return;
  }
  const scanned = scanElements(source);
  // JSON.parse keeps the last of two equal keys without a word: a row must say each thing once.
  for (const { key, line } of scanned.duplicates) {
    builder.issue({
      line,
      column: key,
      expected: 'each key once in an object',
      found: `"${key}" again in the same object (JSON would keep only the last value)`,
    });
  }
  const names: string[] = [];
  const firstLine = new Map<string, number>();
  data.forEach((element, i) => {
    if (element === null || typeof element !== 'object' || Array.isArray(element)) return;
    for (const name in element) {
      if (!firstLine.has(name)) {
        firstLine.set(name, scanned.lines[i] ?? 1);
        names.push(name);
      }
    }
  });
  // An empty array is an empty table: no columns to require.
  builder.setHeader(names, (name) => firstLine.get(name) ?? 1, data.length > 0);
  data.forEach((element: unknown, i) => {
    const line = scanned.lines[i] ?? 1;
    if (element === null || typeof element !== 'object' || Array.isArray(element)) {
      builder.issue({
        line,
        column: `[${i}]`,
        expected: 'an object (one row)',
        found: describeJson(element),
      });
      return;
    }
    const object = element as Record<string, unknown>;
    const cells = names.map((name) => {
      if (!(name in object)) return undefined;
      const value = object[name];
      if (value === null) return '';
      if (typeof value === 'string') return value;
      if (typeof value === 'number') return printedNumber(scanned, i, name) ?? String(value);
      builder.issue({
        line,
        column: name,
        expected: 'a number, text or null',
        found: describeJson(value),
      });
      return '';
    });
    builder.record(cells, line);
  });
}

/** Per top-level element: its line, and (flat, element by element) its top-level numbers' keys and raw text. */
interface Scanned {
  lines: number[];
  /** Index into `keys`/`raws` where each element's numbers start. */
  starts: number[];
  keys: string[];
  raws: string[];
  /** Keys given twice in one row object, with the line of the second. */
  duplicates: { key: string; line: number }[];
}

function printedNumber(scanned: Scanned, element: number, key: string): string | undefined {
  const end =
    element + 1 < scanned.starts.length ? scanned.starts[element + 1] : scanned.keys.length;
  for (let k = scanned.starts[element]; k < end; k += 1)
    if (scanned.keys[k] === key) return scanned.raws[k];
  return undefined;
}

/** Finds the line of each element of the top-level array and the raw text of its numbers. */
function scanElements(text: string): Scanned {
  const scanned: Scanned = { lines: [], starts: [], keys: [], raws: [], duplicates: [] };
  // Rows usually repeat the previous row's keys in the same order: the k-th key is compared
  // in place with the previous row's k-th key and reused, so no string is cut out per key.
  let previousKeys: string[] = [];
  let rowKeys: string[] = [];
  const element = (line: number): void => {
    scanned.lines.push(line);
    scanned.starts.push(scanned.keys.length);
  };
  let line = 1;
  let depth = 0;
  let key: string | undefined;
  let expectKey = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 10) line += 1;
    else if (c === 34) {
      // A string: its end is the next quote not escaped by an odd number of backslashes
      // (indexOf is native; valid JSON has no raw line break inside a string).
      let j = text.indexOf('"', i + 1);
      while (j !== -1 && text.charCodeAt(j - 1) === 92) {
        let slashes = 1;
        while (text.charCodeAt(j - 1 - slashes) === 92) slashes += 1;
        if (slashes % 2 === 0) break;
        j = text.indexOf('"', j + 1);
      }
      if (j === -1) j = text.length;
      if (depth === 1) element(line);
      if (depth === 2 && expectKey) {
        const guess = previousKeys[rowKeys.length];
        if (guess !== undefined && j - i - 1 === guess.length && text.startsWith(guess, i + 1))
          key = guess;
        else {
          const raw = text.slice(i + 1, j);
          key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
        }
        expectKey = false;
        // Rows have a handful of keys: a linear scan beats a Set per row.
        if (rowKeys.includes(key)) scanned.duplicates.push({ key, line });
        rowKeys.push(key);
      }
      i = j;
    } else if (c === 123 || c === 91) {
      depth += 1;
      if (depth === 2) {
        element(line);
        expectKey = c === 123;
        key = undefined;
        if (rowKeys.length > 0) previousKeys = rowKeys;
        rowKeys = [];
      }
    } else if (c === 125 || c === 93) depth -= 1;
    else if (depth === 2 && c === 44) expectKey = true;
    else if (depth === 2 && (c === 45 || (c >= 48 && c <= 57)) && key !== undefined) {
      let j = i + 1;
      while (j < text.length && isNumberChar(text.charCodeAt(j))) j += 1;
      scanned.keys.push(key);
      scanned.raws.push(text.slice(i, j));
      i = j - 1;
    } else if (depth === 1 && c !== 44 && c > 32) {
      // A scalar element of the top-level array: keep indices aligned.
      element(line);
      while (i + 1 < text.length && !/[,\]\s]/.test(text[i + 1])) i += 1;
    }
  }
  return scanned;
}

/** 0-9 . e E + - */
function isNumberChar(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 46 || c === 101 || c === 69 || c === 43 || c === 45;
}

function lineAt(text: string, position: number): number {
  let line = 1;
  for (let i = 0; i < position && i < text.length; i += 1) if (text.charCodeAt(i) === 10) line += 1;
  return line;
}

function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value)}`;
}

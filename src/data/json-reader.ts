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
    builder.issue({ line: 1, column: '(JSON)', expected: 'an array of objects, one per row', found: describeJson(data) });
    return;
  }
  const scanned = scanElements(source);
  const names: string[] = [];
  const firstLine = new Map<string, number>();
  data.forEach((element, i) => {
    if (element === null || typeof element !== 'object' || Array.isArray(element)) return;
    for (const name of Object.keys(element)) {
      if (!firstLine.has(name)) {
        firstLine.set(name, scanned[i]?.line ?? 1);
        names.push(name);
      }
    }
  });
  // An empty array is an empty table: no columns to require.
  builder.setHeader(names, (name) => firstLine.get(name) ?? 1, data.length > 0);
  data.forEach((element: unknown, i) => {
    const line = scanned[i]?.line ?? 1;
    if (element === null || typeof element !== 'object' || Array.isArray(element)) {
      builder.issue({ line, column: `[${i}]`, expected: 'an object (one row)', found: describeJson(element) });
      return;
    }
    const object = element as Record<string, unknown>;
    const cells = names.map((name) => {
      if (!(name in object)) return undefined;
      const value = object[name];
      if (value === null) return '';
      if (typeof value === 'string') return value;
      if (typeof value === 'number') return scanned[i]?.numbers.get(name) ?? String(value);
      builder.issue({ line, column: name, expected: 'a number, text or null', found: describeJson(value) });
      return '';
    });
    builder.record(cells, line);
  });
}

interface ScannedElement {
  line: number;
  /** Key -> printed text of the number, for top-level keys of the object. */
  numbers: Map<string, string>;
}

/** Finds the line of each element of the top-level array and the raw text of its numbers. */
function scanElements(text: string): ScannedElement[] {
  const elements: ScannedElement[] = [];
  let line = 1;
  let depth = 0;
  let current: ScannedElement | undefined;
  let key: string | undefined;
  let expectKey = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 10) line += 1;
    else if (c === 34) {
      // A string: find its end, honouring backslash escapes.
      let j = i + 1;
      while (j < text.length && text.charCodeAt(j) !== 34) j += text.charCodeAt(j) === 92 ? 2 : 1;
      if (depth === 1) elements.push({ line, numbers: new Map() });
      if (depth === 2 && expectKey) {
        key = JSON.parse(text.slice(i, j + 1)) as string;
        expectKey = false;
      }
      i = j;
    } else if (c === 123 || c === 91) {
      depth += 1;
      if (depth === 2) {
        current = { line, numbers: new Map() };
        elements.push(current);
        expectKey = c === 123;
      }
    } else if (c === 125 || c === 93) depth -= 1;
    else if (depth === 2 && c === 44) expectKey = true;
    else if (depth === 2 && (c === 45 || (c >= 48 && c <= 57)) && current && key !== undefined) {
      let j = i + 1;
      while (j < text.length && /[0-9eE.+-]/.test(text[j])) j += 1;
      current.numbers.set(key, text.slice(i, j));
      i = j - 1;
    } else if (depth === 1 && c !== 44 && c > 32 && c !== 125 && c !== 93) {
      // A scalar element of the top-level array: keep indices aligned.
      elements.push({ line, numbers: new Map() });
      while (i + 1 < text.length && !/[,\]\s]/.test(text[i + 1])) i += 1;
    }
  }
  return elements;
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

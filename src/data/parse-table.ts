import { parse } from 'csv-parse/sync';
import { CSV_OPTIONS, CsvFeeder, reportCsvError } from './csv-reader.js';
import { readJsonTable } from './json-reader.js';
import type { ColumnSpecs, RowMeta, Schema, ValuesOf } from './schema.js';
import { TableBuilder, type ParseOptions, type ParsedTable, type DataFormat } from './table-builder.js';

/**
 * Parses CSV or JSON text (an array of objects) against `schema` and returns typed rows,
 * or throws DataError listing every issue (file, line, column, expected, found, hint).
 * Runs in Node and in the browser; for large files on disk use `readTableFile`.
 *
 * @example
 * const { rows } = parseTable('study,events1,n1\nA,3,20\n', studies, { file: 'meta.csv' });
 * rows[0]; // { study: 'A', events1: 3, n1: 20, $line: 2, $printed: { events1: '3', n1: '20' } }
 */
export function parseTable<C extends ColumnSpecs>(
  text: string,
  schema: Schema<C>,
  options: ParseOptions,
): ParsedTable<ValuesOf<C> & RowMeta> {
  const format = options.format ?? formatOf(options.file);
  const builder = new TableBuilder(schema, options.file, format, options.maxIssues);
  if (format === 'json') readJsonTable(text, builder);
  else {
    const feeder = new CsvFeeder(builder);
    feeder.detectNewline(text.slice(0, 65536));
    // Chunks of about 1 MB, so raw records never pile up for a whole big text.
    for (const chunk of csvChunks(text)) {
      const lineOffset = feeder.nextLine - 1;
      let records: string[][];
      try {
        records = parse(chunk, CSV_OPTIONS) as string[][];
      } catch (error) {
        reportCsvError(builder, error, lineOffset);
        break;
      }
      for (const record of records) feeder.record(record);
    }
  }
  return builder.finish();
}

const CHUNK = 1 << 20;

/**
 * Splits CSV text at line breaks that are outside quoted cells (an even number of `"`
 * before them, which holds for RFC 4180 CSV, where `""` escapes a quote), every ~1 MB.
 */
export function* csvChunks(text: string, size = CHUNK): Generator<string> {
  let start = 0;
  while (text.length - start > size) {
    let quotes = countQuotes(text, start, start + size);
    let from = start + size;
    let cut = -1;
    for (;;) {
      const newline = text.indexOf('\n', from);
      if (newline === -1) break;
      quotes += countQuotes(text, from, newline);
      if (quotes % 2 === 0) {
        cut = newline + 1;
        break;
      }
      from = newline + 1;
    }
    if (cut === -1) break;
    yield text.slice(start, cut);
    start = cut;
  }
  yield text.slice(start);
}

function countQuotes(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf('"', from); i !== -1 && i < to; i = text.indexOf('"', i + 1)) count += 1;
  return count;
}

/** `json` for a name ending in `.json`, otherwise `csv`. */
export function formatOf(file: string): DataFormat {
  return /\.json$/i.test(file) ? 'json' : 'csv';
}

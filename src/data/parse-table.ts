import { readCsvTable } from './csv-reader.js';
import { decodeText } from './decode-text.js';
import { readJsonTable } from './json-reader.js';
import type { ColumnSpecs, RowMeta, Schema, ValuesOf } from './schema.js';
import {
  TableBuilder,
  type ParseOptions,
  type ParsedTable,
  type DataFormat,
} from './table-builder.js';

/**
 * Parses CSV or JSON text (an array of objects) against `schema` and returns typed rows,
 * or throws DataError listing every issue (file, line, column, expected, found, hint).
 * Runs in Node and in the browser. Files and standard input arrive as bytes: use
 * `parseTableBytes` (strict UTF-8) or `readTableFile`; all three give the same result.
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
  return fillBuilder(text, schema, options).finish();
}

/**
 * `parseTable` for bytes (a file's content, standard input): decoded as strict UTF-8
 * first (a UTF-16 file, Latin-1 bytes or a binary file is a DataError at its line and
 * character, never U+FFFD). With no `format`, JSON when the text starts with `[`
 * (after a BOM and white space) and the file name does not end in `.csv`.
 */
export function parseTableBytes<C extends ColumnSpecs>(
  bytes: Uint8Array,
  schema: Schema<C>,
  options: ParseOptions,
): ParsedTable<ValuesOf<C> & RowMeta> {
  return bytesIntoBuilder(bytes, schema, options).finish();
}

/** Decodes and parses into a builder (callers choose `finish` or `partial`). */
export function bytesIntoBuilder<C extends ColumnSpecs>(
  bytes: Uint8Array,
  schema: Schema<C>,
  options: ParseOptions,
): TableBuilder<C> {
  return fillBuilder(decodeText(bytes, options.file), schema, options);
}

function fillBuilder<C extends ColumnSpecs>(
  text: string,
  schema: Schema<C>,
  options: ParseOptions,
): TableBuilder<C> {
  const format = options.format ?? formatOf(options.file);
  const builder = new TableBuilder(schema, options.file, format, options.maxIssues);
  if (format === 'json') readJsonTable(text, builder);
  else readCsvTable(text, builder);
  return builder;
}

/** `json` for a name ending in `.json`, otherwise `csv`. */
export function formatOf(file: string): DataFormat {
  return /\.json$/i.test(file) ? 'json' : 'csv';
}

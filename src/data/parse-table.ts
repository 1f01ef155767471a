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
    let records: string[][] = [];
    try {
      records = parse(text, CSV_OPTIONS) as string[][];
    } catch (error) {
      reportCsvError(builder, error);
    }
    // Release each raw record once it is a typed row, so the two never coexist in full.
    for (let i = 0; i < records.length; i += 1) {
      feeder.record(records[i]);
      (records as unknown[])[i] = undefined;
    }
  }
  return builder.finish();
}

/** `json` for a name ending in `.json`, otherwise `csv`. */
export function formatOf(file: string): DataFormat {
  return /\.json$/i.test(file) ? 'json' : 'csv';
}

import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvError, parse } from 'csv-parse';
import { DataError } from '../errors.js';
import { CSV_OPTIONS, CsvFeeder, reportCsvError } from './csv-reader.js';
import { readJsonTable } from './json-reader.js';
import { formatOf } from './parse-table.js';
import type { ColumnSpecs, RowMeta, Schema, ValuesOf } from './schema.js';
import { TableBuilder, type ParseOptions, type ParsedTable } from './table-builder.js';

/**
 * Reads and validates a table file (Node only). CSV is streamed through csv-parse and each
 * record becomes a typed row at once, so memory holds the rows, never the whole text or
 * an array of raw records. JSON is read whole (JSON.parse needs it). Throws DataError.
 *
 * @example
 * const { rows } = await readTableFile('arms.csv', KINDS['arm-binary']);
 */
export async function readTableFile<C extends ColumnSpecs>(
  path: string,
  schema: Schema<C>,
  options: Partial<ParseOptions> = {},
): Promise<ParsedTable<ValuesOf<C> & RowMeta>> {
  return (await readIntoBuilder(path, schema, options)).finish();
}

/** Reads a file into a TableBuilder (the caller chooses `finish` or `partial`); throws DataError for an unreadable file. */
export async function readIntoBuilder<C extends ColumnSpecs>(path: string, schema: Schema<C>, options: Partial<ParseOptions> = {}): Promise<TableBuilder<C>> {
  const file = options.file ?? path;
  const format = options.format ?? formatOf(path);
  const builder = new TableBuilder(schema, file, format, options.maxIssues);
  try {
    if (format === 'json') readJsonTable(await readFile(path, 'utf8'), builder);
    else {
      const feeder = new CsvFeeder(builder);
      const source = createReadStream(path, { encoding: 'utf8' });
      source.once('data', (chunk) => feeder.detectNewline(String(chunk)));
      const sink = new Writable({
        objectMode: true,
        write: (record: string[], _encoding, done) => {
          feeder.record(record);
          done();
        },
      });
      await pipeline(source, parse(CSV_OPTIONS), sink).catch((error: unknown) => {
        if (error instanceof CsvError) reportCsvError(builder, error);
        else throw error;
      });
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') {
      const found = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a folder' : 'no permission to read it';
      throw new DataError([{ file, expected: 'a readable file', found }]);
    }
    throw error;
  }
  return builder;
}

import { CsvError, type Options } from 'csv-parse';
import type { ColumnSpecs } from './schema.js';
import type { TableBuilder } from './table-builder.js';

/**
 * csv-parse options that feed each record straight into `builder` (and keep nothing),
 * so neither the sync nor the streaming parser builds an array of raw records.
 * Accepts a UTF-8 BOM and CRLF; blank lines and ragged rows reach the builder.
 */
export function csvOptions<C extends ColumnSpecs>(builder: TableBuilder<C>): Options {
  let headerDone = false;
  let lastLine = 0;
  return {
    bom: true,
    relax_column_count: true,
    skip_empty_lines: false,
    on_record: (record: string[], context) => {
      const start = lastLine + 1;
      lastLine = context.lines;
      if (record.length === 1 && record[0].trim() === '') builder.blank(start);
      else if (!headerDone) {
        headerDone = true;
        builder.setHeader(record, () => start);
      } else builder.record(record, start);
      return null;
    },
  };
}

/** Turns a csv-parse error (bad quoting) into an issue on the builder. */
export function reportCsvError<C extends ColumnSpecs>(builder: TableBuilder<C>, error: unknown): void {
  if (!(error instanceof CsvError)) throw error;
  const fields = error as CsvError & { lines?: number; column?: number };
  builder.issue({
    line: typeof fields.lines === 'number' ? fields.lines : undefined,
    column: typeof fields.column === 'number' ? builder.columnName(fields.column) : '(quoting)',
    expected: 'well-formed CSV (a quoted cell starts and ends with ", and " inside it is written "")',
    found: error.message.replace(/^Invalid \w+:\s*/, ''),
  });
}

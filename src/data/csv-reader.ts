import { CsvError, type Options } from 'csv-parse';
import type { ColumnSpecs } from './schema.js';
import type { TableBuilder } from './table-builder.js';

/**
 * csv-parse options for reading a table: accept a UTF-8 BOM and any line ending, keep
 * blank lines and ragged rows (the builder reports them). No `on_record`/`info`: csv-parse
 * then builds an info object per record, which doubled the load time; `CsvFeeder` counts
 * lines itself.
 */
export const CSV_OPTIONS: Options = { bom: true, relax_column_count: true, skip_empty_lines: false };

/**
 * Feeds csv-parse records to a builder in order, tracking the line each record starts on:
 * one line per record plus the line breaks inside its (quoted) cells.
 */
export class CsvFeeder<C extends ColumnSpecs> {
  private line = 1;
  private headerDone = false;
  private newline: string | undefined;

  constructor(private readonly builder: TableBuilder<C>) {}

  /** Call with the first text or chunk so `\r`-only files count lines right. */
  detectNewline(text: string): void {
    if (this.newline === undefined && /[\r\n]/.test(text)) this.newline = text.includes('\n') ? '\n' : '\r';
  }

  /** The line the next record starts on. */
  get nextLine(): number {
    return this.line;
  }

  record(record: string[]): void {
    const start = this.line;
    this.line += 1;
    for (const cell of record) {
      if (cell.length > 0 && cell.indexOf(this.newline ?? '\n') !== -1) this.line += cell.split(this.newline ?? '\n').length - 1;
    }
    if (record.length === 1 && record[0].trim() === '') this.builder.blank(start);
    else if (!this.headerDone) {
      this.headerDone = true;
      this.builder.setHeader(record, () => start);
    } else this.builder.record(record, start);
  }
}

/** Turns a csv-parse error (bad quoting) into an issue on the builder; rethrows anything else. */
export function reportCsvError<C extends ColumnSpecs>(builder: TableBuilder<C>, error: unknown, lineOffset = 0): void {
  if (!(error instanceof CsvError)) throw error;
  const fields = error as CsvError & { lines?: number; column?: number };
  builder.issue({
    line: typeof fields.lines === 'number' ? fields.lines + lineOffset : undefined,
    column: typeof fields.column === 'number' ? builder.columnName(fields.column) : '(quoting)',
    expected: 'well-formed CSV (a quoted cell starts and ends with ", and " inside it is written "")',
    found: error.message.replace(/^Invalid \w+:\s*/, ''),
  });
}

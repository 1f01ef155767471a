import { DataError, type InputIssue } from '../errors.js';
import { closestName } from './closest-name.js';
import { INVALID, parseCell } from './parse-cell.js';
import type { CheckIssue, ColumnSpec, ColumnSpecs, RowMeta, Schema, ValuesOf } from './schema.js';

export type DataFormat = 'csv' | 'json';

/** A parsed, valid table. */
export interface ParsedTable<R> {
  /** As given in the options (path, `<stdin>`, `dataset/file.csv`). */
  readonly file: string;
  readonly format: DataFormat;
  /** Column names in file order (CSV header; for JSON the keys in order of first appearance). */
  readonly columns: readonly string[];
  readonly rows: R[];
}

export interface ParseOptions {
  /** Name used in every issue: a path, `<stdin>`, or `dataset/file.csv`. */
  file: string;
  /** Default: `json` if `file` ends in `.json`, else `csv`. */
  format?: DataFormat;
  /** Stop collecting after this many issues (the count of the rest is still reported). Default 1000. */
  maxIssues?: number;
}

/**
 * Turns a header and a stream of records (arrays of cell text) into typed rows, collecting
 * every issue. Shared by the sync CSV, streaming CSV and JSON readers; no I/O here.
 */
export class TableBuilder<C extends ColumnSpecs> {
  readonly rows: (ValuesOf<C> & RowMeta)[] = [];
  private readonly issues: InputIssue[] = [];
  private issueCount = 0;
  private header: string[] = [];
  private headerLine = 1;
  private headerSet = false;
  /** Per schema column: [name, spec, index in the record or -1]. */
  private present: [string, ColumnSpec, number][] = [];
  private extra: [string, number][] = [];
  /** Key values seen so far, one map level per key column; the last level holds the line. */
  private readonly keys = new Map<unknown, unknown>();
  /** The cell being parsed, for `reportCell` (one reporter per builder, not one closure per cell). */
  private cellLine = 0;
  private cellColumn = '';
  private cellAbsent = false;
  private readonly reportCell = (issue: Omit<CheckIssue, 'column'>): void => {
    const absent = this.cellAbsent ? { found: `no "${this.cellColumn}" key in this object` } : {};
    this.issue({ line: this.cellLine, column: this.cellColumn, ...issue, ...absent });
  };
  private pendingBlank: number[] = [];
  private readonly maxIssues: number;

  constructor(
    private readonly schema: Schema<C>,
    private readonly file: string,
    private readonly format: DataFormat,
    maxIssues = 1000,
  ) {
    this.maxIssues = maxIssues;
  }

  issue(issue: Omit<InputIssue, 'file'>): void {
    this.issueCount += 1;
    if (this.issues.length < this.maxIssues) this.issues.push({ file: this.file, ...issue });
  }

  /** Checks the column names; `lineOf(name)` gives where a name appears (1 for a CSV header). */
  setHeader(
    names: readonly string[],
    lineOf: (name: string) => number = () => 1,
    requireColumns = true,
  ): void {
    this.headerSet = true;
    this.headerLine = lineOf('');
    this.header = names.map((name) => name.trim());
    const seen = new Map<string, number>();
    const known = Object.keys(this.schema.columns);
    this.header.forEach((name, index) => {
      if (name === '') {
        this.issue({
          line: lineOf(name),
          column: `#${index + 1}`,
          expected: 'a column name',
          found: 'an empty header cell',
        });
        return;
      }
      if (seen.has(name)) {
        this.issue({
          line: lineOf(name),
          column: name,
          expected: 'each column once',
          found: `"${name}" again (columns ${seen.get(name)! + 1} and ${index + 1})`,
        });
        return;
      }
      seen.set(name, index);
      if (!(name in this.schema.columns)) {
        if (this.schema.extraColumns === 'keep') this.extra.push([name, index]);
        else {
          this.issue({
            line: lineOf(name),
            column: name,
            expected: `a column of ${this.schemaName()} (${known.join(', ')})`,
            found: `unknown column "${name}"`,
            hint: suggest(name, known),
          });
        }
      }
    });
    for (const [name, spec] of Object.entries(this.schema.columns)) {
      const index = seen.get(name) ?? -1;
      if (index === -1 && spec.required && requireColumns) {
        this.issue({
          line: this.headerLine,
          column: name,
          expected: `a column "${name}" (required by ${this.schemaName()})`,
          found: 'no such column',
        });
      }
      this.present.push([name, spec, index]);
    }
  }

  /** The header name of the 0-based column `index`, or `#n` past the header. */
  columnName(index: number): string {
    return this.header[index] || `#${index + 1}`;
  }

  /** A line with nothing on it: an issue unless only blank lines follow. */
  blank(line: number): void {
    this.pendingBlank.push(line);
  }

  /** One record: cell text (or undefined for a JSON key that is absent), starting at `line`. */
  record(cells: readonly (string | undefined)[], line: number): void {
    this.flushBlank();
    if (cells.length !== this.header.length) {
      this.raggedRow(cells, line, cells.length);
      return;
    }
    let valid = true;
    const values: Record<string, unknown> = {};
    const printed: Record<string, string> = {};
    for (const [name, spec, index] of this.present) {
      const text = index === -1 ? undefined : cells[index];
      if (text === undefined && index === -1) {
        // A missing optional column (or a required one, already reported in the header).
        values[name] = spec.type === 'enum' ? spec.default : undefined;
        continue;
      }
      // `text` is undefined only for a key absent from a JSON object.
      this.cellLine = line;
      this.cellColumn = name;
      this.cellAbsent = text === undefined;
      const value = parseCell(spec, text ?? '', this.reportCell);
      if (value === INVALID) valid = false;
      else {
        values[name] = value;
        if (typeof value === 'number') printed[name] = (text ?? '').trim();
      }
    }
    const row = values as ValuesOf<C> & {
      $line: number;
      $printed: Record<string, string>;
      $extra?: Record<string, string>;
    };
    row.$line = line;
    row.$printed = printed;
    if (this.extra.length > 0) {
      const extra: Record<string, string> = {};
      for (const [name, index] of this.extra) extra[name] = cells[index] ?? '';
      row.$extra = extra;
    }
    if (!valid) return;
    if (this.checkKey(values, line)) this.runChecks(row, line);
    this.rows.push(row);
  }

  /**
   * The table so far (rows whose cells all parsed, including rows that failed a check)
   * and every issue: for callers that check more before reporting (dataset loading).
   */
  partial(): { table: ParsedTable<ValuesOf<C> & RowMeta>; issues: readonly InputIssue[] } {
    this.pendingBlank = []; // trailing blank lines are harmless
    if (!this.headerSet && this.issueCount === 0) {
      const expected =
        this.format === 'json' ? 'an array of objects' : 'a header line naming the columns';
      this.issue({ line: 1, column: '(header)', expected, found: 'an empty file' });
    }
    return {
      table: { file: this.file, format: this.format, columns: this.header, rows: this.rows },
      issues: this.issues,
    };
  }

  /** Returns the table, or throws DataError with every issue. */
  finish(): ParsedTable<ValuesOf<C> & RowMeta> {
    const { table } = this.partial();
    if (this.issueCount > 0) {
      const shown = this.issues.length;
      const count = `${this.issueCount} ${this.issueCount === 1 ? 'issue' : 'issues'}`;
      const summary = `${this.file}: ${count}${shown < this.issueCount ? ` (first ${shown} shown)` : ''}:`;
      throw new DataError(this.issues, summary);
    }
    return table;
  }

  private flushBlank(): void {
    for (const line of this.pendingBlank) {
      this.issue({
        line,
        column: '(whole line)',
        expected: 'a row of cells',
        found: 'a blank line',
        hint: 'delete blank lines between rows',
      });
    }
    this.pendingBlank = [];
  }

  private raggedRow(cells: readonly (string | undefined)[], line: number, count: number): void {
    const expected = `${this.header.length} cells, one per header column`;
    if (count > this.header.length) {
      const comma = decimalCommaSplit(cells, this.header, this.schema.columns);
      this.issue({
        line,
        column: comma?.column ?? `#${this.header.length + 1}`,
        expected,
        found: `${count} cells`,
        hint: comma
          ? `"${comma.text}" in column ${comma.column} looks like a decimal comma: write ${comma.text.replace(',', '.')}`
          : undefined,
      });
    } else {
      this.issue({
        line,
        column: this.header[count] ?? `#${count + 1}`,
        expected,
        found: `${count} cells`,
      });
    }
  }

  private checkKey(values: Record<string, unknown>, line: number): boolean {
    const key = this.schema.key;
    if (key.length === 0) return true;
    // Nested maps, not a joined string: no string is built per row.
    let level: Map<unknown, unknown> = this.keys;
    for (let i = 0; i < key.length - 1; i += 1) {
      const value = values[key[i]] ?? '';
      let next = level.get(value) as Map<unknown, unknown> | undefined;
      if (next === undefined) {
        next = new Map();
        level.set(value, next);
      }
      level = next;
    }
    const last = values[key[key.length - 1]] ?? '';
    const first = level.get(last) as number | undefined;
    if (first === undefined) {
      level.set(last, line);
      return true;
    }
    const id = key.map((name) => String(values[name] ?? ''));
    this.issue({
      line,
      column: key.join(', '),
      expected: `a unique (${key.join(', ')})`,
      found: `(${id.join(', ')}) again: duplicate of line ${first}`,
    });
    return false;
  }

  private runChecks(row: ValuesOf<C> & RowMeta, line: number): void {
    for (const check of this.schema.checks)
      check(row, (issue: CheckIssue) => this.issue({ line, ...issue }));
  }

  private schemaName(): string {
    return this.schema.name ?? 'the schema';
  }
}

const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Where a row has one cell too many because `18,8` was split in two: the first split of
 * a decimal (not integer) column after which every numeric cell of the row is a plain
 * number or empty. Returns the column and the text.
 */
function decimalCommaSplit(
  cells: readonly (string | undefined)[],
  header: readonly string[],
  columns: ColumnSpecs,
): { column: string; text: string } | undefined {
  if (cells.length !== header.length + 1) return undefined;
  const text = (i: number): string => (cells[i] ?? '').trim();
  for (let i = 0; i < header.length; i += 1) {
    if (
      columns[header[i]]?.type !== 'number' ||
      !/^[+-]?\d+$/.test(text(i)) ||
      !/^\d+$/.test(text(i + 1))
    )
      continue;
    const plausible = header.every((name, j) => {
      const type = columns[name]?.type;
      const cell = text(j <= i ? j : j + 1);
      return (
        j === i ||
        (type !== 'number' && type !== 'integer') ||
        cell === '' ||
        PLAIN_NUMBER.test(cell)
      );
    });
    if (plausible) return { column: header[i], text: `${text(i)},${text(i + 1)}` };
  }
  return undefined;
}

/** "did you mean sd?" for a column name close to a known one. */
function suggest(name: string, known: readonly string[]): string | undefined {
  const best = closestName(name.replace(/[\s-]+/g, '_'), known);
  return best !== undefined ? `did you mean "${best}"?` : undefined;
}

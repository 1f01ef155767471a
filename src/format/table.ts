import { formatJson } from './json.js';

/**
 * Renders rows as an aligned text table, CSV, JSON or Markdown, for CLI output.
 */

export type TableFormat = 'table' | 'csv' | 'json' | 'md';
export const TABLE_FORMATS: readonly TableFormat[] = ['table', 'csv', 'json', 'md'];

export interface Column<Row> {
  /** Header text. */
  header: string;
  /** Cell text for human formats (table, md). */
  text: (row: Row) => string;
  /** Raw value for machine formats (csv, json); defaults to `text`. */
  value?: (row: Row) => unknown;
  /** Right-align in the text table (numbers). */
  align?: 'left' | 'right';
}

export function renderTable<Row>(
  rows: readonly Row[],
  columns: readonly Column<Row>[],
  format: TableFormat,
): string {
  switch (format) {
    case 'json':
      return formatJson(rows.map((row) => rowObject(row, columns)));
    case 'csv':
      return (
        [
          columns.map((c) => csvCell(c.header)),
          ...rows.map((row) => columns.map((c) => csvCell(rawValue(row, c)))),
        ]
          .map((cells) => cells.join(','))
          .join('\n') + '\n'
      );
    case 'md': {
      const escape = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
      const header = `| ${columns.map((c) => escape(c.header)).join(' | ')} |`;
      const rule = `| ${columns.map((c) => (c.align === 'right' ? '---:' : '---')).join(' | ')} |`;
      const body = rows.map((row) => `| ${columns.map((c) => escape(c.text(row))).join(' | ')} |`);
      return [header, rule, ...body].join('\n') + '\n';
    }
    case 'table': {
      const cells = rows.map((row) => columns.map((c) => c.text(row).replace(/\n/g, ' ')));
      const widths = columns.map((c, i) =>
        Math.max(displayWidth(c.header), ...cells.map((r) => displayWidth(r[i]))),
      );
      const pad = (text: string, i: number): string => {
        const gap = ' '.repeat(widths[i] - displayWidth(text));
        return columns[i].align === 'right' ? gap + text : text + gap;
      };
      const lines = [
        columns.map((c, i) => pad(c.header, i)).join('  '),
        widths.map((w) => '-'.repeat(w)).join('  '),
        ...cells.map((r) => r.map((text, i) => pad(text, i)).join('  ')),
      ];
      return lines.map((line) => line.trimEnd()).join('\n') + '\n';
    }
  }
}

function rawValue<Row>(row: Row, column: Column<Row>): unknown {
  return column.value ? column.value(row) : column.text(row);
}

function rowObject<Row>(row: Row, columns: readonly Column<Row>[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const column of columns) out[column.header] = rawValue(row, column) ?? null;
  return out;
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text =
    typeof value === 'string'
      ? value
      : typeof value === 'object'
        ? JSON.stringify(value)
        : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Width in terminal cells; counts code points so "−" and "≤" take one cell. */
function displayWidth(text: string): number {
  return [...text].length;
}

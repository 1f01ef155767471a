import { table, type ColumnTable } from 'arquero';
import type { RowMeta } from './schema.js';

/**
 * An arquero table of parsed rows: one column per value (metadata `$line`, `$printed`,
 * `$extra` left out unless `columns` names them). `columns` defaults to the keys of the
 * first row; a value missing from a row is `undefined`.
 *
 * @example
 * toTable(rows).filter((d) => d.n > 10).numRows();
 */
export function toTable(
  rows: readonly (object & Partial<RowMeta>)[],
  columns?: readonly string[],
): ColumnTable {
  const names =
    columns ??
    (rows.length > 0 ? Object.keys(rows[0]).filter((name) => !name.startsWith('$')) : []);
  const data: Record<string, unknown[]> = {};
  for (const name of names) data[name] = rows.map((row) => (row as Record<string, unknown>)[name]);
  return table(data, [...names]);
}

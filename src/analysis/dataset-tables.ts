import type { Kind, KindRows } from '../data/kinds/index.js';

/**
 * A dataset as either side of the program holds it: the loader's `Dataset` (src/data,
 * tables with `file` and `table.rows`) or a report's `ReportDataset` (tables with `path`
 * and `rows`, also as re-read from a built page's manifest). Only the fields the analysis
 * core reads are named, so both fit without conversion.
 */
export interface DatasetLike {
  readonly name: string;
  /** dataset.json, when the caller has it: registry checks read its source dates. */
  readonly meta?: {
    readonly sources?: readonly { readonly key: string; readonly date?: string }[];
  };
  readonly tables: readonly (
    | {
        readonly kind: string;
        readonly file: string;
        readonly table: { readonly rows: readonly object[] };
      }
    | { readonly kind: string; readonly path: string; readonly rows: readonly object[] }
  )[];
}

/** One table of a known kind, with the rows typed by the kind's schema. */
export interface TableOf<K extends Kind = Kind> {
  readonly file: string;
  readonly kind: K;
  readonly rows: readonly KindRows[K][];
}

/** A dataset's tables, typed by kind: the only place rows are cast from their schema. */
export interface DatasetTables {
  readonly name: string;
  readonly tables: readonly TableOf[];
}

/**
 * Typed access to a dataset's tables by kind. Tables of an unknown kind are ignored; rows
 * keep every field the loader gave them (`$line`, `$printed`, defaults applied), so
 * checks can still read the printed text.
 *
 * @example
 * const tables = datasetTables(await loadDataset('miles-lam'));
 * rowsOfKind(tables, 'arm-continuous')[0].mean // -134
 */
export function datasetTables(dataset: DatasetLike): DatasetTables {
  return {
    name: dataset.name,
    tables: dataset.tables.map((t) => ({
      file: 'file' in t ? t.file : t.path,
      kind: t.kind as Kind,
      // The loader validated every row against the schema of its kind.
      rows: ('table' in t ? t.table.rows : t.rows) as readonly KindRows[Kind][],
    })),
  };
}

/**
 * The tables of one kind, optionally only those whose file name (without folder) is in
 * `files`.
 */
export function tablesOfKind<K extends Kind>(
  tables: DatasetTables,
  kind: K,
  files?: readonly string[],
): TableOf<K>[] {
  return tables.tables.filter(
    (t): t is TableOf<K> =>
      t.kind === kind && (!files || files.includes(t.file.split('/').pop() ?? t.file)),
  );
}

/**
 * Rows of every table of one kind. `readings: 'primary'` (default) leaves out rows marked
 * `reading: alternative` — another reading of a figure a primary row gives, which would
 * count patients twice in a comparison; `'all'` keeps them (checks check every reading).
 */
export function rowsOfKind<K extends Kind>(
  tables: DatasetTables,
  kind: K,
  options: { files?: readonly string[]; readings?: 'primary' | 'all' } = {},
): KindRows[K][] {
  const rows = tablesOfKind(tables, kind, options.files).flatMap((t) => t.rows);
  return options.readings === 'all' ? rows : rows.filter((r) => !isAlternative(r));
}

/** The row is another reading of a figure that a primary row already gives. */
export function isAlternative(row: { readonly reading?: string }): boolean {
  return row.reading === 'alternative';
}

/**
 * Column schemas for tables read from CSV or JSON. A schema says which columns exist,
 * their types and ranges, which columns form the unique key, and which cross-column
 * checks apply. Row types are inferred from the schema (see `RowOf`).
 */

interface BaseColumn {
  /** The column must be present in the header and every cell must be non-empty. */
  required?: boolean;
  /** One line for docs and `--help`. */
  description?: string;
}

/** Free text. `pattern` (with a `patternDescription` for messages) restricts it. */
export interface TextColumn extends BaseColumn {
  type: 'text';
  pattern?: RegExp;
  patternDescription?: string;
}

/** A number written with `.` as decimal separator; `integer` also requires a whole number. */
export interface NumberColumn extends BaseColumn {
  type: 'number' | 'integer';
  min?: number;
  max?: number;
  /** `min` itself is not allowed (e.g. ci_level in (0, 1)). */
  minExclusive?: boolean;
  maxExclusive?: boolean;
}

/** One of a fixed set of words; `default` is used for an empty cell or a missing column. */
export interface EnumColumn extends BaseColumn {
  type: 'enum';
  values: readonly string[];
  default?: string;
}

/** A calendar date `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, kept as the printed text. */
export interface DateColumn extends BaseColumn {
  type: 'date';
}

export type ColumnSpec = TextColumn | NumberColumn | EnumColumn | DateColumn;
export type ColumnSpecs = Record<string, ColumnSpec>;

/** What a check reports; the parser adds file and line. */
export interface CheckIssue {
  column?: string;
  expected: string;
  found: string;
  hint?: string;
}

/** Metadata kept on every parsed row. */
export interface RowMeta {
  /** 1-based line where the row starts (the header is line 1; for JSON, the line of the object's `{`). */
  readonly $line: number;
  /** Printed text of each non-empty numeric cell, e.g. `{ mean: "18.80" }`, so checks can count decimals. */
  readonly $printed: Readonly<Record<string, string>>;
  /** Cells of columns the schema does not know (only with `extraColumns: 'keep'`), as text. */
  readonly $extra?: Readonly<Record<string, string>>;
}

type CellValue<C> = C extends { type: 'number' | 'integer' }
  ? number
  : C extends { type: 'enum'; values: readonly (infer V)[] }
    ? V
    : string;
type Present<C> = C extends { required: true }
  ? true
  : C extends { default: string }
    ? true
    : false;
type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** The typed values of a row for the column specs `C` (without metadata). */
export type ValuesOf<C extends ColumnSpecs> = Simplify<
  { readonly [K in keyof C as Present<C[K]> extends true ? K : never]: CellValue<C[K]> } & {
    readonly [K in keyof C as Present<C[K]> extends true ? never : K]?: CellValue<C[K]>;
  }
>;

/** A parsed row of schema `S`: typed values plus `$line`, `$printed`, `$extra`. */
export type RowOf<S extends { readonly columns: ColumnSpecs }> = ValuesOf<S['columns']> & RowMeta;

/** A cross-column check on one row; runs only when every cell of the row parsed. */
export type RowCheck<C extends ColumnSpecs> = (
  row: ValuesOf<C> & RowMeta,
  report: (issue: CheckIssue) => void,
) => void;

export interface SchemaDefinition<C extends ColumnSpecs> {
  /** Used in messages, e.g. the dataset kind `arm-binary`. */
  name?: string;
  columns: C;
  /** Columns whose values together must be unique; a missing optional value counts as empty. */
  key?: readonly (keyof C & string)[];
  checks?: readonly RowCheck<C>[];
  /** Columns the schema does not know: an issue (default) or kept as text in `row.$extra`. */
  extraColumns?: 'error' | 'keep';
}

export interface Schema<C extends ColumnSpecs> extends Readonly<SchemaDefinition<C>> {
  readonly columns: C;
  readonly key: readonly (keyof C & string)[];
  readonly checks: readonly RowCheck<C>[];
  readonly extraColumns: 'error' | 'keep';
}

/**
 * Defines a table schema; the row type follows from it (`RowOf<typeof schema>`).
 *
 * @example
 * const studies = defineSchema({
 *   columns: {
 *     study: { type: 'text', required: true },
 *     events1: { type: 'integer', required: true, min: 0 },
 *     n1: { type: 'integer', required: true, min: 1 },
 *   },
 *   key: ['study'],
 *   checks: [atMost('events1', 'n1')],
 *   extraColumns: 'keep',
 * });
 * type StudyRow = RowOf<typeof studies>; // { study: string; events1: number; n1: number } & RowMeta
 */
export function defineSchema<const C extends ColumnSpecs>(
  definition: SchemaDefinition<C>,
): Schema<C> {
  for (const column of definition.key ?? []) {
    if (!(column in definition.columns))
      throw new Error(`defineSchema: key column "${column}" is not a column`);
  }
  return Object.freeze({
    ...definition,
    key: definition.key ?? [],
    checks: definition.checks ?? [],
    extraColumns: definition.extraColumns ?? 'error',
  });
}

/** Dataset layer: schema-driven table parsing and validation. See docs/data-api.md. */
export { defineSchema } from './schema.js';
export type {
  Schema,
  SchemaDefinition,
  ColumnSpec,
  ColumnSpecs,
  TextColumn,
  NumberColumn,
  EnumColumn,
  DateColumn,
  CheckIssue,
  RowCheck,
  RowMeta,
  RowOf,
  ValuesOf,
} from './schema.js';
export { parseTable, formatOf } from './parse-table.js';
export type { ParsedTable, ParseOptions, DataFormat } from './table-builder.js';
export { ordered, printedDecimals } from './checks.js';

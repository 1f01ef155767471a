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
export { parseTable, parseTableBytes, formatOf } from './parse-table.js';
export { decodeText } from './decode-text.js';
export type { ParsedTable, ParseOptions, DataFormat } from './table-builder.js';
export { ordered, printedDecimals } from './checks.js';
export {
  KINDS,
  KIND_NAMES,
  isKind,
  REPORTED_MEASURES,
  TRIAL_PHASES,
  TRIAL_STATUSES,
  splitList,
  derivedPairs,
} from './kinds/index.js';
export {
  armContinuousSchema,
  armBinarySchema,
  reportedComparisonSchema,
  singleArmProportionSchema,
  reportedPercentageSchema,
  trialRegistrySchema,
} from './kinds/index.js';
export type {
  Kind,
  KindRows,
  ArmContinuousRow,
  ArmBinaryRow,
  ReportedComparisonRow,
  SingleArmProportionRow,
  ReportedPercentageRow,
  TrialRegistryRow,
  ArmContinuousValues,
  ArmBinaryValues,
  ReportedComparisonValues,
  SingleArmProportionValues,
  ReportedPercentageValues,
  TrialRegistryValues,
} from './kinds/index.js';
export { armTimeToEventSchema, kmCurveSchema, patientLevelSchema } from './kinds/index.js';
export type {
  ArmTimeToEventRow,
  KmCurveRow,
  PatientLevelRow,
  ArmTimeToEventValues,
  KmCurveValues,
  PatientLevelValues,
} from './kinds/index.js';
export { validateDatasetMeta } from './dataset-meta.js';
export type { DatasetMeta, DatasetSource, DatasetDerivation, DatasetFile } from './dataset-meta.js';
// Node only (read files):
export { readTableFile } from './read-table-file.js';
export {
  loadDataset,
  loadBundledDatasets,
  bundledDatasetNames,
  readKindFile,
  parseKindText,
} from './load-dataset.js';
export type { Dataset, DatasetOptions, LoadedTable } from './load-dataset.js';
export { loadInput } from './load-input.js';
export type { LoadedInput, LoadInputOptions } from './load-input.js';
export { packageRoot, bundledDatasetsDir } from './package-root.js';
export { toTable } from './to-table.js';

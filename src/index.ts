/**
 * trialstat library API: named re-exports only. Everything in src/stats runs in Node and in
 * the browser; file loading, rendering, report building and worker threads are Node only.
 */

// Core: version, errors, result shapes, formatting
export { VERSION } from './version.js';
export { InputError, DataError, CheckFailedError, formatIssue } from './errors.js';
export type { InputIssue } from './errors.js';
export { formatNumber, formatFixed, formatP, formatLevel } from './format/number.js';
export type {
  Estimate,
  ConfidenceInterval,
  TestResult,
  Measure,
  Alternative,
} from './stats/types.js';

// Datasets: schemas, parsing and validation, loaders (docs/data-api.md). readTableFile, loadDataset, loadInput and the bundled-dataset helpers are Node only
export {
  defineSchema,
  parseTable,
  parseTableBytes,
  decodeText,
  formatOf,
  ordered,
  printedDecimals,
  KINDS,
  KIND_NAMES,
  isKind,
  REPORTED_MEASURES,
  TRIAL_PHASES,
  TRIAL_STATUSES,
  splitList,
  derivedPairs,
  armContinuousSchema,
  armBinarySchema,
  reportedComparisonSchema,
  singleArmProportionSchema,
  reportedPercentageSchema,
  trialRegistrySchema,
  armTimeToEventSchema,
  kmCurveSchema,
  patientLevelSchema,
  validateDatasetMeta,
  readTableFile,
  loadDataset,
  loadBundledDatasets,
  bundledDatasetNames,
  readKindFile,
  parseKindText,
  loadInput,
  packageRoot,
  bundledDatasetsDir,
  toTable,
} from './data/index.js';
export type {
  Schema,
  SchemaDefinition,
  ColumnSpec,
  ColumnSpecs,
  CheckIssue,
  RowCheck,
  RowMeta,
  RowOf,
  ValuesOf,
  ParsedTable,
  ParseOptions,
  DataFormat,
  Kind,
  KindRows,
  ArmContinuousRow,
  ArmBinaryRow,
  ReportedComparisonRow,
  SingleArmProportionRow,
  ReportedPercentageRow,
  TrialRegistryRow,
  ArmTimeToEventRow,
  KmCurveRow,
  PatientLevelRow,
  DatasetMeta,
  DatasetSource,
  DatasetDerivation,
  DatasetFile,
  Dataset,
  DatasetOptions,
  LoadedTable,
  LoadedInput,
  LoadInputOptions,
} from './data/index.js';

// The statistics core (src/stats): also published alone as the browser-safe `trialstat/stats`
export * from './stats/index.js';

// Dataset → comparison, written once (src/analysis): typed tables, arm pairing, estimates, compare
export { compareDataset } from './analysis/compare-dataset.js';
export type {
  ArmComparison,
  CompareDatasetOptions,
  CompareDatasetResult,
} from './analysis/compare-dataset.js';
export {
  datasetTables,
  continuousPairs,
  binaryPairs,
  pairForComparison,
  continuousEstimates,
  binaryEstimate,
  binaryTest,
} from './analysis/index.js';
export type {
  DatasetTables,
  PairSelection,
  ContinuousPair,
  BinaryPair,
  PairDerivation,
  Pairing,
} from './analysis/index.js';
// Checking a whole dataset (Node entry only: it reads dataset rows, which the browser-safe stats entry does not).
export { checkDataset, summarize as summarizeChecks } from './analysis/check-dataset.js';
export type { CheckItem, CheckSummary } from './analysis/check-dataset.js';

// Reports: chart specs, rendering, report specs, verification (src/report); rendering and building are Node only
export { forestPlot } from './report/charts/forest-plot.js';
export type { ForestPlotInput, ForestRow, ForestPooled } from './report/charts/forest-plot.js';
export { armDots } from './report/charts/arm-dots.js';
export { adverseEvents } from './report/charts/adverse-events.js';
export { proportionCaterpillar } from './report/charts/proportion-caterpillar.js';
export { trialTimeline } from './report/charts/trial-timeline.js';
export { powerCurve } from './report/charts/power-curve.js';
export { renderSvg } from './report/render.js';
export { validateSpec } from './report/spec.js';
export type { ReportSpec } from './report/spec.js';
export { verifyReportHtml } from './report/verify.js';
export type { VerifyResult, Drift } from './report/verify.js';
export { MANIFEST_FORMAT } from './report/build.js';
export type { ReportManifest } from './report/build.js';
export type { ChartResult } from './report/charts/chart-result.js';

// Scanning a document for checkable figures (src/scan)
export { scanText, summarizeFindings } from './scan/scan-text.js';
export type { ScanOptions } from './scan/scan-text.js';
export type {
  ScanFinding,
  ScanResult,
  ScanSummary,
  ScanVerdict,
  FindingKind,
  ScanLocale,
  DocumentFormat,
} from './scan/types.js';

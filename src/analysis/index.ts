/**
 * The analysis core: dataset → comparison, written once (docs/analysis.md). Typed access
 * to a dataset's tables by kind, one arm-pairing rule (population join, scale,
 * comparator, derivations recorded), one way from a pair to estimates, and the two
 * dataset-wide views built on them (`compareDataset`, `checkDataset`). Pure: no files,
 * no printing, no `node:*`.
 */
export { datasetTables, tablesOfKind, rowsOfKind, isAlternative } from './dataset-tables.js';
export type { DatasetLike, DatasetTables, TableOf } from './dataset-tables.js';
export {
  continuousPairs,
  binaryPairs,
  pairForComparison,
  joinPopulation,
  populationJoins,
  chooseComparator,
  SCALE_PREFERENCE,
  CONTROL_ARM,
  MODEL_BASED_TEST,
} from './pair-arms.js';
export type {
  Scale,
  PairSelection,
  DerivationOptions,
  PairKey,
  Unpaired,
  AlternativeLeftOut,
  PairDerivation,
  ContinuousSide,
  ContinuousPair,
  BinarySide,
  BinaryPair,
  Pairing,
} from './pair-arms.js';
export {
  continuousEstimates,
  binaryEstimate,
  binaryTest,
  pairTable,
  BINARY_CI_METHODS,
  BINARY_INTERVALS,
} from './pair-estimates.js';
export type {
  ContinuousEstimateOptions,
  ContinuousEstimates,
  BinaryMeasure,
  BinaryCiMethod,
  BinaryTest,
} from './pair-estimates.js';
export { compareDataset, derivationNotes } from './compare-dataset.js';
export type {
  ArmComparison,
  CompareDatasetOptions,
  CompareDatasetResult,
} from './compare-dataset.js';
export { checkDataset, summarize } from './check-dataset.js';
export type { CheckItem, CheckSummary } from './check-dataset.js';

/**
 * trialstat library API: named re-exports only. Everything in src/stats runs in Node and in
 * the browser; file loading, rendering, report building and worker threads are Node only.
 */

// Core: version, errors, result shapes, formatting
export { VERSION } from './version.js';
export { InputError, DataError, CheckFailedError, formatIssue } from './errors.js';
export type { InputIssue } from './errors.js';
export { formatNumber, formatFixed, formatP, formatLevel } from './format/number.js';
export type { Estimate, ConfidenceInterval, TestResult, Measure, Alternative } from './stats/types.js';

// Datasets: schemas, parsing and validation, loaders (docs/data-api.md). readTableFile, loadDataset, loadInput and the bundled-dataset helpers are Node only
export {
  defineSchema,
  parseTable,
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

// Distributions (src/stats/dist)
export {
  normalCdf,
  normalSf,
  normalQuantile,
  normalLogCdf,
  normalLogSf,
  tCdf,
  tSf,
  tQuantile,
  chiSquareCdf,
  chiSquareSf,
  chiSquareQuantile,
  fCdf,
  fSf,
  fQuantile,
  betaCdf,
  betaSf,
  betaQuantile,
  gammaCdf,
  gammaSf,
  gammaQuantile,
  logGamma,
  logBeta,
  regularizedBeta,
  regularizedGamma,
  binomialPmf,
  binomialCdf,
  binomialSf,
  binomialQuantile,
  hypergeometricPmf,
  hypergeometricCdf,
  hypergeometricSf,
  noncentralTCdf,
  noncentralTSf,
  noncentralTQuantile,
} from './stats/dist/index.js';
export type { QuantileOptions, ProbabilityOptions } from './stats/dist/index.js';

// Two-arm continuous outcomes and derivations (src/stats/continuous)
export { meanDifference } from './stats/continuous/mean-difference.js';
export type { MeanDifferenceOptions, MeanDifferenceResult } from './stats/continuous/mean-difference.js';
export { standardizedMeanDifference, SMD_VARIANTS } from './stats/continuous/standardized-mean-difference.js';
export type {
  SmdVariant,
  StandardizedMeanDifferenceOptions,
  StandardizedMeanDifferenceResult,
} from './stats/continuous/standardized-mean-difference.js';
export { ratioOfMeans } from './stats/continuous/ratio-of-means.js';
export type { RatioOfMeansResult } from './stats/continuous/ratio-of-means.js';
export { hedgesCorrection } from './stats/continuous/hedges-correction.js';
export { sdFromSe } from './stats/continuous/sd-from-se.js';
export { sdFromCi } from './stats/continuous/sd-from-ci.js';
export type { SdFromCiInput } from './stats/continuous/sd-from-ci.js';
export { sdOfChange } from './stats/continuous/sd-of-change.js';
export { sdFromT } from './stats/continuous/sd-from-t.js';
export { sdFromP } from './stats/continuous/sd-from-p.js';
export { meanFromMedian } from './stats/continuous/mean-from-median.js';
export type { MeanFromMedianMethod } from './stats/continuous/mean-from-median.js';
export { sdFromMedian } from './stats/continuous/sd-from-median.js';
export type { SdFromMedianMethod } from './stats/continuous/sd-from-median.js';
export { expectedNormalRange } from './stats/continuous/expected-normal-range.js';
export { sdFromDifferenceCi } from './stats/continuous/sd-from-difference-ci.js';
export type { SdFromDifferenceCiInput } from './stats/continuous/sd-from-difference-ci.js';
export type { MedianSummary, MedianScenario } from './stats/continuous/median-summary.js';
export type { ArmSummary, Derivation, Derived } from './stats/continuous/types.js';

// Two-arm binary outcomes (src/stats/binary)
export { riskDifference, wilsonInterval } from './stats/binary/risk-difference.js';
export type { RdMethod } from './stats/binary/risk-difference.js';
export { riskRatio } from './stats/binary/risk-ratio.js';
export type { RrMethod } from './stats/binary/risk-ratio.js';
export { oddsRatio } from './stats/binary/odds-ratio.js';
export type { OrMethod } from './stats/binary/odds-ratio.js';
export { fisherExact } from './stats/binary/fisher-exact.js';
export type { FisherExactResult } from './stats/binary/fisher-exact.js';
export { chiSquareTest } from './stats/binary/chi-square-test.js';
export type { ChiSquareResult } from './stats/binary/chi-square-test.js';
export { midPTest } from './stats/binary/mid-p-test.js';
export { barnardExact } from './stats/binary/barnard-exact.js';
export type { UnconditionalExactResult } from './stats/binary/barnard-exact.js';
export { boschlooExact } from './stats/binary/boschloo-exact.js';
export { numberNeededToTreat } from './stats/binary/number-needed-to-treat.js';
export type { NntResult, NntRange } from './stats/binary/number-needed-to-treat.js';
export { compareProportions } from './stats/binary/compare-proportions.js';
export type {
  CompareProportionsOptions,
  CompareProportionsResult,
  ExtraTest,
} from './stats/binary/compare-proportions.js';
export { validateTable } from './stats/binary/table.js';
export type { TwoByTwo, Correction } from './stats/binary/table.js';
export type { BinaryEstimate } from './stats/binary/binary-estimate.js';
export { mcnemarTest } from './stats/binary/mcnemar-test.js';
export type { McNemarMethod, McNemarResult } from './stats/binary/mcnemar-test.js';
export { pairedRiskDifference } from './stats/binary/paired-risk-difference.js';
export type { PairedRdMethod } from './stats/binary/paired-risk-difference.js';
export { validatePairedTable } from './stats/binary/paired-table.js';
export type { PairedTable } from './stats/binary/paired-table.js';

// Single proportions (src/stats/proportion)
export { proportionCi, PROPORTION_CI_METHODS } from './stats/proportion/proportion-ci.js';
export { proportionTest } from './stats/proportion/proportion-test.js';
export type {
  ProportionCiMethod,
  ProportionCiOptions,
  ProportionCiResult,
} from './stats/proportion/proportion-ci.js';
export { binomialTest } from './stats/proportion/binomial-test.js';

// Multiplicity (src/stats/adjust.ts)
export { adjustP, ADJUST_METHODS } from './stats/adjust.js';
export type { AdjustMethod } from './stats/adjust.js';

// Every comparison a dataset allows (src/stats/compare)
export { compareDataset } from './stats/compare/compare-dataset.js';
export type {
  ArmComparison,
  CompareDatasetOptions,
  CompareDatasetResult,
} from './stats/compare/compare-dataset.js';

// Meta-analysis (src/stats/meta)
export { binaryEffectSizes } from './stats/meta/binary-effect-sizes.js';
export type { BinaryStudy } from './stats/meta/binary-effect-sizes.js';
export { continuousEffectSizes } from './stats/meta/continuous-effect-sizes.js';
export type { ContinuousStudy } from './stats/meta/continuous-effect-sizes.js';
export { proportionEffectSizes } from './stats/meta/proportion-effect-sizes.js';
export type { ProportionStudy } from './stats/meta/proportion-effect-sizes.js';
export { genericEffectSizes } from './stats/meta/generic-effect-sizes.js';
export type { GenericStudy } from './stats/meta/generic-effect-sizes.js';
export { computeEffectSizes, META_MEASURES } from './stats/meta/compute-effect-sizes.js';
export { estimateTau2, TAU2_METHODS } from './stats/meta/estimate-tau2.js';
export type { Tau2Method } from './stats/meta/estimate-tau2.js';
export { metaAnalysis } from './stats/meta/meta-analysis.js';
export type {
  MetaAnalysisOptions,
  MetaAnalysisResult,
  MetaMethod,
  MetaTest,
  PredictionType,
} from './stats/meta/meta-analysis.js';
export { tau2ConfidenceInterval } from './stats/meta/tau2-confidence-interval.js';
export { mantelHaenszel } from './stats/meta/mantel-haenszel.js';
export { peto } from './stats/meta/peto.js';
export { leaveOneOut } from './stats/meta/leave-one-out.js';
export { cumulativeMetaAnalysis } from './stats/meta/cumulative-meta-analysis.js';
export { influenceDiagnostics } from './stats/meta/influence-diagnostics.js';
export { eggerTest } from './stats/meta/egger-test.js';
export { funnelData } from './stats/meta/funnel-data.js';
export { backTransform } from './stats/meta/back-transform.js';
export { subgroupAnalysis } from './stats/meta/subgroup-analysis.js';
export { PRESETS, PRESET_NAMES } from './stats/meta/presets.js';
export type { PresetName, MetaPreset } from './stats/meta/presets.js';
export { comparePresets } from './stats/meta/compare-presets.js';
export type { EffectSizes, StudyEffect } from './stats/meta/effect-sizes.js';
export type { FixedEffectResult } from './stats/meta/fixed-effect-result.js';

// Trial design: power, sample size, simulation, dose escalation, Simon designs (src/stats/design)
export { powerTTest } from './stats/design/power-t-test.js';
export type { PowerTTestOptions, PowerTTestResult } from './stats/design/power-t-test.js';
export { powerPropTest } from './stats/design/power-prop-test.js';
export type {
  PowerPropTestOptions,
  PowerPropTestResult,
  PropPowerMethod,
} from './stats/design/power-prop-test.js';
export { fisherExactPower } from './stats/design/fisher-exact-power.js';
export { fisherRejectionRegion } from './stats/design/fisher-rejection-region.js';
export { chiSquareRejectionRegion } from './stats/design/chi-square-rejection-region.js';
export { exactBinomialPower } from './stats/design/exact-binomial-power.js';
export { marginPower } from './stats/design/margin-power.js';
export type { MarginPowerOptions, MarginPowerResult } from './stats/design/margin-power.js';
export { simonTwoStage } from './stats/design/simon-two-stage.js';
export type { SimonDesign, SimonTwoStageResult } from './stats/design/simon-two-stage.js';
export { threePlusThree, simulateThreePlusThree } from './stats/design/three-plus-three.js';
export type {
  ThreePlusThreeResult,
  ThreePlusThreeSimulation,
  ThreePlusThreeVariant,
} from './stats/design/three-plus-three.js';
export { createRng, Rng } from './stats/design/create-rng.js';
export { simulatePower, prepareSimulation, simulateChunk } from './stats/design/simulate-power.js';
export type { SimulationDesign, SimulatedPower, SimulationTest } from './stats/design/simulate-power.js';
export { findRoot } from './stats/design/find-root.js';
export { inflateForDropout } from './stats/design/inflate-for-dropout.js';

// Reproduction and consistency checks (src/stats/check)
export {
  parseReported,
  reportedInterval,
  judgeReported,
  percentCounts,
  percentDenominators,
  grim,
  grimmer,
  checkPValueCi,
  checkTestStatistic,
  fingerprintBinary,
  fingerprintMeans,
  fingerprintMeta,
  checkDataset,
  summarize as summarizeChecks,
} from './stats/check/index.js';
export type {
  ReportedValue,
  Relation,
  ValueInterval,
  CheckStatus,
  Judgement,
  PercentCountsResult,
  PercentDenominatorsResult,
  GrimResult,
  GrimmerResult,
  PValueCiInput,
  PValueCiResult,
  TestStatisticInput,
  TestStatisticResult,
  StatisticKind,
  BinaryMethods,
  MeansMethods,
  MetaMethods,
  ReportedFigures,
  FingerprintResult,
  FingerprintMatch,
  CheckItem,
  CheckSummary,
} from './stats/check/index.js';

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

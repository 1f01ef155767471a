/**
 * The browser-safe statistics entry, published as `trialstat/stats`: the pure maths of
 * src/stats (numbers in, frozen result objects out). Nothing in its module graph reads files,
 * prints or imports `node:*`; test/stats/browser-entry.test.ts bundles it for the browser and
 * runs it in Chromium to keep it that way. `trialstat` (src/index.ts) re-exports all of it.
 */

// Errors and result shapes
export { InputError } from '../errors.js';
export type { InputIssue } from '../errors.js';
export type { Estimate, ConfidenceInterval, TestResult, Measure, Alternative } from './types.js';

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
} from './dist/index.js';
export type { QuantileOptions, ProbabilityOptions } from './dist/index.js';

// Two-arm continuous outcomes and derivations (src/stats/continuous)
export { meanDifference } from './continuous/mean-difference.js';
export type { MeanDifferenceOptions, MeanDifferenceResult } from './continuous/mean-difference.js';
export { pairedMeanDifference } from './continuous/paired-mean-difference.js';
export type {
  PairedSummary,
  PairedMeanDifferenceResult,
} from './continuous/paired-mean-difference.js';
export {
  standardizedMeanDifference,
  SMD_VARIANTS,
} from './continuous/standardized-mean-difference.js';
export type {
  SmdVariant,
  StandardizedMeanDifferenceOptions,
  StandardizedMeanDifferenceResult,
} from './continuous/standardized-mean-difference.js';
export { ratioOfMeans } from './continuous/ratio-of-means.js';
export type { RatioOfMeansResult } from './continuous/ratio-of-means.js';
export { hedgesCorrection } from './continuous/hedges-correction.js';
export { sdFromSe } from './continuous/sd-from-se.js';
export { sdFromCi } from './continuous/sd-from-ci.js';
export type { SdFromCiInput } from './continuous/sd-from-ci.js';
export { sdOfChange } from './continuous/sd-of-change.js';
export { sdFromT } from './continuous/sd-from-t.js';
export { sdFromP } from './continuous/sd-from-p.js';
export { meanFromMedian } from './continuous/mean-from-median.js';
export type { MeanFromMedianMethod } from './continuous/mean-from-median.js';
export { sdFromMedian } from './continuous/sd-from-median.js';
export type { SdFromMedianMethod } from './continuous/sd-from-median.js';
export { expectedNormalRange } from './continuous/expected-normal-range.js';
export { sdFromDifferenceCi } from './continuous/sd-from-difference-ci.js';
export type { SdFromDifferenceCiInput } from './continuous/sd-from-difference-ci.js';
export type { MedianSummary, MedianScenario } from './continuous/median-summary.js';
export type { ArmSummary, Derivation, Derived } from './continuous/types.js';

// Two-arm binary outcomes (src/stats/binary)
export { riskDifference, wilsonInterval } from './binary/risk-difference.js';
export type { RdMethod } from './binary/risk-difference.js';
export { riskRatio } from './binary/risk-ratio.js';
export type { RrMethod } from './binary/risk-ratio.js';
export { oddsRatio } from './binary/odds-ratio.js';
export type { OrMethod } from './binary/odds-ratio.js';
export { fisherExact, fisherExactP } from './binary/fisher-exact.js';
export type { FisherExactResult } from './binary/fisher-exact.js';
export { chiSquareTest } from './binary/chi-square-test.js';
export type { ChiSquareResult } from './binary/chi-square-test.js';
export { midPTest } from './binary/mid-p-test.js';
export { barnardExact } from './binary/barnard-exact.js';
export type { UnconditionalExactResult } from './binary/barnard-exact.js';
export { boschlooExact } from './binary/boschloo-exact.js';
export { numberNeededToTreat } from './binary/number-needed-to-treat.js';
export type { NntResult, NntRange } from './binary/number-needed-to-treat.js';
export { compareProportions } from './binary/compare-proportions.js';
export type {
  CompareProportionsOptions,
  CompareProportionsResult,
  ExtraTest,
} from './binary/compare-proportions.js';
export { validateTable } from './binary/table.js';
export type { TwoByTwo, Correction } from './binary/table.js';
export type { BinaryEstimate } from './binary/binary-estimate.js';
export { mcnemarTest } from './binary/mcnemar-test.js';
export type { McNemarMethod, McNemarResult } from './binary/mcnemar-test.js';
export { pairedRiskDifference } from './binary/paired-risk-difference.js';
export type { PairedRdMethod } from './binary/paired-risk-difference.js';
export { validatePairedTable } from './binary/paired-table.js';
export type { PairedTable } from './binary/paired-table.js';
export { stratifiedTwoByTwo } from './binary/stratified-two-by-two.js';
export type { StratifiedTwoByTwoResult, MhRdVariance } from './binary/stratified-two-by-two.js';
export { breslowDayTest } from './binary/breslow-day-test.js';
export { attributableFractions } from './binary/attributable-fractions.js';
export type {
  AttributableFractionsResult,
  AttributableEstimate,
  ParMethod,
} from './binary/attributable-fractions.js';
export type { HomogeneityTest } from './binary/breslow-day-test.js';

// Single proportions (src/stats/proportion)
export { proportionCi, PROPORTION_CI_METHODS } from './proportion/proportion-ci.js';
export { proportionTest } from './proportion/proportion-test.js';
export type {
  ProportionCiMethod,
  ProportionCiOptions,
  ProportionCiResult,
} from './proportion/proportion-ci.js';
export { binomialTest } from './proportion/binomial-test.js';

// Multiplicity (src/stats/adjust.ts)
export { adjustP, ADJUST_METHODS } from './adjust.js';
export type { AdjustMethod } from './adjust.js';

// Meta-analysis (src/stats/meta)
export { binaryEffectSizes } from './meta/binary-effect-sizes.js';
export type { BinaryStudy } from './meta/binary-effect-sizes.js';
export { continuousEffectSizes } from './meta/continuous-effect-sizes.js';
export type { ContinuousStudy } from './meta/continuous-effect-sizes.js';
export { proportionEffectSizes } from './meta/proportion-effect-sizes.js';
export type { ProportionStudy } from './meta/proportion-effect-sizes.js';
export { genericEffectSizes } from './meta/generic-effect-sizes.js';
export type { GenericStudy } from './meta/generic-effect-sizes.js';
export { computeEffectSizes, META_MEASURES } from './meta/compute-effect-sizes.js';
export { estimateTau2, TAU2_METHODS } from './meta/estimate-tau2.js';
export type { Tau2Method } from './meta/estimate-tau2.js';
export { metaAnalysis } from './meta/meta-analysis.js';
export type {
  MetaAnalysisOptions,
  MetaAnalysisResult,
  MetaMethod,
  MetaTest,
  PredictionType,
} from './meta/meta-analysis.js';
export { tau2ConfidenceInterval } from './meta/tau2-confidence-interval.js';
export { mantelHaenszel } from './meta/mantel-haenszel.js';
export { peto } from './meta/peto.js';
export { leaveOneOut } from './meta/leave-one-out.js';
export { cumulativeMetaAnalysis } from './meta/cumulative-meta-analysis.js';
export { influenceDiagnostics } from './meta/influence-diagnostics.js';
export { eggerTest } from './meta/egger-test.js';
export { funnelData } from './meta/funnel-data.js';
export { backTransform } from './meta/back-transform.js';
export { subgroupAnalysis } from './meta/subgroup-analysis.js';
export { PRESETS, PRESET_NAMES } from './meta/presets.js';
export type { PresetName, MetaPreset } from './meta/presets.js';
export { comparePresets } from './meta/compare-presets.js';
export type { EffectSizes, StudyEffect } from './meta/effect-sizes.js';
export type { FixedEffectResult } from './meta/fixed-effect-result.js';

// Trial design: power, sample size, simulation, dose escalation, Simon designs (src/stats/design)
export { powerTTest } from './design/power-t-test.js';
export type { PowerTTestOptions, PowerTTestResult } from './design/power-t-test.js';
export { powerPropTest } from './design/power-prop-test.js';
export type {
  PowerPropTestOptions,
  PowerPropTestResult,
  PropPowerMethod,
} from './design/power-prop-test.js';
export { fisherExactPower } from './design/fisher-exact-power.js';
export { fisherRejectionRegion } from './design/fisher-rejection-region.js';
export { chiSquareRejectionRegion } from './design/chi-square-rejection-region.js';
export { exactBinomialPower } from './design/exact-binomial-power.js';
export { marginPower } from './design/margin-power.js';
export type { MarginPowerOptions, MarginPowerResult } from './design/margin-power.js';
export { simonTwoStage } from './design/simon-two-stage.js';
export type { SimonDesign, SimonTwoStageResult } from './design/simon-two-stage.js';
export { threePlusThree, simulateThreePlusThree } from './design/three-plus-three.js';
export type {
  ThreePlusThreeResult,
  ThreePlusThreeSimulation,
  ThreePlusThreeVariant,
} from './design/three-plus-three.js';
export { createRng, Rng } from './design/create-rng.js';
export { simulatePower, prepareSimulation, simulateChunk } from './design/simulate-power.js';
export type { SimulationDesign, SimulatedPower, SimulationTest } from './design/simulate-power.js';
export { findRoot } from './design/find-root.js';
export { inflateForDropout } from './design/inflate-for-dropout.js';

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
} from './check/index.js';
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
} from './check/index.js';

// Method registries ({ id, label, formula, reference, run }): CLI choices, report options,
// the fingerprint search space, --explain and report methods text are read from these.
export { defineMethods } from './method-registry.js';
export type { MethodEntry, MethodRegistry, MethodId, Resolved } from './method-registry.js';
export { RD_INTERVALS } from './binary/risk-difference.js';
export type { RdContext, RdInterval } from './binary/risk-difference.js';
export { RR_INTERVALS } from './binary/risk-ratio.js';
export type { RatioContext, RatioInterval } from './binary/risk-ratio.js';
export { OR_INTERVALS } from './binary/odds-ratio.js';
export { PROPORTION_INTERVALS } from './proportion/proportion-ci.js';
export type {
  ProportionCiContext,
  ProportionInterval,
  FormulaStep,
} from './proportion/proportion-ci.js';
export { fingerprintProportion } from './check/fingerprint-proportion.js';
export type { ProportionMethods } from './check/fingerprint-proportion.js';

// Time-to-event outcomes (src/stats/survival)
export { deriveHazardRatio } from './survival/derive-hazard-ratio.js';
export type {
  DeriveHazardRatioOptions,
  HazardRatioResult,
  HrAgreement,
  HrDerivationWithRange,
  RoundingRange,
} from './survival/derive-hazard-ratio.js';
export { HR_METHODS, hrMethod } from './survival/hr-methods.js';
export type { HrMethod } from './survival/hr-methods.js';
export type { HrReported, HrDerivation, HrField } from './survival/hr-derivation.js';
export { kaplanMeier, KM_CONF_TYPES } from './survival/kaplan-meier.js';
export type {
  KaplanMeierResult,
  KaplanMeierOptions,
  KmStep,
  KmQuantile,
  KmConfType,
} from './survival/kaplan-meier.js';
export { survivalAt } from './survival/survival-at.js';
export type { SurvivalAtTime } from './survival/survival-at.js';
export { restrictedMean } from './survival/restricted-mean.js';
export type { RestrictedMean } from './survival/restricted-mean.js';
export { logRankTest } from './survival/log-rank-test.js';
export type { LogRankResult } from './survival/log-rank-test.js';
export { coxHazardRatio, COX_TIES } from './survival/cox-hazard-ratio.js';
export type { CoxOptions, CoxResult, CoxTies } from './survival/cox-hazard-ratio.js';
export { riskTable } from './survival/survival-records.js';
export type { SurvivalRecord, RiskRow } from './survival/survival-records.js';

// Group-sequential designs (src/stats/design/group-sequential-*)
export { groupSequentialDesign } from './design/group-sequential-design.js';
export type {
  GroupSequentialDesign,
  GroupSequentialOptions,
  GroupSequentialExits,
} from './design/group-sequential-design.js';
export { groupSequentialProbabilities } from './design/group-sequential-probabilities.js';
export type { GroupSequentialProbabilities } from './design/group-sequential-probabilities.js';
export { groupSequentialSampleSize } from './design/group-sequential-sample-size.js';
export type {
  GroupSequentialSampleSize,
  GroupSequentialEndpoint,
} from './design/group-sequential-sample-size.js';
export { groupSequentialInterim } from './design/group-sequential-interim.js';
export type { GroupSequentialInterim } from './design/group-sequential-interim.js';
export {
  SPENDING_FUNCTIONS,
  CLASSICAL_BOUNDARIES,
  GROUP_SEQUENTIAL_TYPES,
  BETA_SPENDING_TYPES,
} from './design/group-sequential-types.js';
export type {
  SpendingFunction,
  ClassicalBoundary,
  GroupSequentialType,
  BetaSpendingType,
} from './design/group-sequential-types.js';
export { SMD_METHODS } from './continuous/standardized-mean-difference.js';
export type { SmdMethod, SmdScaling } from './continuous/standardized-mean-difference.js';
export { TAU2_ESTIMATORS } from './meta/estimate-tau2.js';
export type { Tau2Context, Tau2Estimator, Tau2Fit } from './meta/estimate-tau2.js';
export { TWO_ARM_TESTS, waldZTest } from './binary/two-arm-tests.js';
export type { TwoArmTest, TwoArmTestId, TestSides } from './binary/two-arm-tests.js';
export { POWER_PROP_METHODS } from './design/power-prop-test.js';
export type { PowerPropMethod } from './design/power-prop-test.js';
export { summarizePatients, QUANTILE_DEFINITION } from './survival/summarize-patients.js';
export type { PatientRow, PatientSummaries } from './survival/summarize-patients.js';
export { reconstructKm } from './survival/reconstruct-km.js';
export type { KmCurveInput, ReconstructedArm } from './survival/reconstruct-km.js';
export { fixTimes } from './survival/survival-records.js';
export { compareSurvival } from './survival/compare-survival.js';
export type {
  CompareSurvivalOptions,
  SurvivalComparison,
  ArmSurvival,
  RmstComparison,
} from './survival/compare-survival.js';
export { kmReachable, kmPercent } from './survival/km-reachable.js';
export type { KmReachableValue, KmPercentResult, KmStepWitness } from './survival/km-reachable.js';
export {
  survivalSampleSize,
  survivalPower,
  eventProbability,
  SURVIVAL_EVENTS_METHODS,
} from './survival/survival-design.js';
export type {
  SurvivalDesignOptions,
  SurvivalSampleSize,
  SurvivalPower,
  SurvivalEventsMethod,
} from './survival/survival-design.js';
// Consistency checks added for `trialstat scan` and issue 15 (src/stats/check)
export { ciSymmetry, debit, sprite } from './check/index.js';
export type { CiSymmetryResult, DebitResult, SpriteOptions, SpriteResult } from './check/index.js';
export { armSplits, escalationEnrolment } from './check/index.js';
export type {
  ArmSplit,
  ArmSplitsResult,
  EscalationEnrolmentResult,
  EscalationGroup,
} from './check/index.js';
// Meta-regression, permutation test, bubble-plot data (src/stats/meta)
export { metaRegression } from './meta/meta-regression.js';
export type {
  MetaRegressionOptions,
  MetaRegressionResult,
  MetaRegressionCoefficient,
} from './meta/meta-regression.js';
export { moderatorDesign, moderatorRow } from './meta/moderator-design.js';
export type { ModeratorSpec, ModeratorDesign } from './meta/moderator-design.js';
export { predictMetaRegression } from './meta/predict-meta-regression.js';
export type { MetaRegressionPrediction } from './meta/predict-meta-regression.js';
export { permutationTest } from './meta/permutation-test.js';
export type { PermutationTestOptions, PermutationTestResult } from './meta/permutation-test.js';
export { regressionLine } from './meta/regression-line.js';
export type { RegressionLine } from './meta/regression-line.js';

// Interval dose-finding designs (BOIN) and their operating characteristics
export { boinBoundaries, boinRule } from './design/boin.js';
export type { BoinBoundaries, BoinOptions, BoinRow } from './design/boin.js';
export { intervalDesignOc } from './design/interval-design-oc.js';
export type {
  IntervalRule,
  IntervalDecision,
  IntervalOcOptions,
  IntervalOcResult,
} from './design/interval-design-oc.js';
export { isotonicMtd, pava } from './design/isotonic-mtd.js';
// The warnings catalogue: codes and message templates of coded warnings (results' codedWarnings).
export { WARNINGS, warning } from './warnings.js';
export type { Warning, WarningCode } from './warnings.js';
export { poolHazardRatios } from './survival/pool-hazard-ratios.js';
export type { HrStudy, PooledHazardRatios } from './survival/pool-hazard-ratios.js';
// Small-study effects and publication bias (src/stats/meta)
export { REGTEST_PREDICTORS } from './meta/egger-test.js';
export type { RegtestPredictor, EggerTestResult } from './meta/egger-test.js';
export { rankCorrelationTest } from './meta/rank-correlation-test.js';
export type { RankCorrelationResult } from './meta/rank-correlation-test.js';
export { harbordTest } from './meta/harbord-test.js';
export type { HarbordTestResult } from './meta/harbord-test.js';
export { petersTest } from './meta/peters-test.js';
export type { PetersTestResult } from './meta/peters-test.js';
export { trimAndFill } from './meta/trim-and-fill.js';
export type { TrimAndFillOptions, TrimAndFillResult } from './meta/trim-and-fill.js';
export { failSafeN, FAIL_SAFE_TYPES } from './meta/fail-safe-n.js';
export type { FailSafeType, FailSafeNResult } from './meta/fail-safe-n.js';
export { contourFunnelData } from './meta/contour-funnel-data.js';
export type { ContourFunnelData } from './meta/contour-funnel-data.js';
// Dose finding: mTPI-2, i3+3, decision tables, CRM (src/stats/design)
export { boinDecisionTable } from './design/boin.js';
export { decisionTable, defaultEi, excluded, tableRule } from './design/dose-decision-table.js';
export type { DoseDecision, DoseDecisionTable } from './design/dose-decision-table.js';
export { mtpi2Intervals, mtpi2Table } from './design/mtpi2.js';
export type { Mtpi2Options } from './design/mtpi2.js';
export { i3plus3Table } from './design/i3plus3.js';
export type { I3plus3Options } from './design/i3plus3.js';
export { crmOc, crmPosterior, crmSkeleton } from './design/crm.js';
export type { CrmModel, CrmOc, CrmOptions, CrmPosterior, CrmTrialOptions } from './design/crm.js';
// Bayesian decision rules (src/stats/bayes) and the fragility index
export { betaBinomialPmf, betaBinomialPosterior } from './bayes/beta-binomial.js';
export type { BetaPosterior, BetaPrior } from './bayes/beta-binomial.js';
export { ppDesign, ppDesignOc, predictiveProbability } from './bayes/predictive-probability.js';
export type {
  PpBoundary,
  PpDesign,
  PpDesignOptions,
  PpOc,
  PredictiveOptions,
} from './bayes/predictive-probability.js';
export { twoArmBeta } from './bayes/two-arm-beta.js';
export type { TwoArmBetaResult } from './bayes/two-arm-beta.js';
export { normalPosterior, normalPrior } from './bayes/normal-normal.js';
export type { NormalPosterior, NormalPrior, NormalPriorKind } from './bayes/normal-normal.js';
export { fragilityIndex } from './binary/fragility-index.js';
export type { FragilityOptions, FragilityResult } from './binary/fragility-index.js';
export { glmmMetaAnalysis } from './meta/glmm-meta-analysis.js';
export type {
  GlmmModel,
  GlmmOptions,
  GlmmResult,
  GlmmStudyRow,
} from './meta/glmm-meta-analysis.js';
export { bayesianMetaAnalysis } from './meta/bayesian-meta-analysis.js';
export type {
  BayesianMetaOptions,
  BayesianMetaResult,
  PosteriorSummary,
  TauPrior,
} from './meta/bayesian-meta-analysis.js';
export { rateEffectSizes } from './meta/rate-effect-sizes.js';
export type { RateMeasure, RateStudy, SingleRateStudy } from './meta/rate-effect-sizes.js';
export { rateComparison, incidenceRateCi } from './meta/rate-comparison.js';
export type { RateComparison } from './meta/rate-comparison.js';
export { mantelHaenszelWeights } from './meta/mantel-haenszel-weights.js';
// The power menu registry (trialstat power <id>): the offline page builds one calculator per entry.
export { POWER_METHODS } from './design/power-methods.js';
export type { PowerMethodEntry } from './design/power-methods.js';

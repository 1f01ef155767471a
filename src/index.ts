/**
 * trialstat library API: named re-exports only. Everything here runs in Node and in
 * the browser except the dataset loaders that read files (`trialstat/node` paths are
 * marked in their doc comments).
 */
export { VERSION } from './version.js';
export { InputError, DataError, CheckFailedError, formatIssue } from './errors.js';
export type { InputIssue } from './errors.js';
export type { Estimate, ConfidenceInterval, TestResult, Measure, Alternative } from './stats/types.js';
export { formatNumber, formatFixed, formatP, formatLevel } from './format/number.js';
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
} from './stats/dist/index.js';
export { adjustP, ADJUST_METHODS } from './stats/adjust.js';
export type { AdjustMethod } from './stats/adjust.js';
export { meanDifference } from './stats/continuous/mean-difference.js';
export type { MeanDifferenceOptions, MeanDifferenceResult } from './stats/continuous/mean-difference.js';
export { standardizedMeanDifference, SMD_VARIANTS } from './stats/continuous/standardized-mean-difference.js';
export type { SmdVariant, StandardizedMeanDifferenceOptions, StandardizedMeanDifferenceResult } from './stats/continuous/standardized-mean-difference.js';
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
export type { MedianSummary, MedianScenario } from './stats/continuous/median-summary.js';
export type { ArmSummary, Derivation, Derived } from './stats/continuous/types.js';
export { proportionCi, PROPORTION_CI_METHODS } from './stats/proportion/proportion-ci.js';
export type { ProportionCiMethod, ProportionCiOptions, ProportionCiResult } from './stats/proportion/proportion-ci.js';
export { binomialTest } from './stats/proportion/binomial-test.js';
export { expectedNormalRange } from './stats/continuous/expected-normal-range.js';
export { sdFromDifferenceCi } from './stats/continuous/sd-from-difference-ci.js';
export type { SdFromDifferenceCiInput } from './stats/continuous/sd-from-difference-ci.js';

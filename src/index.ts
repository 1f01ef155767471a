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

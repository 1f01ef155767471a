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
  noncentralTCdf,
  noncentralTSf,
  noncentralTQuantile,
} from './stats/dist/index.js';
export { powerTTest } from './stats/design/power-t-test.js';
export type { PowerTTestOptions, PowerTTestResult } from './stats/design/power-t-test.js';
export { powerPropTest } from './stats/design/power-prop-test.js';
export type { PowerPropTestOptions, PowerPropTestResult, PropPowerMethod } from './stats/design/power-prop-test.js';
export { fisherExactPower } from './stats/design/fisher-exact-power.js';
export { fisherRejectionRegion } from './stats/design/fisher-rejection-region.js';
export { chiSquareRejectionRegion } from './stats/design/chi-square-rejection-region.js';
export { exactBinomialPower } from './stats/design/exact-binomial-power.js';
export { marginPower } from './stats/design/margin-power.js';
export type { MarginPowerOptions, MarginPowerResult } from './stats/design/margin-power.js';
export { simonTwoStage } from './stats/design/simon-two-stage.js';
export type { SimonDesign, SimonTwoStageResult } from './stats/design/simon-two-stage.js';
export { threePlusThree, simulateThreePlusThree } from './stats/design/three-plus-three.js';
export type { ThreePlusThreeResult, ThreePlusThreeSimulation, ThreePlusThreeVariant } from './stats/design/three-plus-three.js';
export { createRng, Rng } from './stats/design/create-rng.js';
export { simulatePower, prepareSimulation, simulateChunk } from './stats/design/simulate-power.js';
export type { SimulationDesign, SimulatedPower, SimulationTest } from './stats/design/simulate-power.js';
export { findRoot } from './stats/design/find-root.js';
export { inflateForDropout } from './stats/design/inflate-for-dropout.js';

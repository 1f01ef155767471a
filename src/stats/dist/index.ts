/** Probability distributions: cdf, survival function (upper tail computed directly), quantile. */
export type { QuantileOptions, ProbabilityOptions } from './tail-options.js';
export { normalCdf, normalSf, normalQuantile, normalLogCdf, normalLogSf } from './normal.js';
export { tCdf, tSf, tQuantile } from './student-t.js';
export { chiSquareCdf, chiSquareSf, chiSquareQuantile } from './chi-square.js';
export { fCdf, fSf, fQuantile } from './f.js';
export { betaCdf, betaSf, betaQuantile } from './beta.js';
export { gammaCdf, gammaSf, gammaQuantile } from './gamma.js';
export { logGamma, logBeta, regularizedBeta, regularizedGamma } from './special.js';
export { binomialPmf, binomialCdf, binomialSf, binomialQuantile } from './binomial.js';
export { hypergeometricPmf, hypergeometricCdf, hypergeometricSf } from './hypergeometric.js';
export { noncentralTCdf, noncentralTSf, noncentralTQuantile } from './noncentral-t.js';
export { noncentralChiSquareSf } from './noncentral-chi-square.js';
export { noncentralFSf } from './noncentral-f.js';

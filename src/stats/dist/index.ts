/** Probability distributions: cdf, survival function (upper tail computed directly), quantile. */
export { normalCdf, normalSf, normalQuantile, normalLogCdf, normalLogSf } from './normal.js';

import { incompleteGamma, logPoissonKernel } from './special.js';
import { checkNumber, checkPositive } from './validate.js';

/**
 * Σⱼ Pois(j; μ) · term(j), summed outward from the Poisson mode until the weights left are
 * below 1e-17 of the sum on both sides (terms are probabilities in [0, 1], so the remainder is
 * bounded by the weight left). The noncentral χ² and F are such mixtures (A&S 26.4.25, 26.6.20).
 * `term` must be non-decreasing in j (an upper tail as the df grow): then when it is already
 * 1 (or still 0) at μ ∓ 40√μ, where the Poisson weights beyond are below 1e-300, so is the sum,
 * and a huge μ (a solver's far bracket end) costs two evaluations instead of ~80√μ.
 */
export function poissonMixture(mu: number, term: (j: number) => number): number {
  if (mu === 0) return term(0);
  const spread = 40 * Math.sqrt(mu) + 40;
  const low = term(Math.max(0, Math.floor(mu - spread)));
  if (low >= 1 - 1e-16) return low;
  const high = term(Math.ceil(mu + spread));
  if (high <= 1e-300) return high;
  const mode = Math.floor(mu);
  const w0 = mode === 0 ? Math.exp(-mu) : Math.exp(logPoissonKernel(mode, mu));
  let sum = w0 * term(mode);
  let weights = w0;
  // Upward: w(j+1) = w(j) μ/(j+1); the tail weight beyond j is < w(j) μ/(j+1−μ) once j+1 > μ.
  let w = w0;
  for (let j = mode + 1; ; j++) {
    w *= mu / j;
    sum += w * term(j);
    weights += w;
    if (j > mu && (w * mu) / (j + 1 - mu) < 1e-17 * weights) break;
    if (w === 0) break;
  }
  // Downward: w(j−1) = w(j) j/μ, the remaining weight is < w(j)·j/(μ − j) (geometric bound).
  w = w0;
  for (let j = mode - 1; j >= 0; j--) {
    w *= (j + 1) / mu;
    sum += w * term(j);
    weights += w;
    if (w === 0 || (w * j) / Math.max(mu - j, 1e-300) < 1e-17 * weights) break;
  }
  return sum;
}

/**
 * Survival function of the noncentral chi-square, P(X > x) for X ~ χ²(df, ncp), as R's
 * `pchisq(x, df, ncp, lower.tail = FALSE)`: a Poisson(ncp/2) mixture of central χ²(df + 2j)
 * upper tails, each Q(df/2 + j, x/2) computed directly (A&S 26.4.25; Johnson, Kotz &
 * Balakrishnan 1995, Continuous Univariate Distributions vol. 2, ch. 29).
 * @example noncentralChiSquareSf(3.841458820694124, 1, 4) // 0.5160053… (R: pchisq(qchisq(.95, 1), 1, 4, lower = FALSE))
 */
export function noncentralChiSquareSf(x: number, df: number, ncp: number): number {
  checkNumber('x', x);
  checkPositive('df', df);
  if (!(ncp >= 0 && Number.isFinite(ncp))) checkPositive('ncp', ncp);
  if (x <= 0) return 1;
  if (x === Infinity) return 0;
  return Math.min(
    1,
    poissonMixture(ncp / 2, (j) => incompleteGamma(x / 2, df / 2 + j, true)),
  );
}

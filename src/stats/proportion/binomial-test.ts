import { binomialCdf, binomialPmf, binomialSf } from '../dist/binomial.js';
import { freeze, type Alternative, type TestResult } from '../types.js';
import { assertCounts } from './validate.js';
import { InputError } from '../../errors.js';

/**
 * Exact binomial test of H₀: π = p0 for x events in n trials, as R's `binom.test`.
 * less: P[X ≤ x]; greater: P[X ≥ x]; two-sided: the sum of the probabilities of all
 * outcomes no more likely than x, with R's relative tolerance d·(1 + 10⁻⁷) on the
 * comparison so that outcomes tied with x up to rounding count, capped at 1.
 *
 * Reference: Clopper CJ, Pearson ES. Biometrika 1934;26:404–13; R Core Team, `stats::binom.test`.
 *
 * @example binomialTest(3, 10, { p0: 0.5 }).p // 0.34375
 */
export function binomialTest(
  x: number,
  n: number,
  options: { p0?: number; alternative?: Alternative } = {},
): TestResult {
  const { p0 = 0.5, alternative = 'two-sided' } = options;
  assertCounts(x, n);
  if (typeof p0 !== 'number' || !(p0 >= 0 && p0 <= 1))
    throw new InputError('p0', p0, 'a probability in [0, 1]');
  if (!['two-sided', 'less', 'greater'].includes(alternative))
    throw new InputError('alternative', alternative, 'one of two-sided, less, greater');
  let p: number;
  if (alternative === 'less') p = cdf(x, n, p0);
  else if (alternative === 'greater') p = sf(x - 1, n, p0);
  else p = twoSided(x, n, p0);
  return freeze({ name: 'Exact binomial', statistic: x, p, alternative });
}

function twoSided(x: number, n: number, p0: number): number {
  const relErr = 1 + 1e-7;
  const d = binomialPmf(x, n, p0);
  const m = n * p0;
  if (x === m) return 1;
  let p: number;
  if (x < m) {
    let y = 0;
    for (let i = Math.ceil(m); i <= n; i++) if (binomialPmf(i, n, p0) <= d * relErr) y++;
    p = cdf(x, n, p0) + sf(n - y, n, p0);
  } else {
    let y = 0;
    for (let i = 0; i <= Math.floor(m); i++) if (binomialPmf(i, n, p0) <= d * relErr) y++;
    p = cdf(y - 1, n, p0) + sf(x - 1, n, p0);
  }
  return Math.min(1, p);
}

/** P[X ≤ k] and P[X > k] with R's conventions outside 0..n (pbinom(-1) = 0, pbinom(n) = 1). */
function cdf(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  return k >= n ? 1 : binomialCdf(k, n, p);
}

function sf(k: number, n: number, p: number): number {
  if (k < 0) return 1;
  return k >= n ? 0 : binomialSf(k, n, p);
}

import { betaQuantile } from '../dist/beta.js';
import { binomialCdf, binomialPmf, binomialSf } from '../dist/binomial.js';
import { normalQuantile } from '../dist/normal.js';
import { InputError } from '../../errors.js';
import { freeze, type Alternative, type Estimate, type TestResult } from '../types.js';
import { binomialTest } from './binomial-test.js';
import { assertCounts } from './validate.js';

export type ProportionCiMethod = 'wilson' | 'exact' | 'midp' | 'jeffreys' | 'agresti-coull' | 'wald';

export const PROPORTION_CI_METHODS: readonly ProportionCiMethod[] = ['wilson', 'exact', 'midp', 'jeffreys', 'agresti-coull', 'wald'];

export interface ProportionCiOptions {
  /** Default `wilson`. `exact` is Clopper–Pearson. */
  method?: ProportionCiMethod;
  /** Confidence level, default 0.95. */
  level?: number;
  /** When given, adds an exact binomial test of π = p0 (R's binom.test). */
  p0?: number;
  /** Alternative for the test, default `two-sided`. */
  alternative?: Alternative;
}

export interface ProportionCiResult extends Estimate {
  measure: 'PR';
  /** x / n. */
  estimate: number;
  events: number;
  n: number;
  test?: TestResult;
}

/**
 * Confidence interval for a single proportion x/n (two-sided, level 1 − α, z = z_{1−α/2}):
 * - `wilson` (default): score interval, [x + z²/2 ± z√(x(n−x)/n + z²/4)] / (n + z²)
 *   (R's `prop.test(correct = FALSE)`); lower is 0 at x = 0 and upper 1 at x = n exactly.
 * - `exact`: Clopper–Pearson, Beta(α/2; x, n−x+1) to Beta(1−α/2; x+1, n−x) (R's `binom.test`).
 * - `midp`: mid-p exact: P[X > x] + ½P[X = x] = α/2 for the lower and P[X < x] + ½P[X = x] = α/2
 *   for the upper limit, solved by bisection to ~1e-15.
 * - `jeffreys`: equal-tailed Beta(x + ½, n − x + ½) quantiles, with lower 0 at x = 0 and
 *   upper 1 at x = n (Brown, Cai & DasGupta 2001, section 4.1.2).
 * - `agresti-coull`: ñ = n + z², p̃ = (x + z²/2)/ñ, p̃ ± z√(p̃(1 − p̃)/ñ).
 * - `wald`: p̂ ± z√(p̂(1 − p̂)/n).
 * The last two can leave [0, 1]: they are clipped and a warning says so. Wald has zero
 * width at x = 0 or x = n, which is also a warning.
 *
 * References: Wilson EB. JASA 1927;22:209–12. Clopper CJ, Pearson ES. Biometrika 1934;26:404–13.
 * Brown LD, Cai TT, DasGupta A. Stat Sci 2001;16:101–33. Agresti A, Coull BA. Am Stat 1998;52:119–26.
 * Berry G, Armitage P. The Statistician 1995;44:417–23 (mid-p).
 *
 * @example proportionCi(9, 22) // estimate 0.40909, ci [0.23256, 0.61265] (wilson)
 */
export function proportionCi(x: number, n: number, options: ProportionCiOptions = {}): ProportionCiResult {
  const { method = 'wilson', level = 0.95, p0, alternative = 'two-sided' } = options;
  assertCounts(x, n);
  if (typeof level !== 'number' || !(level > 0 && level < 1)) throw new InputError('level', level, 'a level in (0, 1), e.g. 0.95');
  if (!PROPORTION_CI_METHODS.includes(method)) throw new InputError('method', method, `one of ${PROPORTION_CI_METHODS.join(', ')}`);
  const alpha = 1 - level;
  const warnings: string[] = [];
  let lower: number;
  let upper: number;
  switch (method) {
    case 'wilson':
      [lower, upper] = wilson(x, n, alpha);
      break;
    case 'exact':
      lower = x === 0 ? 0 : betaQuantile(alpha / 2, x, n - x + 1);
      upper = x === n ? 1 : betaQuantile(1 - alpha / 2, x + 1, n - x);
      break;
    case 'jeffreys':
      lower = x === 0 ? 0 : betaQuantile(alpha / 2, x + 0.5, n - x + 0.5);
      upper = x === n ? 1 : betaQuantile(1 - alpha / 2, x + 0.5, n - x + 0.5);
      break;
    case 'midp':
      // P[X > x] + ½P[X = x] rises with π; P[X < x] + ½P[X = x] falls.
      lower = x === 0 ? 0 : bisect((pi) => binomialSf(x, n, pi) + 0.5 * binomialPmf(x, n, pi) - alpha / 2);
      upper = x === n ? 1 : bisect((pi) => alpha / 2 - ((x === 0 ? 0 : binomialCdf(x - 1, n, pi)) + 0.5 * binomialPmf(x, n, pi)));
      break;
    case 'agresti-coull':
    case 'wald': {
      const z = normalQuantile(1 - alpha / 2);
      const [centre, size] = method === 'wald' ? [x / n, n] : [(x + z * z / 2) / (n + z * z), n + z * z];
      const half = z * Math.sqrt((centre * (1 - centre)) / size);
      [lower, upper] = clip(centre - half, centre + half, method, warnings);
      if (method === 'wald' && (x === 0 || x === n)) {
        warnings.push(`Wald interval has zero width at ${x} of ${n}: use wilson, exact or jeffreys`);
      }
      break;
    }
  }
  const result: ProportionCiResult = {
    measure: 'PR',
    estimate: x / n,
    events: x,
    n,
    ci: { lower, upper, level, method },
    warnings,
  };
  if (p0 !== undefined) result.test = binomialTest(x, n, { p0, alternative });
  return freeze(result);
}

function wilson(x: number, n: number, alpha: number): [number, number] {
  const z = normalQuantile(1 - alpha / 2);
  const z2 = z * z;
  const phat = x / n;
  const centre = (x + z2 / 2) / (n + z2);
  const half = ((z * Math.sqrt(n)) / (n + z2)) * Math.sqrt(phat * (1 - phat) + z2 / (4 * n));
  // The limits are exactly 0 and 1 at the boundaries; the formula leaves rounding dust.
  return [x === 0 ? 0 : centre - half, x === n ? 1 : centre + half];
}

function clip(lower: number, upper: number, method: string, warnings: string[]): [number, number] {
  if (lower < 0 || upper > 1) {
    warnings.push(`${method} interval [${lower}, ${upper}] clipped to [0, 1]`);
  }
  return [Math.max(0, lower), Math.min(1, upper)];
}

/** Root in (0, 1) of an increasing function with f(0+) < 0 < f(1−), by bisection. */
function bisect(f: (p: number) => number): number {
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (mid === lo || mid === hi) break;
    if (f(mid) < 0) lo = mid;
    else hi = mid;
    if (hi - lo <= 1e-16 * hi) break;
  }
  return (lo + hi) / 2;
}

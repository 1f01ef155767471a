import { InputError } from '../../errors.js';
import { chiSquareQuantile, normalQuantile, normalSf } from '../dist/index.js';
import { proportionCi } from '../proportion/proportion-ci.js';
import { freeze } from '../types.js';

export interface RateComparison {
  /** Rate ratio (x₁/t₁)/(x₂/t₂) with the exact conditional interval and test (R poisson.test). */
  irr: {
    estimate: number;
    ci: { lower: number; upper: number; level: number; method: 'exact-conditional' };
    test: { name: 'exact conditional (binomial)'; p: number };
  };
  /** Rate difference with its Wald interval and z test. */
  ird: {
    estimate: number;
    se: number;
    ci: { lower: number; upper: number; level: number; method: 'wald-z' };
    test: { name: 'z'; statistic: number; p: number };
  };
  /** Each arm's rate with the exact (Garwood) interval. */
  rates: { estimate: number; ci: { lower: number; upper: number } }[];
}

/**
 * Exact (Garwood) interval of a Poisson rate x/t: [χ²_{α/2}(2x)/(2t), χ²_{1−α/2}(2x + 2)/(2t)],
 * lower 0 at x = 0 (R poisson.test(x, t)$conf.int; Garwood F. Biometrika 1936;28:437).
 * @example incidenceRateCi(3, 100).upper // 0.08767276
 */
export function incidenceRateCi(
  x: number,
  t: number,
  level = 0.95,
): { lower: number; upper: number } {
  const alpha = 1 - level;
  return {
    lower: x === 0 ? 0 : chiSquareQuantile(alpha / 2, 2 * x) / (2 * t),
    upper: chiSquareQuantile(1 - alpha / 2, 2 * x + 2) / (2 * t),
  };
}

/**
 * Two incidence rates compared. Conditional on x₁ + x₂ = n, x₁ ~ Bin(n, π) with
 * π = t₁·IRR/(t₁·IRR + t₂), so the exact test of IRR = 1 is the binomial test of
 * π₀ = t₁/(t₁ + t₂) and the interval maps the Clopper–Pearson limits of π to
 * IRR = π t₂/((1 − π) t₁), as R poisson.test(c(x₁, x₂), c(t₁, t₂)) (Rothman KJ et al.,
 * Modern Epidemiology 3rd ed. 2008, ch. 14). IRD: Wald, se = √(x₁/t₁² + x₂/t₂²).
 * @example rateComparison(9, 413, 19, 398).irr.estimate // 0.4565 (AFASAK, dat.hart1999)
 */
export function rateComparison(
  x1: number,
  t1: number,
  x2: number,
  t2: number,
  { level = 0.95 }: { level?: number } = {},
): RateComparison {
  for (const [name, x] of [
    ['events1', x1],
    ['events2', x2],
  ] as const)
    if (!(Number.isInteger(x) && x >= 0)) throw new InputError(name, x, 'a whole number ≥ 0');
  for (const [name, t] of [
    ['time1', t1],
    ['time2', t2],
  ] as const)
    if (!(t > 0 && Number.isFinite(t))) throw new InputError(name, t, 'a positive person-time');
  if (!(level > 0 && level < 1)) throw new InputError('level', level, 'a level in (0, 1)');
  const n = x1 + x2;
  const p0 = t1 / (t1 + t2);
  const toIrr = (p: number): number => (p >= 1 ? Infinity : (p * t2) / ((1 - p) * t1));
  const conditional = n > 0 ? proportionCi(x1, n, { method: 'exact', level, p0 }) : undefined;
  const r1 = x1 / t1;
  const r2 = x2 / t2;
  const se = Math.sqrt(x1 / t1 ** 2 + x2 / t2 ** 2);
  const z = normalQuantile(1 - (1 - level) / 2);
  const statistic = (r1 - r2) / se;
  return freeze({
    irr: {
      estimate: r1 / r2,
      ci: {
        lower: conditional ? toIrr(conditional.ci.lower) : 0,
        upper: conditional ? toIrr(conditional.ci.upper) : Infinity,
        level,
        method: 'exact-conditional' as const,
      },
      test: { name: 'exact conditional (binomial)' as const, p: conditional?.test?.p ?? 1 },
    },
    ird: {
      estimate: r1 - r2,
      se,
      ci: { lower: r1 - r2 - z * se, upper: r1 - r2 + z * se, level, method: 'wald-z' as const },
      test: { name: 'z' as const, statistic, p: se > 0 ? 2 * normalSf(Math.abs(statistic)) : 1 },
    },
    rates: [
      { estimate: r1, ci: incidenceRateCi(x1, t1, level) },
      { estimate: r2, ci: incidenceRateCi(x2, t2, level) },
    ],
  });
}

import { betaQuantile } from '../dist/beta.js';
import { binomialCdf, binomialPmf, binomialSf } from '../dist/binomial.js';
import { normalQuantile } from '../dist/normal.js';
import { InputError } from '../../errors.js';
import { messages, warning, type Warning } from '../warnings.js';
import { defineMethods, type MethodEntry, type MethodId } from '../method-registry.js';
import { freeze, type Alternative, type Estimate, type TestResult } from '../types.js';
import { binomialTest } from './binomial-test.js';
import { assertCounts } from './validate.js';

/** What a single-proportion interval method receives besides x and n. */
export interface ProportionCiContext {
  level: number;
  /** 1 − level. */
  alpha: number;
  /** z_{1−α/2}. */
  z: number;
  /** The null proportion of the accompanying test, when one was asked for. */
  p0?: number;
  /** Warnings to add to (clipping, zero width). */
  warnings: Warning[];
}

/** One line of a worked explanation (`--explain`): label, formula, and the number it gave. */
export interface FormulaStep {
  label: string;
  formula?: string;
  value?: number | string;
}

/** A registry entry of `PROPORTION_INTERVALS`. */
export interface ProportionInterval
  extends MethodEntry<
    string,
    (x: number, n: number, context: ProportionCiContext) => [number, number]
  > {
  /** The worked explanation with the intermediate numbers. */
  readonly steps?: (x: number, n: number, context: ProportionCiContext) => FormulaStep[];
}

/** A probability written into a formula: 6 significant digits (0.05, not 0.04999999999999999). */
const short = (x: number): string => String(Number(x.toPrecision(6)));

const qbetaStep = (label: string, edge: string, text: string): FormulaStep => ({
  label,
  formula: edge || text,
});

/**
 * The single-proportion interval methods. `run` gives [lower, upper]; `steps` the worked
 * explanation with the intermediate numbers (`trialstat prop --explain`).
 */
export const PROPORTION_INTERVALS = defineMethods('proportion interval', [
  {
    id: 'wilson',
    label: 'Wilson score',
    formula: '[x + z²/2 ± z√(x(n − x)/n + z²/4)] / (n + z²)',
    reference: 'Wilson EB. JASA 1927;22:209–212; as R prop.test(correct = FALSE)',
    run: (x, n, { alpha }) => wilson(x, n, alpha),
    steps: (x, n, { z }) => [
      { label: 'z', formula: 'z_{1 − α/2}', value: z },
      { label: 'centre', formula: '(x + z²/2) / (n + z²)', value: (x + (z * z) / 2) / (n + z * z) },
      {
        label: 'half-width',
        formula: 'z √n / (n + z²) × √(p̂(1 − p̂) + z²/(4n))',
        value:
          ((z * Math.sqrt(n)) / (n + z * z)) * Math.sqrt((x / n) * (1 - x / n) + (z * z) / (4 * n)),
      },
    ],
  },
  {
    // As R's prop.test(correct = TRUE), whose Yates correction shrinks to |x − n·p0| near p0.
    id: 'wilson-cc',
    label: 'Wilson score with continuity correction',
    formula:
      'c = min(½, |x − n·p0|) (p0 = 0.5 unless given); Wilson limits of (x ∓ c)/n: [p + z²/2n ± z√(p(1 − p)/n + z²/4n²)] / (1 + z²/n), 0 below 0 and 1 above 1',
    reference: 'Newcombe RG. Stat Med 1998;17:857–872, method 4; as R prop.test(correct = TRUE)',
    run: (x, n, { z, p0 = 0.5 }) => {
      const c = Math.min(0.5, Math.abs(x - n * p0));
      const z22n = (z * z) / (2 * n);
      const limit = (p: number, sign: 1 | -1): number =>
        (p + z22n + sign * z * Math.sqrt((p * (1 - p)) / n + z22n / (2 * n))) / (1 + 2 * z22n);
      const low = x / n - c / n;
      const high = x / n + c / n;
      return [low <= 0 ? 0 : limit(low, -1), high >= 1 ? 1 : limit(high, 1)];
    },
    steps: (x, n, { z, p0 = 0.5 }) => [
      { label: 'z', formula: 'z_{1 − α/2}', value: z },
      {
        label: 'c',
        formula: `min(½, |x − n·p0|) with p0 = ${p0}`,
        value: Math.min(0.5, Math.abs(x - n * p0)),
      },
      { label: 'limits', formula: 'Wilson lower limit of (x − c)/n, upper limit of (x + c)/n' },
    ],
  },
  {
    id: 'exact',
    label: 'Clopper–Pearson exact',
    resultMethod: 'exact',
    formula: 'Beta(α/2; x, n − x + 1) to Beta(1 − α/2; x + 1, n − x); 0 at x = 0, 1 at x = n',
    reference: 'Clopper CJ, Pearson ES. Biometrika 1934;26:404–413; as R binom.test',
    run: (x, n, { alpha }) => [
      x === 0 ? 0 : betaQuantile(alpha / 2, x, n - x + 1),
      x === n ? 1 : betaQuantile(1 - alpha / 2, x + 1, n - x),
    ],
    steps: (x, n, { alpha }) => [
      qbetaStep(
        'lower',
        x === 0 ? '0 when x = 0' : '',
        `Beta quantile(α/2; x, n − x + 1) = qbeta(${short(alpha / 2)}, ${x}, ${n - x + 1})`,
      ),
      qbetaStep(
        'upper',
        x === n ? '1 when x = n' : '',
        `Beta quantile(1 − α/2; x + 1, n − x) = qbeta(${short(1 - alpha / 2)}, ${x + 1}, ${n - x})`,
      ),
    ],
  },
  {
    id: 'midp',
    label: 'mid-p exact',
    formula: 'lower: P[X > x] + ½P[X = x] = α/2; upper: P[X < x] + ½P[X = x] = α/2',
    reference: 'Berry G, Armitage P. The Statistician 1995;44:417–423',
    // P[X > x] + ½P[X = x] rises with π; P[X < x] + ½P[X = x] falls.
    run: (x, n, { alpha }) => [
      x === 0 ? 0 : bisect((pi) => binomialSf(x, n, pi) + 0.5 * binomialPmf(x, n, pi) - alpha / 2),
      x === n
        ? 1
        : bisect(
            (pi) =>
              alpha / 2 - ((x === 0 ? 0 : binomialCdf(x - 1, n, pi)) + 0.5 * binomialPmf(x, n, pi)),
          ),
    ],
    steps: (x, n, { alpha }) => [
      qbetaStep(
        'lower',
        x === 0 ? '0 when x = 0' : '',
        `π with P[X > x] + ½P[X = x] = α/2 = ${short(alpha / 2)}`,
      ),
      qbetaStep(
        'upper',
        x === n ? '1 when x = n' : '',
        `π with P[X < x] + ½P[X = x] = α/2 = ${short(alpha / 2)}`,
      ),
    ],
  },
  {
    id: 'jeffreys',
    label: 'Jeffreys',
    formula:
      'Beta(α/2; x + ½, n − x + ½) to Beta(1 − α/2; x + ½, n − x + ½); 0 at x = 0, 1 at x = n',
    reference: 'Brown LD, Cai TT, DasGupta A. Stat Sci 2001;16:101–133, §4.1.2',
    run: (x, n, { alpha }) => [
      x === 0 ? 0 : betaQuantile(alpha / 2, x + 0.5, n - x + 0.5),
      x === n ? 1 : betaQuantile(1 - alpha / 2, x + 0.5, n - x + 0.5),
    ],
    steps: (x, n, { alpha }) => [
      qbetaStep(
        'lower',
        x === 0 ? '0 when x = 0' : '',
        `qbeta(${short(alpha / 2)}, x + ½, n − x + ½)`,
      ),
      qbetaStep(
        'upper',
        x === n ? '1 when x = n' : '',
        `qbeta(${short(1 - alpha / 2)}, x + ½, n − x + ½)`,
      ),
    ],
  },
  {
    id: 'agresti-coull',
    label: 'Agresti–Coull',
    formula: 'ñ = n + z², p̃ = (x + z²/2)/ñ; p̃ ± z√(p̃(1 − p̃)/ñ), clipped to [0, 1]',
    reference: 'Agresti A, Coull BA. Am Stat 1998;52:119–126',
    run: (x, n, { z, warnings }) => {
      const size = n + z * z;
      const centre = (x + (z * z) / 2) / size;
      const half = z * Math.sqrt((centre * (1 - centre)) / size);
      return clip(centre - half, centre + half, 'agresti-coull', warnings);
    },
    steps: (x, n, { z }) => [
      { label: 'z', formula: 'z_{1 − α/2}', value: z },
      { label: 'ñ', formula: 'n + z²', value: n + z * z },
      { label: 'p̃', formula: '(x + z²/2) / ñ', value: (x + (z * z) / 2) / (n + z * z) },
      { label: 'limits', formula: 'p̃ ± z √(p̃(1 − p̃)/ñ), clipped to [0, 1]' },
    ],
  },
  {
    id: 'wald',
    label: 'Wald',
    formula: 'p̂ ± z√(p̂(1 − p̂)/n), clipped to [0, 1]',
    reference: 'Brown LD, Cai TT, DasGupta A. Stat Sci 2001;16:101–133, §2.1',
    run: (x, n, { z, warnings }) => {
      const centre = x / n;
      const half = z * Math.sqrt((centre * (1 - centre)) / n);
      const limits = clip(centre - half, centre + half, 'wald', warnings);
      if (x === 0 || x === n)
        warnings.push(
          warning('interval-zero-width', {
            method: 'wald',
            why: `${x} of ${n}`,
            use: 'wilson, exact or jeffreys',
          }),
        );
      return limits;
    },
    steps: (x, n, { z }) => [
      { label: 'z', formula: 'z_{1 − α/2}', value: z },
      { label: 'SE', formula: '√(p̂(1 − p̂)/n)', value: Math.sqrt(((x / n) * (1 - x / n)) / n) },
      { label: 'limits', formula: 'p̂ ± z × SE, clipped to [0, 1]' },
    ],
  },
] as const satisfies readonly ProportionInterval[]);

export type ProportionCiMethod = MethodId<typeof PROPORTION_INTERVALS>;

/** The method ids (kept for callers of 0.1; the registry is `PROPORTION_INTERVALS`). */
export const PROPORTION_CI_METHODS: readonly ProportionCiMethod[] = PROPORTION_INTERVALS.ids;

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
 * Confidence interval for a single proportion x/n (two-sided, level 1 − α, z = z_{1−α/2});
 * the methods are the entries of `PROPORTION_INTERVALS`:
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
export function proportionCi(
  x: number,
  n: number,
  options: ProportionCiOptions = {},
): ProportionCiResult {
  const { method = 'wilson', level = 0.95, p0, alternative = 'two-sided' } = options;
  assertCounts(x, n);
  if (typeof level !== 'number' || !(level > 0 && level < 1))
    throw new InputError('level', level, 'a level in (0, 1), e.g. 0.95');
  const entry = PROPORTION_INTERVALS.get(method);
  const alpha = 1 - level;
  const coded: Warning[] = [];
  const [lower, upper] = entry.run(x, n, {
    level,
    alpha,
    z: normalQuantile(1 - alpha / 2),
    p0,
    warnings: coded,
  });
  const result: ProportionCiResult = {
    measure: 'PR',
    estimate: x / n,
    events: x,
    n,
    ci: { lower, upper, level, method: entry.resultMethod },
    warnings: messages(coded),
    codedWarnings: coded,
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

function clip(lower: number, upper: number, method: string, warnings: Warning[]): [number, number] {
  if (lower < 0 || upper > 1) {
    warnings.push(warning('interval-clipped', { method, lower, upper, range: '[0, 1]' }));
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

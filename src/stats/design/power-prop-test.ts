import { InputError } from '../../errors.js';
import { defineMethods, type MethodEntry, type MethodId } from '../method-registry.js';
import { normalCdf, normalQuantile, normalSf } from '../dist/index.js';
import { freeze } from '../types.js';
import { findRoot } from './find-root.js';
import { fisherExactPower } from './fisher-exact-power.js';
import {
  checkOpenUnit,
  enrolment,
  solveFor,
  type TwoArmSizeOptions,
  type TwoArmSizeResult,
} from './inflate-for-dropout.js';

export interface PowerPropTestOptions extends TwoArmSizeOptions {
  p1: number;
  /** Leave out to solve for the detectable p2 (> p1, as R's power.prop.test). */
  p2?: number;
  sided?: 1 | 2;
  /**
   * `normal` (default): R's power.prop.test; `arcsine`: Cohen's h as pwr.2p.test / pwr.2p2n.test;
   * `fisher`: exact power of Fisher's exact test by bounded enumeration (whole n only; solving for
   * n scans upwards from half the normal-approximation n — in strides of 1/200 of it while the power
   * is more than 0.01 below the target — and returns the first n reaching the power, up to `nMax`).
   */
  method?: PropPowerMethod;
  /** normal, two-sided: count both tails (R's strict = TRUE). arcsine always counts both tails, as pwr does. */
  strict?: boolean;
  /** fisher, solving for n: largest n per arm searched (default max(5000, 4 × the normal n)). */
  nMax?: number;
  /** fisher, solving for n: called after each exact power evaluated (for progress displays). */
  onProgress?: (state: { n: number; power: number }) => void;
}

export interface PowerPropTestResult extends TwoArmSizeResult {
  solved: 'n' | 'power' | 'p2';
  p1: number;
  p2: number;
  /** Cohen's h = 2 asin √p1 − 2 asin √p2 (arcsine method). */
  h?: number;
  sided: 1 | 2;
  strict: boolean;
}

interface Settings {
  alpha: number;
  sided: 1 | 2;
  strict: boolean;
  ratio: number;
}

/** Power of an analytic two-proportion test at n1 (arm 2: ratio × n1). */
type PowerFunction = (n1: number, p1: number, p2: number, s: Settings) => number;

/** Power of the pooled two-proportion z-test: Fleiss (1981); n2 = n1 gives R's power.prop.test exactly. */
function normalPower(n1: number, p1: number, p2: number, s: Settings): number {
  const n2 = s.ratio * n1;
  const z = normalQuantile(1 - s.alpha / s.sided);
  const d = Math.abs(p1 - p2);
  const pbar = (n1 * p1 + n2 * p2) / (n1 + n2);
  const null0 = Math.sqrt(pbar * (1 - pbar) * (1 / n1 + 1 / n2));
  const alt = Math.sqrt((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2);
  const upper = normalCdf((d - z * null0) / alt);
  return s.strict && s.sided === 2 ? upper + normalSf((d + z * null0) / alt) : upper;
}

/** Power of the arcsine test (Cohen's h), both tails when two-sided, as pwr. */
function arcsinePower(n1: number, p1: number, p2: number, s: Settings): number {
  const n2 = s.ratio * n1;
  const z = normalQuantile(1 - s.alpha / s.sided);
  const h = Math.abs(2 * Math.asin(Math.sqrt(p1)) - 2 * Math.asin(Math.sqrt(p2)));
  const shift = h * Math.sqrt((n1 * n2) / (n1 + n2));
  return s.sided === 2 ? normalSf(z - shift) + normalCdf(-z - shift) : normalSf(z - shift);
}

/** A registry entry of `POWER_PROP_METHODS`: `run` gets validated options. */
export interface PowerPropMethod
  extends MethodEntry<string, (options: PowerPropTestOptions) => PowerPropTestResult> {
  /** A closed-form power function: solves for n, power or p2, and takes fractional n. */
  readonly analytic: boolean;
}

/** Power methods for two proportions; `normal` (R power.prop.test) is the default. */
export const POWER_PROP_METHODS = defineMethods('two-proportion power', [
  {
    id: 'normal',
    label: 'pooled z-test, normal approximation',
    analytic: true,
    formula: 'power = Φ((|p1 − p2| − z(1−α/s) √(p̄q̄(1/n1 + 1/n2))) / √(p1q1/n1 + p2q2/n2))',
    reference:
      'Fleiss JL, Levin B, Paik MC. Statistical Methods for Rates and Proportions, 3rd ed., 2003, §4.2; as R power.prop.test',
    run: (options): PowerPropTestResult => analyticPower(options, normalPower, 'normal'),
  },
  {
    id: 'arcsine',
    label: "arcsine test (Cohen's h)",
    analytic: true,
    formula:
      'h = 2 asin √p1 − 2 asin √p2; power = Φ(|h| √(n1n2/(n1 + n2)) − z) [+ Φ(−z − |h|√…) two-sided]',
    reference:
      'Cohen J. Statistical Power Analysis for the Behavioral Sciences, 2nd ed., 1988, ch. 6; as R pwr.2p.test, pwr.2p2n.test',
    run: (options): PowerPropTestResult => analyticPower(options, arcsinePower, 'arcsine'),
  },
  {
    id: 'fisher',
    label: 'Fisher exact test, exact power by enumeration',
    analytic: false,
    formula:
      'power = Σ over tables in the Fisher rejection region of P(x1 | n1, p1) P(x2 | n2, p2)',
    reference:
      'Casagrande JT, Pike MC, Smith PG. Appl Stat 1978;27:176–180 (exact power of Fisher’s test)',
    run: (options): PowerPropTestResult => fisherPowerPropTest(options),
  },
] as const satisfies readonly PowerPropMethod[]);

export type PropPowerMethod = MethodId<typeof POWER_PROP_METHODS>;

/**
 * Power and sample size for comparing two proportions. `normal`: the pooled z-test,
 * power = Φ((|p1 − p2| − z(1−α/s) √(p̄q̄(1/n1 + 1/n2))) / √(p1q1/n1 + p2q2/n2)) (Fleiss, Levin &
 * Paik 2003, "Statistical Methods for Rates and Proportions", 3rd ed., §4.2; R `power.prop.test`,
 * which is the ratio = 1 case, including `strict`). `arcsine`: Cohen's h = 2 asin √p1 − 2 asin √p2,
 * power = Φ(|h| √(n1n2/(n1+n2)) − z) [+ Φ(−z − |h|√…) two-sided] (Cohen 1988, ch. 6; `pwr.2p.test`,
 * `pwr.2p2n.test`). Solves for the one of n, power, p2 left out (Brent, to 1e-12).
 *
 * @example
 * powerPropTest({ p1: 0.5, p2: 0.75, power: 0.9 })
 * // { n: 76.70693…, nPerArm: 77, … }  (R: power.prop.test(p1 = .5, p2 = .75, power = .9)$n = 76.70693)
 */
export function powerPropTest(options: PowerPropTestOptions): PowerPropTestResult {
  const { p1, alpha = 0.05, sided = 2, ratio = 1, method = POWER_PROP_METHODS.defaultId } = options;
  solveFor({ n: options.n, power: options.power, p2: options.p2 });
  checkOpenUnit('p1', p1);
  if (options.p2 !== undefined) checkOpenUnit('p2', options.p2);
  checkOpenUnit('alpha', alpha);
  if (options.power !== undefined) checkOpenUnit('power', options.power);
  if (sided !== 1 && sided !== 2) throw new InputError('sided', sided, '1 or 2');
  const entry = POWER_PROP_METHODS.get(method);
  if (!(ratio > 0 && Number.isFinite(ratio)))
    throw new InputError('ratio', ratio, 'a positive number');
  if (options.n !== undefined && !(options.n > 0 && Number.isFinite(options.n)))
    throw new InputError('n', options.n, 'a positive number');
  if (options.p2 === p1) throw new InputError('p2', p1, 'a proportion different from p1');
  return entry.run(options);
}

/** Power, n or detectable p2 for an analytic method: Brent on its power function. */
function analyticPower(
  options: PowerPropTestOptions,
  propPower: PowerFunction,
  method: 'normal' | 'arcsine',
): PowerPropTestResult {
  const { p1, alpha = 0.05, sided = 2, strict = false, ratio = 1, dropout = 0 } = options;
  const solved = solveFor({ n: options.n, power: options.power, p2: options.p2 });
  const s: Settings = { alpha, sided, strict, ratio };
  const warnings: string[] = [];
  let n = options.n ?? NaN;
  let p2 = options.p2 ?? NaN;
  const target = options.power ?? NaN;
  // R searches n in [1, 1e7] (power.prop.test) or (2, 1e9] (pwr); p2 in (p1, 1).
  if (solved === 'n') {
    const low = method === 'arcsine' ? 2 + 1e-10 : 1;
    if (propPower(low, p1, p2, s) >= target) {
      warnings.push(`power ${target} is reached already at n = ${low}`);
      n = low;
    } else {
      const root = findRoot((x) => propPower(x, p1, p2, s) - target, low, 1e7, {
        extendUpper: true,
      });
      if (!root.converged) throw new InputError('power', target, 'a power reachable with n ≤ 1e12');
      n = root.root;
    }
  } else if (solved === 'p2') {
    const top = 1 - 1e-12;
    if (propPower(n, p1, top, s) < target)
      throw new InputError('power', target, `a power reachable with p2 < 1 at n = ${n}`);
    const root = findRoot((x) => propPower(n, p1, x, s) - target, p1, top);
    p2 = root.root;
  }
  const evaluable = solved === 'n' ? Math.ceil(n * (1 - 1e-9)) : n;
  const evaluable2 = solved === 'n' ? Math.ceil(ratio * evaluable * (1 - 1e-9)) : ratio * n;
  const power =
    solved === 'n'
      ? propPower(evaluable, p1, p2, { ...s, ratio: evaluable2 / evaluable })
      : solved === 'power'
        ? propPower(n, p1, p2, s)
        : target;
  return freeze({
    solved,
    n,
    ...enrolment(evaluable, evaluable2, dropout),
    power,
    ...(solved === 'power' ? {} : { targetPower: target }),
    p1,
    p2,
    ...(method === 'arcsine'
      ? { h: 2 * Math.asin(Math.sqrt(p1)) - 2 * Math.asin(Math.sqrt(p2)) }
      : {}),
    alpha,
    sided,
    strict,
    ratio,
    dropout,
    method:
      method === 'arcsine'
        ? `${sided}-sided arcsine test (Cohen's h)`
        : `${sided}-sided pooled z-test, normal approximation${strict ? ' (strict: both tails)' : ''}`,
    warnings,
  });
}

function fisherPowerPropTest(options: PowerPropTestOptions): PowerPropTestResult {
  const { p1, alpha = 0.05, sided = 2, ratio = 1, dropout = 0 } = options;
  if (options.p2 === undefined)
    throw new InputError('p2', undefined, 'p2 (the Fisher method solves for n or power only)');
  const p2 = options.p2;
  const alternative = sided === 2 ? 'two-sided' : p1 > p2 ? 'greater' : 'less';
  const exact = (n1: number) =>
    fisherExactPower({ n1, n2: Math.ceil(ratio * n1 * (1 - 1e-9)), p1, p2, alpha, alternative });
  const warnings: string[] = [];
  let n: number;
  let power: number;
  if (options.n !== undefined) {
    if (
      !Number.isInteger(options.n) ||
      !Number.isInteger(Math.round(ratio * options.n * 1e9) / 1e9)
    ) {
      throw new InputError(
        'n',
        options.n,
        'a whole number per arm (and ratio × n whole) for the exact Fisher power',
      );
    }
    n = options.n;
    power = exact(n);
  } else {
    const target = options.power!;
    const approximate = powerPropTest({
      p1,
      p2,
      power: target,
      alpha,
      sided,
      ratio,
      method: 'normal',
    }).n;
    const nMax = options.nMax ?? Math.max(5000, Math.ceil(4 * approximate));
    if (!(Number.isInteger(nMax) && nMax >= 1))
      throw new InputError('nMax', nMax, 'a whole number ≥ 1');
    const notReached = () =>
      new InputError(
        'nMax',
        nMax,
        `a limit the search can reach: power ${target} is not reached within n ≤ ${nMax} per arm (raise nMax)`,
      );
    const evaluate = (m: number) => {
      const value = exact(m);
      options.onProgress?.({ n: m, power: value });
      return value;
    };
    // Coarse pass with a stride of 1/200 of the normal n (none below n = 400): the one-by-one scan
    // starts at the last stride point whose power is below target − 0.05(1 − target) (0.01 for
    // power 0.8). This assumes that the saw-tooth of the exact power (its dips between neighbouring
    // n) stays under that margin at n ≥ 400 per arm; test/stats/design/exact-power.test.ts compares
    // it with the full scan.
    const stride = Math.max(1, Math.floor(approximate / 200));
    let start = Math.max(1, Math.floor(approximate / 2));
    if (start > nMax) throw notReached();
    if (stride > 1) {
      const margin = 0.05 * (1 - target);
      while (start + stride <= nMax && evaluate(start + stride) < target - margin) start += stride;
    }
    n = start;
    while ((power = evaluate(n)) < target) {
      n += 1;
      if (n > nMax) throw notReached();
    }
    if (n + 1 <= nMax && exact(n + 1) < target)
      warnings.push(`exact power is a saw-tooth in n: n = ${n + 1} falls below ${target} again`);
  }
  return freeze({
    solved: options.n === undefined ? 'n' : 'power',
    n,
    ...enrolment(n, Math.ceil(ratio * n * (1 - 1e-9)), dropout),
    power,
    ...(options.power === undefined ? {} : { targetPower: options.power }),
    p1,
    p2,
    alpha,
    sided,
    strict: false,
    ratio,
    dropout,
    method: `${alternative} Fisher exact test, exact power by enumeration (binomial tails beyond 1e-16 left out)`,
    warnings,
  });
}

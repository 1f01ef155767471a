import { InputError } from '../../errors.js';
import { noncentralTCdf, noncentralTSf, tQuantile } from '../dist/index.js';
import { freeze } from '../types.js';
import { findRoot } from './find-root.js';
import {
  checkOpenUnit,
  enrolment,
  solveFor,
  type TwoArmSizeOptions,
  type TwoArmSizeResult,
} from './inflate-for-dropout.js';

export interface PowerTTestOptions extends TwoArmSizeOptions {
  /** True difference in means (arm 1 − arm 2 for one-sided power). Leave out to solve for it. */
  delta?: number;
  /** Common standard deviation. Default 1. */
  sd?: number;
  /** 1 or 2 (default). */
  sided?: 1 | 2;
  /** Two-sided only: also count rejections in the wrong direction (R's `strict = TRUE`). Default false. */
  strict?: boolean;
  /**
   * R's `type`: `two-sample` (default), `one-sample` or `paired` (n pairs, sd the SD of the
   * differences); the last two have df = n − 1 and λ = √n δ/σ, and take no ratio.
   */
  type?: TTestType;
  /**
   * Solve for `sd` (R's `sd = NULL`) or `alpha` (`sig.level = NULL`) instead of the one of n,
   * power, delta left out; n, power and delta must then all be given.
   */
  solve?: 'sd' | 'alpha';
}

export type TTestType = 'two-sample' | 'one-sample' | 'paired';

export interface PowerTTestResult extends TwoArmSizeResult {
  solved: 'n' | 'power' | 'delta' | 'sd' | 'alpha';
  type: TTestType;
  delta: number;
  sd: number;
  sided: 1 | 2;
  strict: boolean;
  df: number;
  ncp: number;
}

interface Settings {
  sd: number;
  alpha: number;
  sided: 1 | 2;
  strict: boolean;
  ratio: number;
  type: TTestType;
}

function tPower(
  n1: number,
  delta: number,
  s: Settings,
): { power: number; df: number; ncp: number } {
  const n2 = s.ratio * n1;
  const oneGroup = s.type !== 'two-sample';
  const df = oneGroup ? n1 - 1 : n1 + n2 - 2;
  const ncp = oneGroup
    ? (Math.sqrt(n1) * delta) / s.sd
    : delta / (s.sd * Math.sqrt(1 / n1 + 1 / n2));
  const critical = tQuantile(1 - s.alpha / s.sided, df);
  let power = noncentralTSf(critical, df, ncp);
  if (s.strict && s.sided === 2) power += noncentralTCdf(-critical, df, ncp);
  return { power, df, ncp };
}

/**
 * Power and sample size of the two-sample t-test with a common SD, from the noncentral t:
 * power = P(T' > t(1 − α/s, ν)) [+ P(T' < −t(1 − α/s, ν)) when strict], T' ~ t(ν, λ),
 * ν = n1 + n2 − 2, λ = δ / (σ √(1/n1 + 1/n2)). With ratio 1 this is R's `power.t.test`
 * (type "two.sample"); with ratio ≠ 1 it is `pwr::pwr.t2n.test` (d = δ/σ). One-sample and paired
 * (`type = "one.sample"`, `"paired"`): ν = n − 1, λ = √n δ/σ. The missing one of n, power, delta
 * (or, with `solve`, the SD or α) is found by Brent's method (R's uniroot) to 1e-12. Reference: Cohen (1988),
 * "Statistical Power Analysis for the Behavioral Sciences", 2nd ed., ch. 2; R `stats::power.t.test`.
 *
 * @example
 * powerTTest({ delta: 1, sd: 1, power: 0.9 })
 * // { n: 22.02110, nPerArm: 23, power: 0.91250 (at n = 23), … }  (R: power.t.test(delta = 1, power = 0.9)$n = 22.02110)
 * powerTTest({ type: 'paired', n: 20, delta: 1, power: 0.9, solve: 'sd' }).sd
 * // 1.3081163… (R: power.t.test(n = 20, delta = 1, power = 0.9, sd = NULL, type = "paired")$sd)
 */
export function powerTTest(options: PowerTTestOptions): PowerTTestResult {
  const { sided = 2, strict = false, ratio = 1, dropout = 0, type = 'two-sample' } = options;
  const solveExtra = options.solve;
  if (solveExtra !== undefined && solveExtra !== 'sd' && solveExtra !== 'alpha')
    throw new InputError('solve', solveExtra, 'sd or alpha');
  const solved =
    solveExtra ?? solveFor({ n: options.n, power: options.power, delta: options.delta });
  if (solveExtra !== undefined)
    for (const [name, value] of Object.entries({
      n: options.n,
      power: options.power,
      delta: options.delta,
    }))
      if (value === undefined)
        throw new InputError(name, undefined, `${name} given when solving for ${solveExtra}`);
  let sd = solved === 'sd' ? NaN : (options.sd ?? 1);
  let alpha = solved === 'alpha' ? NaN : (options.alpha ?? 0.05);
  if (solved !== 'sd' && !(sd > 0 && Number.isFinite(sd)))
    throw new InputError('sd', sd, 'a positive number');
  if (solved !== 'alpha') checkOpenUnit('alpha', alpha);
  if (type !== 'two-sample' && type !== 'one-sample' && type !== 'paired')
    throw new InputError('type', type, 'two-sample, one-sample or paired');
  if (sided !== 1 && sided !== 2) throw new InputError('sided', sided, '1 or 2');
  if (!(ratio > 0 && Number.isFinite(ratio)))
    throw new InputError('ratio', ratio, 'a positive number');
  if (type !== 'two-sample' && ratio !== 1)
    throw new InputError('ratio', ratio, `1 (a ${type} t-test has one group)`);
  if (options.power !== undefined) checkOpenUnit('power', options.power);
  const minimumN = type === 'two-sample' ? 2 / (1 + ratio) : 1;
  if (options.n !== undefined && !(options.n > minimumN && Number.isFinite(options.n))) {
    throw new InputError('n', options.n, 'a size giving at least 1 degree of freedom');
  }
  if (options.delta !== undefined && !Number.isFinite(options.delta))
    throw new InputError('delta', options.delta, 'a finite number');
  const s: Settings = { sd, alpha, sided, strict, ratio, type };
  const warnings: string[] = [];
  let n = options.n ?? NaN;
  let delta = sided === 2 ? Math.abs(options.delta ?? NaN) : (options.delta ?? NaN);
  const target = options.power ?? NaN;

  if (solved === 'n') {
    const low = 2; // R's power.t.test searches n in [2, 1e7]
    if (tPower(low, delta, s).power >= target) {
      // R's uniroot(extendInt = "upX") then extends below 2; the df must stay > 0.
      const floor = minimumN * (1 + 1e-6);
      const below = findRoot((x) => tPower(x, delta, s).power - target, floor, low);
      if (below.converged) {
        n = below.root;
        warnings.push(
          `n < 2 per arm: the power target is reached with fewer than 2 patients per arm`,
        );
      } else {
        warnings.push(
          `power ${target} is reached already with less than 1 degree of freedom: reporting n = ${low}`,
        );
        n = low;
      }
    } else {
      // Start from a small bracket and double it (R brackets [2, 1e7] at once): the noncentral t
      // with an enormous ncp is slow and inexact, and the root is never there.
      const root = findRoot((x) => tPower(x, delta, s).power - target, low, 100, {
        extendUpper: true,
        limit: 1e7,
      });
      if (!root.converged) throw new InputError('power', target, 'a power reachable with n ≤ 1e12');
      n = root.root;
    }
  } else if (solved === 'delta') {
    if (tPower(n, sd * 1e-7, s).power >= target)
      throw new InputError(
        'power',
        target,
        `a power above the power at delta ≈ 0 (${tPower(n, sd * 1e-7, s).power})`,
      );
    const root = findRoot((x) => tPower(n, x, s).power - target, sd * 1e-7, sd * 10, {
      extendUpper: true,
      limit: sd * 1e7,
    });
    if (!root.converged) throw new InputError('power', target, 'a reachable power');
    delta = root.root;
  } else if (solved === 'sd') {
    // Power falls as σ grows; R searches σ in [δ·1e-7, δ·1e7].
    const magnitude = Math.abs(delta);
    const root = findRoot(
      (x) => target - tPower(n, delta, { ...s, sd: x }).power,
      magnitude * 1e-7,
      magnitude * 1e7,
    );
    if (!root.converged) throw new InputError('power', target, 'a power reachable with some sd');
    sd = root.root;
    s.sd = sd;
  } else if (solved === 'alpha') {
    // Power rises with α; R searches sig.level in [1e-10, 1 − 1e-10].
    const root = findRoot(
      (x) => tPower(n, delta, { ...s, alpha: x }).power - target,
      1e-10,
      1 - 1e-10,
    );
    if (!root.converged) throw new InputError('power', target, 'a power reachable with α < 1');
    alpha = root.root;
    s.alpha = alpha;
  }

  const evaluable = solved === 'n' ? Math.ceil(n * (1 - 1e-9)) : n;
  const evaluable2 = solved === 'n' ? Math.ceil(ratio * evaluable * (1 - 1e-9)) : ratio * n;
  const atEvaluable = tPower(evaluable, delta, { ...s, ratio: evaluable2 / evaluable });
  const atN = tPower(n, delta, s);
  const enrol = enrolment(evaluable, evaluable2, dropout);
  return freeze({
    solved,
    type,
    n,
    // One group: no second arm to enrol.
    ...(type === 'two-sample' ? enrol : { ...enrol, nPerArm2: 0, nTotal: enrol.nPerArm }),
    power: solved === 'n' ? atEvaluable.power : solved === 'power' ? atN.power : target,
    ...(solved === 'power' ? {} : { targetPower: target }),
    delta,
    sd,
    alpha,
    sided,
    strict,
    ratio,
    dropout,
    df: atN.df,
    ncp: atN.ncp,
    method: `${sided}-sided ${type} t-test, noncentral t${strict ? ' (strict: both tails)' : ''}`,
    warnings,
  });
}

import { InputError } from '../../errors.js';
import {
  noncentralTCdf,
  noncentralTSf,
  normalCdf,
  normalQuantile,
  tQuantile,
} from '../dist/index.js';
import { freeze } from '../types.js';
import { findRoot } from './find-root.js';
import {
  checkOpenUnit,
  enrolment,
  type TwoArmSizeOptions,
  type TwoArmSizeResult,
} from './inflate-for-dropout.js';

export type MarginHypothesis = 'non-inferiority' | 'equivalence';

export interface MarginPowerOptions extends TwoArmSizeOptions {
  hypothesis: MarginHypothesis;
  /** `means`: give delta (true difference arm 1 − arm 2) and sd; `props`: give p1 and p2. */
  outcome: 'means' | 'props';
  delta?: number;
  sd?: number;
  p1?: number;
  p2?: number;
  /** Margin δ > 0: non-inferiority H0 is d ≤ −δ; equivalence H0 is |d| ≥ δ. */
  margin: number;
  /** One-sided level of each test. Default 0.025 (non-inferiority), 0.05 (equivalence: a 90% CI). */
  alpha?: number;
}

export interface MarginPowerResult extends TwoArmSizeResult {
  hypothesis: MarginHypothesis;
  outcome: 'means' | 'props';
  solved: 'n' | 'power';
  /** True difference arm 1 − arm 2. */
  difference: number;
  margin: number;
}

/**
 * Power and sample size for non-inferiority and equivalence (two one-sided tests, TOST) with a
 * margin δ on the difference d = arm 1 − arm 2 (higher is better). Means: noncentral t with
 * ν = n1 + n2 − 2, se = σ√(1/n1 + 1/n2): non-inferiority power P(T'(ν, (d + δ)/se) > t(1−α, ν));
 * TOST power P(T'(ν, (d − δ)/se) < −t) − P(T'(ν, (d + δ)/se) ≤ t), floored at 0. Proportions: normal
 * approximation with the unpooled se √(p1q1/n1 + p2q2/n2): Φ((d + δ)/se − z) and
 * Φ((δ − d)/se − z) + Φ((δ + d)/se − z) − 1. Chow, Shao & Wang (2008), "Sample Size Calculations
 * in Clinical Research", 2nd ed., §3.2 (means) and §4.2 (proportions), with t in place of z for means
 * (Julious 2004, Statistics in Medicine 23:1921-1986).
 * @example marginPower({ hypothesis: 'equivalence', outcome: 'means', delta: 0, sd: 1, margin: 0.5, n: 100 }).power // 0.93970
 */
export function marginPower(options: MarginPowerOptions): MarginPowerResult {
  const { hypothesis, outcome, margin, ratio = 1, dropout = 0 } = options;
  if (hypothesis !== 'non-inferiority' && hypothesis !== 'equivalence')
    throw new InputError('hypothesis', hypothesis, 'non-inferiority or equivalence');
  const alpha = options.alpha ?? (hypothesis === 'equivalence' ? 0.05 : 0.025);
  checkOpenUnit('alpha', alpha);
  if (!(margin > 0 && Number.isFinite(margin)))
    throw new InputError('margin', margin, 'a positive margin');
  if (!(ratio > 0 && Number.isFinite(ratio)))
    throw new InputError('ratio', ratio, 'a positive number');
  if ((options.n === undefined) === (options.power === undefined))
    throw new InputError('n/power', 'both or neither', 'exactly one of n and power');
  if (options.power !== undefined) checkOpenUnit('power', options.power);
  let difference: number;
  let powerAt: (n1: number) => number;
  if (outcome === 'means') {
    const { delta, sd = 1 } = options;
    if (delta === undefined || !Number.isFinite(delta))
      throw new InputError('delta', delta, 'the true difference in means');
    if (!(sd > 0 && Number.isFinite(sd))) throw new InputError('sd', sd, 'a positive number');
    difference = delta;
    powerAt = (n1) => {
      const df = n1 * (1 + ratio) - 2;
      const se = sd * Math.sqrt(1 / n1 + 1 / (ratio * n1));
      const t = tQuantile(1 - alpha, df);
      if (hypothesis === 'non-inferiority') return noncentralTSf(t, df, (delta + margin) / se);
      return Math.max(
        0,
        noncentralTCdf(-t, df, (delta - margin) / se) -
          noncentralTCdf(t, df, (delta + margin) / se),
      );
    };
  } else if (outcome === 'props') {
    const { p1, p2 } = options;
    checkOpenUnit('p1', p1 ?? NaN);
    checkOpenUnit('p2', p2 ?? NaN);
    difference = p1! - p2!;
    const z = normalQuantile(1 - alpha);
    powerAt = (n1) => {
      const se = Math.sqrt((p1! * (1 - p1!)) / n1 + (p2! * (1 - p2!)) / (ratio * n1));
      if (hypothesis === 'non-inferiority') return normalCdf((difference + margin) / se - z);
      return Math.max(
        0,
        normalCdf((margin - difference) / se - z) + normalCdf((margin + difference) / se - z) - 1,
      );
    };
  } else throw new InputError('outcome', outcome, 'means or props');
  if (hypothesis === 'equivalence' && Math.abs(difference) >= margin) {
    throw new InputError(
      'margin',
      margin,
      `a margin wider than the true difference |d| = ${Math.abs(difference)} (equivalence cannot be shown otherwise)`,
    );
  }
  if (hypothesis === 'non-inferiority' && difference <= -margin) {
    throw new InputError('margin', margin, `a margin with d + margin > 0 (d = ${difference})`);
  }
  const warnings: string[] = [];
  let n: number;
  let power: number;
  if (options.n !== undefined) {
    if (!(options.n * (1 + ratio) > 2 && Number.isFinite(options.n)))
      throw new InputError('n', options.n, 'a per-arm size giving at least 1 degree of freedom');
    n = options.n;
    power = powerAt(n);
  } else {
    const target = options.power!;
    const low = 2;
    if (powerAt(low) >= target) {
      n = low;
      warnings.push(`power ${target} is reached already at n = ${low}`);
    } else {
      const root = findRoot((x) => powerAt(x) - target, low, 100, {
        extendUpper: true,
        limit: 1e7,
      });
      if (!root.converged) throw new InputError('power', target, 'a power reachable with n ≤ 1e12');
      n = root.root;
    }
    power = powerAt(Math.ceil(n * (1 - 1e-9)));
  }
  const evaluable = options.n === undefined ? Math.ceil(n * (1 - 1e-9)) : n;
  return freeze({
    hypothesis,
    outcome,
    solved: options.n === undefined ? 'n' : 'power',
    n,
    ...enrolment(
      evaluable,
      options.n === undefined ? Math.ceil(ratio * evaluable * (1 - 1e-9)) : ratio * evaluable,
      dropout,
    ),
    power,
    ...(options.power === undefined ? {} : { targetPower: options.power }),
    difference,
    margin,
    alpha,
    ratio,
    dropout,
    method: `${hypothesis === 'equivalence' ? 'TOST equivalence' : 'non-inferiority'}, ${outcome === 'means' ? 'noncentral t' : 'normal approximation'}`,
    warnings,
  });
}

import { InputError } from '../../errors.js';
import { binomialQuantile, binomialSf, binomialCdf } from '../dist/index.js';
import { freeze } from '../types.js';
import { checkOpenUnit } from './inflate-for-dropout.js';

export interface ExactBinomialPowerResult {
  n: number;
  p0: number;
  p1: number;
  alpha: number;
  alternative: 'greater' | 'less';
  /** Reject H0 when X ≥ critical (`greater`) or X ≤ critical (`less`). */
  critical: number;
  /** Attained type I error P(reject | p0) ≤ alpha (the test is discrete, so usually below). */
  actualAlpha: number;
  power: number;
  warnings: string[];
}

function atN(n: number, p0: number, p1: number, alpha: number, alternative: 'greater' | 'less') {
  if (alternative === 'greater') {
    // Smallest k with P(X ≥ k | p0) ≤ α: k = qbinom(1 − α, n, p0) + 1, corrected for rounding at the boundary.
    let k = binomialQuantile(1 - alpha, n, p0) + 1;
    while (k > 0 && binomialSf(k - 2, n, p0) <= alpha) k -= 1;
    while (k <= n && binomialSf(k - 1, n, p0) > alpha) k += 1;
    return {
      critical: k,
      actualAlpha: k > n ? 0 : binomialSf(k - 1, n, p0),
      power: k > n ? 0 : binomialSf(k - 1, n, p1),
    };
  }
  // Largest k with P(X ≤ k | p0) ≤ α.
  let k = binomialQuantile(alpha, n, p0);
  while (k >= 0 && binomialCdf(k, n, p0) > alpha) k -= 1;
  while (k + 1 <= n && binomialCdf(k + 1, n, p0) <= alpha) k += 1;
  return {
    critical: k,
    actualAlpha: k < 0 ? 0 : binomialCdf(k, n, p0),
    power: k < 0 ? 0 : binomialCdf(k, n, p1),
  };
}

/**
 * Power of the exact one-sided binomial test of H0: p = p0 (Fleiss, Levin & Paik 2003, §2.5;
 * R `binom.test`): the critical count is the most extreme k whose tail probability under p0 is
 * ≤ α, so the attained α is below the nominal one and power is a saw-tooth in n: it can drop
 * when n grows by one. Give `n` for the power there, or `power` for the smallest n reaching it
 * (with a warning when a larger n falls below it again, and `nStable`: the smallest n from which
 * every n up to 2n reaches it).
 * @example exactBinomialPower({ n: 10, p0: 0.2, p1: 0.4 }) // { critical: 5, actualAlpha: 0.03279, power: 0.36690, … }
 */
export function exactBinomialPower(options: {
  p0: number;
  p1: number;
  n?: number;
  power?: number;
  alpha?: number;
  alternative?: 'greater' | 'less';
}): ExactBinomialPowerResult & { targetPower?: number; nStable?: number } {
  const { p0, p1, alpha = 0.05 } = options;
  checkOpenUnit('p0', p0);
  checkOpenUnit('p1', p1);
  checkOpenUnit('alpha', alpha);
  const alternative = options.alternative ?? (p1 > p0 ? 'greater' : 'less');
  if (alternative !== 'greater' && alternative !== 'less')
    throw new InputError('alternative', alternative, 'greater or less');
  if ((options.n === undefined) === (options.power === undefined))
    throw new InputError('n/power', 'both or neither', 'exactly one of n and power');
  const warnings: string[] = [];
  if (options.n !== undefined) {
    if (!Number.isInteger(options.n) || options.n < 1)
      throw new InputError('n', options.n, 'a whole number ≥ 1');
    return freeze({
      n: options.n,
      p0,
      p1,
      alpha,
      alternative,
      ...atN(options.n, p0, p1, alpha, alternative),
      warnings,
    });
  }
  const target = options.power!;
  checkOpenUnit('power', target);
  if ((alternative === 'greater') !== p1 > p0)
    throw new InputError('p1', p1, `a value on the ${alternative} side of p0 = ${p0}`);
  const limit = 100_000;
  let n = 1;
  while (n <= limit && atN(n, p0, p1, alpha, alternative).power < target) n += 1;
  if (n > limit) throw new InputError('power', target, `a power reached with n ≤ ${limit}`);
  // Saw-tooth: look for the first n after which power stays ≥ target up to twice that n.
  let stable = n;
  for (let m = n + 1; m <= 2 * stable; m += 1) {
    if (atN(m, p0, p1, alpha, alternative).power < target) stable = m + 1;
  }
  if (stable !== n)
    warnings.push(
      `power is not monotone in n: n = ${n} reaches ${target}, but some larger n fall below it; from n = ${stable} every n (checked to ${2 * stable}) reaches it`,
    );
  return freeze({
    n,
    p0,
    p1,
    alpha,
    alternative,
    ...atN(n, p0, p1, alpha, alternative),
    targetPower: target,
    nStable: stable,
    warnings,
  });
}

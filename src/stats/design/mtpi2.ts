import { InputError } from '../../errors.js';
import { betaCdf } from '../dist/index.js';
import {
  type DoseDecisionTable,
  decisionTable,
  defaultEi,
  excluded,
} from './dose-decision-table.js';

export interface Mtpi2Options {
  /** Equivalence interval [pT − ε1, pT + ε2] (default [pT − 0.05, pT + 0.05]). */
  ei?: [number, number];
  /** Largest number of patients at one dose in the table (default 18). */
  maxN?: number;
}

/** The intervals of mTPI-2: the EI and intervals of its width below and above it, the end ones cut at 0 and 1. */
export function mtpi2Intervals(ei: readonly [number, number]): [number, number][] {
  const [a, b] = ei;
  const w = b - a;
  const out: [number, number][] = [];
  // Below: [a − kw, a − (k−1)w], the last one cut at 0 (a tolerance keeps 0.2 − 2·0.1 from leaving a sliver).
  for (let hi = a; hi > 1e-9; hi -= w) out.unshift([Math.max(0, hi - w), hi]);
  out.push([a, b]);
  for (let lo = b; lo < 1 - 1e-9; lo += w) out.push([lo, Math.min(1, lo + w)]);
  return out;
}

/**
 * The mTPI-2 decision table (Guo W, Wang S-J, Yang S, Lynn H, Ji Y. A Bayesian interval
 * dose-finding design addressing Ockham's razor: mTPI-2. Contemp Clin Trials 2017;58:23–33):
 * split [0, 1] into the equivalence interval EI = [pT − ε1, pT + ε2] and intervals of the same
 * width below and above it; with a beta(1, 1) prior, the unit probability mass of an interval
 * is P(p ∈ interval | y, n) / its length, p | y, n ~ beta(1 + y, 1 + n − y); the decision is E,
 * S or D as the interval with the largest UPM lies below, is, or lies above the EI; DU when
 * n ≥ 3 and P(p > pT | y, n) > 0.95.
 * @example mtpi2Table(0.3).decisions[2] // n = 3: ['E', 'S', 'D', 'DU']
 */
export function mtpi2Table(target: number, options: Mtpi2Options = {}): DoseDecisionTable {
  if (!(target > 0 && target < 1))
    throw new InputError('target', target, 'a target toxicity rate in (0, 1)');
  const ei = options.ei ?? defaultEi(target);
  if (!(ei[0] > 0 && ei[0] < target && ei[1] > target && ei[1] < 1))
    throw new InputError(
      'ei',
      ei.join(','),
      `an interval with 0 < lower < target = ${target} < upper < 1`,
    );
  const intervals = mtpi2Intervals(ei);
  const eiIndex = intervals.findIndex(([lo]) => lo === ei[0]);
  return decisionTable(`mTPI-2 (target ${target})`, target, options.maxN ?? 18, (n, y) => {
    if (excluded(y, n, target)) return 'DU';
    let best = 0;
    let bestUpm = -1;
    intervals.forEach(([lo, hi], i) => {
      const upm = (betaCdf(hi, 1 + y, 1 + n - y) - betaCdf(lo, 1 + y, 1 + n - y)) / (hi - lo);
      if (upm > bestUpm) {
        bestUpm = upm;
        best = i;
      }
    });
    return best < eiIndex ? 'E' : best > eiIndex ? 'D' : 'S';
  });
}

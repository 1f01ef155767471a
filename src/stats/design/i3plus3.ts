import { InputError } from '../../errors.js';
import {
  type DoseDecisionTable,
  decisionTable,
  defaultEi,
  excluded,
} from './dose-decision-table.js';

export interface I3plus3Options {
  /** Equivalence interval (default [pT − 0.05, pT + 0.05]). */
  ei?: [number, number];
  /** Largest number of patients at one dose in the table (default 18). */
  maxN?: number;
}

/**
 * The i3+3 decision table (Liu M, Wang S-J, Ji Y. The i3+3 design for phase I clinical trials.
 * J Biopharm Stat 2020;30:294–304): with equivalence interval EI = [a, b] around pT, E if
 * y/n < a; S if a ≤ y/n ≤ b; above the EI, S if (y − 1)/n < a (one DLT fewer would have been
 * below it) and D otherwise; DU when n ≥ 3 and P(p > pT | y, n) > 0.95 (beta(1, 1) prior).
 * @example i3plus3Table(0.3).decisions[5] // n = 6: ['E', 'E', 'S', 'D', 'DU', 'DU', 'DU']
 */
export function i3plus3Table(target: number, options: I3plus3Options = {}): DoseDecisionTable {
  if (!(target > 0 && target < 1))
    throw new InputError('target', target, 'a target toxicity rate in (0, 1)');
  const [a, b] = options.ei ?? defaultEi(target);
  if (!(a > 0 && a < target && b > target && b < 1))
    throw new InputError(
      'ei',
      `${a},${b}`,
      `an interval with 0 < lower < target = ${target} < upper < 1`,
    );
  return decisionTable(`i3+3 (target ${target})`, target, options.maxN ?? 18, (n, y) => {
    if (excluded(y, n, target)) return 'DU';
    if (y / n < a) return 'E';
    if (y / n <= b) return 'S';
    return (y - 1) / n < a ? 'S' : 'D';
  });
}

import { InputError } from '../../errors.js';
import { betaSf } from '../dist/index.js';
import type { IntervalRule } from './interval-design-oc.js';

/** E escalate, S stay, D de-escalate, DU de-escalate and never use this dose (or higher) again. */
export type DoseDecision = 'E' | 'S' | 'D' | 'DU';

/** A dose-finding decision table: `decisions[n − 1][y]` for 1 ≤ n ≤ maxN, 0 ≤ y ≤ n. */
export interface DoseDecisionTable {
  design: string;
  target: number;
  maxN: number;
  decisions: DoseDecision[][];
}

/**
 * The dose-exclusion rule shared by BOIN, mTPI-2 and i3+3: with n ≥ 3 patients at a dose and
 * a beta(1, 1) prior, exclude the dose (and every higher one) when P(p > target | y, n) > cutoff
 * (0.95 in all three papers).
 * @example excluded(2, 3, 0.3) // false (P = 0.916); excluded(3, 3, 0.3) // true (0.976)
 */
export function excluded(y: number, n: number, target: number, cutoff = 0.95): boolean {
  return n >= 3 && betaSf(target, y + 1, n - y + 1) > cutoff;
}

/** pT ± 0.05, rounded to 10 decimals so that 0.3 − 0.05 is 0.25 (a y/n of 1/4 sits on the boundary, as in the papers). */
export function defaultEi(target: number): [number, number] {
  return [Number((target - 0.05).toFixed(10)), Number((target + 0.05).toFixed(10))];
}

/** Builds a table from a rule `decide(n, y)` for n = 1..maxN. */
export function decisionTable(
  design: string,
  target: number,
  maxN: number,
  decide: (n: number, y: number) => DoseDecision,
): DoseDecisionTable {
  if (!(Number.isInteger(maxN) && maxN >= 1 && maxN <= 1000))
    throw new InputError('maxN', maxN, 'a whole number in [1, 1000]');
  const decisions: DoseDecision[][] = [];
  for (let n = 1; n <= maxN; n += 1)
    decisions.push(Array.from({ length: n + 1 }, (_, y) => decide(n, y)));
  return { design, target, maxN, decisions };
}

/** The table as an {@link IntervalRule} for {@link intervalDesignOc}. */
export function tableRule(table: DoseDecisionTable): IntervalRule {
  return {
    name: table.design,
    maxN: table.maxN,
    decide: (n, y) => {
      const row = table.decisions[n - 1];
      if (!row)
        throw new InputError(
          'n',
          n,
          `a number of patients ≤ ${table.maxN} (the decision table's maxN)`,
        );
      const d = row[y];
      return { move: d === 'E' ? 1 : d === 'S' ? 0 : -1, eliminate: d === 'DU' };
    },
  };
}

import { InputError } from '../../errors.js';
import { freeze } from '../types.js';

/** One escalation of a design: its number of dose levels, cohort size and most patients per dose. */
export interface EscalationGroup {
  levels: number;
  /** Patients per cohort (3 for 3+3). */
  cohort: number;
  /** Most patients one dose can receive (6 for 3+3: two cohorts). */
  maxPerDose: number;
}

export interface EscalationEnrolmentResult {
  planned: number;
  /** Every number of patients the groups together can treat under the design, ascending. */
  possible: number[];
  min: number;
  max: number;
  /** The planned number is one the design can treat. */
  reachable: boolean;
  /** Nearest possible totals at or below and at or above the planned number. */
  below?: number;
  above?: number;
  /** Some path of the design treats more patients than planned. */
  exceedable: boolean;
}

/**
 * Planned enrolment against a 3+3-type dose escalation: which totals can the design treat?
 * In a 3+3 over L doses each dose reached gets one cohort (c patients: 0 DLT escalates, ≥ 2
 * stop) or two (m = 2c: 1 DLT among the first c), and the escalation may stop at any dose, so
 * one group treats Σᵢ₌₁ᵏ xᵢ patients with xᵢ ∈ {c, m} and 1 ≤ k ≤ L (Storer 1989, design A).
 * Independent groups add. A planned number outside these totals cannot be the number treated
 * under the design as written (it allows for replacements, or one of the two is wrong).
 *
 * @example escalationEnrolment(32, [{ levels: 3, cohort: 3, maxPerDose: 6 }, { levels: 3, cohort: 3, maxPerDose: 6 }])
 * // { possible: [6, 9, …, 36], min: 6, max: 36, reachable: false, below: 30, above: 33, exceedable: true }
 */
export function escalationEnrolment(
  planned: number,
  groups: readonly EscalationGroup[],
): EscalationEnrolmentResult {
  if (!Number.isInteger(planned) || planned < 1)
    throw new InputError('planned', planned, 'a whole number ≥ 1');
  if (groups.length === 0) throw new InputError('groups', groups, 'at least one escalation');
  let totals = new Set<number>([0]);
  for (const { levels, cohort, maxPerDose } of groups) {
    if (!Number.isInteger(levels) || levels < 1)
      throw new InputError('levels', levels, 'a whole number ≥ 1');
    if (!Number.isInteger(cohort) || cohort < 1)
      throw new InputError('cohort', cohort, 'a whole number ≥ 1');
    if (!Number.isInteger(maxPerDose) || maxPerDose < cohort)
      throw new InputError('maxPerDose', maxPerDose, `a whole number ≥ the cohort (${cohort})`);
    const group = groupTotals(levels, cohort, maxPerDose);
    const next = new Set<number>();
    for (const a of totals) for (const b of group) next.add(a + b);
    totals = next;
  }
  const possible = [...totals].sort((a, b) => a - b);
  const below = [...possible].reverse().find((t) => t <= planned);
  const above = possible.find((t) => t >= planned);
  return freeze({
    planned,
    possible,
    min: possible[0],
    max: possible.at(-1)!,
    reachable: totals.has(planned),
    ...(below !== undefined ? { below } : {}),
    ...(above !== undefined ? { above } : {}),
    exceedable: possible.at(-1)! > planned,
  });
}

/** Totals one escalation can treat: sums of c or m over the first k doses, 1 ≤ k ≤ levels. */
function groupTotals(levels: number, cohort: number, maxPerDose: number): Set<number> {
  const totals = new Set<number>();
  let reached = new Set<number>([0]);
  for (let level = 1; level <= levels; level++) {
    const next = new Set<number>();
    for (const t of reached) {
      next.add(t + cohort);
      next.add(t + maxPerDose);
    }
    reached = next;
    for (const t of reached) totals.add(t);
  }
  return totals;
}

import type { ReportDataset } from '../dataset.js';
import { matches, num, rowsOfKind, str } from './analysis.js';

export interface ArmPair {
  trial: string;
  outcome: string;
  timepoint?: string;
  arm: { name: string; events: number; n: number };
  comparator: { name: string; events: number; n: number };
}

/**
 * Pairs the `arm` and `comparator` rows of an arm-binary table by trial, outcome and
 * timepoint, in table order. Outcomes where one of the two arms is missing are named in
 * the warnings.
 */
export function pairArms(dataset: ReportDataset, options: Record<string, unknown>, analysis: string): { pairs: ArmPair[]; warnings: string[] } {
  const arm = options.arm as string;
  const comparator = options.comparator as string;
  const rows = rowsOfKind(dataset, 'arm-binary').filter((r) => matches(r, 'outcome', options.outcomes) && matches(r, 'trial', options.trial) && matches(r, 'timepoint', options.timepoint));
  const key = (r: Record<string, unknown>): string => JSON.stringify([r.trial, r.outcome, str(r.timepoint) ?? null]);
  const groups = new Map<string, Record<string, unknown>[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  const pairs: ArmPair[] = [];
  const warnings: string[] = [];
  for (const group of groups.values()) {
    const a = group.find((r) => r.arm === arm);
    const c = group.find((r) => r.arm === comparator);
    const first = group[0];
    const label = `${String(first.outcome)}${str(first.timepoint) ? ` (${String(first.timepoint)})` : ''}`;
    if (!a || !c) {
      warnings.push(`${analysis}: ${label} left out (no row for ${!a ? arm : comparator})`);
      continue;
    }
    pairs.push({
      trial: String(first.trial),
      outcome: String(first.outcome),
      ...(str(first.timepoint) ? { timepoint: String(first.timepoint) } : {}),
      arm: { name: arm, events: num(a.events)!, n: num(a.n)! },
      comparator: { name: comparator, events: num(c.events)!, n: num(c.n)! },
    });
  }
  if (pairs.length === 0) warnings.push(`${analysis}: no outcome in ${dataset.name} has both ${arm} and ${comparator}`);
  return { pairs, warnings };
}

export const pairOptions = {
  arm: { type: 'string', required: true, description: 'Experimental arm (arm 1), as named in the table.' },
  comparator: { type: 'string', required: true, description: 'Comparator arm (arm 2).' },
  outcomes: { type: 'string-list', description: 'Outcomes to include (default all).' },
  trial: { type: 'string', description: 'Trial to include (default all).' },
  timepoint: { type: 'string', description: 'Timepoint to include (default all).' },
  level: { type: 'number', min: 0, max: 1, exclusiveMin: true, exclusiveMax: true, description: 'Confidence level (default 0.95).' },
} as const;

/** Label of a binary outcome with its timepoint. */
export const pairLabel = (pair: ArmPair): string => `${pair.outcome}${pair.timepoint ? ` (${pair.timepoint})` : ''}`;

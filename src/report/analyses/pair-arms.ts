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
  const arms = armNames(options);
  const comparator = options.comparator as string;
  const rows = rowsOfKind(dataset, 'arm-binary').filter((r) => matches(r, 'outcome', options.outcomes) && matches(r, 'trial', options.trial) && matches(r, 'timepoint', options.timepoint) && matches(r, 'population', options.population));
  const key = (r: Record<string, unknown>): string => JSON.stringify([r.trial, r.outcome, str(r.timepoint) ?? null, str(r.population) ?? null]);
  const groups = new Map<string, Record<string, unknown>[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  const pairs: ArmPair[] = [];
  const warnings: string[] = [];
  for (const group of groups.values()) {
    const found = arms.map((name) => group.find((r) => r.arm === name)).filter((r): r is Record<string, unknown> => r !== undefined);
    const c = group.find((r) => r.arm === comparator);
    const first = group[0];
    const label = `${String(first.trial)}, ${String(first.outcome)}${str(first.timepoint) ? ` (${String(first.timepoint)})` : ''}`;
    if (found.length === 0 || !c) {
      warnings.push(`${analysis}: ${label} left out (no row for ${found.length === 0 ? arms.join(' or ') : comparator})`);
      continue;
    }
    for (const a of found) {
      pairs.push({
        trial: String(first.trial),
        outcome: String(first.outcome),
        ...(str(first.timepoint) ? { timepoint: String(first.timepoint) } : {}),
        arm: { name: String(a.arm), events: num(a.events)!, n: num(a.n)! },
        comparator: { name: comparator, events: num(c.events)!, n: num(c.n)! },
      });
    }
  }
  if (pairs.length === 0) warnings.push(`${analysis}: no outcome in ${dataset.name} has both ${arms.join(' or ')} and ${comparator}`);
  return { pairs, warnings };
}

export const pairOptions = {
  arm: { type: 'string-or-list', required: true, description: 'Experimental arm (arm 1), as named in the table; a list compares each with the comparator (e.g. two doses, or the experimental arms of several trials).' },
  comparator: { type: 'string', required: true, description: 'Comparator arm (arm 2).' },
  outcomes: { type: 'string-list', description: 'Outcomes to include (default all).' },
  trial: { type: 'string', description: 'Trial to include (default all).' },
  timepoint: { type: 'string', description: 'Timepoint to include (default all).' },
  population: { type: 'string', description: 'Analysis set or cohort to include (the population column; default all).' },
  level: { type: 'number', min: 0, max: 1, exclusiveMin: true, exclusiveMax: true, description: 'Confidence level (default 0.95).' },
} as const;

/** The experimental arm names of the `arm` option (a name or a list). */
export function armNames(options: Record<string, unknown>): string[] {
  return Array.isArray(options.arm) ? (options.arm as string[]) : [options.arm as string];
}

/**
 * Labels for pairs: the outcome (with timepoint), preceded by the trial when several
 * trials are shown and followed by the arm when several arms are; a single outcome
 * shown across trials or arms is left to the chart title.
 */
export function pairLabels(pairs: readonly ArmPair[]): string[] {
  const manyTrials = new Set(pairs.map((p) => p.trial)).size > 1;
  const manyArms = new Set(pairs.map((p) => p.arm.name)).size > 1;
  // One outcome shown across trials or arms: the chart title names it, the rows need not.
  const oneOutcome = new Set(pairs.map((p) => p.outcome)).size === 1 && (manyTrials || manyArms);
  return pairs.map((p) =>
    [manyTrials ? p.trial : '', oneOutcome ? '' : `${p.outcome}${p.timepoint ? ` (${p.timepoint})` : ''}`, manyArms ? `${p.arm.name} vs ${p.comparator.name}` : '']
      .filter(Boolean)
      .join(', '),
  );
}

/** `sirolimus` or `dazukibart 600 mg / dazukibart 150 mg`, for titles. */
export const armText = (options: Record<string, unknown>): string => armNames(options).join(' / ');

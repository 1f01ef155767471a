import type { ReportDataset } from '../dataset.js';
import { matches, num, rowsOfKind, str } from './analysis.js';

export interface ContinuousArm {
  n: number;
  mean: number;
  sd?: number;
  unit?: string;
}

export interface ContinuousPair {
  trial: string;
  outcome: string;
  timepoint: string;
  scale: string;
  unit?: string;
  arm: ContinuousArm & { name: string };
  comparator: ContinuousArm & { name: string };
  /** The published comparison of these arms, when the dataset has one. */
  reported?: Record<string, unknown>;
}

/**
 * Pairs arm and comparator rows of arm-continuous tables by trial, outcome, timepoint and
 * scale (default `change`), and attaches the matching reported-comparison row (MD) if any.
 */
export function pairContinuousArms(dataset: ReportDataset, options: Record<string, unknown>, analysis: string): { pairs: ContinuousPair[]; warnings: string[] } {
  const arm = options.arm as string;
  const comparator = options.comparator as string;
  const scale = (options.scale as string | undefined) ?? 'change';
  const rows = rowsOfKind(dataset, 'arm-continuous').filter(
    (r) => (str(r.scale) ?? 'value') === scale && matches(r, 'outcome', options.outcomes) && matches(r, 'timepoint', options.timepoint) && matches(r, 'trial', options.trials) && matches(r, 'population', options.population),
  );
  const comparisons = rowsOfKind(dataset, 'reported-comparison');
  const groups = new Map<string, Record<string, unknown>[]>();
  for (const row of rows) {
    const key = JSON.stringify([row.trial, row.outcome, row.timepoint, row.population ?? null]);
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  const pairs: ContinuousPair[] = [];
  const warnings: string[] = [];
  for (const group of groups.values()) {
    const first = group[0];
    const a = group.find((r) => r.arm === arm);
    const c = group.find((r) => r.arm === comparator);
    const label = `${String(first.trial)} ${String(first.outcome)} (${String(first.timepoint)})`;
    if (!a || !c) {
      warnings.push(`${analysis}: ${label} left out (no ${scale} row for ${!a ? arm : comparator})`);
      continue;
    }
    const side = (r: Record<string, unknown>, name: string) => ({
      name,
      n: num(r.n)!,
      mean: num(r.mean)!,
      ...(num(r.sd) !== undefined ? { sd: num(r.sd) } : {}),
      ...(str(r.unit) ? { unit: str(r.unit) } : {}),
    });
    if (num(a.mean) === undefined || num(c.mean) === undefined) {
      warnings.push(`${analysis}: ${label} left out (no mean printed)`);
      continue;
    }
    const reported = comparisons.find((r) => r.trial === first.trial && r.outcome === first.outcome && r.timepoint === first.timepoint && r.arm === arm && r.comparator === comparator && r.measure === 'MD');
    const unit = str(a.unit) ?? dataset.units?.[String(first.outcome)];
    pairs.push({
      trial: String(first.trial),
      outcome: String(first.outcome),
      timepoint: String(first.timepoint),
      scale,
      ...(unit ? { unit } : {}),
      arm: side(a, arm),
      comparator: side(c, comparator),
      ...(reported ? { reported } : {}),
    });
  }
  if (pairs.length === 0) warnings.push(`${analysis}: no outcome has ${scale} rows for both ${arm} and ${comparator}`);
  return { pairs, warnings };
}

export const continuousPairOptions = {
  arm: { type: 'string', required: true, description: 'Experimental arm (arm 1).' },
  comparator: { type: 'string', required: true, description: 'Comparator arm (arm 2).' },
  outcomes: { type: 'string-list', description: 'Outcomes to include (default all).' },
  trials: { type: 'string-list', description: 'Trials to include (default all).' },
  timepoint: { type: 'string', description: 'Timepoint to include (default all).' },
  population: { type: 'string', description: 'Analysis set or cohort to include (the population column; default all).' },
  scale: { type: 'enum', values: ['value', 'change', 'percent-change'], description: 'Which rows: value, change (default) or percent-change.' },
  level: { type: 'number', min: 0, max: 1, exclusiveMin: true, exclusiveMax: true, description: 'Confidence level (default 0.95).' },
} as const;

import { str } from './analysis.js';

const FIELDS = ['trial', 'outcome', 'timepoint', 'comparison', 'population'] as const;

/**
 * Row labels for reported comparisons that name only what differs between the rows
 * shown (trial, outcome, timepoint, arm vs comparator, population), so a chart of one
 * trial's arms does not repeat the trial name on every row.
 */
export function comparisonLabels(rows: readonly Record<string, unknown>[]): string[] {
  const parts = rows.map((r) => ({
    trial: str(r.trial),
    outcome: str(r.outcome),
    timepoint: str(r.timepoint),
    comparison:
      str(r.arm) && str(r.comparator) ? `${String(r.arm)} vs ${String(r.comparator)}` : undefined,
    population: str(r.population),
  }));
  const varying = FIELDS.filter((f) => new Set(parts.map((p) => p[f])).size > 1);
  const shown = varying.length > 0 ? varying : (['trial', 'outcome'] as const);
  return parts.map((p) =>
    shown
      .map((f) => p[f])
      .filter(Boolean)
      .join(', '),
  );
}

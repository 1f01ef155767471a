import { formatFixed, formatLevel } from '../../format/number.js';
import {
  PROPORTION_INTERVALS,
  proportionCi,
  type ProportionCiMethod,
} from '../../stats/proportion/proportion-ci.js';
import type { ProportionRow } from '../charts/proportion-caterpillar.js';
import { matches, num, rowsOfKind, str, type AnalysisDefinition } from './analysis.js';

/**
 * Single-arm proportions (response rates) with an interval from `proportionCi` (any entry of
 * `PROPORTION_INTERVALS`; default Wilson score).
 */
export const singleProportions: AnalysisDefinition = {
  name: 'single-proportions',
  description: 'Proportion with its CI (default Wilson score) per study, group and outcome.',
  kinds: ['single-arm-proportion'],
  produces: 'proportions',
  options: {
    outcomes: { type: 'string-list', description: 'Outcomes to include (default all).' },
    outcomeLabel: {
      type: 'string',
      description: 'Axis label for the proportion (default "Proportion").',
    },
    method: {
      type: 'enum',
      values: PROPORTION_INTERVALS.ids,
      description: `Interval: ${PROPORTION_INTERVALS.entries.map((e) => `${e.id} (${e.label})`).join(', ')}; default ${PROPORTION_INTERVALS.defaultId}.`,
    },
    level: {
      type: 'number',
      min: 0,
      max: 1,
      exclusiveMin: true,
      exclusiveMax: true,
      description: 'Confidence level (default 0.95).',
    },
  },
  run(dataset, options) {
    const level = (options.level as number | undefined) ?? 0.95;
    const method = ((options.method as string | undefined) ??
      PROPORTION_INTERVALS.defaultId) as ProportionCiMethod;
    const entry = PROPORTION_INTERVALS.get(method);
    const rows = rowsOfKind(dataset, 'single-arm-proportion').filter((r) =>
      matches(r, 'outcome', options.outcomes),
    );
    const warnings: string[] =
      rows.length === 0 ? [`single-proportions: no rows in ${dataset.name} match the filters`] : [];
    const out: ProportionRow[] = rows.map((r) => {
      const events = num(r.events)!;
      const n = num(r.n)!;
      const label = [String(r.study), str(r.group), String(r.outcome)].filter(Boolean).join(' — ');
      const { ci, warnings: own } = proportionCi(events, n, { method, level });
      for (const w of own) warnings.push(`single-proportions: ${label}: ${w}`);
      const { lower, upper } = ci;
      return { label, events, n, estimate: events / n, lower, upper };
    });
    const lv = formatLevel(level);
    return {
      view: {
        kind: 'proportions',
        rows: out,
        outcome: (options.outcomeLabel as string | undefined) ?? 'Proportion',
        intervalLabel: `${lv} ${entry.label} CI`,
      },
      table: {
        columns: [
          { key: 'study', label: 'Study' },
          { key: 'group', label: 'Group' },
          { key: 'outcome', label: 'Outcome' },
          { key: 'count', label: 'events/n', numeric: true },
          { key: 'pct', label: '%', numeric: true },
          { key: 'ci', label: `${lv} ${entry.label} CI (%)`, numeric: true },
        ],
        rows: rows.map((r, i) => ({
          study: String(r.study),
          group: String(r.group ?? ''),
          outcome: String(r.outcome),
          count: `${out[i].events}/${out[i].n}`,
          // Percentages with one decimal, the estimate and both limits alike.
          pct: formatFixed(100 * out[i].estimate, 1),
          ci: `${formatFixed(100 * out[i].lower, 1)} to ${formatFixed(100 * out[i].upper, 1)}`,
        })),
      },
      methods: [
        `Single proportions with ${lv} ${entry.label} intervals: ${entry.formula} (${entry.reference}); studies are not pooled.`,
      ],
      notes: [],
      warnings,
    };
  },
};

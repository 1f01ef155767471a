import { formatLevel, formatNumber } from '../../format/number.js';
import { wilsonInterval } from '../../stats/binary/risk-difference.js';
import { normalQuantile } from '../../stats/dist/index.js';
import type { ProportionRow } from '../charts/proportion-caterpillar.js';
import { matches, num, rowsOfKind, str, type AnalysisDefinition } from './analysis.js';

/** Single-arm proportions (response rates) with Wilson score intervals, from `wilsonInterval`. */
export const singleProportions: AnalysisDefinition = {
  name: 'single-proportions',
  description: 'Proportion with Wilson score CI per study, group and outcome.',
  kinds: ['single-arm-proportion'],
  produces: 'proportions',
  options: {
    outcomes: { type: 'string-list', description: 'Outcomes to include (default all).' },
    outcomeLabel: { type: 'string', description: 'Axis label for the proportion (default "Proportion").' },
    level: { type: 'number', min: 0, max: 1, exclusiveMin: true, exclusiveMax: true, description: 'Confidence level (default 0.95).' },
  },
  run(dataset, options) {
    const level = (options.level as number | undefined) ?? 0.95;
    const z = normalQuantile(1 - (1 - level) / 2);
    const rows = rowsOfKind(dataset, 'single-arm-proportion').filter((r) => matches(r, 'outcome', options.outcomes));
    const warnings = rows.length === 0 ? [`single-proportions: no rows in ${dataset.name} match the filters`] : [];
    const out: ProportionRow[] = rows.map((r) => {
      const events = num(r.events)!;
      const n = num(r.n)!;
      const [lower, upper] = wilsonInterval(events, n, z);
      const label = [String(r.study), str(r.group), String(r.outcome)].filter(Boolean).join(' — ');
      return { label, events, n, estimate: events / n, lower, upper };
    });
    const lv = formatLevel(level);
    return {
      view: { kind: 'proportions', rows: out, outcome: (options.outcomeLabel as string | undefined) ?? 'Proportion', intervalLabel: `${lv} Wilson CI` },
      table: {
        columns: [
          { key: 'study', label: 'Study' },
          { key: 'group', label: 'Group' },
          { key: 'outcome', label: 'Outcome' },
          { key: 'count', label: 'events/n', numeric: true },
          { key: 'pct', label: '%', numeric: true },
          { key: 'ci', label: `${lv} Wilson CI (%)`, numeric: true },
        ],
        rows: rows.map((r, i) => ({
          study: String(r.study),
          group: String(r.group ?? ''),
          outcome: String(r.outcome),
          count: `${out[i].events}/${out[i].n}`,
          pct: formatNumber(100 * out[i].estimate),
          ci: `${formatNumber(100 * out[i].lower)} to ${formatNumber(100 * out[i].upper)}`,
        })),
      },
      methods: [`Single proportions with ${lv} Wilson score intervals (as R prop.test without continuity correction); studies are not pooled.`],
      notes: [],
      warnings,
    };
  },
};

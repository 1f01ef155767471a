import { formatLevel, formatNumber, formatP } from '../../format/number.js';
import { matches, num, rowsOfKind, str, type AnalysisDefinition } from './analysis.js';

const RATIOS = new Set(['RR', 'OR', 'HR', 'ROM']);

/**
 * Published between-arm comparisons as printed (no recomputation): estimate, interval
 * and p-value per trial and outcome, shown as a forest plot without pooling.
 */
export const reportedComparisons: AnalysisDefinition = {
  name: 'reported-comparisons',
  description: 'Published between-arm comparisons as printed in the source (estimate, CI, p).',
  kinds: ['reported-comparison'],
  produces: 'effects',
  options: {
    measure: { type: 'string', required: true, description: 'Measure to show (MD, RR, OR, HR, ...): one axis per chart.' },
    outcomes: { type: 'string-list', description: 'Outcomes to include (default all).' },
    trials: { type: 'string-list', description: 'Trials to include (default all).' },
    timepoint: { type: 'string', description: 'Timepoint to include (default all).' },
    axisTitle: { type: 'string', description: 'Axis title with unit.' },
    favoursLeft: { type: 'string', description: '"Favours" text left of the null line.' },
    favoursRight: { type: 'string', description: '"Favours" text right of the null line.' },
  },
  run(dataset, options) {
    const measure = options.measure as string;
    const warnings: string[] = [];
    const rows = rowsOfKind(dataset, 'reported-comparison').filter(
      (r) => r.measure === measure && matches(r, 'outcome', options.outcomes) && matches(r, 'trial', options.trials) && matches(r, 'timepoint', options.timepoint),
    );
    if (rows.length === 0) warnings.push(`reported-comparisons: no ${measure} rows in ${dataset.name} match the filters`);
    const levels = new Set(rows.map((r) => num(r.ci_level)));
    const forest = rows.flatMap((r) => {
      const estimate = num(r.estimate);
      const lower = num(r.ci_lower);
      const upper = num(r.ci_upper);
      const label = [r.trial, r.outcome, str(r.timepoint)].filter(Boolean).join(', ');
      if (estimate === undefined || lower === undefined || upper === undefined) {
        warnings.push(`reported-comparisons: ${label} has no printed estimate with CI (not plotted)`);
        return [];
      }
      return [{ label, estimate, lower, upper }];
    });
    const favours = options.favoursLeft && options.favoursRight ? { left: options.favoursLeft as string, right: options.favoursRight as string } : undefined;
    const cell = (x: unknown): string => (num(x) === undefined ? '' : formatNumber(x as number));
    return {
      view: { kind: 'effects', rows: forest, scale: RATIOS.has(measure) ? 'log' : 'linear', axisTitle: (options.axisTitle as string | undefined) ?? measure, ...(favours ? { favours } : {}) },
      table: {
        columns: [
          { key: 'trial', label: 'Trial' },
          { key: 'outcome', label: 'Outcome' },
          { key: 'timepoint', label: 'Timepoint' },
          { key: 'comparison', label: 'Comparison' },
          { key: 'estimate', label: measure, numeric: true },
          { key: 'ci', label: 'CI (level)', numeric: true },
          { key: 'p', label: 'p', numeric: true },
          { key: 'test', label: 'Test as reported' },
        ],
        rows: rows.map((r) => ({
          trial: String(r.trial ?? ''),
          outcome: String(r.outcome ?? ''),
          timepoint: String(r.timepoint ?? ''),
          comparison: `${String(r.arm)} vs ${String(r.comparator)}`,
          estimate: cell(r.estimate),
          ci: num(r.ci_lower) !== undefined ? `${cell(r.ci_lower)} to ${cell(r.ci_upper)}${num(r.ci_level) ? ` (${formatLevel(r.ci_level as number)})` : ' (level not stated)'}` : '',
          p: num(r.p) !== undefined ? `${r.p_relation && r.p_relation !== '=' ? `p ${String(r.p_relation)} ${String(r.p)}` : formatP(r.p as number)}` : '',
          test: String(r.test ?? ''),
        })),
      },
      methods: [`${measure} comparisons are shown as printed in the sources; nothing is recomputed.${levels.has(undefined) ? ' Some sources do not state the CI level.' : ''}`],
      notes: [],
      warnings,
    };
  },
};

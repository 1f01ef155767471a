import { formatLevel, formatNumber } from '../../format/number.js';
import { comparisonLabels } from './comparison-label.js';
import {
  AXIS_OPTIONS,
  favoursFrom,
  matches,
  num,
  printedCell,
  rowsOfKind,
  type AnalysisDefinition,
} from './analysis.js';

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
    measure: {
      type: 'string',
      required: true,
      description: 'Measure to show (MD, RR, OR, HR, ...): one axis per chart.',
    },
    outcomes: { type: 'string-list', description: 'Outcomes to include (default all).' },
    trials: { type: 'string-list', description: 'Trials to include (default all).' },
    timepoint: { type: 'string', description: 'Timepoint to include (default all).' },
    ...AXIS_OPTIONS,
  },
  run(dataset, options) {
    const measure = options.measure as string;
    const warnings: string[] = [];
    const rows = rowsOfKind(dataset, 'reported-comparison').filter(
      (r) =>
        r.measure === measure &&
        matches(r, 'outcome', options.outcomes) &&
        matches(r, 'trial', options.trials) &&
        matches(r, 'timepoint', options.timepoint),
    );
    if (rows.length === 0)
      warnings.push(
        `reported-comparisons: no ${measure} rows in ${dataset.name} match the filters`,
      );
    const levels = new Set(rows.map((r) => num(r.ci_level)));
    const cell = (x: unknown): string => (num(x) === undefined ? '' : formatNumber(x as number));
    const [only] = levels;
    const levelText =
      levels.size === 1 && only !== undefined ? `${formatLevel(only)} CI` : 'CI (level as printed)';
    const labels = comparisonLabels(rows);
    const forest = rows.flatMap((r, i) => {
      const estimate = num(r.estimate);
      const lower = num(r.ci_lower);
      const upper = num(r.ci_upper);
      const label = labels[i];
      if (estimate === undefined || lower === undefined || upper === undefined) {
        warnings.push(
          `reported-comparisons: ${label} has no printed estimate with CI (not plotted)`,
        );
        return [];
      }
      return [
        {
          label,
          estimate,
          lower,
          upper,
          effectText: `${cell(estimate)} (${cell(lower)} to ${cell(upper)})`,
        },
      ];
    });
    return {
      view: {
        kind: 'effects',
        rows: forest,
        scale: RATIOS.has(measure) ? 'log' : 'linear',
        axisTitle: (options.axisTitle as string | undefined) ?? measure,
        ...favoursFrom(options),
        forest: {
          studyHeader: 'Comparison',
          effectHeader: `${measure} as printed, ${levelText}`,
        },
      },
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
          { key: 'population', label: 'Population' },
        ],
        rows: rows.map((r) => ({
          trial: String(r.trial ?? ''),
          outcome: String(r.outcome ?? ''),
          timepoint: String(r.timepoint ?? ''),
          comparison: `${String(r.arm)} vs ${String(r.comparator)}`,
          estimate: printedCell(r, 'estimate'),
          ci:
            num(r.ci_lower) !== undefined
              ? `${printedCell(r, 'ci_lower')} to ${printedCell(r, 'ci_upper')}${num(r.ci_level) ? ` (${formatLevel(r.ci_level as number)})` : ' (level not stated)'}`
              : '',
          p:
            num(r.p) !== undefined
              ? `p ${r.p_relation && r.p_relation !== '=' ? String(r.p_relation) : '='} ${printedCell(r, 'p')}`
              : '',
          test: String(r.test ?? ''),
          population: String(r.population ?? ''),
        })),
      },
      methods: [
        `${measure} comparisons are shown as printed in the sources; nothing is recomputed.${levels.has(undefined) ? ' Some sources do not state the CI level.' : ''}`,
      ],
      notes: [],
      warnings,
    };
  },
};

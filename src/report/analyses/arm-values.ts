import { formatLevel } from '../../format/number.js';
import type { ArmDotRow } from '../charts/arm-dots.js';
import { matches, num, printedCell, rowsOfKind, str, type AnalysisDefinition } from './analysis.js';

const MEAN_TYPES: Record<string, string> = { arithmetic: 'mean', ls: 'LS mean' };

/**
 * Arm summaries exactly as printed (mean or LS mean, and the printed interval when there
 * is one), every arm of an arm-continuous table: nothing is derived, so arms without a
 * printed interval are shown as dots alone.
 */
export const armValues: AnalysisDefinition = {
  name: 'arm-values',
  description: 'Arm means (or LS means) and printed intervals as in the source, for every arm.',
  kinds: ['arm-continuous'],
  produces: 'arm-summary',
  options: {
    outcomes: { type: 'string-list', description: 'Outcomes to include (default all).' },
    trials: { type: 'string-list', description: 'Trials to include (default all).' },
    files: { type: 'string-list', description: 'Read only these table files of the dataset.' },
    population: {
      type: 'string',
      description: 'Analysis set or cohort to include (the population column; default all).',
    },
    scale: {
      type: 'enum',
      values: ['value', 'change', 'percent-change'],
      description: 'Which rows: value, change (default) or percent-change.',
    },
    axisTitle: { type: 'string', description: 'y-axis title with unit.' },
  },
  run(dataset, options) {
    const scale = (options.scale as string | undefined) ?? 'change';
    const rows = rowsOfKind(dataset, 'arm-continuous', options.files).filter(
      (r) =>
        (str(r.scale) ?? 'value') === scale &&
        matches(r, 'outcome', options.outcomes) &&
        matches(r, 'trial', options.trials) &&
        matches(r, 'population', options.population),
    );
    const warnings =
      rows.length === 0
        ? [`arm-values: no ${scale} rows in ${dataset.name} match the filters`]
        : [];
    const trials = new Set(rows.map((r) => r.trial));
    const levels = new Set(
      rows
        .filter((r) => num(r.ci_lower) !== undefined)
        .map((r) =>
          num(r.ci_level) !== undefined ? formatLevel(r.ci_level as number) : 'level not stated',
        ),
    );
    const out: ArmDotRow[] = rows.map((r) => ({
      arm: String(r.arm),
      timepoint:
        trials.size > 1 ? `${String(r.trial)}, ${String(r.timepoint)}` : String(r.timepoint),
      estimate: num(r.mean) ?? NaN,
      ...(num(r.ci_lower) !== undefined && num(r.ci_upper) !== undefined
        ? { lower: num(r.ci_lower), upper: num(r.ci_upper) }
        : {}),
      n: num(r.n)!,
    }));
    const units = [
      ...new Set(
        rows.map((r) => str(r.unit) ?? dataset.units?.[String(r.outcome)]).filter(Boolean),
      ),
    ];
    const meanTypes = [
      ...new Set(rows.map((r) => MEAN_TYPES[String(r.mean_type ?? 'arithmetic')] ?? 'mean')),
    ];
    const what = meanTypes.length === 1 ? meanTypes[0] : 'mean';
    return {
      view: {
        kind: 'arm-summary',
        rows: out,
        axisTitle:
          (options.axisTitle as string | undefined) ??
          `${what === 'LS mean' ? 'LS mean' : 'Mean'} ${scale === 'value' ? 'value' : 'change from baseline'}${units.length === 1 ? ` (${units[0]})` : ''}`,
        intervalLabel: levels.size
          ? `printed interval (${[...levels].join(', ')})`
          : 'none printed',
        groupTitle: trials.size > 1 ? 'Trial, timepoint' : 'Timepoint',
      },
      table: {
        columns: [
          { key: 'outcome', label: 'Outcome' },
          { key: 'timepoint', label: 'Timepoint' },
          { key: 'arm', label: 'Arm' },
          { key: 'n', label: 'n', numeric: true },
          { key: 'type', label: 'Summary' },
          { key: 'mean', label: 'Value', numeric: true },
          { key: 'ci', label: 'Printed interval', numeric: true },
        ],
        rows: rows.map((r) => ({
          outcome: `${String(r.trial)}, ${String(r.outcome)}`,
          timepoint: String(r.timepoint),
          arm: String(r.arm),
          n: String(r.n),
          type: MEAN_TYPES[String(r.mean_type ?? 'arithmetic')] ?? String(r.mean_type),
          mean: printedCell(r, 'mean'),
          ci:
            num(r.ci_lower) !== undefined
              ? `${printedCell(r, 'ci_lower')} to ${printedCell(r, 'ci_upper')}`
              : 'not printed',
        })),
      },
      methods: ['Arm summaries are shown as printed in the sources; nothing is derived for them.'],
      notes: [],
      warnings,
    };
  },
};

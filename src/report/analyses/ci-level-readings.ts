import { columnDecimals, formatFixed, formatLevel, formatNumber } from '../../format/number.js';
import { plural } from '../../format/plural.js';
import { normalQuantile, normalSf } from '../../stats/dist/index.js';
import type { ForestRow } from '../charts/forest-plot.js';
import { comparisonLabels } from './comparison-label.js';
import {
  AXIS_OPTIONS,
  favoursFrom,
  matches,
  num,
  pCell,
  printedCell,
  rowsOfKind,
  type AnalysisDefinition,
} from './analysis.js';

/**
 * A printed interval whose level the source does not state, read under each candidate
 * level: SE = (upper − lower) / (2 z_L) with z_L = Φ⁻¹(1 − (1 − L)/2) (normal
 * approximation, symmetric interval; Cochrane Handbook §6.5.2.3), then the interval at
 * the display level, estimate ± z·SE, and the Wald p = 2Φ(−|estimate/SE|).
 */
export const ciLevelReadings: AnalysisDefinition = {
  name: 'ci-level-readings',
  description:
    'Reported CIs of unstated level re-read under several levels (SE from the CI width, normal approximation).',
  kinds: ['reported-comparison'],
  produces: 'effects',
  options: {
    measure: {
      type: 'string',
      required: true,
      description: 'Measure of the rows to read (MD, LSMD, ...).',
    },
    outcomes: { type: 'string-list', description: 'Outcomes to include (default all).' },
    readings: {
      type: 'number-list',
      description: 'Candidate levels of the printed interval (default 0.9, 0.95).',
    },
    displayLevel: {
      type: 'number',
      min: 0,
      max: 1,
      exclusiveMin: true,
      exclusiveMax: true,
      description: 'Level of the intervals drawn (default 0.95).',
    },
    ...AXIS_OPTIONS,
  },
  run(dataset, options) {
    const measure = options.measure as string;
    const readings = (options.readings as number[] | undefined) ?? [0.9, 0.95];
    const display = (options.displayLevel as number | undefined) ?? 0.95;
    const bad = readings.find((l) => !(l > 0 && l < 1));
    if (bad !== undefined) throw new Error(`readings: expected levels in (0, 1), found ${bad}`);
    const warnings: string[] = [];
    const rows = rowsOfKind(dataset, 'reported-comparison').filter(
      (r) => r.measure === measure && matches(r, 'outcome', options.outcomes),
    );
    const usable = rows.filter(
      (r) =>
        num(r.estimate) !== undefined &&
        num(r.ci_lower) !== undefined &&
        num(r.ci_upper) !== undefined,
    );
    if (usable.length < rows.length)
      warnings.push(
        `ci-level-readings: ${plural(rows.length - usable.length, `${measure} row`)} without estimate and CI left out`,
      );
    const labels = comparisonLabels(usable);
    const zDisplay = normalQuantile(1 - (1 - display) / 2);
    const forest: ForestRow[] = [];
    const tableRows: Record<string, string>[] = [];
    usable.forEach((r, i) => {
      const estimate = r.estimate as number;
      const lower = r.ci_lower as number;
      const upper = r.ci_upper as number;
      const midpoint = (lower + upper) / 2;
      if (Math.abs(midpoint - estimate) > 0.05 * (upper - lower))
        warnings.push(
          `ci-level-readings: ${labels[i]}: the printed interval is not symmetric about the estimate (midpoint ${formatNumber(midpoint)}), so the SE is approximate`,
        );
      const stated = num(r.ci_level);
      for (const level of stated !== undefined ? [stated] : readings) {
        const se = (upper - lower) / (2 * normalQuantile(1 - (1 - level) / 2));
        const lo = estimate - zDisplay * se;
        const hi = estimate + zDisplay * se;
        const p = 2 * normalSf(Math.abs(estimate / se));
        const reading =
          stated !== undefined ? `stated ${formatLevel(level)}` : `read as ${formatLevel(level)}`;
        // One subgroup per printed comparison, one row per reading of its CI level.
        forest.push({ label: reading, group: labels[i], estimate, lower: lo, upper: hi });
        tableRows.push({
          comparison: labels[i],
          printed: `${printedCell(r, 'estimate')} (${printedCell(r, 'ci_lower')} to ${printedCell(r, 'ci_upper')})`,
          reading,
          se: formatNumber(se),
          ci: (() => {
            const d = columnDecimals([estimate, lo, hi]);
            return `${formatFixed(lo, d)} to ${formatFixed(hi, d)}`;
          })(),
          p: pCell(p, 0.0001),
          reported: num(r.p) !== undefined ? `${String(r.p_relation ?? '=')} ${String(r.p)}` : '',
        });
      }
    });
    const lv = formatLevel(display);
    return {
      view: {
        kind: 'effects',
        rows: forest,
        scale: 'linear',
        axisTitle: (options.axisTitle as string | undefined) ?? measure,
        ...favoursFrom(options),
        forest: {
          studyHeader: 'Comparison, level the printed CI is read at',
          subgroups: [...new Set(labels)].map((name) => ({ name })),
          effectHeader: `${measure}, implied ${lv} CI`,
        },
      },
      table: {
        columns: [
          { key: 'comparison', label: 'Comparison' },
          { key: 'printed', label: 'Printed estimate (CI)', numeric: true },
          { key: 'reading', label: 'Level of the printed CI' },
          { key: 'se', label: 'Derived SE', numeric: true },
          { key: 'ci', label: `Implied ${lv} CI`, numeric: true },
          { key: 'p', label: 'Implied Wald p', numeric: true },
          { key: 'reported', label: 'Reported p', numeric: true },
        ],
        rows: tableRows,
      },
      methods: [
        `Printed ${measure} intervals whose level is not stated are read under each candidate level (${readings.map(formatLevel).join(', ')}): SE = (upper − lower) / (2 z), z the normal quantile of the level; the ${lv} interval estimate ± z·SE and the Wald p-value follow (normal approximation).`,
      ],
      notes: [
        `Derived: the SE of each ${measure} comes from the printed CI width under an assumed level (the sources do not state it); the ${lv} intervals and p-values drawn are therefore derived, not printed.`,
      ],
      warnings,
    };
  },
};

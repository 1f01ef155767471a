import { columnDecimals, formatFixed, formatLevel, formatNumber } from '../../format/number.js';
import { tQuantile } from '../../stats/dist/index.js';
import type { ArmDotRow } from '../charts/arm-dots.js';
import { printedOrComputed, type AnalysisDefinition } from './analysis.js';
import { continuousPairOptions, pairContinuousArms } from './pair-continuous-arms.js';

/**
 * Arm means (or mean changes) with t intervals, mean ± t(1 − α/2, n − 1)·SD/√n, for a
 * dot-and-whisker chart by trial and timepoint; SDs not printed are derived from the
 * reported p as in `mean-difference` (the analysis core's pairing derives them).
 */
export const armMeans: AnalysisDefinition = {
  name: 'arm-means',
  description:
    'Per-arm means or changes with t-based CIs (SD from the reported p when not printed).',
  kinds: ['arm-continuous'],
  produces: 'arm-summary',
  options: {
    ...continuousPairOptions,
    axisTitle: { type: 'string', description: 'y-axis title with unit.' },
  },
  run(dataset, options) {
    const level = (options.level as number | undefined) ?? 0.95;
    const { pairs, warnings } = pairContinuousArms(dataset, options, 'arm-means');
    const rows: ArmDotRow[] = [];
    const tableRows: Record<string, string>[] = [];
    const trials = new Set(pairs.map((p) => p.trial));
    for (const pair of pairs) {
      const fromP = pair.derivations.find((d) => d.method === 'cochrane-p-to-sd');
      if (pair.arm.sd === null || pair.comparator.sd === null) {
        warnings.push(
          `arm-means: ${pair.trial} ${pair.outcome} left out (no SD printed and no exact reported p)`,
        );
        continue;
      }
      const timepoint = trials.size > 1 ? `${pair.trial}, ${pair.timepoint}` : pair.timepoint;
      for (const side of [pair.arm, pair.comparator]) {
        const sd = side.sd!;
        const mean = side.mean!;
        const derived = pair.derivations.find(
          (d) => d.quantity === 'sd' && d.arms.includes(side.name),
        );
        const how = fromP
          ? `pooled, derived from p = ${String(fromP.inputs.p)}`
          : derived
            ? `derived, ${derived.method}`
            : 'printed';
        const half = (tQuantile(1 - (1 - level) / 2, side.n - 1) * sd) / Math.sqrt(side.n);
        rows.push({
          arm: side.name,
          timepoint,
          estimate: mean,
          lower: mean - half,
          upper: mean + half,
          n: side.n,
        });
        tableRows.push({
          group: `${pair.trial}, ${pair.outcome} (${pair.timepoint})`,
          arm: side.name,
          n: String(side.n),
          mean: printedOrComputed(side.row, 'mean', mean),
          sd: `${how === 'printed' ? printedOrComputed(side.row, 'sd', sd) : formatNumber(sd)} (${how})`,
          // Computed: both limits with one count of decimals.
          ci: (() => {
            const d = columnDecimals([mean, mean - half, mean + half]);
            return `${formatFixed(mean - half, d)} to ${formatFixed(mean + half, d)}`;
          })(),
        });
      }
    }
    const units = [...new Set(pairs.map((p) => p.unit).filter(Boolean))];
    const lv = formatLevel(level);
    const scales = [...new Set(pairs.map((p) => p.scale))];
    const scale =
      scales.length === 1 ? scales[0] : ((options.scale as string | undefined) ?? 'change');
    return {
      view: {
        kind: 'arm-summary',
        rows,
        axisTitle:
          (options.axisTitle as string | undefined) ??
          `${scale === 'value' ? 'Mean' : 'Mean change from baseline'}${units.length === 1 ? ` (${units[0]})` : ''}`,
        intervalLabel: `${lv} t interval`,
        groupTitle: trials.size > 1 ? 'Trial, timepoint' : 'Timepoint',
      },
      table: {
        columns: [
          { key: 'group', label: 'Outcome' },
          { key: 'arm', label: 'Arm' },
          { key: 'n', label: 'n', numeric: true },
          { key: 'mean', label: 'Mean', numeric: true },
          { key: 'sd', label: 'SD', numeric: true },
          { key: 'ci', label: `${lv} CI`, numeric: true },
        ],
        rows: tableRows,
      },
      methods: [`Arm means with ${lv} t intervals (mean ± t(n − 1)·SD/√n).`],
      notes: [],
      warnings,
    };
  },
};

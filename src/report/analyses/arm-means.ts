import { formatLevel, formatNumber } from '../../format/number.js';
import { sdFromP } from '../../stats/continuous/sd-from-p.js';
import { tQuantile } from '../../stats/dist/index.js';
import type { ArmDotRow } from '../charts/arm-dots.js';
import { num, type AnalysisDefinition } from './analysis.js';
import { continuousPairOptions, pairContinuousArms } from './pair-continuous-arms.js';

/**
 * Arm means (or mean changes) with t intervals, mean ± t(1 − α/2, n − 1)·SD/√n, for a
 * dot-and-whisker chart by trial and timepoint; SDs not printed are derived from the
 * reported p as in `mean-difference` (`sdFromP`).
 */
export const armMeans: AnalysisDefinition = {
  name: 'arm-means',
  description: 'Per-arm means or changes with t-based CIs (SD from the reported p when not printed).',
  kinds: ['arm-continuous'],
  produces: 'arm-summary',
  options: { ...continuousPairOptions, axisTitle: { type: 'string', description: 'y-axis title with unit.' } },
  run(dataset, options) {
    const level = (options.level as number | undefined) ?? 0.95;
    const { pairs, warnings } = pairContinuousArms(dataset, options, 'arm-means');
    const rows: ArmDotRow[] = [];
    const tableRows: Record<string, string>[] = [];
    const trials = new Set(pairs.map((p) => p.trial));
    for (const pair of pairs) {
      let sds = [pair.arm.sd, pair.comparator.sd];
      let how = 'printed';
      if (sds.some((sd) => sd === undefined)) {
        const p = pair.reported ? num(pair.reported.p) : undefined;
        const md = pair.arm.mean - pair.comparator.mean;
        if (p === undefined || String(pair.reported?.p_relation ?? '=') !== '=' || md === 0) {
          warnings.push(`arm-means: ${pair.trial} ${pair.outcome} left out (no SD printed and no exact reported p)`);
          continue;
        }
        const pooled = sdFromP({ md, p, n1: pair.arm.n, n2: pair.comparator.n }).value;
        sds = [pooled, pooled];
        how = `pooled, derived from p = ${String(p)}`;
      }
      const timepoint = trials.size > 1 ? `${pair.trial}, ${pair.timepoint}` : pair.timepoint;
      [pair.arm, pair.comparator].forEach((side, i) => {
        const sd = sds[i]!;
        const half = (tQuantile(1 - (1 - level) / 2, side.n - 1) * sd) / Math.sqrt(side.n);
        rows.push({ arm: side.name, timepoint, estimate: side.mean, lower: side.mean - half, upper: side.mean + half, n: side.n });
        tableRows.push({
          group: `${pair.trial}, ${pair.outcome} (${pair.timepoint})`,
          arm: side.name,
          n: String(side.n),
          mean: formatNumber(side.mean),
          sd: `${formatNumber(sd)} (${how})`,
          ci: `${formatNumber(side.mean - half)} to ${formatNumber(side.mean + half)}`,
        });
      });
    }
    const units = [...new Set(pairs.map((p) => p.unit).filter(Boolean))];
    const lv = formatLevel(level);
    const scale = (options.scale as string | undefined) ?? 'change';
    return {
      view: {
        kind: 'arm-summary',
        rows,
        axisTitle: (options.axisTitle as string | undefined) ?? `${scale === 'value' ? 'Mean' : 'Mean change from baseline'}${units.length === 1 ? ` (${units[0]})` : ''}`,
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

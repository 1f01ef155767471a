import { columnDecimals, formatFixed, formatLevel } from '../../format/number.js';
import { BINARY_INTERVALS, binaryEstimate } from '../../analysis/pair-estimates.js';
import { OR_INTERVALS } from '../../stats/binary/odds-ratio.js';
import { RD_INTERVALS } from '../../stats/binary/risk-difference.js';
import { RR_INTERVALS } from '../../stats/binary/risk-ratio.js';
import type { ForestRow } from '../charts/forest-plot.js';
import { AXIS_OPTIONS, favoursFrom, type AnalysisDefinition } from './analysis.js';
import { armNames, armText, pairArms, pairLabels, pairOptions, rowHeader } from './pair-arms.js';
import { ratioIdentifiable } from './ratio-identifiable.js';

const ALL_METHODS = [...new Set([...RR_INTERVALS.ids, ...OR_INTERVALS.ids, ...RD_INTERVALS.ids])];

/**
 * Risk ratios, odds ratios or risk differences per outcome (and per arm, or per trial
 * when several are read together) of arm-binary tables, for a forest-style chart without
 * pooling; pairs and estimates from the analysis core (`pairArms`, `binaryEstimate`). RDs
 * are in percentage points.
 */
export const binaryRatios: AnalysisDefinition = {
  name: 'binary-ratios',
  description:
    'Risk ratio, odds ratio or risk difference with CI per outcome, arm vs comparator (no pooling).',
  kinds: ['arm-binary'],
  produces: 'effects',
  options: {
    ...pairOptions,
    measure: {
      type: 'enum',
      values: ['RR', 'OR', 'RD'],
      required: true,
      description: 'RR, OR or RD.',
    },
    method: {
      type: 'enum',
      values: ALL_METHODS,
      description: `CI method (RR: ${RR_INTERVALS.ids.join(', ')}; OR: ${OR_INTERVALS.ids.join(', ')}; RD: ${RD_INTERVALS.ids.join(', ')}; default ${RR_INTERVALS.defaultId} for RR, ${OR_INTERVALS.defaultId} for OR, ${RD_INTERVALS.defaultId} for RD).`,
    },
    ...AXIS_OPTIONS,
  },
  run(dataset, options) {
    const measure = options.measure as 'RR' | 'OR' | 'RD';
    const level = (options.level as number | undefined) ?? 0.95;
    const registry = BINARY_INTERVALS[measure];
    const method = (options.method as string | undefined) ?? registry.defaultId;
    if (!registry.has(method))
      throw new Error(
        `method ${method} is not a ${registry.family.replace(' interval', '')} method (${registry.ids.join(', ')})`,
      );
    const entry = registry.get(method);
    // RDs are shown in percentage points.
    const show = measure === 'RD' ? (x: number) => 100 * x : (x: number) => x;
    // One count of decimals for an estimate and its limits: 2 for ratios, per magnitude for RD.
    const decimals = (...values: (number | null)[]): number =>
      columnDecimals(values.filter((v): v is number => v !== null).map(show), {
        ratio: measure !== 'RD',
      });
    const { pairs, warnings } = pairArms(dataset, options, 'binary-ratios');
    const rows: ForestRow[] = [];
    const tableRows: Record<string, string>[] = [];
    const labels = pairLabels(pairs);
    for (const [i, pair] of pairs.entries()) {
      // Throws for a method of another measure (e.g. woolf with RR): the builder reports it as a failed analysis.
      const result = binaryEstimate(pair, measure, { method, level });
      const label = labels[i];
      for (const w of result.warnings) warnings.push(`binary-ratios: ${label}: ${w}`);
      const identifiable = ratioIdentifiable(result);
      const { estimate } = result;
      const { lower, upper } = result.ci;
      const cells = [
        `${pair.arm.events}/${pair.arm.n}`,
        `${pair.comparator.events}/${pair.comparator.n}`,
      ];
      // A ratio the data cannot identify (0/15 vs 0/23) keeps its corrected value for the
      // JSON views (as compare gives it) but is drawn and tabulated as "Not estimable".
      if (estimate !== null && lower !== null && upper !== null)
        rows.push({
          label,
          estimate: show(estimate),
          lower: show(lower),
          upper: show(upper),
          cells,
          ...(identifiable ? {} : { estimable: false }),
        });
      else rows.push({ label, estimate: NaN, lower: NaN, upper: NaN, cells, estimable: false });
      tableRows.push({
        outcome: label,
        arm: cells[0],
        comparator: cells[1],
        estimate:
          estimate === null || !identifiable
            ? 'not estimable'
            : formatFixed(show(estimate), decimals(estimate, lower, upper)),
        ci:
          estimate === null || lower === null || upper === null || !identifiable
            ? ''
            : `${formatFixed(show(lower), decimals(estimate, lower, upper))} to ${formatFixed(show(upper), decimals(estimate, lower, upper))}`,
      });
    }
    const arm = armText(options);
    const comparator = options.comparator as string;
    const lv = formatLevel(level);
    const measureName = { RR: 'Risk ratio', OR: 'Odds ratio', RD: 'Risk difference' }[measure];
    const defaultAxis =
      measure === 'RD'
        ? `Risk difference, ${arm} − ${comparator} (percentage points)`
        : `${measureName}, ${arm} vs ${comparator} (log scale)`;
    return {
      view: {
        kind: 'effects',
        rows,
        scale: measure === 'RD' ? 'linear' : 'log',
        axisTitle: (options.axisTitle as string | undefined) ?? defaultAxis,
        ...favoursFrom(options),
        forest: {
          studyHeader: rowHeader(pairs),
          columns: [`${armNames(options).length > 1 ? 'Arm' : arm} n/N`, `${comparator} n/N`],
          effectHeader: `${measureName}, ${lv} CI (${entry.label})`,
        },
      },
      table: {
        columns: [
          { key: 'outcome', label: 'Outcome' },
          {
            key: 'arm',
            label: `${armNames(options).length > 1 ? 'Arm' : arm} events/n`,
            numeric: true,
          },
          { key: 'comparator', label: `${comparator} events/n`, numeric: true },
          {
            key: 'estimate',
            label: measure === 'RD' ? 'RD (percentage points)' : measure,
            numeric: true,
          },
          { key: 'ci', label: `${lv} CI`, numeric: true },
        ],
        rows: tableRows,
      },
      methods: [
        `${measureName}s ${arm} vs ${comparator} with ${lv} ${entry.label} intervals (${entry.reference})${'zeroCellCorrection' in entry && entry.zeroCellCorrection ? ' (0.5 added to every cell of a table with a zero cell)' : ''}; not pooled.`,
      ],
      notes: [],
      warnings,
    };
  },
};

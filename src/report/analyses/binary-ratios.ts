import { formatLevel, formatNumber } from '../../format/number.js';
import { oddsRatio, type OrMethod } from '../../stats/binary/odds-ratio.js';
import { riskRatio, type RrMethod } from '../../stats/binary/risk-ratio.js';
import type { ForestRow } from '../charts/forest-plot.js';
import { AXIS_OPTIONS, favoursFrom, type AnalysisDefinition } from './analysis.js';
import { pairArms, pairLabel, pairOptions } from './pair-arms.js';

/**
 * Risk or odds ratios per outcome of an arm-binary table (e.g. comorbidities in cases
 * vs controls), for a forest-style chart; from `riskRatio` / `oddsRatio`.
 */
export const binaryRatios: AnalysisDefinition = {
  name: 'binary-ratios',
  description: 'Risk ratio or odds ratio with CI per outcome, arm vs comparator (no pooling).',
  kinds: ['arm-binary'],
  produces: 'effects',
  options: {
    ...pairOptions,
    measure: { type: 'enum', values: ['RR', 'OR'], required: true, description: 'RR or OR.' },
    method: { type: 'enum', values: ['katz', 'koopman', 'mn', 'woolf', 'exact'], description: 'CI method (default katz for RR, woolf for OR).' },
    ...AXIS_OPTIONS,
  },
  run(dataset, options) {
    const measure = options.measure as 'RR' | 'OR';
    const level = (options.level as number | undefined) ?? 0.95;
    const method = (options.method as string | undefined) ?? (measure === 'RR' ? 'katz' : 'woolf');
    if (measure === 'RR' && !['katz', 'koopman', 'mn'].includes(method)) throw new Error(`method ${method} is not a risk-ratio method (katz, koopman, mn)`);
    if (measure === 'OR' && !['woolf', 'exact', 'mn'].includes(method)) throw new Error(`method ${method} is not an odds-ratio method (woolf, exact, mn)`);
    const { pairs, warnings } = pairArms(dataset, options, 'binary-ratios');
    const rows: ForestRow[] = [];
    const tableRows: Record<string, string>[] = [];
    for (const pair of pairs) {
      const table = { events1: pair.arm.events, n1: pair.arm.n, events2: pair.comparator.events, n2: pair.comparator.n };
      const result = measure === 'RR' ? riskRatio(table, { ci: method as RrMethod, level }) : oddsRatio(table, { ci: method as OrMethod, level });
      const label = pairLabel(pair);
      for (const w of result.warnings) warnings.push(`binary-ratios: ${label}: ${w}`);
      const { estimate } = result;
      const { lower, upper } = result.ci;
      if (estimate !== null && lower !== null && upper !== null) rows.push({ label, estimate, lower, upper });
      tableRows.push({
        outcome: label,
        arm: `${pair.arm.events}/${pair.arm.n}`,
        comparator: `${pair.comparator.events}/${pair.comparator.n}`,
        estimate: estimate === null ? 'not estimable' : formatNumber(estimate),
        ci: lower === null || upper === null ? '' : `${formatNumber(lower)} to ${formatNumber(upper)}`,
      });
    }
    const arm = options.arm as string;
    const comparator = options.comparator as string;
    const lv = formatLevel(level);
    const names: Record<string, string> = { katz: 'Katz log', koopman: 'Koopman score', mn: 'Miettinen–Nurminen score', woolf: 'Woolf logit', exact: 'conditional exact (as R fisher.test)' };
    return {
      view: { kind: 'effects', rows, scale: 'log', axisTitle: (options.axisTitle as string | undefined) ?? `${measure === 'RR' ? 'Risk ratio' : 'Odds ratio'}, ${arm} vs ${comparator} (log scale)`, ...favoursFrom(options) },
      table: {
        columns: [
          { key: 'outcome', label: 'Outcome' },
          { key: 'arm', label: `${arm} events/n`, numeric: true },
          { key: 'comparator', label: `${comparator} events/n`, numeric: true },
          { key: 'estimate', label: measure, numeric: true },
          { key: 'ci', label: `${lv} CI`, numeric: true },
        ],
        rows: tableRows,
      },
      methods: [`${measure === 'RR' ? 'Risk' : 'Odds'} ratios ${arm} vs ${comparator} with ${lv} ${names[method]} intervals${method === 'katz' || method === 'woolf' ? ' (0.5 added to every cell of a table with a zero cell)' : ''}; outcomes are not pooled.`],
      notes: [],
      warnings,
    };
  },
};

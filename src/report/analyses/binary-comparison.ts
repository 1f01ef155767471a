import {
  columnDecimals,
  formatEstimateCi,
  formatFixed,
  formatLevel,
  formatPercent,
} from '../../format/number.js';
import { binaryEstimate, binaryTest } from '../../analysis/pair-estimates.js';
import { RD_INTERVALS, wilsonInterval, type RdMethod } from '../../stats/binary/risk-difference.js';
import { RR_INTERVALS, type RrMethod } from '../../stats/binary/risk-ratio.js';
import { TWO_ARM_TESTS, type TwoArmTestId } from '../../stats/binary/two-arm-tests.js';
import { normalQuantile } from '../../stats/dist/index.js';
import type { AdverseEventArmRate, AdverseEventDifference } from '../charts/adverse-events.js';
import { pCell, type AnalysisDefinition } from './analysis.js';
import { ratioIdentifiable } from './ratio-identifiable.js';
import { armNames, armText, pairArms, pairLabels, pairOptions } from './pair-arms.js';

/** Methods text for an interval method, from its registry entry. */
const rdName = (id: RdMethod): string => RD_INTERVALS.get(id).label;
function rrName(id: RrMethod): string {
  const entry = RR_INTERVALS.get(id);
  return entry.zeroCellCorrection
    ? `${entry.label} (0.5 added to every cell when a cell is zero)`
    : entry.label;
}

/** A test's reference for methods text: the R function that reproduces it when there is one. */
const testReference = (reference: string): string =>
  /as R [^;]+$/.exec(reference)?.[0] ?? reference;

/** A rate as a percentage with one decimal. */
const pct = (x: number): string => formatPercent(100 * x);

/** An estimate with its interval, all three with one count of decimals (the interval may be missing). */
function estimateCi(
  estimate: number,
  lower: number | null,
  upper: number | null,
  options: { ratio?: boolean; scale?: number } = {},
): string {
  const k = options.scale ?? 1;
  const values = [estimate, lower, upper].filter((v): v is number => v !== null).map((v) => k * v);
  const d = columnDecimals(values, { ratio: options.ratio ?? false });
  return lower === null || upper === null
    ? `${formatFixed(k * estimate, d)} (interval not estimable)`
    : formatEstimateCi(k * estimate, k * lower, k * upper, d);
}

/**
 * Two-arm binary outcomes (adverse events, discontinuations): per-arm rates with Wilson
 * intervals, the risk difference and risk ratio with their intervals, and Fisher's exact
 * test: the pairs and their estimates from the analysis core (`pairArms`, `binaryEstimate`,
 * `binaryTest`), per-arm rates from `wilsonInterval`.
 */
export const binaryComparison: AnalysisDefinition = {
  name: 'binary-comparison',
  description:
    'Per-arm rates (Wilson CI), risk difference and risk ratio with CIs, a two-sided p (Fisher exact unless `test`), per outcome.',
  kinds: ['arm-binary'],
  produces: 'adverse-events',
  options: {
    ...pairOptions,
    rdMethod: {
      type: 'enum',
      values: RD_INTERVALS.ids,
      description: `Risk-difference CI (default ${RD_INTERVALS.defaultId}).`,
    },
    rrMethod: {
      type: 'enum',
      values: RR_INTERVALS.ids,
      description: `Risk-ratio CI (default ${RR_INTERVALS.defaultId}).`,
    },
    test: {
      type: 'enum',
      values: TWO_ARM_TESTS.ids,
      description: 'Two-sided test for the p column (default fisher).',
    },
  },
  run(dataset, options) {
    const level = (options.level as number | undefined) ?? 0.95;
    const rdMethod = (options.rdMethod as RdMethod | undefined) ?? RD_INTERVALS.defaultId;
    const rrMethod = (options.rrMethod as RrMethod | undefined) ?? RR_INTERVALS.defaultId;
    const testId = (options.test as TwoArmTestId | undefined) ?? 'fisher';
    const test = TWO_ARM_TESTS.get(testId, 'test');
    const { pairs, warnings } = pairArms(dataset, options, 'binary-comparison');
    const z = normalQuantile(1 - (1 - level) / 2);
    const rates: AdverseEventArmRate[] = [];
    const differences: AdverseEventDifference[] = [];
    const tableRows: Record<string, string>[] = [];
    const labels = pairLabels(pairs);
    for (const [i, pair] of pairs.entries()) {
      const label = labels[i];
      for (const side of [pair.arm, pair.comparator]) {
        const [lower, upper] = wilsonInterval(side.events, side.n, z);
        rates.push({
          event: label,
          arm: side.name,
          events: side.events,
          n: side.n,
          rate: side.events / side.n,
          lower,
          upper,
        });
      }
      const rd = binaryEstimate(pair, 'RD', { method: rdMethod, level });
      const rr = binaryEstimate(pair, 'RR', { method: rrMethod, level });
      const fisher = binaryTest(pair, testId);
      for (const w of [...rd.warnings, ...rr.warnings, ...fisher.warnings])
        warnings.push(`binary-comparison: ${label}: ${w}`);
      if (rd.estimate !== null && rd.ci.lower !== null && rd.ci.upper !== null)
        differences.push({
          event: label,
          estimate: rd.estimate,
          lower: rd.ci.lower,
          upper: rd.ci.upper,
        });
      tableRows.push({
        outcome: label,
        arm: `${pair.arm.events}/${pair.arm.n} (${pct(pair.arm.events / pair.arm.n)})`,
        comparator: `${pair.comparator.events}/${pair.comparator.n} (${pct(pair.comparator.events / pair.comparator.n)})`,
        rd:
          rd.estimate === null
            ? 'not estimable'
            : estimateCi(rd.estimate, rd.ci.lower, rd.ci.upper, { scale: 100 }),
        rr:
          rr.estimate === null || !ratioIdentifiable(rr)
            ? 'not estimable'
            : estimateCi(rr.estimate, rr.ci.lower, rr.ci.upper, { ratio: true }),
        p: fisher.p === null ? 'not defined' : pCell(fisher.p),
      });
    }
    const arm = armText(options);
    const comparator = options.comparator as string;
    const lv = formatLevel(level);
    // CONSORT-style header: the number randomised per arm when every outcome shares it.
    const headerN = (sides: { n: number }[]): string => {
      const ns = [...new Set(sides.map((s) => s.n))];
      return ns.length === 1 ? ` (N = ${ns[0]})` : '';
    };
    const armN = headerN(pairs.map((p) => p.arm));
    const comparatorN = headerN(pairs.map((p) => p.comparator));
    return {
      view: {
        kind: 'adverse-events',
        rates,
        differences,
        differenceLabel: `${arm} − ${comparator}`,
        rateIntervalLabel: `${lv} Wilson CI`,
        differenceIntervalLabel: `${lv} ${rdMethod === 'newcombe' ? 'Newcombe' : rdName(rdMethod)} CI`,
        arms: [...armNames(options), comparator],
      },
      table: {
        columns: [
          { key: 'outcome', label: 'Outcome' },
          {
            key: 'arm',
            label: `${armNames(options).length > 1 ? 'Arm' : `${arm}${armN}`}: events/n (%)`,
            numeric: true,
          },
          {
            key: 'comparator',
            label: `${comparator}${comparatorN}: events/n (%)`,
            numeric: true,
          },
          { key: 'rd', label: `RD, percentage points (${lv} CI)`, numeric: true },
          { key: 'rr', label: `RR (${lv} CI)`, numeric: true },
          { key: 'p', label: `${test.label} p (two-sided)`, numeric: true },
        ],
        rows: tableRows,
      },
      methods: [
        `Binary outcomes (${arm} vs ${comparator}): per-arm ${lv} Wilson score intervals; risk difference with the ${rdName(rdMethod)} interval; risk ratio with the ${rrName(rrMethod)} interval; two-sided ${test.label} test (${testReference(test.reference)}). No multiplicity correction.`,
      ],
      notes: [],
      warnings,
    };
  },
};

import type { TopLevelSpec } from 'vega-lite';
import { plural } from '../../format/plural.js';
import { isFiniteNumber, type ChartResult } from './chart-result.js';
import { CHART_CONFIG, INK } from './theme.js';

export interface AdverseEventArmRate {
  event: string;
  arm: string;
  events: number;
  n: number;
  /** Proportion and its interval, on the 0–1 scale. */
  rate: number;
  lower: number;
  upper: number;
}

export interface AdverseEventDifference {
  event: string;
  /** Risk difference (treatment − comparator) and interval, on the 0–1 scale. */
  estimate: number;
  lower: number;
  upper: number;
}

export interface AdverseEventsInput {
  title: string;
  subtitle?: string;
  rates: AdverseEventArmRate[];
  differences: AdverseEventDifference[];
  /** e.g. `Sirolimus − placebo`. */
  differenceLabel: string;
  /** e.g. `95% Wilson CI`, `95% Newcombe CI`. */
  rateIntervalLabel: string;
  differenceIntervalLabel: string;
  arms?: string[];
}

/**
 * Adverse events side by side: left, each arm's rate with its interval; right, the risk
 * difference with its interval. Events are sorted by risk difference (largest excess
 * harm on top); events without a difference keep their order at the bottom. Both
 * panels share the event order. Axes are in percent.
 */
export function adverseEvents(input: AdverseEventsInput): ChartResult {
  const warnings: string[] = [];
  const rates = input.rates.filter((r) => {
    const ok = [r.rate, r.lower, r.upper].every(isFiniteNumber);
    if (!ok)
      warnings.push(
        `adverse-event chart "${input.title}": ${r.event} (${r.arm}) rate left out (not finite)`,
      );
    return ok;
  });
  const differences = input.differences.filter((d) => {
    const ok = [d.estimate, d.lower, d.upper].every(isFiniteNumber);
    if (!ok)
      warnings.push(
        `adverse-event chart "${input.title}": ${d.event} difference left out (not finite)`,
      );
    return ok;
  });
  const sorted = [...differences].sort(
    (a, b) => b.estimate - a.estimate || a.event.localeCompare(b.event),
  );
  const order = [...new Set([...sorted.map((d) => d.event), ...rates.map((r) => r.event)])];
  const arms = input.arms ?? [...new Set(rates.map((r) => r.arm))];
  const y = {
    field: 'event',
    type: 'nominal' as const,
    sort: order,
    title: null,
    axis: { labelLimit: 0 },
  };
  const height = Math.max(60, order.length * 26);
  const percent = (r: { estimate?: number; rate?: number; lower: number; upper: number }) => ({
    lowerPct: 100 * r.lower,
    upperPct: 100 * r.upper,
  });
  const rateValues = rates.map((r) => ({ ...r, ratePct: 100 * r.rate, ...percent(r) }));
  const differenceValues = sorted.map((d) => ({
    ...d,
    estimatePp: 100 * d.estimate,
    ...percent(d),
  }));
  const color = { field: 'arm', type: 'nominal' as const, sort: arms, title: 'Arm' };
  const yOffset = { field: 'arm', type: 'nominal' as const, sort: arms };
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: input.title, ...(input.subtitle ? { subtitle: input.subtitle } : {}) },
    config: CHART_CONFIG,
    hconcat: [
      {
        title: { text: `Rate per arm (${input.rateIntervalLabel})`, fontSize: 11 },
        width: 220,
        height,
        data: { values: rateValues },
        layer: [
          {
            mark: { type: 'rule', strokeWidth: 1.5 },
            encoding: {
              y,
              yOffset,
              color,
              x: {
                field: 'lowerPct',
                type: 'quantitative',
                title: 'Participants with event (%)',
                scale: { domain: [0, 100] },
                axis: { values: [0, 20, 40, 60, 80, 100] },
              },
              x2: { field: 'upperPct' },
            },
          },
          {
            mark: { type: 'point', filled: true, size: 50, opacity: 1 },
            encoding: {
              y,
              yOffset,
              color,
              x: { field: 'ratePct', type: 'quantitative' },
              tooltip: [
                { field: 'event' },
                { field: 'arm' },
                { field: 'events' },
                { field: 'n' },
                { field: 'ratePct', format: '.1f', title: '%' },
              ],
            },
          },
        ],
      },
      {
        title: {
          text: `Risk difference, ${input.differenceLabel} (${input.differenceIntervalLabel})`,
          fontSize: 11,
        },
        width: 220,
        height,
        data: { values: differenceValues },
        layer: [
          {
            data: { values: [{ zero: 0 }] },
            mark: { type: 'rule', color: INK },
            encoding: { x: { field: 'zero', type: 'quantitative' } },
          },
          {
            mark: { type: 'rule', color: INK, strokeWidth: 1.5 },
            encoding: {
              y: { ...y, axis: { labels: false, ticks: false, domain: false } },
              x: {
                field: 'lowerPct',
                type: 'quantitative',
                title: 'Risk difference (percentage points)',
              },
              x2: { field: 'upperPct' },
            },
          },
          {
            mark: {
              type: 'point',
              shape: 'square',
              filled: true,
              size: 50,
              color: INK,
              opacity: 1,
            },
            encoding: {
              y: { ...y, axis: { labels: false, ticks: false, domain: false } },
              x: { field: 'estimatePp', type: 'quantitative' },
            },
          },
        ],
      },
    ],
    resolve: { scale: { y: 'shared' } },
  } satisfies TopLevelSpec;
  return {
    spec,
    description: `Adverse events: per-arm rates and risk differences (${input.differenceLabel}) for ${plural(order.length, 'event type')}, sorted by risk difference.`,
    warnings,
  };
}

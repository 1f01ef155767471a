import type { TopLevelSpec } from 'vega-lite';
import { isFiniteNumber, type ChartResult } from './chart-result.js';
import { CHART_CONFIG } from './theme.js';

export interface ArmDotRow {
  arm: string;
  timepoint: string;
  estimate: number;
  lower: number;
  upper: number;
  n?: number;
}

export interface ArmDotsInput {
  title: string;
  subtitle?: string;
  /** y-axis title with unit, e.g. `Change in 6MWD from baseline (m)`. */
  axisTitle: string;
  /** Description of the whiskers for the legend/caption, e.g. `95% CI`. */
  intervalLabel: string;
  rows: ArmDotRow[];
  /** Order of timepoints on the x axis; default: order of first appearance. */
  timepoints?: string[];
  /** Order of arms (legend and dodge); default: order of first appearance. */
  arms?: string[];
  /** x-axis title, default `Timepoint` (e.g. `Trial, timepoint` when trials are side by side). */
  groupTitle?: string;
}

const unique = (values: string[]): string[] => [...new Set(values)];

/**
 * Arm summaries by timepoint: a dot per arm (mean or change) with its interval as a
 * whisker, arms dodged side by side within each timepoint, coloured from the
 * Okabe–Ito palette. A zero line is drawn when the axis spans zero (changes).
 */
export function armDots(input: ArmDotsInput): ChartResult {
  const warnings: string[] = [];
  const rows = input.rows.filter((row) => {
    const ok = [row.estimate, row.lower, row.upper].every(isFiniteNumber);
    if (!ok) warnings.push(`arm chart "${input.title}": ${row.arm} at ${row.timepoint} left out (estimate or interval missing)`);
    return ok;
  });
  const timepoints = input.timepoints ?? unique(rows.map((r) => r.timepoint));
  const arms = input.arms ?? unique(rows.map((r) => r.arm));
  const values = rows.map((r) => ({ ...r, n: r.n ?? null }));
  const spansZero = rows.some((r) => r.lower < 0) && rows.some((r) => r.upper > 0);
  const x = { field: 'timepoint', type: 'nominal' as const, sort: timepoints, title: input.groupTitle ?? 'Timepoint', axis: { labelAngle: 0 } };
  const xOffset = { field: 'arm', type: 'nominal' as const, sort: arms, scale: { paddingInner: 0.2 } };
  const color = { field: 'arm', type: 'nominal' as const, sort: arms, title: 'Arm' };
  const layers: Record<string, unknown>[] = [];
  if (spansZero) layers.push({ data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: '#888888' }, encoding: { y: { field: 'zero', type: 'quantitative' } } });
  layers.push(
    {
      mark: { type: 'rule', strokeWidth: 1.5 },
      encoding: { x, xOffset, color, y: { field: 'lower', type: 'quantitative', title: input.axisTitle, scale: { zero: false } }, y2: { field: 'upper' } },
    },
    {
      mark: { type: 'point', filled: true, size: 60, opacity: 1 },
      encoding: {
        x,
        xOffset,
        color,
        y: { field: 'estimate', type: 'quantitative', title: input.axisTitle, scale: { zero: false } },
        tooltip: [
          { field: 'arm', title: 'Arm' },
          { field: 'timepoint', title: 'Timepoint' },
          { field: 'estimate', title: 'Estimate', format: '.3~g' },
          { field: 'lower', title: 'Lower', format: '.3~g' },
          { field: 'upper', title: 'Upper', format: '.3~g' },
        ],
      },
    },
  );
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: input.title, subtitle: input.subtitle ?? `Dots: estimate; whiskers: ${input.intervalLabel}` },
    width: Math.max(160, 110 * timepoints.length),
    height: 220,
    data: { values },
    config: CHART_CONFIG,
    layer: layers,
  } as unknown as TopLevelSpec;
  return { spec, description: `Dot-and-whisker chart of ${input.axisTitle} for ${arms.join(', ')} at ${timepoints.join(', ')}.`, warnings };
}

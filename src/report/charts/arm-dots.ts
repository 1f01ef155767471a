import type { TopLevelSpec } from 'vega-lite';
import { isFiniteNumber, type ChartResult } from './chart-result.js';
import { CHART_CONFIG } from './theme.js';

export interface ArmDotRow {
  arm: string;
  timepoint: string;
  estimate: number;
  /** Interval; leave both out when the source prints none (the dot is drawn alone). */
  lower?: number;
  upper?: number;
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
 * Okabe–Ito palette. A zero line is drawn when the axis spans zero (changes). Arms
 * without an interval are drawn as a dot alone, and the warnings say so.
 */
export function armDots(input: ArmDotsInput): ChartResult {
  const warnings: string[] = [];
  const rows = input.rows.filter((row) => {
    const ok = isFiniteNumber(row.estimate);
    if (!ok)
      warnings.push(
        `arm chart "${input.title}": ${row.arm} at ${row.timepoint} left out (no estimate)`,
      );
    return ok;
  });
  const hasInterval = (r: ArmDotRow): boolean => isFiniteNumber(r.lower) && isFiniteNumber(r.upper);
  const bare = rows.filter((r) => !hasInterval(r)).map((r) => `${r.arm} (${r.timepoint})`);
  if (bare.length)
    warnings.push(`arm chart "${input.title}": no interval for ${bare.join(', ')}: dot only`);
  const timepoints = input.timepoints ?? unique(rows.map((r) => r.timepoint));
  const arms = input.arms ?? unique(rows.map((r) => r.arm));
  const values = rows.map((r) => ({
    ...r,
    lower: hasInterval(r) ? r.lower : null,
    upper: hasInterval(r) ? r.upper : null,
    n: r.n ?? null,
  }));
  const low = rows.map((r) => (hasInterval(r) ? r.lower! : r.estimate));
  const high = rows.map((r) => (hasInterval(r) ? r.upper! : r.estimate));
  const spansZero = low.some((v) => v < 0) && high.some((v) => v > 0);
  const x = {
    field: 'timepoint',
    type: 'nominal' as const,
    sort: timepoints,
    title: input.groupTitle ?? 'Timepoint',
    axis: { labelAngle: 0 },
  };
  const xOffset = { field: 'arm', type: 'nominal' as const, sort: arms };
  const color = { field: 'arm', type: 'nominal' as const, sort: arms, title: 'Arm' };
  // Shape as well as colour: arms read apart in greyscale and for colour-blind readers.
  const shape = {
    field: 'arm',
    type: 'nominal' as const,
    sort: arms,
    title: 'Arm',
    scale: { range: ['circle', 'square', 'diamond', 'triangle-up', 'triangle-down', 'cross'] },
  };
  const layers: Record<string, unknown>[] = [];
  if (spansZero)
    layers.push({
      data: { values: [{ zero: 0 }] },
      mark: { type: 'rule', color: '#888888' },
      encoding: { y: { field: 'zero', type: 'quantitative' } },
    });
  if (bare.length < rows.length) {
    layers.push({
      transform: [{ filter: 'isValid(datum.lower) && isValid(datum.upper)' }],
      mark: { type: 'rule', strokeWidth: 1.5 },
      encoding: {
        x,
        xOffset,
        color,
        y: { field: 'lower', type: 'quantitative', title: input.axisTitle, scale: { zero: false } },
        y2: { field: 'upper' },
      },
    });
  }
  layers.push({
    mark: { type: 'point', filled: true, size: 60, opacity: 1 },
    encoding: {
      x,
      xOffset,
      color,
      shape,
      y: {
        field: 'estimate',
        type: 'quantitative',
        title: input.axisTitle,
        scale: { zero: false },
      },
      tooltip: [
        { field: 'arm', title: 'Arm' },
        { field: 'timepoint', title: 'Timepoint' },
        { field: 'estimate', title: 'Estimate', format: '.3~g' },
        { field: 'lower', title: 'Lower', format: '.3~g' },
        { field: 'upper', title: 'Upper', format: '.3~g' },
      ],
    },
  });
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: input.title,
      subtitle: input.subtitle ?? `Dots: estimate; whiskers: ${input.intervalLabel}`,
    },
    width: Math.max(160, 110 * timepoints.length),
    height: 220,
    data: { values },
    config: CHART_CONFIG,
    layer: layers,
  } as unknown as TopLevelSpec;
  return {
    spec,
    description: `${bare.length === rows.length ? 'Dot chart (no interval printed)' : bare.length > 0 ? 'Dot-and-whisker chart (whiskers where an interval is printed)' : 'Dot-and-whisker chart'} of ${input.axisTitle} for ${arms.join(', ')} at ${timepoints.join(', ')}.`,
    warnings,
  };
}

import type { TopLevelSpec } from 'vega-lite';
import { formatNumber } from '../../format/number.js';
import { isFiniteNumber, type ChartResult } from './chart-result.js';
import { CHART_CONFIG, INK, MUTED, OKABE_ITO, linearDomain, logDomain, logTicks } from './theme.js';

export interface ForestRow {
  label: string;
  estimate: number;
  lower: number;
  upper: number;
  /** Relative weight in percent (square area is proportional to it). */
  weight?: number;
}

export interface ForestPooled {
  label: string;
  estimate: number;
  lower: number;
  upper: number;
  predictionLower?: number;
  predictionUpper?: number;
  /** Level of the prediction interval, e.g. 0.95. */
  predictionLevel?: number;
}

export interface ForestPlotInput {
  title: string;
  subtitle?: string;
  /** Axis title with the measure and, for differences, the unit: `Risk ratio`, `Mean difference (m)`. */
  axisTitle: string;
  /** `log` for ratios (RR, OR, HR), `linear` for differences. */
  scale: 'log' | 'linear';
  rows: ForestRow[];
  pooled?: ForestPooled;
  /** Texts under the axis either side of the line of no effect. */
  favours?: { left: string; right: string };
  /**
   * Reference line (no effect). Default 1 on a log axis and 0 on a linear one; `null`
   * draws none (e.g. for proportions, where 0 is not a null hypothesis).
   */
  reference?: number | null;
  /** Plot width in px (the label columns are added to it). Default 320. */
  width?: number;
}

const ROW = 22;
const FONT = 11;

/**
 * Forest plot: one row per study (square sized by weight, whisker = CI), the pooled
 * estimate as a diamond, the prediction interval as a line under it, the line of no
 * effect, "favours" labels and a right-hand column with the numbers. Ratios use a log
 * axis with 1-2-5 ticks. Rows are drawn top to bottom in the order given.
 */
export function forestPlot(input: ForestPlotInput): ChartResult {
  const warnings: string[] = [];
  const nullValue = input.reference === undefined ? (input.scale === 'log' ? 1 : 0) : input.reference;
  const usable = input.rows.filter((row) => {
    const ok = [row.estimate, row.lower, row.upper].every(isFiniteNumber) && (input.scale === 'linear' || (row.lower > 0 && row.estimate > 0));
    if (!ok) warnings.push(`forest plot "${input.title}": row "${row.label}" left out (estimate or CI not finite${input.scale === 'log' ? ' or not positive' : ''})`);
    return ok;
  });
  const pooled = input.pooled && [input.pooled.estimate, input.pooled.lower, input.pooled.upper].every(isFiniteNumber) ? input.pooled : undefined;
  if (input.pooled && !pooled) warnings.push(`forest plot "${input.title}": pooled estimate left out (not finite)`);
  const hasPi = pooled !== undefined && isFiniteNumber(pooled.predictionLower) && isFiniteNumber(pooled.predictionUpper);

  const format = (x: number): string => formatNumber(x, { digits: 3 });
  const ciText = (e: number, l: number, u: number): string => `${format(e)} (${format(l)} to ${format(u)})`;
  const maxWeight = Math.max(0, ...usable.map((row) => row.weight ?? 0));
  const studies = usable.map((row, index) => ({
    label: row.label,
    y: index,
    estimate: row.estimate,
    lower: row.lower,
    upper: row.upper,
    weight: row.weight ?? null,
    // Square area ∝ weight; equal squares without weights.
    size: maxWeight > 0 && row.weight !== undefined ? 30 + (170 * row.weight) / maxWeight : 70,
    text: ciText(row.estimate, row.lower, row.upper) + (row.weight !== undefined ? `  ${formatNumber(row.weight, { digits: 3 })}%` : ''),
  }));
  const pooledY = usable.length + 0.5;
  const piY = pooledY + 1;
  const rowsForLabels: { label: string; y: number; text: string; bold: boolean }[] = studies.map((s) => ({ label: s.label, y: s.y, text: s.text, bold: false }));
  if (pooled) rowsForLabels.push({ label: pooled.label, y: pooledY, text: ciText(pooled.estimate, pooled.lower, pooled.upper), bold: true });
  if (pooled && hasPi) {
    const level = pooled.predictionLevel ?? 0.95;
    rowsForLabels.push({ label: `${Math.round(level * 100)}% prediction interval`, y: piY, text: `${format(pooled.predictionLower!)} to ${format(pooled.predictionUpper!)}`, bold: false });
  }

  const values = [...usable.flatMap((r) => [r.lower, r.upper]), ...(pooled ? [pooled.lower, pooled.upper] : []), ...(hasPi ? [pooled!.predictionLower!, pooled!.predictionUpper!] : [])];
  const anchor = nullValue ?? (input.scale === 'log' ? 1 : 0);
  const lo = values.length ? Math.min(...values) : anchor;
  const hi = values.length ? Math.max(...values) : anchor;
  const domain = input.scale === 'log' ? logDomain(Math.min(lo, nullValue ?? lo), Math.max(hi, nullValue ?? hi)) : linearDomain(lo, hi, nullValue ?? undefined);
  const rowCount = rowsForLabels.length;
  const height = Math.max(2, rowCount + (pooled ? 0.5 : 0)) * ROW;
  const width = input.width ?? 320;
  // Label columns sized from measured text, so long names neither clip nor leave gaps.
  const yMax = (pooled ? (hasPi ? piY : pooledY) : usable.length - 1) + 0.6;
  const y = { field: 'y', type: 'quantitative' as const, scale: { domain: [-0.6, yMax], reverse: true, nice: false, zero: false }, axis: null };
  const xScale = input.scale === 'log' ? { type: 'log' as const, domain, nice: false } : { domain, nice: false, zero: false };
  const xAxis = {
    title: input.axisTitle,
    grid: false,
    // Room for the "favours" labels between the tick labels and the axis title.
    ...(input.favours && nullValue !== null ? { titlePadding: 22 } : {}),
    ...(input.scale === 'log' ? { values: logTicks(domain[0], domain[1]), format: '~g' } : { tickCount: 6 }),
  };
  const x = { field: 'estimate', type: 'quantitative' as const, scale: xScale, axis: xAxis };

  const layers: Record<string, unknown>[] = [
    ...(nullValue === null ? [] : [{ data: { values: [{ ref: nullValue }] }, mark: { type: 'rule', color: INK, strokeWidth: 1 }, encoding: { x: { field: 'ref', type: 'quantitative', scale: xScale, axis: xAxis } } }]),
    { data: { name: 'studies' }, mark: { type: 'rule', color: INK }, encoding: { y, x: { field: 'lower', type: 'quantitative', scale: xScale, axis: xAxis }, x2: { field: 'upper' } } },
    {
      data: { name: 'studies' },
      mark: { type: 'point', shape: 'square', filled: true, color: OKABE_ITO[0], opacity: 1 },
      encoding: {
        y,
        x,
        size: { field: 'size', type: 'quantitative', scale: null, legend: null },
        tooltip: [{ field: 'label', title: 'Study' }, { field: 'text', title: 'Estimate (CI)' }],
      },
    },
    ...[false, true].flatMap((bold) => {
      const rows = rowsForLabels.filter((r) => r.bold === bold);
      if (rows.length === 0) return [];
      const fontWeight = bold ? 'bold' : 'normal';
      return [
        { data: { values: rows }, mark: { type: 'text', align: 'right', baseline: 'middle', x: -10, fontSize: FONT, fontWeight, limit: 0 }, encoding: { y, text: { field: 'label' } } },
        { data: { values: rows }, mark: { type: 'text', align: 'left', baseline: 'middle', x: width + 10, fontSize: FONT, fontWeight, limit: 0 }, encoding: { y, text: { field: 'text' } } },
      ];
    }),
  ];
  if (pooled) {
    const diamond = [
      { y: pooledY - 0.4, x: pooled.estimate, x2: pooled.estimate },
      { y: pooledY, x: pooled.lower, x2: pooled.upper },
      { y: pooledY + 0.4, x: pooled.estimate, x2: pooled.estimate },
    ];
    layers.push({
      data: { values: diamond },
      mark: { type: 'area', orient: 'horizontal', color: OKABE_ITO[1], opacity: 1 },
      encoding: { y: { ...y, field: 'y' }, x: { field: 'x', type: 'quantitative', scale: xScale, axis: xAxis }, x2: { field: 'x2' } },
    });
    layers.push({
      data: { values: [{ estimate: pooled.estimate }] },
      mark: { type: 'rule', color: OKABE_ITO[1], strokeDash: [4, 3], strokeWidth: 1 },
      encoding: { x },
    });
    if (hasPi) {
      layers.push({
        data: { values: [{ y: piY, lower: pooled.predictionLower, upper: pooled.predictionUpper }] },
        mark: { type: 'rule', color: OKABE_ITO[1], strokeWidth: 2 },
        encoding: { y, x: { field: 'lower', type: 'quantitative', scale: xScale, axis: xAxis }, x2: { field: 'upper' } },
      });
    }
  }
  if (input.favours && nullValue !== null) {
    const under = height + 30;
    layers.push({
      data: { values: [{ ref: nullValue, left: input.favours.left, right: input.favours.right }] },
      layer: [
        { mark: { type: 'text', align: 'right', y: under, dx: -6, fontSize: 10, color: MUTED, text: `\u2190 ${input.favours.left}` }, encoding: { x: { field: 'ref', type: 'quantitative', scale: xScale, axis: xAxis } } },
        { mark: { type: 'text', align: 'left', y: under, dx: 6, fontSize: 10, color: MUTED, text: `${input.favours.right} \u2192` }, encoding: { x: { field: 'ref', type: 'quantitative', scale: xScale, axis: xAxis } } },
      ],
    });
  }

  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: input.title, ...(input.subtitle ? { subtitle: input.subtitle } : {}), offset: 12, frame: 'bounds' },
    width,
    height,
    autosize: { type: 'pad' as const },
    datasets: { studies },
    config: CHART_CONFIG,
    layer: layers,
  } as unknown as TopLevelSpec;
  const description = `Forest plot: ${usable.length} row(s) on a ${input.scale} axis of ${input.axisTitle}` + (pooled ? `; ${pooled.label} ${ciText(pooled.estimate, pooled.lower, pooled.upper)}` : '') + '.';
  return { spec, description, warnings };
}

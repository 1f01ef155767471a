import type { TopLevelSpec } from 'vega-lite';
import { plural } from '../../format/plural.js';
import { isFiniteNumber, type ChartResult } from './chart-result.js';
import { CHART_CONFIG, INK, MUTED, OKABE_ITO } from './theme.js';

export interface BubblePlotInput {
  title: string;
  subtitle?: string;
  /** Moderator axis title, e.g. `Absolute latitude (degrees)`. */
  xTitle: string;
  /** Effect axis title, e.g. `Risk ratio (log scale)`. */
  yTitle: string;
  /** Studies: moderator value, effect and weight (%), on the plotted scale. */
  points: { study: string; x: number; y: number; weight: number }[];
  /** Fitted line with its confidence band and (optional) prediction band. */
  line: {
    x: number;
    estimate: number;
    lower: number;
    upper: number;
    piLower?: number;
    piUpper?: number;
  }[];
  /** `log` for ratio measures given on the natural scale. Default `linear`. */
  yScale?: 'linear' | 'log';
  /** Horizontal reference line (1 for ratios, 0 for differences). */
  reference?: number;
  width?: number;
}

/**
 * Bubble plot of a meta-regression (metafor `regplot`): one circle per study with area
 * proportional to its weight in the model, the fitted line, its confidence band (shaded) and
 * the prediction band (dashed), and a reference line of no effect.
 */
export function bubblePlot(input: BubblePlotInput): ChartResult {
  const warnings: string[] = [];
  const positive = (v: number) => input.yScale !== 'log' || v > 0;
  const points = input.points.filter((p) => {
    const ok =
      isFiniteNumber(p.x) && isFiniteNumber(p.y) && positive(p.y) && isFiniteNumber(p.weight);
    if (!ok)
      warnings.push(
        `bubble plot "${input.title}": study "${p.study}" left out (value not finite${input.yScale === 'log' ? ' or not positive' : ''})`,
      );
    return ok;
  });
  const line = input.line.filter((l) =>
    [l.x, l.estimate, l.lower, l.upper].every((v) => isFiniteNumber(v) && positive(v)),
  );
  if (line.length < input.line.length)
    warnings.push(
      `bubble plot "${input.title}": ${plural(input.line.length - line.length, 'point')} of the fitted line left out (not finite)`,
    );
  const hasPi =
    line.length > 0 &&
    line.every(
      (l) =>
        isFiniteNumber(l.piLower) &&
        isFiniteNumber(l.piUpper) &&
        positive(l.piLower!) &&
        positive(l.piUpper!),
    );
  const y = {
    type: 'quantitative',
    title: input.yTitle,
    scale: input.yScale === 'log' ? { type: 'log' } : { zero: false },
  };
  const x = {
    field: 'x',
    type: 'quantitative',
    title: input.xTitle,
    scale: { zero: false, nice: false },
  };
  const layer: unknown[] = [
    {
      data: { values: line },
      mark: { type: 'area', color: OKABE_ITO[0], opacity: 0.15 },
      encoding: { x, y: { ...y, field: 'lower' }, y2: { field: 'upper' } },
    },
  ];
  if (hasPi) {
    for (const field of ['piLower', 'piUpper'])
      layer.push({
        data: { values: line },
        mark: { type: 'line', color: MUTED, strokeDash: [4, 3], strokeWidth: 1 },
        encoding: { x, y: { ...y, field } },
      });
  }
  if (input.reference !== undefined)
    layer.push({
      data: { values: [{ ref: input.reference }] },
      mark: { type: 'rule', color: INK, strokeWidth: 0.75 },
      encoding: { y: { ...y, field: 'ref' } },
    });
  layer.push(
    {
      data: { values: line },
      mark: { type: 'line', color: OKABE_ITO[0], strokeWidth: 2 },
      encoding: { x, y: { ...y, field: 'estimate' } },
    },
    {
      data: { values: points },
      mark: { type: 'circle', color: INK, opacity: 0.45, stroke: INK, strokeWidth: 0.75 },
      encoding: {
        x,
        y: { ...y, field: 'y' },
        size: {
          field: 'weight',
          type: 'quantitative',
          title: 'Weight (%)',
          scale: { range: [20, 600] },
          legend: null,
        },
        tooltip: [
          { field: 'study', title: 'Study' },
          { field: 'x', title: input.xTitle, format: '.4~g' },
          { field: 'y', title: input.yTitle, format: '.3~g' },
          { field: 'weight', title: 'Weight (%)', format: '.1f' },
        ],
      },
    },
  );
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: input.title, ...(input.subtitle ? { subtitle: input.subtitle } : {}) },
    width: input.width ?? 420,
    height: 280,
    config: CHART_CONFIG,
    layer,
  } as TopLevelSpec;
  const description = `Bubble plot: ${points.length} studies, ${input.yTitle} against ${input.xTitle}, circle area proportional to weight, with the fitted meta-regression line, its confidence band${hasPi ? ' and prediction band' : ''}.`;
  return { spec, description, warnings };
}

import type { TopLevelSpec } from 'vega-lite';
import type { ContourFunnelData } from '../../stats/meta/contour-funnel-data.js';
import { isFiniteNumber, type ChartResult } from './chart-result.js';
import { CHART_CONFIG, INK, MUTED, OKABE_ITO } from './theme.js';

export interface ContourFunnelInput {
  title: string;
  subtitle?: string;
  /** Effect axis title on the model scale, e.g. `Log risk ratio`. */
  axisTitle: string;
  data: ContourFunnelData;
  width?: number;
  /** A second subtitle line, e.g. what trim and fill estimated. */
  note?: string;
}

/** Shades from the least to the most significant region (p > first level is white). */
const SHADES = ['#ffffff', '#e3e3e3', '#c4c4c4', '#9e9e9e'];

/**
 * Contour-enhanced funnel plot: standard error (reversed, 0 at the top) against the estimate,
 * shaded by the two-sided significance a study at that point would have (p > 0.1 white, then
 * 0.1–0.05, 0.05–0.01, < 0.01 darker), observed studies as filled circles and trim-and-fill
 * studies as open circles, with the line of no effect and the pooled estimate.
 */
export function contourFunnel(input: ContourFunnelInput): ChartResult {
  const warnings: string[] = [];
  const d = input.data;
  const points = d.points.filter((p) => {
    const ok = isFiniteNumber(p.yi) && isFiniteNumber(p.sei);
    if (!ok) warnings.push(`funnel "${input.title}": study "${p.study}" left out (not finite)`);
    return ok;
  });
  const levels = [...new Set(d.contours.map((c) => c.level))].sort((a, b) => b - a);
  const widest = d.contours.reduce(
    (m, c) => Math.max(m, Math.abs(c.lower - d.reference), Math.abs(c.upper - d.reference)),
    0,
  );
  const span = Math.max(widest, ...points.map((p) => Math.abs(p.yi - d.reference))) * 1.05 || 1;
  const domain = [d.reference - span, d.reference + span];
  const maxSe = d.maxSe > 0 ? d.maxSe : 1;
  const x = {
    type: 'quantitative',
    title: input.axisTitle,
    scale: { domain, nice: false, zero: false },
  };
  const y = {
    type: 'quantitative',
    title: 'Standard error',
    scale: { domain: [maxSe, 0], nice: false, zero: false },
  };
  const band = (level: number) =>
    d.contours
      .filter((c) => c.level === level)
      .map((c) => ({ se: c.se, lower: c.lower, upper: c.upper }));
  const layer: unknown[] = [
    // the most significant region is the background; narrower bands are drawn on top of it
    {
      data: { values: [{ x: domain[0], x2: domain[1], y: 0, y2: maxSe }] },
      // Significance regions are background, not data marks: hidden from screen readers and
      // from the 3:1 mark-contrast rule (WCAG 1.4.11 covers the studies drawn on them).
      mark: {
        type: 'rect',
        color: SHADES[Math.min(levels.length, SHADES.length - 1)],
        aria: false,
      },
      encoding: {
        x: { ...x, field: 'x' },
        x2: { field: 'x2' },
        y: { ...y, field: 'y' },
        y2: { field: 'y2' },
      },
    },
    ...levels
      .slice()
      .reverse()
      .map((level, i) => ({
        data: { values: band(level) },
        mark: {
          type: 'area',
          orient: 'horizontal',
          color: SHADES[Math.max(0, levels.length - 1 - i)],
          aria: false,
        },
        encoding: { y: { ...y, field: 'se' }, x: { ...x, field: 'lower' }, x2: { field: 'upper' } },
      })),
    {
      data: { values: [{ ref: d.reference }] },
      mark: { type: 'rule', color: INK, strokeWidth: 0.75 },
      encoding: { x: { ...x, field: 'ref' } },
    },
  ];
  if (d.centre !== null && isFiniteNumber(d.centre))
    layer.push({
      data: { values: [{ c: d.centre }] },
      mark: { type: 'rule', color: OKABE_ITO[0], strokeDash: [4, 3] },
      encoding: { x: { ...x, field: 'c' } },
    });
  layer.push({
    data: {
      values: points.map((p) => ({ ...p, kind: p.filled ? 'filled (trim and fill)' : 'observed' })),
    },
    mark: { type: 'point', size: 40, strokeWidth: 1.25 },
    encoding: {
      x: { ...x, field: 'yi' },
      y: { ...y, field: 'sei' },
      shape: { value: 'circle' },
      fill: {
        field: 'kind',
        type: 'nominal',
        title: 'Studies',
        scale: { domain: ['observed', 'filled (trim and fill)'], range: [INK, '#ffffff'] },
      },
      stroke: { value: INK },
      opacity: { value: 1 },
      tooltip: [
        { field: 'study', title: 'Study' },
        { field: 'yi', title: input.axisTitle, format: '.3~g' },
        { field: 'sei', title: 'SE', format: '.3~g' },
        { field: 'kind', title: 'Kind' },
      ],
    },
  });
  const legend = levels
    .map((l, i) => `${i === 0 ? `p > ${l}` : `${levels[i - 1]} ≥ p > ${l}`}`)
    .concat(levels.length ? [`p ≤ ${levels[levels.length - 1]}`] : [])
    .join(', ');
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: input.title,
      subtitle: [
        input.subtitle ?? `Shading, light to dark: ${legend}`,
        ...(input.note ? [input.note] : []),
      ],
      subtitleColor: MUTED,
    },
    width: input.width ?? 420,
    height: 300,
    config: CHART_CONFIG,
    layer,
  } as TopLevelSpec;
  const nFilled = points.filter((p) => p.filled).length;
  return {
    spec,
    description: `Contour-enhanced funnel plot: ${points.length - nFilled} studies${nFilled ? ` and ${nFilled} filled by trim and fill` : ''}, standard error against ${input.axisTitle}, shaded by significance (${legend})${input.note ? `; ${input.note}` : ''}.`,
    warnings,
  };
}

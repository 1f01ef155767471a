import type { Config } from 'vega-lite';
import { REPORT_FONT } from '../text-metrics/text-width.js';

/**
 * Okabe–Ito palette (Okabe & Ito 2008, "Color Universal Design"): distinguishable
 * under the common colour-vision deficiencies. Black first for single-series marks.
 */
export const OKABE_ITO = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#E69F00',
  '#56B4E9',
  '#F0E442',
  '#000000',
] as const;

/**
 * Colours for categories of marks (arms, phases, series): the Okabe–Ito hues that reach
 * WCAG's 3:1 for graphics on white, with its orange and sky blue (2.3:1) and yellow (1.3:1)
 * replaced by darker shades and three more distinct hues, so nine categories never repeat.
 */
export const MARK_CATEGORY = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#A87400',
  '#2E8BC0',
  '#000000',
  '#7F4FA0',
  '#767676',
] as const;

/** Ink for text, axes and reference lines. */
export const INK = '#222222';
export const MUTED = '#6b6b6b';
/**
 * Text that flags a problem: a darker shade of the palette's vermilion (#D55E00 is 3.9:1 on
 * white, below WCAG AA for text; this is 6.4:1).
 */
export const ALERT_TEXT = '#A33F00';

/** Shared chart configuration: one font stack, fixed sizes, the palette. */
export const CHART_CONFIG: Config = {
  font: REPORT_FONT,
  background: '#ffffff',
  padding: 8,
  view: { stroke: null },
  title: {
    fontSize: 14,
    fontWeight: 'bold',
    anchor: 'start',
    color: INK,
    subtitleFontSize: 11,
    subtitleColor: MUTED,
    offset: 10,
  },
  axis: {
    labelFontSize: 11,
    titleFontSize: 11,
    titleFontWeight: 'bold',
    labelColor: INK,
    titleColor: INK,
    domainColor: '#888888',
    tickColor: '#888888',
    gridColor: '#e6e6e6',
  },
  legend: {
    labelFontSize: 11,
    titleFontSize: 11,
    titleFontWeight: 'bold',
    labelColor: INK,
    titleColor: INK,
    orient: 'bottom',
    direction: 'horizontal',
  },
  text: { fontSize: 11, color: INK },
  range: { category: [...MARK_CATEGORY] },
};

/** Ticks for a log axis that people can read: 1-2-5 steps inside [lo, hi]. */
export function logTicks(lo: number, hi: number): number[] {
  const ticks: number[] = [];
  for (
    let exponent = Math.floor(Math.log10(lo)) - 1;
    exponent <= Math.ceil(Math.log10(hi));
    exponent++
  ) {
    for (const mantissa of [1, 2, 5]) {
      const value = Number((mantissa * 10 ** exponent).toPrecision(1));
      if (value >= lo * (1 - 1e-9) && value <= hi * (1 + 1e-9)) ticks.push(value);
    }
  }
  return ticks;
}

/** A log-axis domain: the 1-2-5 values just outside [lo, hi]. */
export function logDomain(lo: number, hi: number): [number, number] {
  const steps = logTicks(lo / 10, hi * 10);
  const lower = [...steps].reverse().find((v) => v <= lo) ?? lo;
  const upper = steps.find((v) => v >= hi) ?? hi;
  return [lower, upper];
}

/** A linear domain padded by 5 % on each side, always containing `include`. */
export function linearDomain(lo: number, hi: number, include?: number): [number, number] {
  let min = include !== undefined ? Math.min(lo, include) : lo;
  let max = include !== undefined ? Math.max(hi, include) : hi;
  if (min === max) {
    min -= 1;
    max += 1;
  }
  const pad = (max - min) * 0.05;
  return [min - pad, max + pad];
}

import type { TopLevelSpec } from 'vega-lite';

/**
 * What every chart function returns: the Vega-Lite spec, the rows it plots (also
 * embedded in the HTML as JSON and shown as a table) and the warnings raised while
 * building it (non-finite bounds dropped, rows without dates, ...). Charts never print.
 */
export interface ChartResult {
  spec: TopLevelSpec;
  /** Alternative text: what the chart shows, for `<desc>`. */
  description: string;
  warnings: string[];
  /** What a reader should know about the drawing that is not a problem (rows left out by design, ...). */
  notes?: string[];
}

/** Keeps finite numbers only; records why a row was left out. */
export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

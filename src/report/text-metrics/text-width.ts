import widths from './liberation-sans-widths.json' with { type: 'json' };
import { EMBEDDED_FONT_FAMILY } from './font-face.js';

/**
 * Text widths for the report font, from a table measured once (not guessed): advance
 * widths of Liberation Sans, which is metric-compatible with Arial and Helvetica, in
 * thousandths of an em, kerning off. `test/report/generate-font-widths.mjs` regenerates
 * the table with headless chromium from the font the pages embed (see font-face.ts). The
 * HTML sets this font stack and `font-kerning: none`, so the layout Vega computes is the
 * layout the browser draws, identically on every machine: the embedded subset comes first,
 * the metric-compatible system fonts only for characters outside it.
 */
export const REPORT_FONT = `"${EMBEDDED_FONT_FAMILY}", Arial, "Liberation Sans", Helvetica, sans-serif`;

type WidthTable = Record<string, number>;
const normal = widths.normal as WidthTable;
const bold = widths.bold as WidthTable;

/** True for CSS font weights that select the bold face. */
function isBold(weight: unknown): boolean {
  if (weight === undefined || weight === null) return false;
  if (typeof weight === 'number') return weight >= 600;
  const text = String(weight);
  return text === 'bold' || text === 'bolder' || Number(text) >= 600;
}

/**
 * Width in pixels of `text` at `fontSize` px: the sum of the tabulated advance widths.
 * Characters missing from the table count as the width of a digit (0.556 em, 0.611 em bold).
 * @example textWidth('Risk ratio', 11) // 45.837
 */
export function textWidth(text: string, fontSize: number, fontWeight?: unknown): number {
  const table = isBold(fontWeight) ? bold : normal;
  const fallback = isBold(fontWeight) ? widths.fallbackBold : widths.fallbackNormal;
  let units = 0;
  for (const char of text) units += table[String(char.codePointAt(0))] ?? fallback;
  return (units * fontSize) / widths.unitsPerEm;
}

/** The subset of a Vega scenegraph text item that decides its width. */
interface TextItem {
  fontSize?: number | string;
  fontWeight?: number | string;
  limit?: number;
  ellipsis?: string;
  dir?: string;
}

function fontSizeOf(item: TextItem): number {
  return item.fontSize !== undefined && item.fontSize !== null ? Number(item.fontSize) || 0 : 11;
}

/**
 * Vega's truncation rule (`limit` in pixels, ellipsis appended), with measured widths.
 * Vega cannot apply it itself when a custom width function is installed (its truncation
 * asks that function, which already returns the truncated width, so nothing is cut):
 * render.ts applies it to the scenegraph before writing the SVG.
 */
export function truncateText(item: TextItem, text: string): string {
  const size = fontSizeOf(item);
  return Number(item.limit) > 0 && size > 0 ? truncate(item, text.trim(), size) : text;
}

function truncate(item: TextItem, text: string, size: number): string {
  const limit = Number(item.limit);
  const measure = (t: string): number => textWidth(t, size, item.fontWeight);
  if (measure(text) < limit) return text;
  const ellipsis = item.ellipsis ?? '\u2026';
  const room = limit - measure(ellipsis);
  let lo = 0;
  let hi = text.length;
  if (item.dir === 'rtl') {
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (measure(text.slice(mid)) > room) lo = mid + 1;
      else hi = mid;
    }
    return ellipsis + text.slice(lo);
  }
  while (lo < hi) {
    const mid = 1 + ((lo + hi) >>> 1);
    if (measure(text.slice(0, mid)) < room) lo = mid;
    else hi = mid - 1;
  }
  return text.slice(0, lo) + ellipsis;
}

/** Width function with the signature of vega-scenegraph's `textMetrics.width(item, text)`. */
export function vegaTextWidth(item: TextItem, text: unknown): number {
  const size = fontSizeOf(item);
  let value = text === null || text === undefined ? '' : String(text).trim();
  if (size <= 0 || value === '') return 0;
  const limit = Number(item.limit);
  // Vega calls this both for bounds and inside its own truncation (which measures the whole
  // text and cuts it when the width is not below the limit): report a text at or over the
  // limit as exactly `limit` wide, so Vega cuts it and its bounds still hold the cut text.
  if (limit > 0) return Math.min(textWidth(value, size, item.fontWeight), limit);
  return textWidth(value, size, item.fontWeight);
}

/**
 * Makes Vega measure text with the table instead of its 0.8 × length × size estimate.
 * Idempotent; takes the loaded vega module so that vega stays a lazy import.
 */
export function installTextMetrics(vega: {
  textMetrics: { width: (item: never, text: unknown) => number };
}): void {
  vega.textMetrics.width = vegaTextWidth as (item: never, text: unknown) => number;
}

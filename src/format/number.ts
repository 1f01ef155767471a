/**
 * Number formatting for people (CLI and reports). `stats/` never formats; results
 * keep full precision and only these functions round.
 */

export interface NumberFormatOptions {
  /** Significant digits for values with |x| < 1000 (larger values are rounded to integers). Default 3. */
  digits?: number;
  /** `unicode` writes U+2212 for minus as typeset papers do; `ascii` writes "-". Default `unicode`. */
  minus?: 'unicode' | 'ascii';
}

const UNICODE_MINUS = '\u2212';

/**
 * Formats with a fixed number of significant digits, never in exponent form for
 * ordinary magnitudes.
 * @example formatNumber(-34.4231) // '−34.4'
 * @example formatNumber(0.000123) // '0.000123'
 */
export function formatNumber(x: number, options: NumberFormatOptions = {}): string {
  const { digits = 3, minus = 'unicode' } = options;
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return (x < 0 ? '-' : '') + '∞';
  let text: string;
  const abs = Math.abs(x);
  if (abs === 0) text = '0';
  else if (abs >= 10 ** digits) text = Math.round(x).toString();
  else if (abs < 1e-6) text = x.toExponential(digits - 1);
  else {
    const magnitude = Math.floor(Math.log10(abs));
    const decimals = Math.max(0, digits - 1 - magnitude);
    text = x.toFixed(Math.min(decimals, 20));
    // toFixed may round 9.995 up to 10.00: keep the digit count honest.
    if (Math.abs(Number(text)) >= 10 ** (magnitude + 1) && decimals > 0) text = x.toFixed(decimals - 1);
  }
  if (/^-0(\.0*)?$/.test(text)) text = text.slice(1);
  return minus === 'unicode' ? text.replace(/^-/, UNICODE_MINUS) : text;
}

/** Formats a number with exactly `decimals` decimals. */
export function formatFixed(x: number, decimals: number, minus: 'unicode' | 'ascii' = 'unicode'): string {
  let text = x.toFixed(decimals);
  if (/^-0(\.0*)?$/.test(text)) text = text.slice(1);
  return minus === 'unicode' ? text.replace(/^-/, UNICODE_MINUS) : text;
}

/**
 * Formats a p-value the way journals print it: two decimals from 0.1 up, three below,
 * and a bound under `threshold`.
 * @example formatP(0.0347) // 'p = 0.035'
 * @example formatP(2e-7)   // 'p < 0.001'
 */
export function formatP(p: number, options: { threshold?: number; prefix?: boolean } = {}): string {
  const { threshold = 0.001, prefix = true } = options;
  const lead = prefix ? 'p ' : '';
  if (Number.isNaN(p)) return `${lead}= NaN`;
  if (p < threshold) return `${lead}< ${threshold}`;
  const text = p >= 0.1 ? p.toFixed(2) : p.toFixed(3);
  return `${lead}= ${text}`;
}

/** Formats a percentage of a level: 0.95 → '95%', 0.975 → '97.5%'. */
export function formatLevel(level: number): string {
  return `${Number((level * 100).toPrecision(6))}%`;
}

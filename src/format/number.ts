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
    if (Math.abs(Number(text)) >= 10 ** (magnitude + 1) && decimals > 0)
      text = x.toFixed(decimals - 1);
  }
  if (/^-0(\.0*)?$/.test(text)) text = text.slice(1);
  return minus === 'unicode' ? text.replace(/^-/, UNICODE_MINUS) : text;
}

/** Formats a number with exactly `decimals` decimals. */
export function formatFixed(
  x: number,
  decimals: number,
  minus: 'unicode' | 'ascii' = 'unicode',
): string {
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

/**
 * Decimals for a column of computed values: enough for `significant` digits in the largest
 * magnitude, so an estimate and its limits (and every row of a column) share one count.
 * Ratios on a log axis use 2 (RevMan's convention) unless their values are all below 0.1.
 * @example columnDecimals([0.41, 0.13, 1.26], { ratio: true }) // 2
 * @example columnDecimals([34.4, 2.54, 66.3]) // 1
 */
export function columnDecimals(
  values: readonly number[],
  options: { significant?: number; ratio?: boolean; max?: number } = {},
): number {
  const { significant = 3, ratio = false, max = 4 } = options;
  const finite = values.filter((v) => Number.isFinite(v) && v !== 0).map(Math.abs);
  if (finite.length === 0) return ratio ? 2 : 0;
  if (ratio) return Math.min(max, Math.max(...finite) < 0.1 ? 3 : 2);
  const magnitude = Math.floor(Math.log10(Math.max(...finite)));
  return Math.min(max, Math.max(0, significant - 1 - magnitude));
}

/**
 * An estimate with its interval, all with the same decimals: `0.49 (0.34 to 0.70)`.
 * @example formatEstimateCi(-0.714, -1.07, -0.362, 2) // '−0.71 (−1.07 to −0.36)'
 */
export function formatEstimateCi(
  estimate: number,
  lower: number,
  upper: number,
  decimals: number,
): string {
  return `${formatFixed(estimate, decimals)} (${formatFixed(lower, decimals)} to ${formatFixed(upper, decimals)})`;
}

/**
 * A percentage for people: one decimal, `0` for exact zero, `< 0.1` for tiny positive values.
 * @example formatPercent(38.4456) // '38.4%'
 * @example formatPercent(0.0000382) // '< 0.1%'
 */
export function formatPercent(x: number, options: { decimals?: number } = {}): string {
  const { decimals = 1 } = options;
  if (x === 0) return '0%';
  const floor = 10 ** -decimals;
  if (x > 0 && x < floor) return `< ${formatFixed(floor, decimals)}%`;
  return `${formatFixed(x, decimals)}%`;
}

/**
 * Between-study variance as a person reads it: 3 significant digits, `< 0.001` when tiny,
 * `0` when zero (never `2.57e-7`).
 * @example formatTau2(0.313243) // '0.313'
 * @example formatTau2(2.57e-7) // '< 0.001'
 */
export function formatTau2(tau2: number): string {
  if (tau2 === 0) return '0';
  if (tau2 > 0 && tau2 < 0.001) return '< 0.001';
  return formatNumber(tau2, { digits: 3 });
}

/**
 * A value transcribed from a source, with the digits it was printed with: `printed` is the
 * cell's text as read from the dataset (a row's `$printed[field]`), re-written only in
 * form — a typeset minus, no leading `+`, no exponent — never re-rounded. Without printed
 * text (a value typed in code, a JSON dataset) the value is shown in its shortest exact
 * form, which is how it was given.
 * @example formatPrinted(-9, '-9.0') // '−9.0'
 * @example formatPrinted(59, '59') // '59'
 * @example formatPrinted(-11.07) // '−11.07'
 */
export function formatPrinted(
  value: number,
  printed?: string,
  minus: 'unicode' | 'ascii' = 'unicode',
): string {
  const text = printed?.trim();
  const decimals =
    text && /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text) && Number(text) === value
      ? printedDecimals(text)
      : shortestDecimals(value);
  return formatFixed(value, decimals, minus);
}

/** Decimals of a number's shortest round-trip form (`-11.07` → 2, `1e-7` → 7). */
function shortestDecimals(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.min(20, printedDecimals(String(value)));
}

/** How many decimals a numeric cell was printed with (`18.80` → 2, `19` → 0, `1e-3` → 3). */
export function printedDecimals(text: string): number {
  const match = /^[+-]?\d*(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
  if (!match) return 0;
  return Math.max(0, (match[1]?.length ?? 0) - Number(match[2] ?? 0));
}

import { InputError } from '../../errors.js';

/** How a reported figure relates to the true value: `p = 0.035`, `p < 0.0001`. */
export type Relation = '=' | '<' | '<=' | '>' | '>=';

/**
 * A number as printed in a source: its value, how many decimals were printed, and
 * whether it is an equality or a bound. `0.50` and `0.5` differ (2 vs 1 decimals), so
 * parse from the printed text wherever it is available.
 */
export interface ReportedValue {
  value: number;
  decimals: number;
  relation: Relation;
  /** The printed text, when parsed from text. */
  text?: string;
}

/** The set of true values a reported figure stands for. */
export interface ValueInterval {
  lower: number;
  upper: number;
  /** Whether the bounds themselves belong to the set (`<` excludes its bound). */
  lowerClosed: boolean;
  upperClosed: boolean;
}

const PRINTED = /^\s*(<=|>=|≤|≥|<|>|=)?\s*([+\-\u2212]?)(\d*)(?:\.(\d*))?\s*$/;

/**
 * Parses a printed figure such as `"0.035"`, `"< 0.0001"`, `"−16.3"` or `"≤.05"`.
 * A number is accepted too; its decimals are then read from its shortest
 * representation (trailing zeros are lost: pass text or `decimals` when they matter).
 * @example parseReported('< 0.0001') // { value: 0.0001, decimals: 4, relation: '<', text: '< 0.0001' }
 */
export function parseReported(printed: string | number, decimals?: number): ReportedValue {
  if (typeof printed === 'number') {
    if (!Number.isFinite(printed))
      throw new InputError('reported value', printed, 'a finite number');
    return { value: printed, decimals: decimals ?? decimalsOf(printed), relation: '=' };
  }
  const match = PRINTED.exec(printed);
  if (!match || (match[3] === '' && (match[4] === undefined || match[4] === ''))) {
    throw new InputError('reported value', printed, 'a printed number such as 0.035 or < 0.001');
  }
  const symbol = match[1] ?? '=';
  const relation: Relation = symbol === '≤' ? '<=' : symbol === '≥' ? '>=' : (symbol as Relation);
  const sign = match[2] === '-' || match[2] === '\u2212' ? -1 : 1;
  const fraction = match[4] ?? '';
  const value = sign * Number(`${match[3] || '0'}.${fraction || '0'}`);
  return { value, decimals: decimals ?? fraction.length, relation, text: printed };
}

/** Decimals in the shortest round-trip representation of `x` (0.035 → 3, 1e-7 → 7). */
export function decimalsOf(x: number): number {
  const text = Math.abs(x).toString();
  const exponent = /e-(\d+)$/.exec(text);
  if (exponent) {
    const mantissa = text.split('e')[0];
    const mantissaDecimals = mantissa.includes('.') ? mantissa.split('.')[1].length : 0;
    return Number(exponent[1]) + mantissaDecimals;
  }
  return text.includes('.') ? text.split('.')[1].length : 0;
}

/**
 * The interval of true values consistent with a reported figure, rounding half
 * either way: printed v with d decimals stands for [v − 0.5·10⁻ᵈ, v + 0.5·10⁻ᵈ];
 * `< v` for (−∞, v); `≤ v` for (−∞, v]. `floor` clips the lower end (0 for p-values,
 * which are never negative).
 */
export function reportedInterval(
  reported: ReportedValue,
  floor = -Infinity,
  ceiling = Infinity,
): ValueInterval {
  const half = 0.5 * 10 ** -reported.decimals;
  switch (reported.relation) {
    case '=':
      return {
        lower: Math.max(floor, reported.value - half),
        upper: Math.min(ceiling, reported.value + half),
        lowerClosed: true,
        upperClosed: true,
      };
    case '<':
      return { lower: floor, upper: reported.value, lowerClosed: true, upperClosed: false };
    case '<=':
      return { lower: floor, upper: reported.value, lowerClosed: true, upperClosed: true };
    case '>':
      return { lower: reported.value, upper: ceiling, lowerClosed: false, upperClosed: true };
    case '>=':
      return { lower: reported.value, upper: ceiling, lowerClosed: true, upperClosed: true };
  }
}

/** Whether `x` lies in the interval (with a relative tolerance for floating-point noise). */
export function intervalContains(interval: ValueInterval, x: number, relTol = 1e-12): boolean {
  const slack = (bound: number): number => relTol * Math.max(1, Math.abs(bound));
  const aboveLower = interval.lowerClosed
    ? x >= interval.lower - slack(interval.lower)
    : x > interval.lower;
  const belowUpper = interval.upperClosed
    ? x <= interval.upper + slack(interval.upper)
    : x < interval.upper;
  return aboveLower && belowUpper;
}

/** Whether two intervals share at least one point. */
export function intervalsOverlap(a: ValueInterval, b: ValueInterval, relTol = 1e-12): boolean {
  const slack =
    relTol *
    Math.max(1, Math.abs(a.lower), Math.abs(a.upper), Math.abs(b.lower), Math.abs(b.upper));
  const lower = Math.max(a.lower, b.lower);
  const upper = Math.min(a.upper, b.upper);
  if (lower < upper) return true;
  if (lower - upper > slack) return false;
  // They touch at one point, which an open bound there excludes.
  const excludes = (i: ValueInterval): boolean =>
    (i.lower === lower && !i.lowerClosed) || (i.upper === upper && !i.upperClosed);
  return !excludes(a) && !excludes(b);
}

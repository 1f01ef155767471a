import { InputError } from '../../errors.js';
import { parseReported, type ReportedValue } from './reported-value.js';

export interface PercentCountsResult {
  /** Whether any whole count k in 0..n prints as the reported percentage. */
  consistent: boolean;
  /** Every such k, ascending. */
  counts: number[];
  percent: number;
  decimals: number;
  n: number;
  /** The percentage each admissible count gives, unrounded. */
  exact: number[];
}

/**
 * Which whole counts k of n print as the reported percentage. A percentage printed
 * with d decimals stands for every k with |100·k/n − printed| ≤ 0.5·10⁻ᵈ (rounding
 * half either way, as authors and software differ). The test is done in integers:
 * with printed = P·10⁻ᵈ, |200·10ᵈ·k − 2·P·n| ≤ n, so no floating-point edge can
 * flip a verdict.
 *
 * Reference: Brown & Heathers (2017) GRIM, Soc Psychol Personal Sci 8:363–369 (the
 * same granularity argument applied to percentages).
 * @example percentCounts('60', 11) // { consistent: false, counts: [], ... } — 6/11 = 54.5 %, 7/11 = 63.6 %
 * @example percentCounts('45', 22).counts // [10]
 */
export function percentCounts(
  percent: string | number | ReportedValue,
  n: number,
  options: { decimals?: number } = {},
): PercentCountsResult {
  const reported = toReported(percent, options.decimals);
  if (!Number.isInteger(n) || n < 1) throw new InputError('n', n, 'a whole number ≥ 1');
  if (!(reported.value >= 0 && reported.value <= 100))
    throw new InputError('percent', reported.value, 'a percentage in [0, 100]');
  const { scaled, scale } = scaledInteger(reported);
  // Candidates lie within one count of n·percent/100 on either side.
  const centre = (reported.value * n) / 100;
  const spread = (0.5 * 10 ** -reported.decimals * n) / 100 + 1;
  const counts: number[] = [];
  for (
    let k = Math.max(0, Math.floor(centre - spread));
    k <= Math.min(n, Math.ceil(centre + spread));
    k++
  ) {
    if (Math.abs(200 * scale * k - 2 * scaled * n) <= n) counts.push(k);
  }
  return {
    consistent: counts.length > 0,
    counts,
    percent: reported.value,
    decimals: reported.decimals,
    n,
    exact: counts.map((k) => (100 * k) / n),
  };
}

export interface PercentDenominatorsResult {
  /** Denominators in the range for which some whole count prints as the percentage. */
  ns: number[];
  percent: number;
  decimals: number;
  range: { min: number; max: number };
}

/**
 * Which denominators n in [min, max] admit any count k giving the reported percentage.
 * @example percentDenominators('73', 10, 13).ns // [11]  (8/11 = 72.7 %)
 */
export function percentDenominators(
  percent: string | number | ReportedValue,
  min: number,
  max: number,
  options: { decimals?: number } = {},
): PercentDenominatorsResult {
  if (!Number.isInteger(min) || min < 1) throw new InputError('min', min, 'a whole number ≥ 1');
  if (!Number.isInteger(max) || max < min)
    throw new InputError('max', max, `a whole number ≥ ${min}`);
  if (max - min > 1_000_000)
    throw new InputError('max', max, 'a range of at most 1 000 000 denominators');
  const reported = toReported(percent, options.decimals);
  const ns: number[] = [];
  for (let n = min; n <= max; n++) if (percentCounts(reported, n).consistent) ns.push(n);
  return { ns, percent: reported.value, decimals: reported.decimals, range: { min, max } };
}

function toReported(percent: string | number | ReportedValue, decimals?: number): ReportedValue {
  const reported = typeof percent === 'object' ? percent : parseReported(percent, decimals);
  if (reported.relation !== '=')
    throw new InputError(
      'percent',
      reported.text ?? reported.value,
      'an exact printed percentage, not a bound',
    );
  return reported;
}

/** The printed value as an integer P with value = P / scale, scale = 10^decimals. */
export function scaledInteger(reported: ReportedValue): { scaled: number; scale: number } {
  const scale = 10 ** reported.decimals;
  const scaled = Math.round(reported.value * scale);
  if (!Number.isSafeInteger(scaled * 400) || reported.decimals > 12) {
    throw new InputError(
      'value',
      reported.value,
      'a figure with at most 12 decimals and a safe magnitude',
    );
  }
  return { scaled, scale };
}

import { InputError } from '../../errors.js';
import { parseReported, type ReportedValue } from './reported-value.js';
import { scaledInteger } from './percent-counts.js';

export interface GrimResult {
  /** Whether some whole total of n·items scores gives the reported mean. */
  consistent: boolean;
  /**
   * False when n·items ≥ 10^decimals: then every printed mean is attainable and the
   * test cannot detect anything (Brown & Heathers 2017, p. 364).
   */
  informative: boolean;
  /** Whole totals T whose mean T/(n·items) prints as the reported mean. */
  totals: number[];
  mean: number;
  decimals: number;
  n: number;
  items: number;
}

/**
 * GRIM: is a mean of integer-valued data possible for this sample size? Scores on
 * `items` integer items averaged per participant give means T/(n·items) for whole T.
 * Printed with d decimals, mean M is attainable when some T has
 * |T/(n·items) − M| ≤ 0.5·10⁻ᵈ (rounding half either way), tested in integers.
 *
 * Reference: Brown NJL, Heathers JAJ (2017). The GRIM test. Soc Psychol Personal Sci
 * 8(4):363–369, doi:10.1177/1948550616673876.
 * @example grim('5.19', 28).consistent // false — 145/28 = 5.18, 146/28 = 5.21
 */
export function grim(
  mean: string | number | ReportedValue,
  n: number,
  options: { items?: number; decimals?: number } = {},
): GrimResult {
  const { items = 1 } = options;
  const reported = typeof mean === 'object' ? mean : parseReported(mean, options.decimals);
  if (reported.relation !== '=')
    throw new InputError(
      'mean',
      reported.text ?? reported.value,
      'an exact printed mean, not a bound',
    );
  if (!Number.isInteger(n) || n < 1) throw new InputError('n', n, 'a whole number ≥ 1');
  if (!Number.isInteger(items) || items < 1)
    throw new InputError('items', items, 'a whole number ≥ 1');
  const totals = grimTotals(reported, n * items);
  return {
    consistent: totals.length > 0,
    informative: n * items < 10 ** reported.decimals,
    totals,
    mean: reported.value,
    decimals: reported.decimals,
    n,
    items,
  };
}

/** Whole totals T with T/count printing as the reported mean. */
export function grimTotals(reported: ReportedValue, count: number): number[] {
  const { scaled, scale } = scaledInteger(reported);
  const centre = reported.value * count;
  const spread = 0.5 * 10 ** -reported.decimals * count + 1;
  const totals: number[] = [];
  for (let total = Math.floor(centre - spread); total <= Math.ceil(centre + spread); total++) {
    // |total/count − scaled/scale| ≤ 1/(2·scale)  ⇔  |2·scale·total − 2·scaled·count| ≤ count
    if (Math.abs(2 * scale * total - 2 * scaled * count) <= count) totals.push(total);
  }
  return totals;
}

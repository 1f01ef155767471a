import { InputError } from '../../errors.js';
import { grimTotals } from './grim.js';
import { parseReported, type ReportedValue } from './reported-value.js';

export type GrimmerReason = 'grim' | 'sd-range' | 'parity';

export interface GrimmerResult {
  /** Whether mean and SD together are possible for n integer-valued scores. */
  consistent: boolean;
  /** Which test failed first: GRIM, no whole sum of squares in the SD's range, or none of the right parity. */
  reason: GrimmerReason | null;
  /** For each GRIM-consistent total, the whole sums of squares that fit the SD and parity. */
  candidates: { total: number; sumsOfSquares: number[] }[];
  n: number;
  items: number;
}

/**
 * GRIMMER: are a reported mean and SD possible together for n integer-valued scores?
 * For each total T that passes GRIM, the sum of squares S = Σxᵢ² must be a whole
 * number with (n−1)·sd² = S − T²/n for some sd that prints as the reported SD, and
 * S ≡ T (mod 2) because x² ≡ x (mod 2). With `items` > 1, scores are per-participant
 * sums of items, and the SD is scaled by `items` first.
 *
 * References: Anaya J (2016) The GRIMMER test, PeerJ Preprints 4:e2400v1; Allard A
 * (2018) Analytic-GRIMMER (the integer-range and parity form used here).
 * @example grimmer('5.21', '1.6', 28).consistent // true
 * @example grimmer('3.44', '2.47', 18).consistent // false
 */
export function grimmer(
  mean: string | number | ReportedValue,
  sd: string | number | ReportedValue,
  n: number,
  options: { items?: number; meanDecimals?: number; sdDecimals?: number } = {},
): GrimmerResult {
  const { items = 1 } = options;
  const reportedMean = typeof mean === 'object' ? mean : parseReported(mean, options.meanDecimals);
  const reportedSd = typeof sd === 'object' ? sd : parseReported(sd, options.sdDecimals);
  if (!Number.isInteger(n) || n < 2)
    throw new InputError('n', n, 'a whole number ≥ 2 (an SD needs two values)');
  if (!Number.isInteger(items) || items < 1)
    throw new InputError('items', items, 'a whole number ≥ 1');
  if (!(reportedSd.value >= 0))
    throw new InputError('sd', reportedSd.text ?? reportedSd.value, 'a number ≥ 0');
  if (reportedMean.relation !== '=' || reportedSd.relation !== '=') {
    throw new InputError(
      'mean/sd',
      reportedMean.text ?? reportedMean.value,
      'exact printed values, not bounds',
    );
  }
  const totals = grimTotals(reportedMean, n * items);
  if (totals.length === 0) return { consistent: false, reason: 'grim', candidates: [], n, items };

  const half = 0.5 * 10 ** -reportedSd.decimals;
  // Per-participant scores are sums of `items` integers: work on that integer scale.
  const sdLow = Math.max(0, reportedSd.value - half) * items;
  const sdHigh = (reportedSd.value + half) * items;
  let anyInRange = false;
  const candidates: GrimmerResult['candidates'] = [];
  for (const total of totals) {
    const offset = (total * total) / n;
    const low = (n - 1) * sdLow * sdLow + offset;
    const high = (n - 1) * sdHigh * sdHigh + offset;
    const slack = 1e-9 * Math.max(1, Math.abs(high));
    const first = Math.ceil(low - slack);
    const last = Math.floor(high + slack);
    if (first > last) continue;
    anyInRange = true;
    const parity = ((total % 2) + 2) % 2;
    const sums: number[] = [];
    for (let s = first; s <= last && sums.length < 1000; s++)
      if (((s % 2) + 2) % 2 === parity) sums.push(s);
    if (sums.length > 0) candidates.push({ total, sumsOfSquares: sums });
  }
  const consistent = candidates.length > 0;
  return {
    consistent,
    reason: consistent ? null : anyInRange ? 'parity' : 'sd-range',
    candidates,
    n,
    items,
  };
}

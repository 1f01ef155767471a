import { InputError } from '../../errors.js';
import { parseReported, reportedInterval, type ReportedValue } from './reported-value.js';

export interface CiSymmetryResult {
  /** Whether some estimate, lower and upper bound that print as reported are symmetric on the linear scale: E − L = U − E. */
  linear: boolean;
  /** Same on the log scale (ratios): log E − log L = log U − log E; null when a value is ≤ 0. */
  log: boolean | null;
  /** Whether the estimate lies inside the interval (allowing for rounding). */
  inside: boolean;
  /** Printed-value asymmetry on each scale: (U − E) / (E − L), 1 when symmetric. */
  ratioLinear: number;
  ratioLog: number | null;
  /** What the symmetry says about how the interval was built. */
  reading: 'wald-linear' | 'wald-log' | 'both' | 'neither' | 'outside';
}

/**
 * Is a printed confidence interval symmetric about its estimate, on the linear or on
 * the log scale? A Wald interval is symmetric on the scale it was computed on:
 * linear for differences, log for ratios (RR, OR, HR). A ratio whose interval is
 * symmetric only on the linear scale was probably computed on the wrong scale; one
 * symmetric on neither comes from another method (exact, score, profile likelihood,
 * bootstrap) or from a typo. Rounding is propagated: each printed value stands for
 * its rounding interval, and the test asks whether some values in those intervals are
 * exactly symmetric (interval arithmetic on the monotone midpoint).
 *
 * Reference: Altman DG, Bland JM (2011). How to obtain the P value from a confidence
 * interval. BMJ 343:d2304 (the symmetry of Wald intervals on the analysis scale).
 * @example ciSymmetry('0.72', '0.61', '0.85').log // true
 * @example ciSymmetry('-16.3', '-20.4', '-12.1').linear // true
 */
export function ciSymmetry(
  estimate: string | number | ReportedValue,
  lower: string | number | ReportedValue,
  upper: string | number | ReportedValue,
): CiSymmetryResult {
  const e = toReported(estimate, 'estimate');
  const l = toReported(lower, 'lower');
  const u = toReported(upper, 'upper');
  if (l.value > u.value)
    throw new InputError('lower', l.value, `a lower bound ≤ the upper bound ${u.value}`);
  const E = reportedInterval(e);
  const L = reportedInterval(l);
  const U = reportedInterval(u);
  const inside = E.upper >= L.lower && E.lower <= U.upper;
  // Symmetric when 2·g(E) can equal g(L) + g(U) for values in their rounding intervals.
  const symmetric = (g: (x: number) => number): boolean => {
    const twiceLow = 2 * g(E.lower);
    const twiceHigh = 2 * g(E.upper);
    const sumLow = g(L.lower) + g(U.lower);
    const sumHigh = g(L.upper) + g(U.upper);
    const slack = 1e-12 * Math.max(1, Math.abs(twiceHigh), Math.abs(sumHigh));
    return twiceLow <= sumHigh + slack && sumLow <= twiceHigh + slack;
  };
  const linear = symmetric((x) => x);
  const positive = L.lower > 0 && E.lower > 0;
  const log = positive ? symmetric(Math.log) : null;
  const ratioLinear = (u.value - e.value) / (e.value - l.value);
  const ratioLog =
    l.value > 0 && e.value > 0 ? Math.log(u.value / e.value) / Math.log(e.value / l.value) : null;
  const reading = !inside
    ? 'outside'
    : linear && log
      ? 'both'
      : linear
        ? 'wald-linear'
        : log
          ? 'wald-log'
          : 'neither';
  return { linear, log, inside, ratioLinear, ratioLog, reading };
}

function toReported(value: string | number | ReportedValue, name: string): ReportedValue {
  try {
    return typeof value === 'object' ? value : parseReported(value);
  } catch {
    throw new InputError(name, value, 'a printed number such as 0.72');
  }
}

import {
  intervalContains,
  intervalsOverlap,
  reportedInterval,
  type ReportedValue,
  type ValueInterval,
} from './reported-value.js';

export type CheckStatus = 'reproduced' | 'discrepant' | 'not-checkable';

export interface Judgement {
  status: CheckStatus;
  /** The interval the printed figure stands for. */
  reportedInterval: ValueInterval;
  reason: string;
}

/**
 * Judges a recomputed value (or range) against a printed figure, allowing for the
 * rounding the printing implies: `0.035` stands for [0.0345, 0.0355], `< 0.0001`
 * for [0, 0.0001). Reproduced when they meet; otherwise discrepant, saying by how
 * much.
 * @example judgeReported(parseReported('0.035'), 0.0351).status // 'reproduced'
 */
export function judgeReported(
  reported: ReportedValue,
  recomputed: number | { lower: number; upper: number },
  options: { floor?: number; ceiling?: number } = {},
): Judgement {
  const interval = reportedInterval(reported, options.floor, options.ceiling);
  const shown =
    reported.text ?? `${reported.relation === '=' ? '' : `${reported.relation} `}${reported.value}`;
  // Twelve significant digits hide binary noise such as -13.700000000000001 in messages.
  const show = (x: number): string => String(Number(x.toPrecision(12)));
  if (typeof recomputed === 'number') {
    if (!Number.isFinite(recomputed)) {
      return {
        status: 'not-checkable',
        reportedInterval: interval,
        reason: `recomputed value is ${recomputed}`,
      };
    }
    const ok = intervalContains(interval, recomputed);
    return {
      status: ok ? 'reproduced' : 'discrepant',
      reportedInterval: interval,
      reason: ok
        ? `${show(recomputed)} prints as ${shown}`
        : `${show(recomputed)} lies outside [${show(interval.lower)}, ${show(interval.upper)}], the values that print as ${shown}`,
    };
  }
  const ok = intervalsOverlap({ ...recomputed, lowerClosed: true, upperClosed: true }, interval);
  return {
    status: ok ? 'reproduced' : 'discrepant',
    reportedInterval: interval,
    reason: ok
      ? `recomputed range [${show(recomputed.lower)}, ${show(recomputed.upper)}] meets ${shown}`
      : `recomputed range [${show(recomputed.lower)}, ${show(recomputed.upper)}] misses [${show(interval.lower)}, ${show(interval.upper)}], the values that print as ${shown}`,
  };
}

import { percentCounts } from '../stats/check/percent-counts.js';
import type { ReportedValue } from '../stats/check/reported-value.js';
import type { ScanVerdict } from './types.js';

export interface PercentJudgement {
  verdict: ScanVerdict;
  reason: string;
  numbers: {
    count: number;
    n: number;
    percent: number;
    decimals: number;
    exact: number;
    fittingCounts: number[];
    rounding?: 'truncated';
  };
}

/**
 * Judges a printed percentage against a printed count and denominator. Consistent
 * when 100·k/n rounds (half either way) to the printed figure (the integer test of
 * `percentCounts`); `rounding` when it matches only after truncating 100·k/n to the printed decimals (18/22 = 81.8 % printed as "81 %"), which is a
 * reporting habit, not an error; inconsistent otherwise.
 * @example judgePercent(parseReported('45'), 10, 22).verdict // 'consistent'
 * @example judgePercent(parseReported('81'), 18, 22).verdict // 'rounding' (81.8 % truncated)
 */
export function judgePercent(percent: ReportedValue, k: number, n: number): PercentJudgement {
  const exact = (100 * k) / n;
  const base = { count: k, n, percent: percent.value, decimals: percent.decimals, exact };
  const shown = `${k}/${n} = ${round(exact, percent.decimals + 1)} %`;
  if (k > n)
    return {
      verdict: 'inconsistent',
      reason: `the count ${k} exceeds its denominator ${n}`,
      numbers: { ...base, fittingCounts: [] },
    };
  const fit = percentCounts(percent, n);
  if (fit.counts.includes(k))
    return {
      verdict: 'consistent',
      reason: `${shown} prints as ${percent.value} %`,
      numbers: { ...base, fittingCounts: fit.counts },
    };
  const scale = 10 ** percent.decimals;
  const scaled = Math.round(percent.value * scale);
  // 100·k·scale/n exactly, compared in integers: floor and ceil of a rational.
  const numerator = 100 * k * scale;
  // Truncation is a common software habit; rounding up is not, and stays an inconsistency.
  const rounding = Math.floor(numerator / n) === scaled ? 'truncated' : undefined;
  const others =
    fit.counts.length > 0
      ? `; ${percent.value} % of ${n} would be ${fit.counts.join(' or ')}`
      : `; no count of ${n} gives ${percent.value} %`;
  if (rounding) {
    return {
      verdict: 'rounding',
      reason: `${shown}: ${percent.value} % only if truncated rather than rounded to nearest${others}`,
      numbers: { ...base, fittingCounts: fit.counts, rounding },
    };
  }
  return {
    verdict: 'inconsistent',
    reason: `${shown}, not ${percent.value} %${others}`,
    numbers: { ...base, fittingCounts: fit.counts },
  };
}

function round(x: number, decimals: number): number {
  return Number(x.toFixed(Math.min(decimals, 6)));
}

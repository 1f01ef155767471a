import type { Warning } from './warnings.js';

/**
 * Result shapes shared across the toolkit. Results are plain frozen data: no methods,
 * no formatting. Ratios (RR, OR, ROM) report `estimate` and `ci` on the natural scale
 * and `se` on the log scale, where the interval was built.
 */

export type Measure =
  | 'MD'
  | 'SMD'
  | 'ROM'
  | 'RD'
  | 'RR'
  | 'OR'
  | 'NNT'
  | 'PR'
  | 'PLO'
  | 'PFT'
  | 'GEN'
  | 'HR'
  | 'IRR'
  | 'IRD'
  | 'IRLN'
  | 'IRS';

export interface ConfidenceInterval {
  lower: number;
  upper: number;
  /** Confidence level in (0, 1), e.g. 0.95. */
  level: number;
  /** The interval's method, e.g. `welch-t`, `newcombe-hybrid-score`, `wilson`. */
  method: string;
}

export interface TestResult {
  /** e.g. `Welch two-sample t`, `Fisher exact`, `Pearson chi-square`. */
  name: string;
  statistic?: number;
  df?: number;
  p: number;
  /** `two-sided`, `less`, `greater`. */
  alternative?: Alternative;
}

export type Alternative = 'two-sided' | 'less' | 'greater';

export interface Estimate {
  measure: Measure;
  /** Natural scale. */
  estimate: number;
  /** Analysis scale (log for ratios). */
  se?: number;
  ci: ConfidenceInterval;
  test?: TestResult;
  /** Recoverable problems: zero cell corrected, interval clipped, ... (the messages). */
  warnings: string[];
  /** The same warnings with their catalogue codes (src/stats/warnings.ts), where coded. */
  codedWarnings?: Warning[];
}

/** Deep-freezes a result object so callers cannot mutate shared results. */
export function freeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value as object)) {
      freeze((value as Record<string, unknown>)[key]);
    }
  }
  return value;
}

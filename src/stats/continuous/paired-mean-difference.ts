import { InputError } from '../../errors.js';
import { tCdf, tQuantile, tSf } from '../dist/student-t.js';
import { freeze, type Alternative, type Estimate, type TestResult } from '../types.js';
import { sdOfChange } from './sd-of-change.js';
import type { Derivation } from './types.js';
import {
  assertChoice,
  assertCount,
  assertFinite,
  assertLevel,
  assertPositive,
} from './validate.js';

/** Summary data of a paired comparison: the differences themselves, or both conditions and their correlation. */
export type PairedSummary =
  | { n: number; meanDifference: number; sdDifference: number }
  | { n: number; mean1: number; sd1: number; mean2: number; sd2: number; correlation: number };

export interface PairedMeanDifferenceResult extends Estimate {
  measure: 'MD';
  /** Mean of the differences (condition 1 − condition 2). */
  estimate: number;
  se: number;
  df: number;
  /** SD of the differences used (reported, or derived from the two SDs and the correlation). */
  sdDifference: number;
  test: Required<Pick<TestResult, 'name' | 'statistic' | 'df' | 'p' | 'alternative'>>;
  derivation: Derivation[];
}

/**
 * Paired mean difference from summary data, with the same arithmetic as R's
 * `t.test(x, y, paired = TRUE, conf.level, alternative)`: SE = SD_d/√n, t = MD/SE on n − 1 df,
 * CI MD ± t_{1−α/2, n−1}·SE (one-sided: open at ±Infinity with t_{level, n−1}).
 * SD_d is the SD of the within-pair differences; when only the two conditions' SDs are known it
 * is √(SD₁² + SD₂² − 2r·SD₁·SD₂) for the within-pair correlation r (Cochrane Handbook 6.5.2.8,
 * via sdOfChange), and the derivation is returned.
 * Reference: Student (1908) Biometrika 6:1–25; R Core Team, `stats::t.test`.
 * @example pairedMeanDifference({ n: 10, meanDifference: 1.58, sdDifference: 1.23 }).ci // { lower: 0.7001110056560822, upper: 2.4598889943439177, … }
 */
export function pairedMeanDifference(
  input: PairedSummary,
  options: { level?: number; alternative?: Alternative } = {},
): PairedMeanDifferenceResult {
  const { level = 0.95, alternative = 'two-sided' } = options;
  assertLevel('level', level);
  assertChoice('alternative', alternative, ['two-sided', 'less', 'greater']);
  assertCount('n', input.n, 2);
  let estimate: number;
  let sd: number;
  const derivation: Derivation[] = [];
  const warnings: string[] = [];
  if ('sdDifference' in input) {
    assertFinite('meanDifference', input.meanDifference);
    assertPositive('sdDifference', input.sdDifference);
    estimate = input.meanDifference;
    sd = input.sdDifference;
  } else if ('correlation' in input) {
    assertFinite('mean1', input.mean1);
    assertFinite('mean2', input.mean2);
    const derived = sdOfChange({
      sdBaseline: input.sd1,
      sdFinal: input.sd2,
      correlation: input.correlation,
    });
    estimate = input.mean1 - input.mean2;
    sd = derived.value;
    derivation.push(derived.derivation);
    warnings.push(...derived.warnings);
    if (!(sd > 0))
      throw new InputError(
        'correlation',
        input.correlation,
        'a correlation that leaves the differences some spread (SD_d > 0)',
      );
  } else {
    throw new InputError(
      'input',
      JSON.stringify(input),
      '{ n, meanDifference, sdDifference } or { n, mean1, sd1, mean2, sd2, correlation }',
    );
  }
  const df = input.n - 1;
  const se = sd / Math.sqrt(input.n);
  const statistic = estimate / se;
  let p: number;
  let lower = -Infinity;
  let upper = Infinity;
  if (alternative === 'less') {
    p = tCdf(statistic, df);
    upper = estimate + tQuantile(level, df) * se;
  } else if (alternative === 'greater') {
    p = tSf(statistic, df);
    lower = estimate - tQuantile(level, df) * se;
  } else {
    p = 2 * tCdf(-Math.abs(statistic), df);
    const half = tQuantile(1 - (1 - level) / 2, df) * se;
    lower = estimate - half;
    upper = estimate + half;
  }
  return freeze({
    measure: 'MD' as const,
    estimate,
    se,
    df,
    sdDifference: sd,
    ci: { lower, upper, level, method: 'paired-t' },
    test: { name: 'Paired t', statistic, df, p, alternative },
    derivation,
    warnings,
  });
}

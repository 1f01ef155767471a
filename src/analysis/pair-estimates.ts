import type { BinaryEstimate } from '../stats/binary/binary-estimate.js';
import { TWO_ARM_TESTS, type TwoArmTestId } from '../stats/binary/two-arm-tests.js';
import { fisherExact } from '../stats/binary/fisher-exact.js';
import { OR_INTERVALS, oddsRatio, type OrMethod } from '../stats/binary/odds-ratio.js';
import { RD_INTERVALS, riskDifference, type RdMethod } from '../stats/binary/risk-difference.js';
import { RR_INTERVALS, riskRatio, type RrMethod } from '../stats/binary/risk-ratio.js';
import type { TwoByTwo } from '../stats/binary/table.js';
import { meanDifference, type MeanDifferenceResult } from '../stats/continuous/mean-difference.js';
import {
  standardizedMeanDifference,
  type SmdVariant,
  type StandardizedMeanDifferenceResult,
} from '../stats/continuous/standardized-mean-difference.js';
import type { ArmSummary } from '../stats/continuous/types.js';
import type { BinaryPair, ContinuousPair, ContinuousSide } from './pair-arms.js';

export interface ContinuousEstimateOptions {
  /** Confidence level, default 0.95. */
  level?: number;
  /** `unequal` (Welch, default) or `equal` (Student). */
  variance?: 'unequal' | 'equal';
  /** SMD variant, default `hedges-g`. */
  smd?: SmdVariant;
}

export interface ContinuousEstimates {
  /** mean(arm) − mean(comparator), or null when a mean is neither printed nor derivable. */
  difference: number | null;
  /** MD with t interval and test; null when an SD is missing or an arm has n < 2. */
  md: MeanDifferenceResult | null;
  /** Standardized mean difference; null as `md`. */
  smd: StandardizedMeanDifferenceResult | null;
  /** Why `md` is null: the arm without a mean or SD, or `n < 2`. */
  missing: { what: 'mean' | 'sd' | 'n'; arm: string } | null;
}

/**
 * The estimates of a continuous pair: MD (arm − comparator) with Welch or Student t
 * (as R t.test from summaries) and the SMD (Hedges' g by default), using the pair's
 * printed or derived summaries; the pair's derivations are passed on to the results.
 *
 * @example
 * continuousEstimates(pair).md // MILES FEV1: estimate 153, ci { lower 79.43, upper 226.57, method 'welch-t' }
 */
export function continuousEstimates(
  pair: ContinuousPair,
  options: ContinuousEstimateOptions = {},
): ContinuousEstimates {
  const { level = 0.95, variance = 'unequal', smd = 'hedges-g' } = options;
  const { arm, comparator } = pair;
  const difference =
    arm.mean !== null && comparator.mean !== null ? arm.mean - comparator.mean : null;
  const without = (
    what: 'mean' | 'sd',
    side: ContinuousSide[],
  ): { what: 'mean' | 'sd'; arm: string } | undefined => {
    const found = side.find((s) => s[what] === null);
    return found ? { what, arm: found.name } : undefined;
  };
  const missing =
    without('mean', [arm, comparator]) ??
    without('sd', [arm, comparator]) ??
    ([arm, comparator].find((s) => s.n < 2)
      ? { what: 'n' as const, arm: [arm, comparator].find((s) => s.n < 2)!.name }
      : undefined);
  if (missing || difference === null)
    return { difference, md: null, smd: null, missing: missing ?? null };
  const summaries = [arm, comparator].map(
    (side): ArmSummary => ({
      n: side.n,
      mean: side.mean!,
      sd: side.sd!,
      derivations: pair.derivations.filter((d) => d.arms.includes(side.name)),
    }),
  );
  return {
    difference,
    md: meanDifference(summaries[0], summaries[1], { level, variance }),
    smd: standardizedMeanDifference(summaries[0], summaries[1], { level, variant: smd }),
    missing: null,
  };
}

export type BinaryMeasure = 'RD' | 'RR' | 'OR';

/** The interval registry of each binary measure (ids, default, labels, formulas). */
export const BINARY_INTERVALS = { RD: RD_INTERVALS, RR: RR_INTERVALS, OR: OR_INTERVALS } as const;

/** Interval method ids of each binary measure, read from the registries. */
export const BINARY_CI_METHODS = {
  RD: RD_INTERVALS.ids,
  RR: RR_INTERVALS.ids,
  OR: OR_INTERVALS.ids,
} as const;

export type BinaryCiMethod<M extends BinaryMeasure = BinaryMeasure> =
  (typeof BINARY_CI_METHODS)[M][number];

/** The 2×2 table of a pair: arm 1 = the arm, arm 2 = the comparator. */
export function pairTable(pair: BinaryPair): TwoByTwo {
  return {
    events1: pair.arm.events,
    n1: pair.arm.n,
    events2: pair.comparator.events,
    n2: pair.comparator.n,
  };
}

/**
 * One binary measure of a pair (arm vs comparator) with the named interval method
 * (default: Newcombe hybrid score for RD, Katz log for RR, Woolf logit for OR).
 *
 * @example
 * binaryEstimate(pair, 'RR', { method: 'koopman' }) // riskRatio(pairTable(pair), { ci: 'koopman' })
 */
export function binaryEstimate(
  pair: BinaryPair,
  measure: BinaryMeasure,
  options: { level?: number; method?: string } = {},
): BinaryEstimate {
  const { level = 0.95 } = options;
  const table = pairTable(pair);
  const registry = BINARY_INTERVALS[measure];
  const method = options.method ?? registry.defaultId;
  if (!registry.has(method)) {
    throw new Error(
      `method ${method} is not ${measure === 'OR' ? 'an' : 'a'} ${MEASURE_NAMES[measure]} method (${registry.ids.join(', ')})`,
    );
  }
  if (measure === 'RD') return riskDifference(table, { ci: method as RdMethod, level });
  if (measure === 'RR') return riskRatio(table, { ci: method as RrMethod, level });
  return oddsRatio(table, { ci: method as OrMethod, level });
}

const MEASURE_NAMES: Record<BinaryMeasure, string> = {
  RD: 'risk-difference',
  RR: 'risk-ratio',
  OR: 'odds-ratio',
};

/** A two-arm test: an id of TWO_ARM_TESTS, or the older names of the χ² tests. */
export type BinaryTest = TwoArmTestId | 'chi-square' | 'chi-square-yates';
const OLD_NAMES: Readonly<Record<string, TwoArmTestId>> = {
  'chi-square': 'chisq',
  'chi-square-yates': 'chisq-yates',
};

/**
 * The two-sided test of a pair, by its TWO_ARM_TESTS entry: Fisher's exact test (default, as R
 * fisher.test, with its warnings), Pearson's chi-square with or without Yates' correction (as R
 * chisq.test), mid-p, Barnard, Boschloo, …; `name` is the entry's label, p is null when the
 * test is undefined for the table (a χ² with an empty margin).
 */
export function binaryTest(
  pair: BinaryPair,
  test: BinaryTest = 'fisher',
): { name: string; p: number | null; warnings: string[] } {
  const table = pairTable(pair);
  const entry = TWO_ARM_TESTS.get(OLD_NAMES[test] ?? test, 'test');
  if (entry.id === 'fisher') {
    const fisher = fisherExact(table);
    return { name: fisher.test.name, p: fisher.test.p, warnings: fisher.warnings };
  }
  return { name: entry.label, p: entry.run(table, 'two-sided'), warnings: [] };
}

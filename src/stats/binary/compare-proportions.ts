import type { Alternative } from '../types.js';
import { freeze } from '../types.js';
import type { UnconditionalExactResult } from './barnard-exact.js';
import type { BinaryEstimate } from './binary-estimate.js';
import { chiSquareTest, type ChiSquareResult } from './chi-square-test.js';
import { fisherExact } from './fisher-exact.js';
import { ON_REQUEST_TESTS, type OnRequestTestId, type TwoArmTestDetail } from './two-arm-tests.js';
import { numberNeededToTreat, type NntResult } from './number-needed-to-treat.js';
import { oddsRatio, type OrMethod } from './odds-ratio.js';
import { riskDifference, type RdMethod } from './risk-difference.js';
import { riskRatio, type RrMethod } from './risk-ratio.js';
import type { Correction, TwoByTwo } from './table.js';

/** A test run on request: an entry of TWO_ARM_TESTS with `onRequest`. */
export type ExtraTest = OnRequestTestId;

export interface CompareProportionsOptions {
  rdCi?: RdMethod;
  rrCi?: RrMethod;
  orCi?: OrMethod;
  correction?: Correction;
  level?: number;
  tests?: ExtraTest[];
  events?: 'harmful' | 'beneficial';
  alternative?: Alternative;
}

export interface CompareProportionsResult {
  table: TwoByTwo;
  /** Sidedness of the intervals and of the Fisher / Barnard / Boschloo tests (chi-square and mid-p are two-sided). */
  alternative: Alternative;
  rd: BinaryEstimate;
  rr: BinaryEstimate;
  or: BinaryEstimate;
  nnt: NntResult;
  tests: {
    fisher: { p: number };
    chisq: ChiSquareResult | null;
    chisqYates: ChiSquareResult | null;
    barnard?: UnconditionalExactResult;
    /** Barnard with the unpooled Wald statistic (scipy pooled=False). */
    barnardUnpooled?: UnconditionalExactResult;
    boschloo?: UnconditionalExactResult;
    midp?: { name: 'Fisher mid-p'; p: number };
  };
}

/**
 * Everything the `props` command reports for a two-arm 2×2 table: RD (default Newcombe), RR
 * (default Katz), OR (default Woolf), NNT, Fisher exact and Pearson chi-square (with and without
 * Yates), plus Barnard (pooled or unpooled) / Boschloo / mid-p on request (the unconditional tests cost
 * O(n1·n2) per evaluation, so they are opt-in). `alternative` (default two-sided) makes the
 * three intervals and the Fisher, Barnard and Boschloo tests one-sided; chi-square and mid-p
 * stay two-sided.
 * @example compareProportions({ events1: 10, n1: 20, events2: 6, n2: 20 }).rr.estimate // 1.666666666666667
 */
export function compareProportions(
  table: TwoByTwo,
  options: CompareProportionsOptions = {},
): CompareProportionsResult {
  const { level = 0.95, correction = 0.5, tests = [], alternative = 'two-sided' } = options;
  const rd = riskDifference(table, { ci: options.rdCi, level, alternative });
  // Each requested test under the field its registry entry names (tests.barnardUnpooled, …).
  const extra: Record<string, TwoArmTestDetail> = {};
  for (const entry of ON_REQUEST_TESTS)
    if (tests.includes(entry.id))
      extra[entry.onRequest.resultKey] = entry.onRequest.detail(table, alternative);
  return freeze({
    table: { ...table },
    alternative,
    rd,
    rr: riskRatio(table, { ci: options.rrCi, level, correction, alternative }),
    or: oddsRatio(table, { ci: options.orCi, level, correction, alternative }),
    nnt: numberNeededToTreat(rd, { events: options.events }),
    tests: {
      fisher: { p: fisherExact(table, { alternative: options.alternative }).test.p },
      chisq: chiSquareTest(table),
      chisqYates: chiSquareTest(table, { correct: true }),
      ...extra,
    },
  });
}

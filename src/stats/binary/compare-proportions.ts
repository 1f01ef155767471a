import type { Alternative } from '../types.js';
import { freeze } from '../types.js';
import { barnardExact, type UnconditionalExactResult } from './barnard-exact.js';
import type { BinaryEstimate } from './binary-estimate.js';
import { boschlooExact } from './boschloo-exact.js';
import { chiSquareTest, type ChiSquareResult } from './chi-square-test.js';
import { fisherExact } from './fisher-exact.js';
import { midPTest } from './mid-p-test.js';
import { numberNeededToTreat, type NntResult } from './number-needed-to-treat.js';
import { oddsRatio, type OrMethod } from './odds-ratio.js';
import { riskDifference, type RdMethod } from './risk-difference.js';
import { riskRatio, type RrMethod } from './risk-ratio.js';
import type { Correction, TwoByTwo } from './table.js';

export type ExtraTest = 'barnard' | 'barnard-unpooled' | 'boschloo' | 'midp';

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
  const extra: Partial<CompareProportionsResult['tests']> = {};
  if (tests.includes('barnard'))
    extra.barnard = barnardExact(table, { alternative: options.alternative });
  if (tests.includes('barnard-unpooled'))
    extra.barnardUnpooled = barnardExact(table, {
      alternative: options.alternative,
      pooled: false,
    });
  if (tests.includes('boschloo'))
    extra.boschloo = boschlooExact(table, { alternative: options.alternative });
  if (tests.includes('midp')) extra.midp = midPTest(table);
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

import { InputError } from '../../errors.js';
import { OR_INTERVALS, oddsRatio, type OrMethod } from '../binary/odds-ratio.js';
import { RD_INTERVALS, riskDifference, type RdMethod } from '../binary/risk-difference.js';
import { RR_INTERVALS, riskRatio, type RrMethod } from '../binary/risk-ratio.js';
import { validateTable, type TwoByTwo } from '../binary/table.js';
import { TWO_ARM_TESTS, type TwoArmTestId } from '../binary/two-arm-tests.js';
import {
  rankCandidates,
  toReportedFigures,
  type Candidate,
  type FingerprintResult,
  type ReportedFigures,
} from './fingerprint-match.js';

/** The tests tried for a printed p: the entries of TWO_ARM_TESTS. */
export type BinaryTestName = TwoArmTestId;
export type Sided = 'two-sided' | 'one-sided';

export interface BinaryMethods {
  measure: 'RD' | 'RR' | 'OR';
  ci: RdMethod | RrMethod | OrMethod;
  level: number;
  test: BinaryTestName | null;
  sided: Sided | null;
  /** Continuity correction for zero cells (RR/OR log intervals): 0.5 or none. */
  correction: number | 'none';
}

export interface FingerprintBinaryOptions {
  /** CI levels tried. Default [0.9, 0.95, 0.99]. */
  levels?: number[];
  /**
   * Unconditional exact tests (Barnard, Boschloo) are tried when n1 + n2 is at most this
   * (they cost O(n1·n2) per nuisance value). Default 400.
   */
  exactTestLimit?: number;
}

/** The search space is the registries: a method added there is tried here. */
const CI_METHODS = { RD: RD_INTERVALS.ids, RR: RR_INTERVALS.ids, OR: OR_INTERVALS.ids } as const;
/** Whether a method adds a correction to zero cells (only then is 'none' tried as well). */
const CORRECTS: Record<'RD' | 'RR' | 'OR', (id: string) => boolean> = {
  RD: () => false,
  RR: (id) => RR_INTERVALS.get(id).zeroCellCorrection,
  OR: (id) => OR_INTERVALS.get(id).zeroCellCorrection,
};

/**
 * Which methods reproduce a published RD, RR or OR? Every combination of CI method
 * (the entries of RD_INTERVALS, RR_INTERVALS, OR_INTERVALS: today RD Newcombe, Wald,
 * Miettinen–Nurminen, Agresti–Caffo; RR Katz, Koopman, MN; OR Woolf, conditional exact, MN),
 * CI level (90/95/99 %), zero-cell correction (0.5 or none, when a cell is zero and the
 * method corrects zero cells), and test for p (Pearson χ² with and without
 * Yates, Fisher exact, mid-p, Wald z, Barnard, Boschloo; two- or one-sided) is
 * recomputed from the arm counts (the tests are the entries of TWO_ARM_TESTS) and judged against the printed figures with their
 * rounding. Combinations that reproduce every printed figure are listed, closest
 * and most conventional first.
 * @example fingerprintBinary({ events1: 36, n1: 40, events2: 16, n2: 80 }, 'RR', { estimate: '4.50', lower: '2.94', upper: '7.15' }).matches[0].methods.ci // 'koopman'
 */
export function fingerprintBinary(
  table: TwoByTwo,
  measure: 'RD' | 'RR' | 'OR',
  figures: ReportedFigures,
  options: FingerprintBinaryOptions = {},
): FingerprintResult<BinaryMethods> {
  validateTable(table);
  if (!(measure in CI_METHODS)) throw new InputError('measure', measure, 'one of RD, RR, OR');
  const { levels = [0.9, 0.95, 0.99], exactTestLimit = 400 } = options;
  const reported = toReportedFigures(figures);
  if (Object.keys(reported).length === 0)
    throw new InputError(
      'figures',
      '',
      'at least one reported figure (estimate, lower, upper or p)',
    );
  const skipped: string[] = [];

  const hasZero =
    table.events1 === 0 ||
    table.events2 === 0 ||
    table.events1 === table.n1 ||
    table.events2 === table.n2;
  const wantCi =
    reported.lower !== undefined || reported.upper !== undefined || reported.estimate !== undefined;
  const intervals: {
    ci: BinaryMethods['ci'];
    level: number;
    correction: number | 'none';
    estimate: number | null;
    lower: number | null;
    upper: number | null;
    method: string;
    preference: number;
  }[] = [];
  if (wantCi) {
    // The level matters only when a bound was printed.
    const levelsTried = reported.lower || reported.upper ? levels : [0.95];
    CI_METHODS[measure].forEach((ci: BinaryMethods['ci'], methodIndex) => {
      const corrections: (number | 'none')[] =
        hasZero && CORRECTS[measure](ci) ? [0.5, 'none'] : [0.5];
      levelsTried.forEach((level) => {
        corrections.forEach((correction, correctionIndex) => {
          const result =
            measure === 'RD'
              ? riskDifference(table, { ci: ci as RdMethod, level })
              : measure === 'RR'
                ? riskRatio(table, { ci: ci as RrMethod, level, correction })
                : oddsRatio(table, { ci: ci as OrMethod, level, correction });
          intervals.push({
            ci,
            level,
            correction,
            estimate: result.estimate,
            lower: result.ci.lower,
            upper: result.ci.upper,
            method: result.ci.method,
            preference: methodIndex * 10 + (level === 0.95 ? 0 : 1) + correctionIndex,
          });
        });
      });
    });
  }

  const tests: { test: BinaryTestName; sided: Sided; p: number; preference: number }[] = [];
  if (reported.p !== undefined) {
    const n = table.n1 + table.n2;
    const skippedCostly: string[] = [];
    TWO_ARM_TESTS.entries.forEach((entry, index) => {
      if (entry.costly && n > exactTestLimit) {
        skippedCostly.push(entry.label.split(' ')[0]);
        return;
      }
      for (const [sides, extra] of [
        ['two-sided', 0],
        ['one-sided', 5],
      ] as const) {
        const p = entry.run(table, sides);
        if (p !== null)
          tests.push({ test: entry.id, sided: sides, p, preference: index * 10 + extra });
      }
    });
    if (skippedCostly.length > 0) {
      skipped.push(
        `${skippedCostly.join(' and ')} tests skipped: n1 + n2 = ${n} exceeds exactTestLimit ${exactTestLimit}`,
      );
    }
  }

  const candidates: Candidate<BinaryMethods>[] = [];
  const intervalList = intervals.length > 0 ? intervals : [null];
  const testList = tests.length > 0 ? tests : [null];
  for (const interval of intervalList) {
    for (const test of testList) {
      candidates.push({
        methods: {
          measure,
          ci: interval?.ci ?? CI_METHODS[measure][0],
          level: interval?.level ?? 0.95,
          test: test?.test ?? null,
          sided: test?.sided ?? null,
          correction: interval?.correction ?? 0.5,
        },
        estimate: interval?.estimate ?? null,
        ci: interval
          ? {
              lower: interval.lower,
              upper: interval.upper,
              level: interval.level,
              method: interval.method,
            }
          : null,
        p: test?.p ?? null,
        preference: (interval?.preference ?? 0) + (test?.preference ?? 0),
      });
    }
  }
  return rankCandidates(candidates, reported, skipped);
}

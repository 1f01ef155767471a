import type { Dataset } from '../../data/load-dataset.js';
import type { ArmBinaryRow, ArmContinuousRow } from '../../data/index.js';
import { fisherExact } from '../binary/fisher-exact.js';
import { oddsRatio } from '../binary/odds-ratio.js';
import { riskDifference } from '../binary/risk-difference.js';
import { riskRatio } from '../binary/risk-ratio.js';
import { meanDifference } from '../continuous/mean-difference.js';
import { standardizedMeanDifference } from '../continuous/standardized-mean-difference.js';

/** One computed between-arm comparison. */
export interface ArmComparison {
  dataset: string;
  trial: string;
  outcome: string;
  timepoint: string | null;
  population: string | null;
  /** `value`, `change` or `percent-change` for continuous outcomes; null for binary. */
  scale: string | null;
  arm: string;
  comparator: string;
  measure: 'MD' | 'SMD' | 'RD' | 'RR' | 'OR';
  estimate: number | null;
  ci: { lower: number | null; upper: number | null; level: number; method: string } | null;
  p: number | null;
  /** The test behind `p` (e.g. `Welch two-sample t`, `Fisher exact`). */
  test: string | null;
  /** For MD: the standard error, degrees of freedom and t statistic behind the interval and p. */
  se?: number;
  df?: number;
  statistic?: number;
  /** The arm summaries used (n, mean, sd) or (events, n), for explanations. */
  inputs: Record<string, number>;
  unit: string | null;
  warnings: string[];
}

export interface CompareDatasetOptions {
  /** Confidence level. Default 0.95. */
  level?: number;
  /** `unequal` (Welch, default) or `equal` (Student) for mean differences. */
  variance?: 'unequal' | 'equal';
  /** Comparator arm name; default: the one arm named like placebo/control/sham/usual care, else the last arm of a pair. */
  comparator?: string;
}

export interface CompareDatasetResult {
  comparisons: ArmComparison[];
  /** Groups of arms that could not be compared, and why. */
  notes: string[];
}

const COMPARATOR_NAME = /placebo|control|sham|usual care|standard care|vehicle|no treatment|without/i;

/**
 * Every comparison the arm tables of a dataset allow, per trial × outcome × timepoint ×
 * population (× scale): each arm against the comparator arm, as MD (Welch or Student)
 * and Hedges' g for continuous outcomes when SDs (or SEs) are printed, and as RD
 * (Newcombe), RR (Katz), OR (Woolf) with Fisher's exact test for binary ones.
 * Alternative readings are left out (with a note), as are groups without a comparator.
 */
export function compareDataset(dataset: Pick<Dataset, 'name' | 'tables'>, options: CompareDatasetOptions = {}): CompareDatasetResult {
  const { level = 0.95, variance = 'unequal' } = options;
  const comparisons: ArmComparison[] = [];
  const notes: string[] = [];
  const rowsOf = <R>(kind: string): R[] => dataset.tables.filter((t) => t.kind === kind).flatMap((t) => t.table.rows as unknown as R[]);
  const primary = <R extends { reading: string; trial: string; outcome: string; arm: string }>(rows: R[]): R[] => {
    for (const row of rows.filter((r) => r.reading === 'alternative')) {
      notes.push(`${row.trial}, ${row.outcome}, ${row.arm}: alternative reading left out`);
    }
    return rows.filter((r) => r.reading !== 'alternative');
  };

  for (const group of groupBy(primary(rowsOf<ArmContinuousRow>('arm-continuous')), (r) => [r.trial, r.outcome, r.timepoint, r.population ?? '', r.scale])) {
    const first = group[0];
    const label = describe(first.trial, first.outcome, first.timepoint, first.population);
    for (const [arm, comparator] of pairs(group, options.comparator, label, notes)) {
      const where = {
        dataset: dataset.name,
        trial: first.trial,
        outcome: first.outcome,
        timepoint: first.timepoint,
        population: first.population ?? null,
        scale: first.scale,
        arm: arm.arm,
        comparator: comparator.arm,
        unit: first.unit ?? null,
        inputs: compact({ n1: arm.n, mean1: arm.mean, sd1: armSd(arm), n2: comparator.n, mean2: comparator.mean, sd2: armSd(comparator) }),
      };
      if (arm.mean === undefined || comparator.mean === undefined) {
        notes.push(`${label}: ${arm.arm} vs ${comparator.arm} not compared (no mean printed for ${arm.mean === undefined ? arm.arm : comparator.arm})`);
        continue;
      }
      const sd1 = armSd(arm);
      const sd2 = armSd(comparator);
      if (sd1 === undefined || sd2 === undefined || arm.n < 2 || comparator.n < 2) {
        comparisons.push({
          ...where,
          measure: 'MD',
          estimate: arm.mean - comparator.mean,
          ci: null,
          p: null,
          test: null,
          warnings: [`no SD or SE printed for ${sd1 === undefined ? arm.arm : comparator.arm}: only the difference of means is given (trialstat means --p … --derive-sd derives a pooled SD from a reported p)`],
        });
        continue;
      }
      const a = { n: arm.n, mean: arm.mean, sd: sd1 };
      const b = { n: comparator.n, mean: comparator.mean, sd: sd2 };
      const md = meanDifference(a, b, { level, variance });
      comparisons.push({ ...where, measure: 'MD', estimate: md.estimate, ci: md.ci, p: md.test.p, test: md.test.name, se: md.se, df: md.df, statistic: md.test.statistic, warnings: [...md.warnings, ...seNote(arm, comparator)] });
      const smd = standardizedMeanDifference(a, b, { level });
      comparisons.push({ ...where, measure: 'SMD', estimate: smd.estimate, ci: smd.ci, p: null, test: null, unit: null, warnings: smd.warnings });
    }
  }

  for (const group of groupBy(primary(rowsOf<ArmBinaryRow>('arm-binary')), (r) => [r.trial, r.outcome, r.timepoint ?? '', r.population ?? ''])) {
    const first = group[0];
    const label = describe(first.trial, first.outcome, first.timepoint, first.population);
    for (const [arm, comparator] of pairs(group, options.comparator, label, notes)) {
      const table = { events1: arm.events, n1: arm.n, events2: comparator.events, n2: comparator.n };
      const fisher = fisherExact(table);
      const where = {
        dataset: dataset.name,
        trial: first.trial,
        outcome: first.outcome,
        timepoint: first.timepoint ?? null,
        population: first.population ?? null,
        scale: null,
        arm: arm.arm,
        comparator: comparator.arm,
        unit: null,
        p: fisher.test.p,
        test: fisher.test.name,
        inputs: { events1: arm.events, n1: arm.n, events2: comparator.events, n2: comparator.n },
      };
      for (const result of [riskDifference(table, { level }), riskRatio(table, { level }), oddsRatio(table, { level })]) {
        comparisons.push({ ...where, measure: result.measure, estimate: result.estimate, ci: result.ci, warnings: result.warnings });
      }
    }
  }
  return { comparisons, notes };
}

function compact(values: Record<string, number | undefined>): Record<string, number> {
  return Object.fromEntries(Object.entries(values).filter((entry): entry is [string, number] => entry[1] !== undefined));
}

function armSd(row: ArmContinuousRow): number | undefined {
  if (row.sd !== undefined) return row.sd;
  return row.se !== undefined ? row.se * Math.sqrt(row.n) : undefined;
}

function seNote(...rows: ArmContinuousRow[]): string[] {
  return rows.filter((r) => r.sd === undefined && r.se !== undefined).map((r) => `SD of ${r.arm} derived from its SE: sd = se·√n`);
}

/**
 * Arm pairs of a group: each arm against the comparator. The comparator is the named
 * one, else the only arm named like a control; a two-arm group without one compares
 * the first arm with the second.
 */
function pairs<R extends { arm: string }>(group: R[], named: string | undefined, label: string, notes: string[]): [R, R][] {
  if (group.length < 2) {
    notes.push(`${label}: only one arm (${group[0].arm}), nothing to compare`);
    return [];
  }
  let comparator: R | undefined;
  if (named !== undefined) {
    comparator = group.find((r) => r.arm === named);
    if (!comparator) {
      notes.push(`${label}: no arm named "${named}" (arms: ${group.map((r) => r.arm).join(', ')})`);
      return [];
    }
  } else {
    const controls = group.filter((r) => COMPARATOR_NAME.test(r.arm));
    comparator = controls.length === 1 ? controls[0] : group.length === 2 ? group[1] : undefined;
    if (!comparator) {
      notes.push(`${label}: ${group.length} arms and no single control arm (${group.map((r) => r.arm).join(', ')}): name one with --comparator`);
      return [];
    }
  }
  return group.filter((r) => r !== comparator).map((r) => [r, comparator!]);
}

function groupBy<R>(rows: R[], key: (row: R) => (string | undefined)[]): R[][] {
  const groups = new Map<string, R[]>();
  for (const row of rows) {
    const k = JSON.stringify(key(row));
    groups.set(k, [...(groups.get(k) ?? []), row]);
  }
  return [...groups.values()];
}

function describe(trial: string, outcome: string, timepoint?: string, population?: string): string {
  return [trial, outcome, timepoint, population].filter(Boolean).join(', ');
}

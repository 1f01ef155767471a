import { SMD_METHODS, type SmdVariant } from '../stats/continuous/standardized-mean-difference.js';
import { fragilityIndex } from '../stats/binary/fragility-index.js';
import type { Derivation } from '../stats/continuous/types.js';
import { datasetTables, type DatasetLike } from './dataset-tables.js';
import {
  binaryPairs,
  continuousPairs,
  type AlternativeLeftOut,
  type BinaryPair,
  type PairDerivation,
  type PairKey,
  type Scale,
  type Unpaired,
} from './pair-arms.js';
import { binaryEstimate, binaryTest, continuousEstimates } from './pair-estimates.js';
import { shortNumber } from './short-number.js';

/** One computed between-arm comparison: the contract of `trialstat compare --json`. */
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
  /** Natural scale (ratios as ratios). */
  estimate: number | null;
  ci: { lower: number | null; upper: number | null; level: number; method: string } | null;
  p: number | null;
  /** The test behind `p` (e.g. `Welch two-sample t`, `Fisher exact`). */
  test: string | null;
  /** For SMD: the variant, an id of SMD_METHODS (`hedges-g` unless asked otherwise). */
  smd?: SmdVariant;
  /** For MD: the standard error, degrees of freedom and t statistic behind the interval and p. */
  se?: number;
  df?: number;
  statistic?: number;
  /** The arm summaries used (n, mean, sd) or (events, n), for explanations; derived ones included. */
  inputs: Record<string, number>;
  unit: string | null;
  /** Every value that was derived for this comparison (an SD from an SE, CI, median or p), with its rule and inputs. */
  derivations: (Derivation & { arms: string[]; value: number })[];
  /** Binary outcomes: the fragility index under Fisher's test at α 0.05 (reverse index when not significant). */
  fragility?: {
    kind: 'fragility' | 'reverse';
    index: number | null;
    quotient: number | null;
    arm: 1 | 2 | null;
    change: 1 | -1 | null;
  };
  warnings: string[];
}

export interface CompareDatasetOptions {
  /** Confidence level. Default 0.95. */
  level?: number;
  /** `unequal` (Welch, default) or `equal` (Student) for mean differences. */
  variance?: 'unequal' | 'equal';
  /** Comparator arm name; default the CONTROL_ARM rule (docs/analysis.md). */
  comparator?: string;
  /** Continuous rows: a scale, `preferred` (default: change, then percent-change, then value) or `all`. */
  scale?: Scale | 'preferred' | 'all';
  /** Derive a pooled SD from the published p when no SD is printed (default true). */
  sdFromP?: boolean;
  /** SMD variant, an id of SMD_METHODS (default `hedges-g`). */
  smd?: SmdVariant;
}

export interface CompareDatasetResult {
  comparisons: ArmComparison[];
  /** Groups of arms that could not be compared, and why. */
  notes: string[];
}

/**
 * Every comparison the arm tables of a dataset allow, per trial × outcome × timepoint ×
 * population (× scale): each arm against the comparator arm, as MD (Welch or Student)
 * and Hedges' g for continuous outcomes, and as RD (Newcombe), RR (Katz), OR (Woolf)
 * with Fisher's exact test for binary ones. A view over the analysis core: pairs from
 * `continuousPairs`/`binaryPairs` (derivations recorded), numbers from
 * `continuousEstimates`/`binaryEstimate`.
 *
 * @example
 * compareDataset(await loadDataset('miles-lam')).comparisons[0]
 * // { trial: 'MILES', outcome: 'FEV1', measure: 'MD', arm: 'sirolimus', comparator: 'placebo', estimate: 153, … }
 */
export function compareDataset(
  dataset: DatasetLike,
  options: CompareDatasetOptions = {},
): CompareDatasetResult {
  const { level = 0.95, variance = 'unequal', smd: variant = SMD_METHODS.defaultId } = options;
  const tables = datasetTables(dataset);
  const selection = {
    ...(options.comparator !== undefined ? { comparator: options.comparator } : {}),
    scale: options.scale ?? 'preferred',
  };
  const comparisons: ArmComparison[] = [];
  const notes: string[] = [];

  const continuous = continuousPairs(tables, selection, { sdFromP: options.sdFromP ?? true });
  notes.push(
    ...alternativeNotes(continuous.alternatives),
    ...continuous.unpaired.map((u) => unpairedNote(u, options.comparator)),
  );
  for (const pair of continuous.pairs) {
    const where = {
      ...identify(dataset.name, pair),
      scale: pair.scale,
      unit: pair.unit,
      inputs: compact({
        n1: pair.arm.n,
        mean1: pair.arm.mean,
        sd1: pair.arm.sd,
        n2: pair.comparator.n,
        mean2: pair.comparator.mean,
        sd2: pair.comparator.sd,
      }),
      derivations: pair.derivations,
    };
    const label = describe(pair);
    const result = continuousEstimates(pair, { level, variance, smd: variant });
    if (result.difference === null) {
      notes.push(
        `${label}: ${pair.arm.name} vs ${pair.comparator.name} not compared (no mean printed for ${result.missing!.arm})`,
      );
      continue;
    }
    if (!result.md || !result.smd) {
      const why =
        result.missing?.what === 'n'
          ? `${result.missing.arm} has n < 2: only the difference of means is given`
          : `no SD or SE printed for ${result.missing!.arm}: only the difference of means is given (trialstat means --p … --derive-sd derives a pooled SD from a reported p)`;
      comparisons.push({
        ...where,
        measure: 'MD',
        estimate: result.difference,
        ci: null,
        p: null,
        test: null,
        warnings: [...pair.warnings, why],
      });
      continue;
    }
    const { md, smd } = result;
    comparisons.push({
      ...where,
      measure: 'MD',
      estimate: md.estimate,
      ci: md.ci,
      p: md.test.p,
      test: md.test.name,
      se: md.se,
      df: md.df,
      statistic: md.test.statistic,
      warnings: [...pair.warnings, ...md.warnings, ...derivationNotes(pair.derivations)],
    });
    comparisons.push({
      ...where,
      measure: 'SMD',
      smd: variant,
      estimate: smd.estimate,
      ci: smd.ci,
      p: null,
      test: null,
      unit: null,
      warnings: [...pair.warnings, ...smd.warnings],
    });
  }

  const binary = binaryPairs(tables, selection);
  notes.push(
    ...alternativeNotes(binary.alternatives),
    ...binary.unpaired.map((u) => unpairedNote(u, options.comparator)),
  );
  for (const pair of binary.pairs) {
    const test = binaryTest(pair, 'fisher');
    const where = {
      ...identify(dataset.name, pair),
      scale: null,
      unit: null,
      p: test.p,
      test: test.name,
      inputs: {
        events1: pair.arm.events,
        n1: pair.arm.n,
        events2: pair.comparator.events,
        n2: pair.comparator.n,
      },
      derivations: [],
      fragility: fragilitySummary(pair),
    };
    for (const measure of ['RD', 'RR', 'OR'] as const) {
      const result = binaryEstimate(pair, measure, { level });
      comparisons.push({
        ...where,
        measure,
        estimate: result.estimate,
        ci: result.ci,
        warnings: result.warnings,
      });
    }
  }
  return { comparisons, notes };
}

function fragilitySummary(pair: BinaryPair): ArmComparison['fragility'] {
  const f = fragilityIndex({
    events1: pair.arm.events,
    n1: pair.arm.n,
    events2: pair.comparator.events,
    n2: pair.comparator.n,
  });
  return { kind: f.kind, index: f.index, quotient: f.quotient, arm: f.arm, change: f.change };
}

/** One sentence per derivation, for people: what was derived, from what, by which rule. */
export function derivationNotes(derivations: readonly PairDerivation[]): string[] {
  return derivations.map((d) => {
    const value = shortNumber(d.value);
    if (d.method === 'cochrane-p-to-sd') {
      return `pooled SD of ${d.arms.join(' and ')} = ${value}, derived from the reported p = ${d.inputs.p} (${d.reference}); the recomputed p equals the reported p by construction`;
    }
    const what = d.quantity === 'sd' ? 'SD' : d.quantity;
    if (d.method === 'sd-from-se')
      return `${what} of ${d.arms.join(', ')} = ${value}, derived from its SE: ${d.formula}`;
    return `${what} of ${d.arms.join(', ')} = ${value}, derived by ${d.method}: ${d.formula} (${d.reference})`;
  });
}

function alternativeNotes(rows: readonly AlternativeLeftOut[]): string[] {
  return rows.map((r) => `${r.trial}, ${r.outcome}, ${r.arm}: alternative reading left out`);
}

function unpairedNote(u: Unpaired, named: string | undefined): string {
  const label = describe(u);
  switch (u.reason) {
    case 'one-arm':
      return `${label}: only one arm (${u.arms.join(', ')}), nothing to compare`;
    case 'no-comparator':
      return `${label}: no arm named "${named}" (arms: ${u.arms.join(', ')})`;
    case 'ambiguous-comparator':
      return `${label}: ${u.arms.length} arms and no single control arm (${u.arms.join(', ')}): name one with --comparator`;
    case 'other-scale':
      return `${label}: ${u.scale} rows left out (${u.kept} is compared; --scale all compares every scale)`;
    case 'no-arm':
      return `${label}: none of the named arms (arms: ${u.arms.join(', ')})`;
  }
}

function identify(
  dataset: string,
  pair: PairKey & { arm: { name: string }; comparator: { name: string } },
) {
  return {
    dataset,
    trial: pair.trial,
    outcome: pair.outcome,
    timepoint: pair.timepoint,
    population: pair.population,
    arm: pair.arm.name,
    comparator: pair.comparator.name,
  };
}

function compact(values: Record<string, number | null | undefined>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(values).filter(
      (entry): entry is [string, number] => typeof entry[1] === 'number',
    ),
  );
}

function describe(key: {
  trial: string;
  outcome: string;
  timepoint: string | null;
  population: string | null;
}): string {
  return [key.trial, key.outcome, key.timepoint, key.population].filter(Boolean).join(', ');
}

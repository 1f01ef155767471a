import type { ArmBinaryRow, ArmContinuousRow, ReportedComparisonRow } from '../data/kinds/index.js';
import { meanFromMedian, type MeanFromMedianMethod } from '../stats/continuous/mean-from-median.js';
import { sdFromCi } from '../stats/continuous/sd-from-ci.js';
import { sdFromMedian, type SdFromMedianMethod } from '../stats/continuous/sd-from-median.js';
import { sdFromP } from '../stats/continuous/sd-from-p.js';
import { sdFromSe } from '../stats/continuous/sd-from-se.js';
import type { Derivation } from '../stats/continuous/types.js';
import { isAlternative, rowsOfKind, type DatasetTables } from './dataset-tables.js';

/** Scales of an arm-continuous row. */
export type Scale = ArmContinuousRow['scale'];

/**
 * The default scale rule: in each trial × outcome × timepoint × population, the first
 * scale in this order that has two arms to compare. Trials report their between-group
 * comparisons on the change from baseline, so that is what a published comparison (which
 * names no scale) is joined to, and what every view shows unless told otherwise.
 */
export const SCALE_PREFERENCE: readonly Scale[] = ['change', 'percent-change', 'value'];

/**
 * The default comparator rule, when no comparator is named: the one arm whose name looks
 * like a control; else, in a group of two arms, the second in table order; else none.
 */
export const CONTROL_ARM =
  /placebo|control|sham|usual care|standard care|vehicle|no treatment|without/i;

/** Tests whose p comes from a model, not from a two-sample test on the arm summaries. */
export const MODEL_BASED_TEST =
  /adjust|model|ancova|mmrm|mixed|regression|ls[- ]?mean|least[- ]squares/i;

/** Which arms to pair. Every field is optional; filters keep rows whose field is (one of) the value(s). */
export interface PairSelection {
  /** Experimental arms (arm 1), in the order wanted; default every arm but the comparator, in table order. */
  arms?: readonly string[];
  /** Comparator arm (arm 2); default the CONTROL_ARM rule. */
  comparator?: string;
  outcomes?: string | readonly string[];
  trials?: string | readonly string[];
  timepoints?: string | readonly string[];
  populations?: string | readonly string[];
  /** Continuous rows: one scale, `preferred` (default, SCALE_PREFERENCE) or `all` (each scale its own pair). */
  scale?: Scale | 'preferred' | 'all';
}

/** Options of the continuous derivations; each one is recorded on the pair when used. */
export interface DerivationOptions {
  /**
   * Derive a pooled SD from the exact p of the published comparison of the two arms when
   * neither SD (nor SE, CI, median summary) is printed (Cochrane Handbook 6.5.2.3).
   * Default true. The p then follows from the SD by construction, so checks turn it off.
   */
  sdFromP?: boolean;
  /** Mean from a median summary: `luo` (default) or `wan`. */
  meanMethod?: MeanFromMedianMethod;
  /** SD from a median summary: default `wan` (`shi` when all five numbers are printed). */
  sdMethod?: SdFromMedianMethod;
}

/** What identifies a pair's group: the join keys. */
export interface PairKey {
  trial: string;
  outcome: string;
  timepoint: string | null;
  /** Analysis set or cohort of the arm rows; null when they name none. */
  population: string | null;
}

/** A group of arm rows that gave no pair, and why (each view words it its own way). */
export interface Unpaired extends PairKey {
  scale: Scale | null;
  /** Arms present in the group, in table order. */
  arms: string[];
  reason:
    | 'one-arm' // a single arm: nothing to compare
    | 'no-comparator' // the named comparator is not in the group
    | 'no-arm' // none of the named arms is in the group
    | 'ambiguous-comparator' // no comparator named and no single control arm
    | 'other-scale'; // left out by the scale rule (`kept` is the scale used)
  kept?: Scale;
}

/** A row left out because it is an alternative reading. */
export interface AlternativeLeftOut {
  trial: string;
  outcome: string;
  arm: string;
  timepoint: string | null;
  population: string | null;
}

/** A derivation used for a pair, with the arms whose value it gave. */
export interface PairDerivation extends Derivation {
  arms: string[];
  value: number;
}

export interface ContinuousSide {
  name: string;
  n: number;
  /** As printed, or derived (then a derivation names it). */
  mean: number | null;
  sd: number | null;
  meanType: ArmContinuousRow['mean_type'];
  row: ArmContinuousRow;
}

export interface ContinuousPair extends PairKey {
  kind: 'continuous';
  /** Arm-continuous rows always name their timepoint. */
  timepoint: string;
  scale: Scale;
  unit: string | null;
  arm: ContinuousSide;
  comparator: ContinuousSide;
  /** The published MD/LSMD comparison of these two arms (either way round), if the dataset has one. */
  reported: ReportedComparisonRow | null;
  /** Every value derived for this pair, in the order applied. */
  derivations: PairDerivation[];
  warnings: string[];
}

export interface BinarySide {
  name: string;
  events: number;
  n: number;
  row: ArmBinaryRow;
}

export interface BinaryPair extends PairKey {
  kind: 'binary';
  arm: BinarySide;
  comparator: BinarySide;
}

export interface Pairing<P> {
  pairs: P[];
  unpaired: Unpaired[];
  alternatives: AlternativeLeftOut[];
}

type ArmRow = ArmContinuousRow | ArmBinaryRow;

/**
 * Pairs the arm rows of a dataset's arm-continuous tables: rows are grouped by trial ×
 * outcome × timepoint × population (× scale), alternative readings are left out, the
 * comparator is the named one or found by CONTROL_ARM, and each other (or each named)
 * arm is paired with it. Missing SDs are derived, in this order, from the arm's SE
 * (SD = SE·√n), its CI (SD = √n·width/(2·t(n−1))), its median summary (Wan 2014 / Shi
 * 2020; a missing mean by Luo 2018), and last from the exact p of the published
 * comparison of the two arms (a pooled SD, Cochrane Handbook 6.5.2.3); each derivation is
 * recorded on the pair. See docs/analysis.md.
 *
 * @example
 * continuousPairs(datasetTables(miles), { outcomes: 'FEV1' }).pairs[0]
 * // { trial: 'MILES', outcome: 'FEV1', scale: 'change', arm: { name: 'sirolimus', mean: 19, sd: 124, … }, comparator: { name: 'placebo', … } }
 */
export function continuousPairs(
  tables: DatasetTables,
  selection: PairSelection = {},
  options: DerivationOptions = {},
): Pairing<ContinuousPair> {
  const all = rowsOfKind(tables, 'arm-continuous', { readings: 'all' }).filter((r) =>
    selected(r, selection),
  );
  const comparisons = rowsOfKind(tables, 'reported-comparison');
  const scaleRule = selection.scale ?? 'preferred';
  const unpaired: Unpaired[] = [];
  const pairs: ContinuousPair[] = [];
  for (const group of groupRows(
    all.filter((r) => !isAlternative(r)),
    (r) => [r.trial, r.outcome, r.timepoint, r.population ?? null],
  )) {
    const byScale = groupRows(group, (r) => [r.scale]);
    let kept: ArmContinuousRow[][];
    if (scaleRule === 'all') kept = byScale;
    else if (scaleRule !== 'preferred') kept = byScale.filter((g) => g[0].scale === scaleRule);
    else {
      const ranked = [...byScale].sort(
        (a, b) => SCALE_PREFERENCE.indexOf(a[0].scale) - SCALE_PREFERENCE.indexOf(b[0].scale),
      );
      const best = ranked.find((g) => pairable(g, selection)) ?? ranked[0];
      kept = [best];
      for (const g of byScale)
        if (g !== best)
          unpaired.push({
            ...keyOf(g[0]),
            scale: g[0].scale,
            arms: g.map((r) => r.arm),
            reason: 'other-scale',
            kept: best[0].scale,
          });
    }
    for (const rows of kept) {
      const { pairs: rowPairs, unpaired: why } = pairGroup(rows, selection);
      if (why)
        unpaired.push({
          ...keyOf(rows[0]),
          scale: rows[0].scale,
          arms: rows.map((r) => r.arm),
          reason: why,
        });
      for (const [arm, comparator] of rowPairs)
        pairs.push(continuousPair(arm, comparator, comparisons, options));
    }
  }
  return { pairs, unpaired, alternatives: alternativesOf(all) };
}

/**
 * Pairs the arm rows of a dataset's arm-binary tables by trial × outcome × timepoint ×
 * population, with the same comparator rule and reading rule as `continuousPairs`.
 *
 * @example
 * binaryPairs(datasetTables(rapami), { comparator: 'placebo' }).pairs[0]
 * // { trial: 'Rapami', outcome: 'serious adverse events', arm: { name: 'sirolimus', events: 10, n: 22 }, comparator: { name: 'placebo', events: 6, n: 22 } }
 */
export function binaryPairs(
  tables: DatasetTables,
  selection: PairSelection = {},
): Pairing<BinaryPair> {
  const all = rowsOfKind(tables, 'arm-binary', { readings: 'all' }).filter((r) =>
    selected(r, selection),
  );
  const unpaired: Unpaired[] = [];
  const pairs: BinaryPair[] = [];
  for (const rows of groupRows(
    all.filter((r) => !isAlternative(r)),
    (r) => [r.trial, r.outcome, r.timepoint ?? null, r.population ?? null],
  )) {
    const { pairs: rowPairs, unpaired: why } = pairGroup(rows, selection);
    if (why)
      unpaired.push({ ...keyOf(rows[0]), scale: null, arms: rows.map((r) => r.arm), reason: why });
    for (const [arm, comparator] of rowPairs) pairs.push(binaryPair(arm, comparator));
  }
  return { pairs, unpaired, alternatives: alternativesOf(all) };
}

/**
 * The pair of arm rows a published comparison is about, joined by trial, outcome,
 * timepoint (when both name one), population (POPULATION JOIN: the same analysis set,
 * else arm rows that name none) and, for continuous outcomes, the preferred scale.
 * Returns undefined when the dataset has no rows for both arms.
 */
export function pairForComparison(
  tables: DatasetTables,
  comparison: ReportedComparisonRow,
  options: DerivationOptions = {},
): ContinuousPair | BinaryPair | undefined {
  const continuous =
    comparison.measure === 'MD' || comparison.measure === 'LSMD' || comparison.measure === 'SMD';
  const kind = continuous ? 'arm-continuous' : 'arm-binary';
  const candidates = (rowsOfKind(tables, kind) as ArmRow[]).filter(
    (r) =>
      r.trial === comparison.trial &&
      r.outcome === comparison.outcome &&
      (comparison.timepoint === undefined ||
        r.timepoint === undefined ||
        r.timepoint === comparison.timepoint),
  );
  const joined = joinPopulation(candidates, comparison.population);
  const groups = groupRows(joined, (r) => [
    r.timepoint ?? null,
    r.population ?? null,
    'scale' in r ? r.scale : null,
  ]);
  const rank = (g: ArmRow[]): number => {
    const first = g[0];
    return 'scale' in first ? SCALE_PREFERENCE.indexOf(first.scale) : 0;
  };
  for (const group of [...groups].sort((a, b) => rank(a) - rank(b))) {
    const arm = group.find((r) => r.arm === comparison.arm);
    const comparator = group.find((r) => r.arm === comparison.comparator);
    if (!arm || !comparator) continue;
    if (continuous)
      return continuousPair(
        arm as ArmContinuousRow,
        comparator as ArmContinuousRow,
        rowsOfKind(tables, 'reported-comparison'),
        options,
        comparison,
      );
    return binaryPair(arm as ArmBinaryRow, comparator as ArmBinaryRow);
  }
  return undefined;
}

/**
 * POPULATION JOIN, written once: rows of the comparison's analysis set; else rows that
 * name no set (they stand for the trial's only analysis). Rows naming another set never
 * join. A comparison naming no set joins rows naming none, or the rows of the only set.
 */
export function joinPopulation<R extends { population?: string }>(
  rows: readonly R[],
  population: string | undefined,
): R[] {
  const same = rows.filter((r) => r.population === population);
  if (same.length > 0) return same;
  const unnamed = rows.filter((r) => r.population === undefined);
  if (unnamed.length > 0 || population !== undefined) return unnamed;
  return new Set(rows.map((r) => r.population)).size === 1 ? [...rows] : [];
}

/** True when a comparison of analysis set `comparison` is about arm rows of set `arms` (see joinPopulation). */
export function populationJoins(comparison: string | undefined, arms: string | undefined): boolean {
  return comparison === arms || arms === undefined || comparison === undefined;
}

/**
 * The comparator of a group by the default rule, or the named one: `{ comparator }`, or
 * `{ reason }` when there is none.
 */
export function chooseComparator(
  arms: readonly string[],
  named?: string,
): { comparator?: string; reason?: Unpaired['reason'] } {
  if (named !== undefined)
    return arms.includes(named) ? { comparator: named } : { reason: 'no-comparator' };
  const controls = arms.filter((a) => CONTROL_ARM.test(a));
  if (controls.length === 1) return { comparator: controls[0] };
  if (arms.length === 2) return { comparator: arms[1] };
  return { reason: 'ambiguous-comparator' };
}

function pairGroup<R extends ArmRow>(
  rows: R[],
  selection: PairSelection,
): { pairs: [R, R][]; unpaired?: Unpaired['reason'] } {
  const names = rows.map((r) => r.arm);
  if (
    selection.arms !== undefined &&
    !selection.arms.some((a) => names.includes(a) && a !== selection.comparator)
  )
    return { pairs: [], unpaired: 'no-arm' };
  const chosen = chooseComparator(names, selection.comparator);
  if (!chosen.comparator)
    return {
      pairs: [],
      unpaired: rows.length < 2 && selection.comparator === undefined ? 'one-arm' : chosen.reason,
    };
  const comparator = rows.find((r) => r.arm === chosen.comparator)!;
  const arms =
    selection.arms !== undefined
      ? selection.arms.flatMap((a) => rows.filter((r) => r.arm === a && r !== comparator))
      : rows.filter((r) => r !== comparator);
  if (arms.length === 0)
    return { pairs: [], unpaired: selection.arms !== undefined ? 'no-arm' : 'one-arm' };
  return { pairs: arms.map((r) => [r, comparator]) };
}

function pairable(rows: readonly ArmContinuousRow[], selection: PairSelection): boolean {
  return pairGroup([...rows], selection).pairs.length > 0;
}

function continuousPair(
  armRow: ArmContinuousRow,
  comparatorRow: ArmContinuousRow,
  comparisons: readonly ReportedComparisonRow[],
  options: DerivationOptions,
  known?: ReportedComparisonRow,
): ContinuousPair {
  const derivations: PairDerivation[] = [];
  const warnings: string[] = [];
  const arm = continuousSide(armRow, options, derivations, warnings);
  const comparator = continuousSide(comparatorRow, options, derivations, warnings);
  const reported = known ?? reportedFor(comparisons, armRow, comparatorRow);
  if (
    arm.sd === null &&
    comparator.sd === null &&
    (options.sdFromP ?? true) &&
    reported &&
    arm.mean !== null &&
    comparator.mean !== null
  ) {
    const p = exactTestP(reported);
    const md = arm.mean - comparator.mean;
    if (p !== undefined && md !== 0 && arm.n + comparator.n >= 3) {
      const derived = sdFromP({ md, p, n1: arm.n, n2: comparator.n });
      derivations.push({
        ...derived.derivation,
        quantity: 'pooled sd',
        arms: [arm.name, comparator.name],
        value: derived.value,
      });
      warnings.push(...derived.warnings);
      arm.sd = derived.value;
      comparator.sd = derived.value;
    }
  }
  return {
    kind: 'continuous',
    ...keyOf(armRow),
    timepoint: armRow.timepoint,
    scale: armRow.scale,
    unit: armRow.unit ?? comparatorRow.unit ?? null,
    arm,
    comparator,
    reported: reported ?? null,
    derivations,
    warnings,
  };
}

/** An arm's mean and SD: printed, else derived (SE, CI, median summary), each derivation recorded. */
function continuousSide(
  row: ArmContinuousRow,
  options: DerivationOptions,
  derivations: PairDerivation[],
  warnings: string[],
): ContinuousSide {
  const record = (derived: {
    value: number;
    derivation: Derivation;
    warnings: string[];
  }): number => {
    derivations.push({ ...derived.derivation, arms: [row.arm], value: derived.value });
    warnings.push(...derived.warnings.map((w) => `${row.arm}: ${w}`));
    return derived.value;
  };
  const median = medianSummary(row);
  let mean: number | null = row.mean ?? null;
  if (mean === null && median)
    mean = record(meanFromMedian(median, { method: options.meanMethod }));
  let sd: number | null = row.sd ?? null;
  if (sd === null && row.se !== undefined && row.se > 0) sd = record(sdFromSe(row.se, row.n));
  if (
    sd === null &&
    row.ci_lower !== undefined &&
    row.ci_upper !== undefined &&
    row.ci_upper > row.ci_lower &&
    row.n >= 2
  ) {
    if (row.ci_level === undefined)
      warnings.push(
        `${row.arm}: the level of the printed interval is not stated; 95% assumed to derive the SD`,
      );
    sd = record(
      sdFromCi({ lower: row.ci_lower, upper: row.ci_upper, n: row.n, level: row.ci_level ?? 0.95 }),
    );
  }
  if (sd === null && median) sd = record(sdFromMedian(median, { method: options.sdMethod }));
  return { name: row.arm, n: row.n, mean, sd, meanType: row.mean_type, row };
}

function medianSummary(
  row: ArmContinuousRow,
): { n: number; median: number; q1?: number; q3?: number; min?: number; max?: number } | undefined {
  if (row.median === undefined || row.n < 2) return undefined;
  const iqr = row.q1 !== undefined && row.q3 !== undefined && row.q1 < row.q3;
  const range = row.min !== undefined && row.max !== undefined && row.min < row.max;
  if (!iqr && !range) return undefined;
  return {
    n: row.n,
    median: row.median,
    ...(iqr ? { q1: row.q1, q3: row.q3 } : {}),
    ...(range ? { min: row.min, max: row.max } : {}),
  };
}

/** A published p that a two-sample t-test on the arm summaries would give: exact, in (0, 1), not from a model. */
function exactTestP(row: ReportedComparisonRow): number | undefined {
  if (row.measure !== 'MD' || row.p === undefined || (row.p_relation ?? '=') !== '=')
    return undefined;
  if (MODEL_BASED_TEST.test(row.test ?? '')) return undefined;
  return row.p > 0 && row.p < 1 ? row.p : undefined;
}

/** The published MD/LSMD comparison of two arm rows (either way round), joined on population; the exact set first. */
function reportedFor(
  comparisons: readonly ReportedComparisonRow[],
  arm: ArmContinuousRow,
  comparator: ArmContinuousRow,
): ReportedComparisonRow | undefined {
  const found = comparisons.filter(
    (c) =>
      (c.measure === 'MD' || c.measure === 'LSMD') &&
      c.trial === arm.trial &&
      c.outcome === arm.outcome &&
      (c.timepoint === undefined || c.timepoint === arm.timepoint) &&
      ((c.arm === arm.arm && c.comparator === comparator.arm) ||
        (c.arm === comparator.arm && c.comparator === arm.arm)) &&
      populationJoins(c.population, arm.population),
  );
  return found.find((c) => c.population === arm.population) ?? found[0];
}

function binaryPair(arm: ArmBinaryRow, comparator: ArmBinaryRow): BinaryPair {
  return {
    kind: 'binary',
    ...keyOf(arm),
    arm: { name: arm.arm, events: arm.events, n: arm.n, row: arm },
    comparator: {
      name: comparator.arm,
      events: comparator.events,
      n: comparator.n,
      row: comparator,
    },
  };
}

function keyOf(row: ArmRow): PairKey {
  return {
    trial: row.trial,
    outcome: row.outcome,
    timepoint: row.timepoint ?? null,
    population: row.population ?? null,
  };
}

function alternativesOf(rows: readonly ArmRow[]): AlternativeLeftOut[] {
  return rows.filter(isAlternative).map((r) => ({ ...keyOf(r), arm: r.arm }));
}

function selected(row: ArmRow, s: PairSelection): boolean {
  return (
    within(row.outcome, s.outcomes) &&
    within(row.trial, s.trials) &&
    within(row.timepoint, s.timepoints) &&
    within(row.population, s.populations)
  );
}

function within(
  value: string | undefined,
  wanted: string | readonly string[] | undefined,
): boolean {
  if (wanted === undefined) return true;
  return typeof wanted === 'string'
    ? value === wanted
    : value !== undefined && wanted.includes(value);
}

function groupRows<R>(rows: readonly R[], key: (row: R) => unknown[]): R[][] {
  const groups = new Map<string, R[]>();
  for (const row of rows) {
    const k = JSON.stringify(key(row));
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return [...groups.values()];
}

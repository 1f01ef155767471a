import type { Dataset } from '../../data/load-dataset.js';
import type { ArmBinaryRow, ArmContinuousRow, ArmTimeToEventRow, ReportedComparisonRow, ReportedPercentageRow, SingleArmProportionRow } from '../../data/index.js';
import { kmPercent } from '../survival/km-reachable.js';
import { fisherExact } from '../binary/fisher-exact.js';
import { chiSquareTest } from '../binary/chi-square-test.js';
import { oddsRatio } from '../binary/odds-ratio.js';
import { riskDifference } from '../binary/risk-difference.js';
import { riskRatio } from '../binary/risk-ratio.js';
import { meanDifference } from '../continuous/mean-difference.js';
import { sdFromP } from '../continuous/sd-from-p.js';
import { fingerprintBinary } from './fingerprint-binary.js';
import { fingerprintMeans } from './fingerprint-means.js';
import type { FingerprintMatch } from './fingerprint-match.js';
import { judgeReported, type CheckStatus } from './judge-reported.js';
import { checkPValueCi } from './p-value-from-ci.js';
import { percentCounts } from './percent-counts.js';
import { parseReported, type ReportedValue } from './reported-value.js';

/** One checked figure: the contract of `trialstat check --json`. */
export interface CheckItem {
  dataset: string;
  /** Table file and line the figure was read from. */
  file: string;
  line: number;
  trial: string;
  outcome: string;
  /** What was checked: `estimate`, `ci_lower`, `ci_upper`, `p`, `p vs CI`, `percent`. */
  quantity: string;
  /** The figure as printed (`< 0.001`), or null when nothing was printed. */
  reported: string | null;
  recomputed: number | null;
  status: CheckStatus;
  /** Method that produced `recomputed` (e.g. `welch-t`, `fisher-exact`, `percent-to-count`). */
  method: string;
  reason: string;
  /** The dataset records this outcome as known and explained (`expected_check`). */
  expected: boolean;
  /** A number derived on the way (e.g. the pooled SD a p-value implies), with its method. */
  derived?: { quantity: string; value: number; method: string };
  /** For a printed percentage: the text, its denominator and every whole count that prints as it. */
  percent?: { printed: string; decimals: number; n: number; counts: number[] };
}

export interface CheckSummary {
  reproduced: number;
  discrepant: number;
  notCheckable: number;
  /** Discrepancies the datasets do not record as expected: these fail a check run. */
  unexpected: number;
}

type Table = Dataset['tables'][number];
type Rows<R> = { file: string; rows: readonly R[] }[];

/** Statistical models a two-sample test on arm summaries cannot reproduce exactly. */
const MODEL_BASED = /adjust|model|ancova|mmrm|mixed|regression|ls[- ]?mean|least[- ]squares/i;

/**
 * Checks every printed figure of a loaded dataset against what its own data imply:
 * reported comparisons against the arm tables (estimate, CI, p; default methods, then
 * method fingerprinting when the default does not reproduce), p against the printed CI,
 * and printed percentages against counts and denominators. Pure: the dataset is
 * loaded by the caller.
 */
export function checkDataset(dataset: Pick<Dataset, 'name' | 'tables'>): CheckItem[] {
  const byKind = <R>(kind: Table['kind']): Rows<R> =>
    dataset.tables.filter((t) => t.kind === kind).map((t) => ({ file: t.file, rows: t.table.rows as unknown as readonly R[] }));
  const continuous = byKind<ArmContinuousRow>('arm-continuous').flatMap((t) => t.rows);
  const binary = byKind<ArmBinaryRow>('arm-binary').flatMap((t) => t.rows);
  const items: CheckItem[] = [];
  const base = (file: string, row: { $line: number; expected_check?: string }, trial: string, outcome: string) => ({
    dataset: dataset.name,
    file,
    line: row.$line,
    trial,
    outcome,
    expectedCheck: row.expected_check,
  });

  for (const { file, rows } of byKind<ReportedComparisonRow>('reported-comparison')) {
    for (const row of rows) items.push(...checkComparison(base(file, row, row.trial, row.outcome), row, continuous, binary));
  }
  for (const { file, rows } of byKind<ArmBinaryRow>('arm-binary')) {
    for (const row of rows) {
      const item = checkPercent(base(file, row, row.trial, row.outcome), row.$printed.percent, row.events, row.n);
      if (item) items.push(item);
    }
  }
  for (const { file, rows } of byKind<SingleArmProportionRow>('single-arm-proportion')) {
    for (const row of rows) {
      const item = checkPercent(base(file, row, row.study, row.group ? `${row.outcome} (${row.group})` : row.outcome), row.$printed.percent, row.events, row.n);
      if (item) items.push(item);
    }
  }
  for (const { file, rows } of byKind<ReportedPercentageRow>('reported-percentage')) {
    for (const row of rows) items.push(checkReportedPercentage(base(file, row, row.id, row.context), row));
  }
  for (const { file, rows } of byKind<ArmTimeToEventRow>('arm-time-to-event')) {
    for (const row of rows) {
      const item = checkSurvivalPercent(base(file, row, row.trial, `${row.outcome} (${row.arm}) at ${row.time} ${row.unit ?? ''}`.trim()), row);
      if (item) items.push(item);
    }
  }
  return items;
}

export function summarize(items: readonly CheckItem[]): CheckSummary {
  return {
    reproduced: items.filter((i) => i.status === 'reproduced').length,
    discrepant: items.filter((i) => i.status === 'discrepant').length,
    notCheckable: items.filter((i) => i.status === 'not-checkable').length,
    unexpected: items.filter((i) => i.status === 'discrepant' && !i.expected).length,
  };
}

interface Base {
  dataset: string;
  file: string;
  line: number;
  trial: string;
  outcome: string;
  expectedCheck?: string;
}

function item(base: Base, fields: Omit<CheckItem, 'dataset' | 'file' | 'line' | 'trial' | 'outcome' | 'expected'>): CheckItem {
  const { expectedCheck, ...where } = base;
  const expected = expectedCheck !== undefined && expectedCheck === fields.status;
  return { ...where, ...fields, expected };
}

function printed(row: { $printed: Readonly<Record<string, string>> }, column: string, relation?: string): ReportedValue | undefined {
  const text = row.$printed[column];
  if (text === undefined) return undefined;
  const value = parseReported(text);
  return relation && relation !== '=' ? { ...value, relation: relation as ReportedValue['relation'] } : value;
}

function show(value: ReportedValue | undefined): string | null {
  if (!value) return null;
  return `${value.relation === '=' ? '' : `${value.relation} `}${value.text ?? value.value}`;
}

function checkPercent(base: Base, percentText: string | undefined, events: number, n: number): CheckItem | undefined {
  if (percentText === undefined) return undefined;
  const result = percentCounts(percentText, n);
  const ok = result.counts.includes(events);
  return item(base, {
    percent: { printed: percentText, decimals: result.decimals, n, counts: result.counts },
    quantity: 'percent',
    reported: `${percentText}%`,
    recomputed: (100 * events) / n,
    status: ok ? 'reproduced' : 'discrepant',
    method: 'percent-to-count',
    reason: ok
      ? `${events}/${n} prints as ${percentText}%`
      : result.consistent
        ? `${events}/${n} = ${((100 * events) / n).toFixed(2)}% does not print as ${percentText}%; counts that do: ${result.counts.join(', ')}`
        : `no whole count of ${n} prints as ${percentText}%`,
  });
}

/** Largest arm whose reachable Kaplan–Meier values are enumerated (kmReachable). */
const KM_REACHABLE_MAX_N = 20;

/**
 * A Kaplan–Meier percentage at a stated time: is it a value a KM estimate on n patients can
 * take (censoring allowed)? Arms above 20 patients reach nearly every printed value: skipped.
 */
function checkSurvivalPercent(base: Base, row: ArmTimeToEventRow): CheckItem | undefined {
  if (row.survival_percent === undefined || row.n > KM_REACHABLE_MAX_N) return undefined;
  const text = row.$printed.survival_percent ?? String(row.survival_percent);
  const r = kmPercent(text, row.n);
  const near = [r.below, r.above].filter((v) => v !== undefined).map((v) => `${(100 * v.survival).toFixed(1)}%`);
  return item(base, {
    quantity: 'survival percent',
    reported: `${text}%`,
    recomputed: r.consistent[0] ? 100 * r.consistent[0].survival : null,
    status: r.possible ? 'reproduced' : 'discrepant',
    method: 'km-reachable',
    reason: r.possible
      ? `a Kaplan–Meier estimate on ${row.n} patients can print as ${text}%${r.possibleWithoutCensoring ? '' : ' (only with censoring)'}`
      : `no Kaplan–Meier estimate on ${row.n} patients prints as ${text}%, with or without censoring; nearest ${near.join(' and ')}`,
  });
}

function checkReportedPercentage(base: Base, row: ReportedPercentageRow): CheckItem {
  const percentText = row.$printed.percent ?? String(row.percent);
  if (row.n === undefined) {
    return item(base, {
      quantity: 'percent',
      reported: `${percentText}%`,
      recomputed: null,
      status: 'not-checkable',
      method: 'percent-to-count',
      reason: 'no denominator printed',
    });
  }
  const result = percentCounts(percentText, row.n);
  const countOk = row.count === undefined || result.counts.includes(row.count);
  const ok = result.consistent && countOk;
  return item(base, {
    percent: { printed: percentText, decimals: result.decimals, n: row.n, counts: result.counts },
    quantity: 'percent',
    reported: `${percentText}%${row.count !== undefined ? ` (${row.count}/${row.n})` : ` of ${row.n}`}`,
    recomputed: row.count !== undefined ? (100 * row.count) / row.n : result.counts.length === 1 ? (100 * result.counts[0]) / row.n : null,
    status: ok ? 'reproduced' : 'discrepant',
    method: 'percent-to-count',
    reason: !result.consistent
      ? `no whole count of ${row.n} prints as ${percentText}% (nearest: ${nearestCounts(result.percent, row.n)})`
      : !countOk
        ? `${row.count}/${row.n} does not print as ${percentText}%; counts that do: ${result.counts.join(', ')}`
        : `consistent with ${result.counts.map((k) => `${k}/${row.n}`).join(' or ')}`,
  });
}

function nearestCounts(percent: number, n: number): string {
  const below = Math.floor((percent * n) / 100);
  return [below, below + 1]
    .filter((k) => k >= 0 && k <= n)
    .map((k) => `${k}/${n} = ${((100 * k) / n).toFixed(1)}%`)
    .join(', ');
}

const SCALE_PREFERENCE = ['change', 'percent-change', 'value'];

function findArm<R extends { trial: string; outcome: string; arm: string; timepoint?: string; population?: string }>(
  rows: readonly R[],
  comparison: { trial: string; outcome: string; timepoint?: string; population?: string },
  arm: string,
): R | undefined {
  let candidates = rows.filter(
    (r) => r.trial === comparison.trial && r.outcome === comparison.outcome && r.arm === arm && (comparison.timepoint === undefined || r.timepoint === undefined || r.timepoint === comparison.timepoint),
  );
  // Join on the analysis set when the arm rows name one; rows naming another set never match.
  if (comparison.population !== undefined) {
    const same = candidates.filter((r) => r.population === comparison.population);
    candidates = same.length > 0 ? same : candidates.filter((r) => r.population === undefined);
  }
  if (candidates.length <= 1) return candidates[0];
  const rank = (r: R): number => SCALE_PREFERENCE.indexOf((r as { scale?: string }).scale ?? 'value');
  return [...candidates].sort((a, b) => rank(a) - rank(b))[0];
}

function checkComparison(base: Base, row: ReportedComparisonRow, continuous: readonly ArmContinuousRow[], binary: readonly ArmBinaryRow[]): CheckItem[] {
  const estimate = printed(row, 'estimate');
  const lower = printed(row, 'ci_lower');
  const upper = printed(row, 'ci_upper');
  const p = printed(row, 'p', row.p_relation);
  const items: CheckItem[] = [];
  const modelBased = row.measure === 'LSMD' || MODEL_BASED.test(row.test ?? '');

  // Internal consistency of the printed numbers needs no arm data.
  if (estimate && lower && upper && p) {
    const ratio = row.measure === 'RR' || row.measure === 'OR' || row.measure === 'HR' || row.measure === 'ROM';
    const result = checkPValueCi({ estimate, lower, upper, p, level: row.ci_level ?? null, scale: ratio ? 'log' : 'natural' });
    const levelText = row.ci_level === undefined ? 'level not stated' : `${row.ci_level * 100}% CI`;
    items.push(
      item(base, {
        quantity: 'p vs CI',
        reported: show(p),
        recomputed: result.pRecomputed,
        status: result.consistent ? 'reproduced' : 'discrepant',
        method: 'altman-bland-2011',
        reason: `${levelText}; p recomputed from the CI ranges ${fmt(result.pRange.lower)} to ${fmt(result.pRange.upper)}${result.consistentLevels.length > 0 ? `; consistent at ${result.consistentLevels.map((l) => `${l * 100}%`).join(', ')}` : '; consistent at none of 90/95/99%'}`,
      }),
    );
  }

  if (row.measure === 'MD' || row.measure === 'LSMD') {
    const arm = findArm(continuous, row, row.arm);
    const comparator = findArm(continuous, row, row.comparator);
    if (!arm || !comparator || arm.mean === undefined || comparator.mean === undefined) {
      for (const [quantity, value] of [['estimate', estimate], ['p', p]] as const) {
        if (value) items.push(item(base, { quantity, reported: show(value), recomputed: null, status: 'not-checkable', method: 'none', reason: 'no arm means for this comparison in the dataset' }));
      }
      return items;
    }
    const md = arm.mean - comparator.mean;
    if (estimate) {
      const judged = judgeReported(estimate, md);
      items.push(item(base, { quantity: 'estimate', reported: show(estimate), recomputed: md, status: judged.status, method: 'difference of arm means', reason: judged.reason }));
    }
    const sd1 = arm.sd ?? (arm.se !== undefined ? arm.se * Math.sqrt(arm.n) : undefined);
    const sd2 = comparator.sd ?? (comparator.se !== undefined ? comparator.se * Math.sqrt(comparator.n) : undefined);
    if (sd1 === undefined || sd2 === undefined || arm.n < 2 || comparator.n < 2) {
      if (p) {
        const derived = p.relation === '=' && md !== 0 && p.value > 0 && p.value < 1 ? sdFromP({ md, p: p.value, n1: arm.n, n2: comparator.n }) : undefined;
        items.push(
          item(base, {
            quantity: 'p',
            reported: show(p),
            recomputed: null,
            status: 'not-checkable',
            method: 'none',
            reason: `no SD printed for ${sd1 === undefined ? row.arm : row.comparator}: a t-test p needs both SDs${derived ? `; under a two-sample t-test, p = ${p.text ?? p.value} with MD ${fmt(md)} implies a pooled SD of ${fmt(derived.value)}${arm.unit ? ` ${arm.unit}` : ''} (Cochrane Handbook 6.5.2.3)` : ''}`,
            ...(derived ? { derived: { quantity: 'pooled SD', value: derived.value, method: derived.derivation.method } } : {}),
          }),
        );
      }
      for (const [quantity, value] of [['ci_lower', lower], ['ci_upper', upper]] as const) {
        if (value) items.push(item(base, { quantity, reported: show(value), recomputed: null, status: 'not-checkable', method: 'none', reason: 'no SDs in the arm data to rebuild the interval' }));
      }
      return items;
    }
    const armA = { n: arm.n, mean: arm.mean, sd: sd1 };
    const armB = { n: comparator.n, mean: comparator.mean, sd: sd2 };
    const level = row.ci_level ?? 0.95;
    const welch = meanDifference(armA, armB, { level });
    const recomputed = { ci_lower: welch.ci.lower, ci_upper: welch.ci.upper, p: welch.test.p };
    const fingerprint = (): FingerprintMatch<unknown> | undefined => fingerprintMeans(armA, armB, { estimate, lower, upper, p }).matches[0];
    items.push(...judgeWithFallback(base, { lower, upper, p }, recomputed, 'welch-t', modelBased ? `reported from "${row.test ?? row.measure}"` : undefined, fingerprint, describeMeans));
    return items;
  }

  if (row.measure === 'RD' || row.measure === 'RR' || row.measure === 'OR') {
    const arm = findArm(binary, row, row.arm);
    const comparator = findArm(binary, row, row.comparator);
    if (!arm || !comparator) {
      for (const [quantity, value] of [['estimate', estimate], ['p', p]] as const) {
        if (value) items.push(item(base, { quantity, reported: show(value), recomputed: null, status: 'not-checkable', method: 'none', reason: 'no arm counts for this comparison in the dataset' }));
      }
      return items;
    }
    const table = { events1: arm.events, n1: arm.n, events2: comparator.events, n2: comparator.n };
    const level = row.ci_level ?? 0.95;
    const result = row.measure === 'RD' ? riskDifference(table, { level }) : row.measure === 'RR' ? riskRatio(table, { level }) : oddsRatio(table, { level });
    const useChiSquare = /chi/i.test(row.test ?? '');
    const pValue = useChiSquare ? (chiSquareTest(table, { correct: /yates|correct/i.test(row.test ?? '') })?.p ?? null) : fisherExact(table).test.p;
    if (estimate && result.estimate !== null) {
      const judged = judgeReported(estimate, result.estimate);
      items.push(item(base, { quantity: 'estimate', reported: show(estimate), recomputed: result.estimate, status: judged.status, method: `${row.measure} from arm counts`, reason: judged.reason }));
    }
    const fingerprint = (): FingerprintMatch<unknown> | undefined => fingerprintBinary(table, row.measure as 'RD' | 'RR' | 'OR', { estimate, lower, upper, p }).matches[0];
    items.push(
      ...judgeWithFallback(base, { lower, upper, p }, { ci_lower: result.ci.lower, ci_upper: result.ci.upper, p: pValue }, `${result.ci.method}; ${useChiSquare ? 'chi-square' : 'fisher-exact'}`, modelBased ? `reported from "${row.test}"` : undefined, fingerprint, describeBinary),
    );
    return items;
  }

  for (const [quantity, value] of [['estimate', estimate], ['p', p]] as const) {
    if (value) items.push(item(base, { quantity, reported: show(value), recomputed: null, status: 'not-checkable', method: 'none', reason: `measure ${row.measure} cannot be recomputed from arm summaries` }));
  }
  return items;
}

/**
 * Judges CI bounds and p with the default methods; when something does not reproduce,
 * fingerprinting looks for methods that reproduce all printed figures together.
 */
function judgeWithFallback(
  base: Base,
  figures: { lower?: ReportedValue; upper?: ReportedValue; p?: ReportedValue },
  recomputed: { ci_lower: number | null; ci_upper: number | null; p: number | null },
  defaultMethod: string,
  modelNote: string | undefined,
  fingerprint: () => FingerprintMatch<unknown> | undefined,
  describe: (match: FingerprintMatch<unknown>) => string,
): CheckItem[] {
  const entries = [
    ['ci_lower', figures.lower, recomputed.ci_lower],
    ['ci_upper', figures.upper, recomputed.ci_upper],
    ['p', figures.p, recomputed.p],
  ] as const;
  const judged = entries
    .filter(([, value]) => value !== undefined)
    .map(([quantity, value, x]) => ({ quantity, value: value!, x, judgement: x === null ? null : judgeReported(value!, x, quantity === 'p' ? { floor: 0, ceiling: 1 } : {}) }));
  const allReproduced = judged.every((j) => j.judgement?.status === 'reproduced');
  const match = allReproduced || judged.length === 0 ? undefined : fingerprint();
  return judged.map(({ quantity, value, x, judgement }) => {
    if (modelNote) {
      return item(base, {
        quantity,
        reported: show(value),
        recomputed: x,
        status: 'not-checkable',
        method: defaultMethod,
        reason: `${modelNote}: a test on the arm summaries only approximates it (${defaultMethod} gives ${x === null ? 'nothing' : fmt(x)}; ${judgement?.status ?? 'n/a'})`,
      });
    }
    if (judgement?.status === 'reproduced') {
      return item(base, { quantity, reported: show(value), recomputed: x, status: 'reproduced', method: defaultMethod, reason: judgement.reason });
    }
    if (match) {
      const matchValue = quantity === 'p' ? match.p : quantity === 'ci_lower' ? (match.ci?.lower ?? null) : (match.ci?.upper ?? null);
      return item(base, {
        quantity,
        reported: show(value),
        recomputed: matchValue,
        status: 'reproduced',
        method: describe(match),
        reason: `not with the default (${defaultMethod} gives ${x === null ? 'nothing' : fmt(x)}); reproduced by ${describe(match)}`,
      });
    }
    return item(base, {
      quantity,
      reported: show(value),
      recomputed: x,
      status: x === null ? 'not-checkable' : 'discrepant',
      method: defaultMethod,
      reason: `${judgement?.reason ?? 'not computable'}; no combination of methods tried reproduces all printed figures`,
    });
  });
}

function describeMeans(match: FingerprintMatch<unknown>): string {
  const m = match.methods as { variance: string; distribution: string; level: number; sided: string | null };
  return `${m.variance === 'unequal' ? 'Welch' : 'Student'} ${m.distribution}, ${m.level * 100}% CI${m.sided ? `, ${m.sided} p` : ''}`;
}

function describeBinary(match: FingerprintMatch<unknown>): string {
  const m = match.methods as { ci: string; level: number; test: string | null; sided: string | null };
  return `${m.ci} ${m.level * 100}% CI${m.test ? `, ${m.test} ${m.sided} p` : ''}`;
}

function fmt(x: number): string {
  if (x === 0) return '0';
  const abs = Math.abs(x);
  return abs >= 0.001 && abs < 1e6 ? String(Number(x.toPrecision(4))) : x.toExponential(3);
}

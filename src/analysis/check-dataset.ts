import type {
  ArmTimeToEventRow,
  ReportedComparisonRow,
  ReportedPercentageRow,
} from '../data/kinds/index.js';
import { kmPercent, kmReachable } from '../stats/survival/km-reachable.js';
import {
  deriveHazardRatio,
  type HazardRatioResult,
} from '../stats/survival/derive-hazard-ratio.js';
import { InputError } from '../errors.js';
import { hrReportedFromRow } from './hr-reported-from-row.js';
import { fingerprintBinary } from '../stats/check/fingerprint-binary.js';
import { fingerprintMeans } from '../stats/check/fingerprint-means.js';
import type { FingerprintMatch } from '../stats/check/fingerprint-match.js';
import { judgeReported, type CheckStatus } from '../stats/check/judge-reported.js';
import { checkPValueCi } from '../stats/check/p-value-from-ci.js';
import { armSplits } from '../stats/check/arm-splits.js';
import { percentCounts } from '../stats/check/percent-counts.js';
import { parseReported, type ReportedValue } from '../stats/check/reported-value.js';
import {
  datasetTables,
  tablesOfKind,
  type DatasetLike,
  type DatasetTables,
} from './dataset-tables.js';
import { MODEL_BASED_TEST, pairForComparison, type PairDerivation } from './pair-arms.js';
import { registryFindings, type RegistryCheckOptions } from './check-registry.js';
import { shortNumber } from './short-number.js';
import { binaryEstimate, binaryTest, continuousEstimates, pairTable } from './pair-estimates.js';

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
  /**
   * False when an input of the check was derived from the figure checked (a count filled
   * in from its printed percentage, a percentage or arm assigned by fitting): such a
   * figure is consistent by construction and is not an independent reproduction.
   */
  independent: boolean;
  /** The derived inputs that make the check circular (`events:percent-to-count`, …). */
  derivedInputs?: string[];
  /** A number derived on the way (e.g. the pooled SD a p-value implies), with its method. */
  derived?: { quantity: string; value: number; method: string };
  /** Arm summaries the recomputation used that were derived, not printed (an SD from an SE, CI or median), with their rules. */
  derivations?: PairDerivation[];
  /** Identity of the printed figure across tables (`percent|n|source`), for percentages. */
  figure?: string;
  /** For a printed percentage: the text, its denominator and every whole count that prints as it. */
  percent?: { printed: string; decimals: number; n: number; counts: number[] };
}

export interface CheckSummary {
  /** Independent reproductions only: figures checked against inputs not derived from them. */
  reproduced: number;
  /** Consistent by construction: reproduced only because an input was derived from the figure. */
  derived: number;
  discrepant: number;
  notCheckable: number;
  /** Discrepancies the datasets do not record as expected: these fail a check run. */
  unexpected: number;
  /** Distinct printed figures among the discrepancies (one figure can be a row in several tables). */
  discrepantFigures: number;
  /** ... and among those the datasets record as expected. */
  expectedFigures: number;
}

/**
 * Checks every printed figure of a loaded dataset against what its own data imply:
 * reported comparisons against the arm tables (estimate, CI, p; default methods, then
 * method fingerprinting when the default does not reproduce), p against the printed CI,
 * and printed percentages against counts and denominators. Pure: the dataset is
 * loaded by the caller.
 */
export function checkDataset(
  dataset: DatasetLike,
  options: Pick<RegistryCheckOptions, 'asOf'> = {},
): CheckItem[] {
  const tables = datasetTables(dataset);
  const items: CheckItem[] = [];
  const base = (
    file: string,
    row: { $line: number; expected_check?: string },
    trial: string,
    outcome: string,
  ) => ({
    dataset: dataset.name,
    file,
    line: row.$line,
    trial,
    outcome,
    expectedCheck: row.expected_check,
  });

  for (const { file, rows } of tablesOfKind(tables, 'reported-comparison')) {
    for (const row of rows)
      items.push(...checkComparison(base(file, row, row.trial, row.outcome), row, tables));
  }
  for (const { file, rows } of tablesOfKind(tables, 'arm-binary')) {
    for (const row of rows) {
      const item = checkPercent(
        base(file, row, row.trial, row.outcome),
        printedText(row, 'percent'),
        row.events,
        row.n,
        row,
      );
      if (item) items.push(item);
    }
  }
  for (const { file, rows } of tablesOfKind(tables, 'single-arm-proportion')) {
    for (const row of rows) {
      const item = checkPercent(
        base(file, row, row.study, row.group ? `${row.outcome} (${row.group})` : row.outcome),
        printedText(row, 'percent'),
        row.events,
        row.n,
        row,
      );
      if (item) items.push(item);
    }
  }
  for (const { file, rows } of tablesOfKind(tables, 'reported-percentage')) {
    for (const row of rows)
      items.push(checkReportedPercentage(base(file, row, row.id, row.context), row));
    const splits = new Map<string, ReportedPercentageRow[]>();
    for (const row of rows)
      if (row.split !== undefined) splits.set(row.split, [...(splits.get(row.split) ?? []), row]);
    for (const [split, arms] of splits)
      items.push(checkSplit(base(file, arms[0], split, arms.map((a) => a.id).join(' / ')), arms));
  }
  const sourceDates = new Map(
    (dataset.meta?.sources ?? []).flatMap((s) =>
      s.date !== undefined ? [[s.key, s.date] as const] : [],
    ),
  );
  for (const f of registryFindings(tables, { ...options, sourceDates })) {
    const { file, row, ...fields } = f;
    const [trial, outcome] =
      'name' in row ? [row.name, row.registry_id ?? row.name] : [row.id, row.context];
    items.push(item(base(file, row, trial, outcome), fields));
  }
  for (const { file, rows } of tablesOfKind(tables, 'arm-time-to-event')) {
    for (const row of rows) {
      const item = checkSurvivalPercent(
        base(
          file,
          row,
          row.trial,
          `${row.outcome} (${row.arm}) at ${row.time} ${row.unit ?? ''}`.trim(),
        ),
        row,
      );
      if (item) items.push(item);
    }
  }
  return items;
}

/** The cell as printed in the source file (rows built by hand may have no `$printed`). */
function printedText(
  row: { $printed?: Readonly<Record<string, string>> },
  column: string,
): string | undefined {
  return row.$printed?.[column];
}

export function summarize(items: readonly CheckItem[]): CheckSummary {
  const discrepant = items.filter((i) => i.status === 'discrepant');
  // The same printed figure (same percentage of the same denominator from the same source) counts once.
  const figures = (list: readonly CheckItem[]): number =>
    new Set(list.map((i) => i.figure ?? `${i.dataset}|${i.file}|${i.line}|${i.quantity}`)).size;
  return {
    reproduced: items.filter((i) => i.status === 'reproduced' && i.independent).length,
    derived: items.filter((i) => i.status === 'reproduced' && !i.independent).length,
    discrepant: items.filter((i) => i.status === 'discrepant').length,
    notCheckable: items.filter((i) => i.status === 'not-checkable').length,
    unexpected: items.filter((i) => i.status === 'discrepant' && !i.expected).length,
    discrepantFigures: figures(discrepant),
    expectedFigures: figures(discrepant.filter((i) => i.expected)),
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

function item(
  base: Base,
  fields: Omit<
    CheckItem,
    'dataset' | 'file' | 'line' | 'trial' | 'outcome' | 'expected' | 'independent'
  > & { independent?: boolean },
): CheckItem {
  const { expectedCheck, ...where } = base;
  const expected = expectedCheck !== undefined && expectedCheck === fields.status;
  return { ...where, ...fields, expected, independent: fields.independent ?? true };
}

/** One "not checkable" item per printed figure (the others are absent), all for the same reason. */
function notCheckable(
  base: Base,
  figures: readonly (readonly [string, ReportedValue | undefined])[],
  reason: string,
): CheckItem[] {
  return figures.flatMap(([quantity, value]) =>
    value
      ? [
          item(base, {
            quantity,
            reported: show(value),
            recomputed: null,
            status: 'not-checkable',
            method: 'none',
            reason,
          }),
        ]
      : [],
  );
}

/** Inputs of a percentage check (count, denominator, the percentage, the arm) that a row marks as derived. */
function circularInputs(derived: string | undefined): string[] {
  if (!derived) return [];
  return derived
    .split(';')
    .map((pair) => pair.trim())
    .filter((pair) => /^(?:events|count|n|percent|arm)\s*:/.test(pair));
}

function printed(
  row: { $printed?: Readonly<Record<string, string>> },
  column: string,
  relation?: string,
): ReportedValue | undefined {
  const text = printedText(row, column);
  if (text === undefined) return undefined;
  const value = parseReported(text);
  return relation && relation !== '='
    ? { ...value, relation: relation as ReportedValue['relation'] }
    : value;
}

function show(value: ReportedValue | undefined): string | null {
  if (!value) return null;
  return `${value.relation === '=' ? '' : `${value.relation} `}${value.text ?? value.value}`;
}

function checkPercent(
  base: Base,
  percentText: string | undefined,
  events: number,
  n: number,
  row: { derived?: string; source?: string },
): CheckItem | undefined {
  if (percentText === undefined) return undefined;
  const result = percentCounts(percentText, n);
  const ok = result.counts.includes(events);
  const circular = circularInputs(row.derived);
  const reason = ok
    ? `${events}/${n} prints as ${percentText}%`
    : result.consistent
      ? `${events}/${n} = ${((100 * events) / n).toFixed(2)}% does not print as ${percentText}%; counts that do: ${result.counts.join(', ')}`
      : `no whole count of ${n} prints as ${percentText}%`;
  return item(base, {
    figure: `${percentText}%|${n}|${row.source ?? ''}`,
    percent: { printed: percentText, decimals: result.decimals, n, counts: result.counts },
    quantity: 'percent',
    reported: `${percentText}%`,
    recomputed: (100 * events) / n,
    status: ok ? 'reproduced' : 'discrepant',
    method: 'percent-to-count',
    reason:
      ok && circular.length > 0
        ? `${reason} — derived, consistent by construction (${circular.join('; ')}): ${circularNote(percentText, events, circular)}`
        : reason,
    independent: circular.length === 0,
    ...(circular.length > 0 ? { derivedInputs: circular } : {}),
  });
}

/** What a circular percentage check leaves open: the denominators the printed count and percentage allow. */
function circularNote(percentText: string, events: number, circular: string[]): string {
  if (!circular.some((pair) => /^(?:n|arm)\s*:/.test(pair)) || events === 0)
    return 'not an independent reproduction';
  const reported = parseReported(percentText);
  const half = 0.5 * 10 ** -reported.decimals;
  const low = Math.max(events, Math.floor((100 * events) / (reported.value + half)));
  const high =
    reported.value - half > 0 ? Math.ceil((100 * events) / (reported.value - half)) : low;
  const ns: number[] = [];
  for (let n = low; n <= high; n++)
    if (percentCounts(reported, n).counts.includes(events)) ns.push(n);
  return `the arm was chosen to fit; ${events} (${percentText}%) fits any denominator ${ns.length > 1 ? `${ns[0]}–${ns.at(-1)}` : ns.join('')}`;
}

/** Largest arm whose reachable Kaplan–Meier values are enumerated (kmReachable). */
const KM_REACHABLE_MAX_N = 20;

/**
 * A Kaplan–Meier percentage at a stated time: is it a value a KM estimate on n patients can
 * take (censoring allowed)? Arms above 20 patients reach nearly every printed value: skipped.
 */
function checkSurvivalPercent(base: Base, row: ArmTimeToEventRow): CheckItem | undefined {
  if (row.survival_percent === undefined || row.n > KM_REACHABLE_MAX_N) return undefined;
  const text = printedText(row, 'survival_percent') ?? String(row.survival_percent);
  return kmItem(base, text, row.n, `${text}%|${row.n}|${row.source ?? ''}`);
}

/** Reachable Kaplan–Meier percentages within ±15 points of a printed one, as the reason lists them. */
const KM_NEIGHBOURHOOD = 15;

/**
 * A printed Kaplan–Meier percentage against n patients at the start. When no KM estimate on n
 * patients prints as it, the reason says what follows: the denominator is not n, or the figure is wrong.
 */
function kmItem(base: Base, text: string, n: number, figure: string): CheckItem {
  if (n > KM_REACHABLE_MAX_N) {
    return item(base, {
      figure,
      quantity: 'survival percent',
      reported: `${text}%`,
      recomputed: null,
      status: 'not-checkable',
      method: 'km-reachable',
      reason: `a Kaplan–Meier estimate on ${n} > ${KM_REACHABLE_MAX_N} patients reaches nearly every printed value`,
    });
  }
  const r = kmPercent(text, n);
  const near = [r.below, r.above]
    .filter((v) => v !== undefined)
    .map((v) => `${(100 * v.survival).toFixed(1)}%`);
  const printedValue = r.reported.value;
  const nearby = kmReachable(n)
    .map((v) => 100 * v.survival)
    .filter((v) => Math.abs(v - printedValue) <= KM_NEIGHBOURHOOD)
    .map((v) => shortNumber(Number(v.toFixed(1))));
  return item(base, {
    figure,
    quantity: 'survival percent',
    reported: `${text}%`,
    recomputed: r.consistent[0] ? 100 * r.consistent[0].survival : null,
    status: r.possible ? 'reproduced' : 'discrepant',
    method: 'km-reachable',
    reason: r.possible
      ? `a Kaplan–Meier estimate on ${n} patients can print as ${text}%${r.possibleWithoutCensoring ? '' : ' (only with censoring)'}`
      : `no Kaplan–Meier estimate on ${n} patients prints as ${text}%, with or without censoring; nearest ${near.join(' and ')} (reachable near it: ${nearby.join(', ')} %): either the number at the start is not ${n} or the figure is wrong`,
  });
}

/**
 * Percentages of arms whose sizes are not printed, only their total (RAY121: 60 % vs 30 % of
 * 40 volunteers): which splits of the total make every percentage a whole count of its arm.
 */
function checkSplit(base: Base, arms: readonly ReportedPercentageRow[]): CheckItem {
  const total = arms[0].split_total;
  const texts = arms.map((a) => printedText(a, 'percent') ?? String(a.percent));
  const reported = `${texts.map((t) => `${t}%`).join(' vs ')}${total !== undefined ? ` of ${total}` : ''}`;
  if (total === undefined || arms.length < 2 || arms.some((a) => a.split_total !== total))
    return item(base, {
      quantity: 'arm split',
      reported,
      recomputed: null,
      status: 'not-checkable',
      method: 'arm-splits',
      reason: 'a split needs two or more rows with the same split_total',
    });
  const r = armSplits(texts, total);
  const shown = r.splits
    .slice(0, 8)
    .map(
      (s) =>
        `${s.sizes.join(' + ')} (${s.counts.map((c, i) => `${c.join(' or ')}/${s.sizes[i]}`).join(', ')})`,
    );
  return item(base, {
    quantity: 'arm split',
    reported,
    recomputed: r.splits.length,
    status: r.consistent ? 'reproduced' : 'discrepant',
    method: 'arm-splits',
    reason: r.consistent
      ? `${r.splits.length} split${r.splits.length === 1 ? '' : 's'} of ${total} make every percentage a whole count: ${shown.join('; ')}${r.splits.length > 8 ? '; …' : ''}`
      : `no split of ${total} into ${arms.length} arms makes every percentage a whole count of its arm`,
  });
}

/** Why a percentage that is not a share of its denominator is not checked as a count (`percent_of`). */
const NOT_A_SHARE: Record<'score' | 'rate', string> = {
  score:
    'a change in a score, not a share of the patients: no count of the denominator is implied, so it is not checkable as a count',
  rate: 'a population rate, not a share of the patients studied: it says nothing about a count among them, so it is not checkable as a count (a discrepancy here would be made by the conversion, not found in the source)',
};

function checkReportedPercentage(base: Base, row: ReportedPercentageRow): CheckItem {
  const percentText = printedText(row, 'percent') ?? String(row.percent);
  if (row.percent_of === 'score' || row.percent_of === 'rate') {
    return item(base, {
      quantity: 'percent',
      reported: `${percentText}%${row.n !== undefined ? ` of ${row.n}` : ''}`,
      recomputed: null,
      status: 'not-checkable',
      method: 'none',
      reason: `${percentText}% is ${NOT_A_SHARE[row.percent_of]}`,
    });
  }
  if (row.percent_of === 'verbal' && row.n !== undefined) {
    // A verbal fraction has no printed precision: only an exact whole count confirms it.
    const exact = (row.percent * row.n) / 100;
    const whole = Math.abs(exact - Math.round(exact)) < 1e-6;
    const k = [Math.floor(exact), Math.ceil(exact)];
    return item(base, {
      quantity: 'verbal fraction',
      reported: `${percentText}% of ${row.n}`,
      recomputed: whole ? Math.round(exact) : null,
      status: whole ? 'reproduced' : 'not-checkable',
      method: 'verbal-fraction',
      reason: whole
        ? `${shortNumber(row.percent)}% of ${row.n} is exactly ${Math.round(exact)}`
        : `${shortNumber(row.percent)}% of ${row.n} = ${shortNumber(Number(exact.toFixed(2)))}, not a whole count: the words stand for ${k[0]} or ${k[1]} (consistent only through rounding; a verbal fraction has no printed precision, so it is not judged)`,
    });
  }
  if (row.percent_of === 'km-estimate' && row.n !== undefined) {
    return kmItem(base, percentText, row.n, `${percentText}%|${row.n}|${row.source}`);
  }
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
  const circular = row.count !== undefined ? circularInputs(row.derived) : [];
  return item(base, {
    figure: `${percentText}%|${row.n}|${row.source}`,
    independent: circular.length === 0,
    ...(circular.length > 0 ? { derivedInputs: circular } : {}),
    percent: { printed: percentText, decimals: result.decimals, n: row.n, counts: result.counts },
    quantity: 'percent',
    reported: `${percentText}%${row.count !== undefined ? ` (${row.count}/${row.n})` : ` of ${row.n}`}`,
    recomputed:
      row.count !== undefined
        ? (100 * row.count) / row.n
        : result.counts.length === 1
          ? (100 * result.counts[0]) / row.n
          : null,
    status: ok ? 'reproduced' : 'discrepant',
    method: 'percent-to-count',
    reason: !result.consistent
      ? `no whole count of ${row.n} prints as ${percentText}% (nearest: ${nearestCounts(result.percent, row.n)})`
      : !countOk
        ? `${row.count}/${row.n} does not print as ${percentText}%; counts that do: ${result.counts.join(', ')}`
        : circular.length > 0 && row.count !== undefined
          ? `${row.count}/${row.n} prints as ${percentText}% — derived, consistent by construction (${circular.join('; ')}): ${circularNote(percentText, row.count, circular)}`
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

function checkComparison(
  base: Base,
  row: ReportedComparisonRow,
  tables: DatasetTables,
): CheckItem[] {
  const estimate = printed(row, 'estimate');
  const lower = printed(row, 'ci_lower');
  const upper = printed(row, 'ci_upper');
  const p = printed(row, 'p', row.p_relation);
  const items: CheckItem[] = [];
  const modelBased = row.measure === 'LSMD' || MODEL_BASED_TEST.test(row.test ?? '');

  // Internal consistency of the printed numbers needs no arm data.
  if (estimate && lower && upper && p) {
    const ratio =
      row.measure === 'RR' || row.measure === 'OR' || row.measure === 'HR' || row.measure === 'ROM';
    const result = checkPValueCi({
      estimate,
      lower,
      upper,
      p,
      level: row.ci_level ?? null,
      scale: ratio ? 'log' : 'natural',
    });
    const levelText = row.ci_level === undefined ? 'level not stated' : `${row.ci_level * 100}% CI`;
    items.push(
      item(base, {
        quantity: 'p vs CI',
        reported: show(p),
        recomputed: result.pRecomputed,
        status: result.consistent ? 'reproduced' : 'discrepant',
        method: 'altman-bland-2011',
        reason: `${levelText}; p recomputed from the CI ranges ${shortNumber(result.pRange.lower)} to ${shortNumber(result.pRange.upper)}${result.consistentLevels.length > 0 ? `; consistent at ${result.consistentLevels.map((l) => `${l * 100}%`).join(', ')}` : '; consistent at none of 90/95/99%'}`,
      }),
    );
  }

  if (row.measure === 'MD' || row.measure === 'LSMD') {
    // The analysis core pairs the arms (population join, preferred scale, SE/CI/median → SD).
    const pair = pairForComparison(tables, row, { sdFromP: true });
    if (pair?.kind !== 'continuous' || pair.arm.mean === null || pair.comparator.mean === null) {
      items.push(
        ...notCheckable(
          base,
          [
            ['estimate', estimate],
            ['p', p],
          ],
          'no arm means for this comparison in the dataset',
        ),
      );
      return items;
    }
    const md = pair.arm.mean - pair.comparator.mean;
    if (estimate) {
      const judged = judgeReported(estimate, md);
      items.push(
        item(base, {
          quantity: 'estimate',
          reported: show(estimate),
          recomputed: md,
          status: judged.status,
          method: 'difference of arm means',
          reason: judged.reason,
        }),
      );
    }
    // A pooled SD derived from this very p would reproduce it by construction: say what it implies, judge nothing.
    const fromP = pair.derivations.find((d) => d.method === 'cochrane-p-to-sd');
    const level = row.ci_level ?? 0.95;
    const estimates = fromP ? undefined : continuousEstimates(pair, { level });
    if (!estimates?.md) {
      const missing = estimates?.missing;
      if (p) {
        items.push(
          item(base, {
            quantity: 'p',
            reported: show(p),
            recomputed: null,
            status: 'not-checkable',
            method: 'none',
            reason: `${missing?.what === 'n' ? `${missing.arm} has n < 2` : `no SD printed for ${missing?.arm ?? row.arm}`}: a t-test p needs both SDs${fromP ? `; under a two-sample t-test, p = ${p.text ?? p.value} with MD ${shortNumber(md)} implies a pooled SD of ${shortNumber(fromP.value)}${pair.unit ? ` ${pair.unit}` : ''} (Cochrane Handbook 6.5.2.3)` : ''}`,
            ...(fromP
              ? { derived: { quantity: 'pooled SD', value: fromP.value, method: fromP.method } }
              : {}),
          }),
        );
      }
      items.push(
        ...notCheckable(
          base,
          [
            ['ci_lower', lower],
            ['ci_upper', upper],
          ],
          'no SDs in the arm data to rebuild the interval',
        ),
      );
      return items;
    }
    const welch = estimates.md;
    const armA = { n: pair.arm.n, mean: pair.arm.mean, sd: pair.arm.sd! };
    const armB = { n: pair.comparator.n, mean: pair.comparator.mean, sd: pair.comparator.sd! };
    const recomputed = { ci_lower: welch.ci.lower, ci_upper: welch.ci.upper, p: welch.test.p };
    const fingerprint = (): FingerprintMatch<unknown> | undefined =>
      fingerprintMeans(armA, armB, { estimate, lower, upper, p }).matches[0];
    const judged = judgeWithFallback(
      base,
      { lower, upper, p },
      recomputed,
      'welch-t',
      modelBased ? `reported from "${row.test ?? row.measure}"` : undefined,
      fingerprint,
      describeMeans,
    );
    // Say which arm summaries were derived: the verdict depends on them.
    const derivedText = pair.derivations
      .map((d) => `${d.quantity} of ${d.arms.join(', ')} derived (${d.method})`)
      .join(', ');
    items.push(
      ...(pair.derivations.length === 0
        ? judged
        : judged.map((i) => ({
            ...i,
            reason: `${i.reason}; ${derivedText}`,
            derivations: pair.derivations,
          }))),
    );
    return items;
  }

  if (row.measure === 'RD' || row.measure === 'RR' || row.measure === 'OR') {
    const pair = pairForComparison(tables, row);
    if (pair?.kind !== 'binary') {
      items.push(
        ...notCheckable(
          base,
          [
            ['estimate', estimate],
            ['p', p],
          ],
          'no arm counts for this comparison in the dataset',
        ),
      );
      return items;
    }
    const level = row.ci_level ?? 0.95;
    const result = binaryEstimate(pair, row.measure, { level });
    const useChiSquare = /chi/i.test(row.test ?? '');
    const pValue = binaryTest(
      pair,
      useChiSquare
        ? /yates|correct/i.test(row.test ?? '')
          ? 'chi-square-yates'
          : 'chi-square'
        : 'fisher',
    ).p;
    if (estimate && result.estimate !== null) {
      const judged = judgeReported(estimate, result.estimate);
      items.push(
        item(base, {
          quantity: 'estimate',
          reported: show(estimate),
          recomputed: result.estimate,
          status: judged.status,
          method: `${row.measure} from arm counts`,
          reason: judged.reason,
        }),
      );
    }
    const fingerprint = (): FingerprintMatch<unknown> | undefined =>
      fingerprintBinary(pairTable(pair), row.measure as 'RD' | 'RR' | 'OR', {
        estimate,
        lower,
        upper,
        p,
      }).matches[0];
    items.push(
      ...judgeWithFallback(
        base,
        { lower, upper, p },
        { ci_lower: result.ci.lower, ci_upper: result.ci.upper, p: pValue },
        `${result.ci.method}; ${useChiSquare ? 'chi-square' : 'fisher-exact'}`,
        modelBased ? `reported from "${row.test}"` : undefined,
        fingerprint,
        describeBinary,
      ),
    );
    return items;
  }

  if (row.measure === 'HR') {
    const derived = checkHazardRatioDerivations(base, row);
    if (derived.length > 0) return [...items, ...derived];
  }
  items.push(
    ...notCheckable(
      base,
      [
        ['estimate', estimate],
        ['p', p],
      ],
      `measure ${row.measure} cannot be recomputed from arm summaries`,
    ),
  );
  return items;
}

/**
 * An HR row printing more than one way to the log HR (CI, p, O − E and V, log-rank p with
 * events, events per arm): each derivation beside the first (Tierney 2007), judged as
 * `survival hr` does — rounding ranges that overlap, or an approximation within 0.05 on the
 * log scale, reproduce; two exact re-expressions that disagree, or an approximation beyond the
 * tolerance, are discrepant. No items when fewer than two derivations apply.
 */
function checkHazardRatioDerivations(base: Base, row: ReportedComparisonRow): CheckItem[] {
  const { reported, decimals } = hrReportedFromRow(row);
  let result: HazardRatioResult;
  try {
    result = deriveHazardRatio(reported, { decimals });
  } catch (error) {
    if (error instanceof InputError) return [];
    throw error;
  }
  if (result.derivations.length < 2) return [];
  const first = result.derivations[0];
  return result.agreement
    .filter((a) => a.methods[0] === first.method)
    .map((a) => {
      const other = result.derivations.find((d) => d.method === a.methods[1])!;
      const ok = a.verdict === 'consistent' || a.verdict === 'close';
      return item(base, {
        quantity: `HR from ${other.label}`,
        reported: `${shortNumber(first.hr)} (${first.label})`,
        recomputed: other.hr,
        status: ok ? 'reproduced' : 'discrepant',
        method: `hr-${other.method}`,
        reason: `${a.verdict}: log HR ${shortNumber(other.logHr)} vs ${shortNumber(first.logHr)} (gap beyond rounding ${shortNumber(a.logHrGap)}), SE ${shortNumber(other.se)} vs ${shortNumber(first.se)}${other.exact ? '' : '; an approximation'} (Tierney 2007)`,
      });
    });
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
    .map(([quantity, value, x]) => ({
      quantity,
      value: value!,
      x,
      judgement:
        x === null
          ? null
          : judgeReported(value!, x, quantity === 'p' ? { floor: 0, ceiling: 1 } : {}),
    }));
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
        reason: `${modelNote}: a test on the arm summaries only approximates it (${defaultMethod} gives ${x === null ? 'nothing' : shortNumber(x)}; ${judgement?.status ?? 'n/a'})`,
      });
    }
    if (judgement?.status === 'reproduced') {
      return item(base, {
        quantity,
        reported: show(value),
        recomputed: x,
        status: 'reproduced',
        method: defaultMethod,
        reason: judgement.reason,
      });
    }
    if (match) {
      const matchValue =
        quantity === 'p'
          ? match.p
          : quantity === 'ci_lower'
            ? (match.ci?.lower ?? null)
            : (match.ci?.upper ?? null);
      return item(base, {
        quantity,
        reported: show(value),
        recomputed: matchValue,
        status: 'reproduced',
        method: describe(match),
        reason: `not with the default (${defaultMethod} gives ${x === null ? 'nothing' : shortNumber(x)}); reproduced by ${describe(match)}`,
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
  const m = match.methods as {
    variance: string;
    distribution: string;
    level: number;
    sided: string | null;
  };
  return `${m.variance === 'unequal' ? 'Welch' : 'Student'} ${m.distribution}, ${m.level * 100}% CI${m.sided ? `, ${m.sided} p` : ''}`;
}

function describeBinary(match: FingerprintMatch<unknown>): string {
  const m = match.methods as {
    ci: string;
    level: number;
    test: string | null;
    sided: string | null;
  };
  return `${m.ci} ${m.level * 100}% CI${m.test ? `, ${m.test} ${m.sided} p` : ''}`;
}

import { InputError } from '../../errors.js';
import { decimalsOf } from '../check/reported-value.js';
import { freeze, type ConfidenceInterval, type TestResult } from '../types.js';
import {
  buildHrDerivation,
  HR_COUNT_FIELDS,
  type HrDerivation,
  type HrField,
  type HrReported,
} from './hr-derivation.js';
import { HR_METHODS, hrMethod } from './hr-methods.js';

export interface DeriveHazardRatioOptions {
  /** Level of the intervals reported for each derivation, default 0.95. */
  level?: number;
  /** Only these methods (ids of HR_METHODS); default every method the figures allow. */
  methods?: readonly string[];
  /**
   * Printed decimals of each figure, for the rounding check (`0.50` has 2). Default: the
   * decimals of the number's shortest representation. Counts are exact.
   */
  decimals?: Partial<Record<HrField, number>>;
  /**
   * How far beyond rounding an approximate derivation may fall from another and still be
   * `close`: log HR gap (default 0.05) and SE gap relative to the smaller SE (default 0.1).
   */
  tolerance?: { logHr?: number; se?: number };
}

/** The range of log HR and SE that the rounding of the printed figures allows. */
export interface RoundingRange {
  logHr: [number, number];
  se: [number, number];
}

export interface HrDerivationWithRange extends HrDerivation {
  rounding: RoundingRange;
}

/**
 * How two derivations compare. `consistent`: their rounding ranges overlap in log HR and in
 * SE. `close`: they do not, but one is an approximation and the gaps are within the
 * tolerance. `discrepant`: two exact re-expressions of the printed estimate (CI and p)
 * disagree beyond rounding. `differs`: an approximation falls outside the tolerance.
 */
export interface HrAgreement {
  methods: [string, string];
  /** log HR of the second minus the first. */
  logHrDifference: number;
  /** SE of the second / SE of the first. */
  seRatio: number;
  logHrOverlap: boolean;
  seOverlap: boolean;
  /** Distance between the two log HR rounding ranges (0 when they overlap). */
  logHrGap: number;
  /** Distance between the SE ranges relative to the smaller SE (0 when they overlap). */
  seGap: number;
  verdict: 'consistent' | 'close' | 'discrepant' | 'differs';
}

export interface HazardRatioResult {
  measure: 'HR';
  /** From the preferred derivation (the first in HR_METHODS order that applies). */
  estimate: number;
  logHr: number;
  se: number;
  ci: ConfidenceInterval;
  test: TestResult;
  primary: string;
  /** Every derivation the figures allow, in order of preference, each with its rounding range. */
  derivations: HrDerivationWithRange[];
  /** Methods that could not be used, and what they lack. */
  skipped: { method: string; reason: string }[];
  agreement: HrAgreement[];
  /** No pair is `discrepant` or `differs`. */
  consistent: boolean;
  warnings: string[];
}

const POSITIVE: readonly HrField[] = [
  'seLogHr',
  'hr',
  'ciLower',
  'ciUpper',
  'v',
  'median1',
  'median2',
  'allocationRatio',
];
const PROBABILITY: readonly HrField[] = ['p', 'logrankP'];
const FINITE: readonly HrField[] = ['oMinusE', 'logrankZ', 'logHr'];
/** Figures that are stated, not rounded (level, ratio). */
const EXACT: readonly HrField[] = [...HR_COUNT_FIELDS, 'ciLevel', 'allocationRatio'];

function validate(r: HrReported): string[] {
  const warnings: string[] = [];
  for (const key of Object.keys(r) as (keyof HrReported)[]) {
    const value = r[key];
    if (value === undefined) continue;
    if (key === 'favours') {
      if (value !== 'arm1' && value !== 'arm2')
        throw new InputError('favours', value, 'arm1 or arm2');
      continue;
    }
    if (typeof value !== 'number' || !Number.isFinite(value))
      throw new InputError(key, value, 'a finite number');
    if (POSITIVE.includes(key) && !(value > 0)) throw new InputError(key, value, 'a number > 0');
    if (PROBABILITY.includes(key) && !(value > 0 && value <= 1))
      throw new InputError(key, value, 'a p-value in (0, 1]');
    if (key === 'logrankChiSq' && !(value >= 0)) throw new InputError(key, value, 'a χ² ≥ 0');
    if (key === 'ciLevel' && !(value > 0 && value < 1))
      throw new InputError(key, value, 'a level in (0, 1), e.g. 0.95');
    if (HR_COUNT_FIELDS.includes(key) && !(Number.isInteger(value) && value >= 1))
      throw new InputError(key, value, 'a whole number ≥ 1');
    if (FINITE.includes(key)) continue;
  }
  if (r.ciLower !== undefined && r.ciUpper !== undefined && !(r.ciLower < r.ciUpper)) {
    throw new InputError('ciUpper', r.ciUpper, `a number greater than ciLower (${r.ciLower})`);
  }
  if ((r.ciLower === undefined) !== (r.ciUpper === undefined)) {
    throw new InputError(
      r.ciLower === undefined ? 'ciLower' : 'ciUpper',
      undefined,
      'both ends of the interval',
    );
  }
  if ((r.oMinusE === undefined) !== (r.v === undefined)) {
    throw new InputError(r.v === undefined ? 'v' : 'oMinusE', undefined, 'O − E and V together');
  }
  if ((r.median1 === undefined) !== (r.median2 === undefined)) {
    throw new InputError(
      r.median1 === undefined ? 'median1' : 'median2',
      undefined,
      'the median of both arms',
    );
  }
  if ((r.n1 === undefined) !== (r.n2 === undefined))
    throw new InputError(r.n1 === undefined ? 'n1' : 'n2', undefined, 'the size of both arms');
  if (
    r.hr !== undefined &&
    r.ciLower !== undefined &&
    r.ciUpper !== undefined &&
    (r.hr < r.ciLower || r.hr > r.ciUpper)
  ) {
    warnings.push(`HR ${r.hr} lies outside its interval ${r.ciLower} to ${r.ciUpper}`);
  }
  if (
    r.events !== undefined &&
    r.events1 !== undefined &&
    r.events2 !== undefined &&
    r.events !== r.events1 + r.events2
  ) {
    warnings.push(
      `total events ${r.events} ≠ events1 + events2 = ${r.events1 + r.events2}; the per-arm counts are used where a method takes them`,
    );
  }
  if (
    r.logrankZ !== undefined &&
    r.hr !== undefined &&
    r.hr !== 1 &&
    Math.sign(r.logrankZ) !== Math.sign(Math.log(r.hr)) &&
    r.logrankZ !== 0
  ) {
    warnings.push(`the log-rank z ${r.logrankZ} and the HR ${r.hr} point in opposite directions`);
  }
  if (
    r.n1 !== undefined &&
    r.n2 !== undefined &&
    r.allocationRatio !== undefined &&
    Math.abs(r.n1 / r.n2 - r.allocationRatio) > 0.05 * r.allocationRatio
  ) {
    warnings.push(
      `allocation ratio ${r.allocationRatio} differs from n1/n2 = ${(r.n1 / r.n2).toPrecision(4)}; n1/n2 is used`,
    );
  }
  return warnings;
}

/** The interval of true values a rounded figure stands for, kept inside the field's domain. */
function roundingInterval(field: HrField, value: number, decimals: number): [number, number] {
  const half = 0.5 * 10 ** -decimals;
  let lower = value - half;
  let upper = value + half;
  if (POSITIVE.includes(field)) lower = Math.max(lower, value * 1e-3);
  if (PROBABILITY.includes(field)) {
    lower = Math.max(lower, Number.MIN_VALUE);
    upper = Math.min(upper, 1);
  }
  if (field === 'logrankChiSq') lower = Math.max(lower, 0);
  return [lower, upper];
}

/**
 * Range of log HR and SE over the corners of the box of true values the printed figures
 * allow (each rounded figure at either end of its rounding interval). The derivations are
 * monotone in each figure, so the corners bound the range.
 */
function roundingRange(
  methodId: string,
  r: HrReported,
  decimals: Partial<Record<HrField, number>>,
): RoundingRange {
  const method = hrMethod(methodId);
  const rounded = method.fields.filter((f) => r[f] !== undefined && !EXACT.includes(f));
  const ranges = rounded.map((f) =>
    roundingInterval(f, r[f] as number, decimals[f] ?? decimalsOf(r[f] as number)),
  );
  const logHr: [number, number] = [Infinity, -Infinity];
  const se: [number, number] = [Infinity, -Infinity];
  for (let mask = 0; mask < 1 << rounded.length; mask++) {
    const corner: HrReported = { ...r };
    rounded.forEach((f, i) => {
      corner[f] = ranges[i][(mask >> i) & 1];
    });
    if (
      corner.ciLower !== undefined &&
      corner.ciUpper !== undefined &&
      !(corner.ciLower < corner.ciUpper)
    )
      continue;
    if (method.missing(corner) !== undefined) continue;
    const core = method.run(corner);
    if (Number.isFinite(core.logHr)) {
      logHr[0] = Math.min(logHr[0], core.logHr);
      logHr[1] = Math.max(logHr[1], core.logHr);
    }
    if (Number.isFinite(core.se)) {
      se[0] = Math.min(se[0], core.se);
      se[1] = Math.max(se[1], core.se);
    }
  }
  return { logHr, se };
}

/** Distance between two ranges, 0 when they overlap (with a hair of floating-point slack). */
function gap(a: [number, number], b: [number, number]): number {
  const distance = Math.max(0, b[0] - a[1], a[0] - b[1]);
  return distance <= 1e-12 * Math.max(1, Math.abs(a[1]), Math.abs(b[1])) ? 0 : distance;
}

/**
 * Log hazard ratio and its SE from whatever a paper prints: every applicable method of
 * HR_METHODS (HR with CI; log-rank O − E and V; HR with exact p; log-rank p/z/χ² with the
 * events and allocation ratio; HR with events; medians under an exponential model), side
 * by side, each with its derivation and the range its inputs' rounding allows. Pairs of
 * derivations whose ranges do not overlap are flagged: `discrepant` between the exact
 * re-expressions of a Wald estimate (CI, p); `differs` where an approximation falls further
 * than `tolerance` beyond rounding (`close` within it). Arm 1 vs arm 2.
 *
 * Reference: Tierney JF, Stewart LA, Ghersi D, Burdett S, Sydes MR. Practical methods for
 * incorporating summary time-to-event data into meta-analysis. Trials 2007;8:16. Parmar MKB,
 * Torri V, Stewart L. Stat Med 1998;17:2815–34.
 *
 * @example deriveHazardRatio({ hr: 0.88, oMinusE: Math.log(0.88) * 128.81, v: 128.81 }).ci // { lower: 0.7404…, upper: 1.0459…, level: 0.95, method: 'wald-log' }
 */
export function deriveHazardRatio(
  reported: HrReported,
  options: DeriveHazardRatioOptions = {},
): HazardRatioResult {
  const { level = 0.95, decimals = {} } = options;
  const tolerance = { logHr: options.tolerance?.logHr ?? 0.05, se: options.tolerance?.se ?? 0.1 };
  if (!(level > 0 && level < 1))
    throw new InputError('level', level, 'a level in (0, 1), e.g. 0.95');
  const wanted = options.methods ? options.methods.map((id) => hrMethod(id)) : HR_METHODS;
  const warnings = validate(reported);
  const derivations: HrDerivationWithRange[] = [];
  const skipped: { method: string; reason: string }[] = [];
  for (const method of wanted) {
    const reason = method.missing(reported);
    if (reason !== undefined) {
      skipped.push({ method: method.id, reason: `needs ${reason}` });
      continue;
    }
    const derived = buildHrDerivation(method, method.run(reported), level);
    derivations.push({ ...derived, rounding: roundingRange(method.id, reported, decimals) });
    warnings.push(...derived.warnings);
  }
  if (derivations.length === 0) {
    throw new InputError(
      'reported',
      Object.keys(reported).join(', ') || 'nothing',
      `figures for at least one derivation (${skipped.map((s) => `${s.method}: ${s.reason.replace(/^needs /, '')}`).join('; ')})`,
    );
  }
  const agreement: HrAgreement[] = [];
  for (let i = 0; i < derivations.length; i++) {
    for (let j = i + 1; j < derivations.length; j++) {
      const [a, b] = [derivations[i], derivations[j]];
      const logHrGap = gap(a.rounding.logHr, b.rounding.logHr);
      const seGap = gap(a.rounding.se, b.rounding.se) / Math.min(a.se, b.se);
      const [logHrOverlap, seOverlap] = [logHrGap === 0, seGap === 0];
      const verdict: HrAgreement['verdict'] =
        logHrOverlap && seOverlap
          ? 'consistent'
          : a.exact && b.exact
            ? 'discrepant'
            : logHrGap <= tolerance.logHr && seGap <= tolerance.se
              ? 'close'
              : 'differs';
      agreement.push({
        methods: [a.method, b.method],
        logHrDifference: b.logHr - a.logHr,
        seRatio: b.se / a.se,
        logHrOverlap,
        seOverlap,
        logHrGap,
        seGap,
        verdict,
      });
      if (verdict === 'discrepant' || verdict === 'differs') {
        const what = [
          logHrOverlap ? '' : `HR ${a.hr.toPrecision(3)} vs ${b.hr.toPrecision(3)}`,
          seOverlap ? '' : `SE ${a.se.toPrecision(3)} vs ${b.se.toPrecision(3)}`,
        ]
          .filter(Boolean)
          .join(', ');
        warnings.push(
          `${verdict}: ${a.method} and ${b.method} disagree beyond rounding (${what})${verdict === 'differs' ? ' by more than the tolerance for an approximation' : '; is p the Wald p of this HR?'}`,
        );
      }
    }
  }
  const primary = derivations[0];
  return freeze({
    measure: 'HR',
    estimate: primary.hr,
    logHr: primary.logHr,
    se: primary.se,
    ci: primary.ci,
    test: {
      name: 'Wald test of log HR = 0',
      statistic: primary.logHr / primary.se,
      p: primary.p,
      alternative: 'two-sided',
    },
    primary: primary.method,
    derivations,
    skipped,
    agreement,
    consistent: agreement.every((a) => a.verdict === 'consistent' || a.verdict === 'close'),
    warnings: [...new Set(warnings)],
  });
}

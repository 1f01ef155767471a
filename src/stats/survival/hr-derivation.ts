import { normalQuantile, normalSf } from '../dist/normal.js';
import type { Derivation } from '../continuous/types.js';
import type { ConfidenceInterval } from '../types.js';

/**
 * What a paper may print about a two-arm time-to-event comparison, arm 1 versus arm 2
 * (HR = hazard in arm 1 / hazard in arm 2). Every field is optional; each derivation in
 * HR_METHODS (hr-methods.ts) uses the fields it needs.
 */
export interface HrReported {
  /** log HR and its SE as printed (a meta-analysis table, a Cox model's coefficient and SE). */
  logHr?: number;
  seLogHr?: number;
  /** Hazard ratio, arm 1 vs arm 2. */
  hr?: number;
  ciLower?: number;
  ciUpper?: number;
  /** Level of the printed interval, default 0.95. */
  ciLevel?: number;
  /** Exact two-sided p of the HR (Wald or log-rank, as printed). */
  p?: number;
  /** Log-rank observed minus expected events in arm 1, and the log-rank variance V. */
  oMinusE?: number;
  v?: number;
  /** Two-sided log-rank p; or its z (signed: negative when arm 1 does better); or its χ² on 1 df. */
  logrankP?: number;
  logrankZ?: number;
  logrankChiSq?: number;
  /** Total events (both arms); or events per arm. */
  events?: number;
  events1?: number;
  events2?: number;
  /** Numbers randomised per arm, or the allocation ratio n1/n2 (default 1). */
  n1?: number;
  n2?: number;
  allocationRatio?: number;
  /** Median survival per arm (same time unit). */
  median1?: number;
  median2?: number;
  /**
   * Which arm has the lower hazard, for a log-rank p or χ² printed without a sign
   * (`arm1` = HR < 1). Taken from `hr` when that is given.
   */
  favours?: 'arm1' | 'arm2';
}

/** The fields of HrReported that are numbers. */
export type HrField = Exclude<keyof HrReported, 'favours'>;

/** Counts are exact; every other printed number stands for an interval of rounding. */
export const HR_COUNT_FIELDS: readonly HrField[] = ['events', 'events1', 'events2', 'n1', 'n2'];

/** One log hazard ratio and its SE as derived by one method from printed figures. */
export interface HrDerivation {
  /** Id in HR_METHODS, e.g. `ci`, `oe-v`. */
  method: string;
  label: string;
  /** Whether the method is an exact re-expression of what was printed (ci, p, oe-v) or an approximation. */
  exact: boolean;
  hr: number;
  logHr: number;
  /** SE of log HR. */
  se: number;
  /** Wald interval exp(log HR ± z·SE) at the requested level. */
  ci: ConfidenceInterval;
  /** Two-sided Wald p of log HR = 0 implied by log HR and SE. */
  p: number;
  /** Log-rank statistics implied by the estimate: V = 1/SE², O − E = log HR × V. */
  oMinusE: number;
  v: number;
  derivation: Derivation;
  warnings: string[];
}

/** The parts a method computes; buildHrDerivation adds the rest. */
export interface HrCore {
  logHr: number;
  se: number;
  formula: string;
  assumptions: string[];
  inputs: Record<string, number>;
  intermediate: Record<string, number>;
  warnings?: string[];
}

/** Completes a method's log HR and SE into an HrDerivation (interval, p, O − E, V). */
export function buildHrDerivation(
  meta: { id: string; label: string; exact: boolean; reference: string },
  core: HrCore,
  level: number,
): HrDerivation {
  const { logHr, se } = core;
  const z = normalQuantile(1 - (1 - level) / 2);
  const v = 1 / (se * se);
  return {
    method: meta.id,
    label: meta.label,
    exact: meta.exact,
    hr: Math.exp(logHr),
    logHr,
    se,
    ci: {
      lower: Math.exp(logHr - z * se),
      upper: Math.exp(logHr + z * se),
      level,
      method: 'wald-log',
    },
    p: se === 0 ? (logHr === 0 ? 1 : 0) : 2 * normalSf(Math.abs(logHr) / se),
    oMinusE: logHr * v,
    v,
    derivation: {
      quantity: 'log hazard ratio and SE',
      method: meta.id,
      formula: core.formula,
      assumptions: core.assumptions,
      inputs: core.inputs,
      intermediate: { ...core.intermediate, logHr, se },
      reference: meta.reference,
    },
    warnings: core.warnings ?? [],
  };
}

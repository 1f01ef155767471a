import { mean, quantileSorted, sampleStandardDeviation } from 'simple-statistics';
import { InputError } from '../../errors.js';
import { freeze } from '../types.js';
import { kaplanMeier } from './kaplan-meier.js';
import { survivalAt } from './survival-at.js';

/** One patient's row for one outcome: a time with an event indicator, a value, or a response. */
export interface PatientRow {
  outcome: string;
  arm: string;
  time?: number;
  /** 1 (or true) = event at `time`, 0 = censored. */
  event?: number | boolean;
  value?: number;
  /** Binary outcome, 1 = yes. */
  response?: number;
}

/** Arm summaries named as the columns of the arm kinds (arm-time-to-event, arm-continuous, arm-binary). */
export interface PatientSummaries {
  timeToEvent: {
    outcome: string;
    arm: string;
    n: number;
    events: number;
    median?: number;
    median_ci_lower?: number;
    median_ci_upper?: number;
    ci_level: number;
    time?: number;
    survival_percent?: number;
    survival_ci_lower?: number;
    survival_ci_upper?: number;
  }[];
  continuous: {
    outcome: string;
    arm: string;
    n: number;
    mean: number;
    sd?: number;
    median: number;
    q1: number;
    q3: number;
    min: number;
    max: number;
  }[];
  binary: { outcome: string; arm: string; events: number; n: number }[];
  /** How quartiles were computed. */
  quantiles: string;
  warnings: string[];
}

export const QUANTILE_DEFINITION =
  'R type 7 (linear interpolation between order statistics, R quantile() default; simple-statistics quantileSorted)';

/**
 * Summarises patient-level rows into per-arm rows of the arm kinds: time to event → n,
 * events, Kaplan–Meier median with its Brookmeyer–Crowley interval (log-log) and, at the
 * given `times`, the survival percentage with its interval; values → n, mean, SD (n − 1),
 * median, quartiles (R type 7), range; responses → events / n. Outcome × arm groups are
 * kept in order of first appearance.
 * @example summarizePatients([{ outcome: 'x', arm: 'A', value: 1 }, { outcome: 'x', arm: 'A', value: 3 }]).continuous[0].mean // 2
 */
export function summarizePatients(
  rows: readonly PatientRow[],
  options: { level?: number; times?: readonly number[] } = {},
): PatientSummaries {
  const { level = 0.95, times = [] } = options;
  const groups = new Map<string, { outcome: string; arm: string; rows: PatientRow[] }>();
  rows.forEach((row, i) => {
    const kinds = [
      row.time !== undefined,
      row.value !== undefined,
      row.response !== undefined,
    ].filter(Boolean).length;
    if (kinds !== 1)
      throw new InputError(
        `rows[${i}]`,
        `${kinds} outcomes`,
        'exactly one of time (with event), value, response',
      );
    const type = row.time !== undefined ? 'time' : row.value !== undefined ? 'value' : 'response';
    const key = JSON.stringify([type, row.outcome, row.arm]);
    const group = groups.get(key) ?? { outcome: row.outcome, arm: row.arm, rows: [] };
    group.rows.push(row);
    groups.set(key, group);
  });
  const out: PatientSummaries = {
    timeToEvent: [],
    continuous: [],
    binary: [],
    quantiles: QUANTILE_DEFINITION,
    warnings: [],
  };
  for (const { outcome, arm, rows: group } of groups.values()) {
    const first = group[0];
    if (first.time !== undefined) {
      const km = kaplanMeier(
        group.map((r) => ({ time: r.time as number, event: r.event === true || r.event === 1 })),
        { level },
      );
      const { estimate, lower, upper } = km.median;
      out.timeToEvent.push({
        outcome,
        arm,
        n: km.n,
        events: km.events,
        ci_level: level,
        ...(Number.isNaN(estimate) ? {} : { median: estimate }),
        ...(Number.isNaN(lower) ? {} : { median_ci_lower: lower }),
        ...(Number.isNaN(upper) ? {} : { median_ci_upper: upper }),
      });
      if (Number.isNaN(estimate)) out.warnings.push(`${outcome}, ${arm}: median not reached`);
      for (const at of survivalAt(km, times)) {
        out.timeToEvent.push({
          outcome,
          arm,
          n: km.n,
          events: km.events,
          ci_level: level,
          time: at.time,
          survival_percent: 100 * at.surv,
          ...(Number.isNaN(at.lower)
            ? {}
            : { survival_ci_lower: 100 * at.lower, survival_ci_upper: 100 * at.upper }),
        });
      }
    } else if (first.value !== undefined) {
      const values = group.map((r) => r.value as number).sort((a, b) => a - b);
      out.continuous.push({
        outcome,
        arm,
        n: values.length,
        mean: mean(values),
        ...(values.length > 1 ? { sd: sampleStandardDeviation(values) } : {}),
        median: quantileSorted(values, 0.5),
        q1: quantileSorted(values, 0.25),
        q3: quantileSorted(values, 0.75),
        min: values[0],
        max: values[values.length - 1],
      });
    } else {
      out.binary.push({
        outcome,
        arm,
        events: group.filter((r) => r.response === 1).length,
        n: group.length,
      });
    }
  }
  return freeze(out);
}

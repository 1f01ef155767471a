import { ordered } from '../checks.js';
import { defineSchema, type RowCheck, type ValuesOf } from '../schema.js';
import { commonColumns, derivedColumnsExist, type CommonValues, type Same } from './common.js';

const columns = {
  trial: { type: 'text', required: true },
  outcome: {
    type: 'text',
    required: true,
    description: 'e.g. overall survival, progression-free survival',
  },
  population: { type: 'text', description: 'analysis set or cohort; comparisons join on it' },
  arm: { type: 'text', required: true },
  n: { type: 'integer', required: true, min: 1 },
  events: { type: 'integer', min: 0 },
  unit: { type: 'text', description: 'time unit of median and time: days, weeks, months, years' },
  median: { type: 'number', min: 0, description: 'median time to event; empty when not reached' },
  median_ci_lower: { type: 'number', min: 0 },
  median_ci_upper: { type: 'number', min: 0, description: 'empty when not reached' },
  time: {
    type: 'number',
    min: 0,
    description: 'a stated time, for survival_percent (one row per time)',
  },
  survival_percent: {
    type: 'number',
    min: 0,
    max: 100,
    description: 'Kaplan–Meier survival at `time`, in %',
  },
  survival_ci_lower: { type: 'number', min: 0, max: 100 },
  survival_ci_upper: { type: 'number', min: 0, max: 100 },
  ci_level: {
    type: 'number',
    min: 0,
    max: 1,
    minExclusive: true,
    maxExclusive: true,
    description: 'level of the intervals; empty = not stated',
  },
  ...commonColumns,
} as const;

/** `survival_percent` needs its `time`; events ≤ n. */
const timeForPercent: RowCheck<typeof columns> = (row, report) => {
  if (
    (row.survival_percent !== undefined || row.survival_ci_lower !== undefined) &&
    row.time === undefined
  ) {
    report({
      column: 'time',
      expected: 'the time at which survival_percent holds',
      found: 'an empty cell',
    });
  }
  if (row.events !== undefined && row.events > row.n)
    report({ column: 'events', expected: `events ≤ n (${row.n})`, found: String(row.events) });
};

/**
 * `arm-time-to-event`: one row per trial × outcome × population × arm (the arm's n, events and
 * median with CI), plus one row per stated time with the survival percentage there
 * (docs/datasets.md).
 */
export const armTimeToEventSchema = defineSchema({
  name: 'arm-time-to-event',
  columns,
  key: ['trial', 'outcome', 'population', 'arm', 'time'],
  checks: [
    ordered('median_ci_lower', 'median', 'median_ci_upper'),
    ordered('survival_ci_lower', 'survival_percent', 'survival_ci_upper'),
    timeForPercent,
    derivedColumnsExist(columns),
  ],
});

/** A row of an `arm-time-to-event` table. */
export interface ArmTimeToEventValues extends CommonValues {
  readonly trial: string;
  readonly outcome: string;
  readonly population?: string;
  readonly arm: string;
  readonly n: number;
  readonly events?: number;
  readonly unit?: string;
  readonly median?: number;
  readonly median_ci_lower?: number;
  readonly median_ci_upper?: number;
  readonly time?: number;
  readonly survival_percent?: number;
  readonly survival_ci_lower?: number;
  readonly survival_ci_upper?: number;
  readonly ci_level?: number;
}

// Fails to compile if the interface and the schema disagree.
const _armTimeToEventMatches: Same<ArmTimeToEventValues, ValuesOf<typeof columns>> = true;

import { ordered } from '../checks.js';
import { defineSchema, type CheckIssue, type RowCheck, type ValuesOf } from '../schema.js';
import { commonColumns, derivedColumnsExist, type CommonValues, type Same } from './common.js';

export const REPORTED_MEASURES = [
  'MD',
  'SMD',
  'RD',
  'RR',
  'OR',
  'HR',
  'ROM',
  'LSMD',
  'other',
] as const;

const columns = {
  trial: { type: 'text', required: true },
  outcome: { type: 'text', required: true },
  timepoint: { type: 'text' },
  measure: { type: 'enum', required: true, values: REPORTED_MEASURES },
  arm: { type: 'text', required: true, description: 'arm name as in the arm tables' },
  comparator: { type: 'text', required: true, description: 'arm name as in the arm tables' },
  estimate: { type: 'number' },
  ci_lower: { type: 'number' },
  ci_upper: { type: 'number' },
  ci_level: {
    type: 'number',
    min: 0,
    max: 1,
    minExclusive: true,
    maxExclusive: true,
    description: 'empty = not stated',
  },
  p: { type: 'number', min: 0, max: 1 },
  p_relation: {
    type: 'enum',
    values: ['=', '<', '>', '<='],
    description: '= when p is given and this is empty',
  },
  test: { type: 'text', description: 'the test or model as stated' },
  population: { type: 'text', description: 'analysis set, cohort' },
  events_arm: { type: 'integer', min: 0, description: 'HR rows: events in `arm`' },
  events_comparator: { type: 'integer', min: 0, description: 'HR rows: events in `comparator`' },
  events_total: { type: 'integer', min: 0, description: 'HR rows: events in both arms' },
  n_arm: { type: 'integer', min: 1, description: 'HR rows: patients randomised to `arm`' },
  n_comparator: {
    type: 'integer',
    min: 1,
    description: 'HR rows: patients randomised to `comparator`',
  },
  o_minus_e: {
    type: 'number',
    description: 'HR rows: log-rank observed minus expected events in `arm`',
  },
  logrank_v: {
    type: 'number',
    min: 0,
    minExclusive: true,
    description: 'HR rows: log-rank variance V',
  },
  logrank_p: { type: 'number', min: 0, max: 1, description: 'HR rows: two-sided log-rank p' },
  favours: {
    type: 'enum',
    values: ['arm', 'comparator'],
    description: 'HR rows: the arm with the lower hazard, when only a log-rank p gives the result',
  },
  ...commonColumns,
} as const;

/** `reported-comparison`: one row per published between-arm comparison (docs/datasets.md). */
export const reportedComparisonSchema = defineSchema({
  name: 'reported-comparison',
  columns,
  key: ['trial', 'outcome', 'timepoint', 'measure', 'arm', 'comparator', 'population'],
  checks: [
    ordered('ci_lower', 'estimate', 'ci_upper'),
    positiveRatio,
    derivedColumnsExist(columns),
    survivalColumnsOnHr,
  ],
});

/** Ratio measures are printed on the ratio scale: a ratio, and its CI, is > 0 (a log ratio belongs in another column). */
const RATIO_MEASURES: readonly string[] = ['RR', 'OR', 'HR', 'ROM'];

function positiveRatio(row: ValuesOf<typeof columns>, report: (issue: CheckIssue) => void): void {
  if (!RATIO_MEASURES.includes(row.measure)) return;
  for (const column of ['estimate', 'ci_lower', 'ci_upper'] as const) {
    const value = row[column];
    if (value !== undefined && !(value > 0)) {
      report({
        column,
        expected: `a number > 0 (${row.measure} is a ratio)`,
        found: String(value),
        hint: 'a log ratio? give exp(value)',
      });
    }
  }
}

const SURVIVAL_COLUMNS = [
  'events_arm',
  'events_comparator',
  'events_total',
  'n_arm',
  'n_comparator',
  'o_minus_e',
  'logrank_v',
  'logrank_p',
  'favours',
] as const;

/** The time-to-event columns belong to HR rows; events ≤ n and per-arm events sum to the total. */
function survivalColumnsOnHr(...[row, report]: Parameters<RowCheck<typeof columns>>): void {
  const used = SURVIVAL_COLUMNS.filter((c) => row[c] !== undefined);
  if (used.length > 0 && row.measure !== 'HR') {
    report({
      column: used[0],
      expected: 'empty unless measure is HR',
      found: `${used[0]} with measure ${row.measure}`,
    });
  }
  if (row.events_arm !== undefined && row.n_arm !== undefined && row.events_arm > row.n_arm) {
    report({
      column: 'events_arm',
      expected: `events_arm ≤ n_arm (${row.n_arm})`,
      found: String(row.events_arm),
    });
  }
  if (
    row.events_comparator !== undefined &&
    row.n_comparator !== undefined &&
    row.events_comparator > row.n_comparator
  ) {
    report({
      column: 'events_comparator',
      expected: `events_comparator ≤ n_comparator (${row.n_comparator})`,
      found: String(row.events_comparator),
    });
  }
  if (
    row.events_arm !== undefined &&
    row.events_comparator !== undefined &&
    row.events_total !== undefined &&
    row.events_arm + row.events_comparator !== row.events_total
  ) {
    report({
      column: 'events_total',
      expected: `events_arm + events_comparator (${row.events_arm + row.events_comparator})`,
      found: String(row.events_total),
    });
  }
}

/** A row of a `reported-comparison` table. */
export interface ReportedComparisonValues extends CommonValues {
  readonly trial: string;
  readonly outcome: string;
  readonly timepoint?: string;
  readonly measure: (typeof REPORTED_MEASURES)[number];
  readonly arm: string;
  readonly comparator: string;
  readonly estimate?: number;
  readonly ci_lower?: number;
  readonly ci_upper?: number;
  /** Empty when the source does not state it. */
  readonly ci_level?: number;
  readonly p?: number;
  /** Undefined means `=` when `p` is given. */
  readonly p_relation?: '=' | '<' | '>' | '<=';
  readonly test?: string;
  readonly population?: string;
  /** HR rows: events per arm and in total, arm sizes, log-rank O − E, V and p (Tierney 2007 inputs). */
  readonly events_arm?: number;
  readonly events_comparator?: number;
  readonly events_total?: number;
  readonly n_arm?: number;
  readonly n_comparator?: number;
  readonly o_minus_e?: number;
  readonly logrank_v?: number;
  readonly logrank_p?: number;
  readonly favours?: 'arm' | 'comparator';
}

// Fails to compile if the interface and the schema disagree.
const _reportedComparisonMatches: Same<ReportedComparisonValues, ValuesOf<typeof columns>> = true;

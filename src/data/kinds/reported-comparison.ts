import { ordered } from '../checks.js';
import { defineSchema, type CheckIssue, type ValuesOf } from '../schema.js';
import { commonColumns, derivedColumnsExist, type CommonValues, type Same } from './common.js';

export const REPORTED_MEASURES = ['MD', 'SMD', 'RD', 'RR', 'OR', 'HR', 'ROM', 'LSMD', 'other'] as const;

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
  ci_level: { type: 'number', min: 0, max: 1, minExclusive: true, maxExclusive: true, description: 'empty = not stated' },
  p: { type: 'number', min: 0, max: 1 },
  p_relation: { type: 'enum', values: ['=', '<', '>', '<='], description: '= when p is given and this is empty' },
  test: { type: 'text', description: 'the test or model as stated' },
  population: { type: 'text', description: 'analysis set, cohort' },
  ...commonColumns,
} as const;

/** `reported-comparison`: one row per published between-arm comparison (docs/datasets.md). */
export const reportedComparisonSchema = defineSchema({
  name: 'reported-comparison',
  columns,
  key: ['trial', 'outcome', 'timepoint', 'measure', 'arm', 'comparator', 'population'],
  checks: [ordered('ci_lower', 'estimate', 'ci_upper'), positiveRatio, derivedColumnsExist(columns)],
});

/** Ratio measures are printed on the ratio scale: a ratio, and its CI, is > 0 (a log ratio belongs in another column). */
const RATIO_MEASURES: readonly string[] = ['RR', 'OR', 'HR', 'ROM'];

function positiveRatio(row: ValuesOf<typeof columns>, report: (issue: CheckIssue) => void): void {
  if (!RATIO_MEASURES.includes(row.measure)) return;
  for (const column of ['estimate', 'ci_lower', 'ci_upper'] as const) {
    const value = row[column];
    if (value !== undefined && !(value > 0)) {
      report({ column, expected: `a number > 0 (${row.measure} is a ratio)`, found: String(value), hint: 'a log ratio? give exp(value)' });
    }
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
}

// Fails to compile if the interface and the schema disagree.
const reportedComparisonMatches: Same<ReportedComparisonValues, ValuesOf<typeof columns>> = true;

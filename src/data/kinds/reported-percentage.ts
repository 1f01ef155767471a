import { ordered } from '../checks.js';
import { defineSchema, type ValuesOf } from '../schema.js';
import { commonColumns, derivedColumnsExist, type CommonValues, type Same } from './common.js';

/** What a printed percentage is a percentage of (`percent_of`); only `count` and `km-estimate` are checkable against n. */
export const PERCENT_BASES = ['count', 'km-estimate', 'score', 'rate', 'verbal'] as const;

const columns = {
  id: { type: 'text', required: true },
  context: { type: 'text', required: true, description: 'what the figure describes' },
  percent: { type: 'number', required: true, min: 0, max: 100, description: 'as printed' },
  n: { type: 'integer', min: 1, description: 'the denominator, when given' },
  count: { type: 'integer', min: 0, description: 'the numerator, when printed' },
  percent_of: {
    type: 'enum',
    values: PERCENT_BASES,
    default: 'count',
    description:
      'what the percentage is: count = a share k/n of the denominator (checked for a whole k); km-estimate = a Kaplan–Meier estimate on n at the start (checked for reachability); score = a change in a score, rate = a population rate (neither is a share of n: not checkable as a count); verbal = a verbal fraction (« la moitié », « un tiers ») as 100 × the fraction, checked for a whole count',
  },
  split: {
    type: 'text',
    description:
      'rows with the same split id are the arms of one total (split_total) whose sizes are not printed',
  },
  split_total: { type: 'integer', min: 1, description: 'the arms of the split together' },
  ...commonColumns,
} as const;

/** `reported-percentage`: a standalone printed percentage to audit (docs/datasets.md). */
export const reportedPercentageSchema = defineSchema({
  name: 'reported-percentage',
  columns,
  key: ['id'],
  checks: [ordered('count', 'n'), derivedColumnsExist(columns)],
});

/** A row of a `reported-percentage` table. */
export interface ReportedPercentageValues extends CommonValues {
  readonly id: string;
  readonly context: string;
  /** As printed, in [0, 100]. */
  readonly percent: number;
  readonly n?: number;
  readonly count?: number;
  /** `count` (default): a share k/n; `km-estimate`, `score`, `rate`: see PERCENT_BASES. */
  readonly percent_of: (typeof PERCENT_BASES)[number];
  /** Rows with the same split are arms of one `split_total`. */
  readonly split?: string;
  readonly split_total?: number;
}

// Fails to compile if the interface and the schema disagree.
const _reportedPercentageMatches: Same<ReportedPercentageValues, ValuesOf<typeof columns>> = true;

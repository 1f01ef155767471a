import { ordered } from '../checks.js';
import { defineSchema, type ValuesOf } from '../schema.js';
import { commonColumns, derivedColumnsExist, type CommonValues, type Same } from './common.js';

const columns = {
  id: { type: 'text', required: true },
  context: { type: 'text', required: true, description: 'what the figure describes' },
  percent: { type: 'number', required: true, min: 0, max: 100, description: 'as printed' },
  n: { type: 'integer', min: 1, description: 'the denominator, when given' },
  count: { type: 'integer', min: 0, description: 'the numerator, when printed' },
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
}

// Fails to compile if the interface and the schema disagree.
const _reportedPercentageMatches: Same<ReportedPercentageValues, ValuesOf<typeof columns>> = true;

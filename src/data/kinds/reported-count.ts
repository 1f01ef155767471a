import { defineSchema, type ValuesOf } from '../schema.js';
import { commonColumns, derivedColumnsExist, type CommonValues, type Same } from './common.js';

const columns = {
  id: { type: 'text', required: true },
  context: { type: 'text', required: true, description: 'what the count describes, as printed' },
  count: { type: 'integer', required: true, min: 0 },
  relation: {
    type: 'enum',
    values: ['=', '>', '>='],
    default: '=',
    description: '"plus de 1 200" is > 1200',
  },
  measure: {
    type: 'enum',
    values: ['trials', 'enrolment', 'none'],
    default: 'trials',
    description:
      'what to count among the trial-registry rows of the same dataset: trials (rows), enrolment (sum), none (stated for the record: the rows cannot answer it)',
  },
  condition: { type: 'text', description: 'keep rows whose condition contains this text' },
  country: { type: 'text', description: 'keep rows whose countries contain this text' },
  intervention: {
    type: 'text',
    description: 'keep rows whose name, intervention or mechanism contains this text',
  },
  statuses: { type: 'text', description: 'keep rows with one of these statuses (; separated)' },
  registry: {
    type: 'text',
    description: 'keep rows whose registry_id starts with this (NCT: counts of ClinicalTrials.gov)',
  },
  ...commonColumns,
} as const;

/** `reported-count`: an aggregate count a source prints about the trials of a landscape (docs/datasets.md). */
export const reportedCountSchema = defineSchema({
  name: 'reported-count',
  columns,
  key: ['id'],
  checks: [derivedColumnsExist(columns)],
});

/** A row of a `reported-count` table. */
export interface ReportedCountValues extends CommonValues {
  readonly id: string;
  readonly context: string;
  readonly count: number;
  readonly relation: '=' | '>' | '>=';
  readonly measure: 'trials' | 'enrolment' | 'none';
  readonly condition?: string;
  readonly country?: string;
  readonly intervention?: string;
  readonly statuses?: string;
  readonly registry?: string;
}

// Fails to compile if the interface and the schema disagree.
const _reportedCountMatches: Same<ReportedCountValues, ValuesOf<typeof columns>> = true;

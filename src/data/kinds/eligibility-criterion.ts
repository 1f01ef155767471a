import { defineSchema, type ValuesOf } from '../schema.js';
import { commonColumns, derivedColumnsExist, type CommonValues, type Same } from './common.js';

/** How a threshold criterion compares its variable with its value. */
export const CRITERION_RELATIONS = ['<', '<=', '>', '>=', '='] as const;

const columns = {
  trial: { type: 'text', required: true },
  type: { type: 'enum', values: ['inclusion', 'exclusion'], required: true },
  criterion: { type: 'text', required: true, description: 'the criterion as the source words it' },
  group: { type: 'text', description: 'the design group it applies to; empty = every group' },
  variable: { type: 'text', description: 'what a threshold criterion measures (e.g. FVC)' },
  relation: { type: 'enum', values: CRITERION_RELATIONS },
  value: { type: 'number', description: 'the threshold' },
  unit: { type: 'text' },
  ...commonColumns,
} as const;

/** `eligibility-criterion`: one row per inclusion or exclusion criterion of a trial (docs/datasets.md). */
export const eligibilityCriterionSchema = defineSchema({
  name: 'eligibility-criterion',
  columns,
  key: ['trial', 'type', 'criterion', 'variable'],
  checks: [derivedColumnsExist(columns)],
});

/** A row of an `eligibility-criterion` table. */
export interface EligibilityCriterionValues extends CommonValues {
  readonly trial: string;
  readonly type: 'inclusion' | 'exclusion';
  readonly criterion: string;
  readonly group?: string;
  readonly variable?: string;
  readonly relation?: (typeof CRITERION_RELATIONS)[number];
  readonly value?: number;
  readonly unit?: string;
}

// Fails to compile if the interface and the schema disagree.
const _eligibilityCriterionMatches: Same<
  EligibilityCriterionValues,
  ValuesOf<typeof columns>
> = true;

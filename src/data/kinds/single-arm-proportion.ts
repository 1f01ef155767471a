import { ordered } from '../checks.js';
import { defineSchema, type ValuesOf } from '../schema.js';
import { commonColumns, derivedColumnsExist, type CommonValues, type Same } from './common.js';

const columns = {
  study: { type: 'text', required: true, description: 'e.g. Bride 2016' },
  group: { type: 'text', description: 'subgroup or cohort' },
  outcome: { type: 'text', required: true },
  events: { type: 'integer', required: true, min: 0 },
  n: { type: 'integer', required: true, min: 1 },
  percent: { type: 'number', min: 0, max: 100, description: 'as printed' },
  ...commonColumns,
} as const;

/** `single-arm-proportion`: one row per study × group × outcome (docs/datasets.md). */
export const singleArmProportionSchema = defineSchema({
  name: 'single-arm-proportion',
  columns,
  key: ['study', 'group', 'outcome'],
  checks: [ordered('events', 'n'), derivedColumnsExist(columns)],
});

/** A row of a `single-arm-proportion` table. */
export interface SingleArmProportionValues extends CommonValues {
  readonly study: string;
  readonly group?: string;
  readonly outcome: string;
  readonly events: number;
  readonly n: number;
  readonly percent?: number;
}

// Fails to compile if the interface and the schema disagree.
const _singleArmProportionMatches: Same<SingleArmProportionValues, ValuesOf<typeof columns>> = true;

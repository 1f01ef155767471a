import { ordered } from '../checks.js';
import { defineSchema, type ValuesOf } from '../schema.js';
import { commonColumns, derivedColumnsExist, type CommonValues, type Same } from './common.js';

const columns = {
  trial: { type: 'text', required: true },
  outcome: { type: 'text', required: true },
  arm: { type: 'text', required: true },
  timepoint: { type: 'text' },
  population: {
    type: 'text',
    description: 'analysis set or cohort (e.g. full cohort); comparisons join on it',
  },
  events: { type: 'integer', required: true, min: 0 },
  n: { type: 'integer', required: true, min: 1 },
  percent: { type: 'number', min: 0, max: 100, description: 'as printed in the source' },
  ...commonColumns,
} as const;

/** `arm-binary`: one row per trial × outcome × arm (docs/datasets.md). */
export const armBinarySchema = defineSchema({
  name: 'arm-binary',
  columns,
  key: ['trial', 'outcome', 'timepoint', 'population', 'arm'],
  checks: [ordered('events', 'n'), derivedColumnsExist(columns)],
});

/** A row of an `arm-binary` table. */
export interface ArmBinaryValues extends CommonValues {
  readonly trial: string;
  readonly outcome: string;
  readonly arm: string;
  readonly timepoint?: string;
  /** Analysis set or cohort; a reported comparison with the same population joins to it. */
  readonly population?: string;
  /** Participants with the event, 0 ≤ events ≤ n. */
  readonly events: number;
  readonly n: number;
  /** Percentage as printed in the source, in [0, 100]. */
  readonly percent?: number;
}

// Fails to compile if the interface and the schema disagree.
const _armBinaryMatches: Same<ArmBinaryValues, ValuesOf<typeof columns>> = true;

import { ordered } from '../checks.js';
import { defineSchema, type ValuesOf } from '../schema.js';
import { commonColumns, derivedColumnsExist, type CommonValues, type Same } from './common.js';

const columns = {
  trial: { type: 'text', required: true },
  outcome: { type: 'text', required: true, description: 'e.g. 6MWD' },
  timepoint: { type: 'text', required: true, description: 'e.g. month 12' },
  population: {
    type: 'text',
    description: 'analysis set or cohort (e.g. full cohort); comparisons join on it',
  },
  arm: { type: 'text', required: true },
  n: { type: 'integer', required: true, min: 1 },
  scale: { type: 'enum', values: ['value', 'change', 'percent-change'], default: 'value' },
  mean_type: { type: 'enum', values: ['arithmetic', 'ls'], default: 'arithmetic' },
  mean: { type: 'number' },
  sd: { type: 'number', min: 0 },
  se: { type: 'number', min: 0 },
  ci_lower: { type: 'number' },
  ci_upper: { type: 'number' },
  ci_level: { type: 'number', min: 0, max: 1, minExclusive: true, maxExclusive: true },
  median: { type: 'number' },
  q1: { type: 'number' },
  q3: { type: 'number' },
  min: { type: 'number' },
  max: { type: 'number' },
  unit: { type: 'text', description: 'e.g. m, ml, %, points' },
  better: { type: 'enum', values: ['higher', 'lower'] },
  ...commonColumns,
} as const;

/** `arm-continuous`: one row per trial × outcome × timepoint × arm (docs/datasets.md). */
export const armContinuousSchema = defineSchema({
  name: 'arm-continuous',
  columns,
  key: ['trial', 'outcome', 'timepoint', 'population', 'scale', 'arm'],
  checks: [
    ordered('ci_lower', 'mean', 'ci_upper'),
    ordered('min', 'q1', 'median', 'q3', 'max'),
    ordered('min', 'mean', 'max'),
    derivedColumnsExist(columns),
  ],
});

/** A row of an `arm-continuous` table (plus `$line`, `$printed` when parsed). */
export interface ArmContinuousValues extends CommonValues {
  readonly trial: string;
  readonly outcome: string;
  readonly timepoint: string;
  /** Analysis set or cohort; a reported comparison with the same population joins to it. */
  readonly population?: string;
  readonly arm: string;
  /** Participants analysed, ≥ 1. */
  readonly n: number;
  /** `value` (default), `change` from baseline, `percent-change`. */
  readonly scale: 'value' | 'change' | 'percent-change';
  /** `arithmetic` (default) or `ls` (least-squares / model-adjusted). */
  readonly mean_type: 'arithmetic' | 'ls';
  readonly mean?: number;
  readonly sd?: number;
  readonly se?: number;
  readonly ci_lower?: number;
  readonly ci_upper?: number;
  /** In (0, 1), e.g. 0.95. */
  readonly ci_level?: number;
  readonly median?: number;
  readonly q1?: number;
  readonly q3?: number;
  readonly min?: number;
  readonly max?: number;
  readonly unit?: string;
  readonly better?: 'higher' | 'lower';
}

// Fails to compile if the interface and the schema disagree.
const _armContinuousMatches: Same<ArmContinuousValues, ValuesOf<typeof columns>> = true;

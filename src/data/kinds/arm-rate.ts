import { defineSchema, type ValuesOf } from '../schema.js';
import { commonColumns, derivedColumnsExist, type CommonValues, type Same } from './common.js';

const columns = {
  trial: { type: 'text', required: true },
  outcome: { type: 'text', required: true },
  arm: { type: 'text', required: true },
  timepoint: { type: 'text' },
  population: {
    type: 'text',
    description: 'analysis set or cohort (e.g. safety set); comparisons join on it',
  },
  events: {
    type: 'integer',
    required: true,
    min: 0,
    description: 'number of events (not patients)',
  },
  person_time: {
    type: 'number',
    required: true,
    min: 0,
    minExclusive: true,
    description: 'person-time at risk, in `unit`',
  },
  unit: { type: 'text', description: 'unit of person_time, e.g. patient-years' },
  n: { type: 'integer', min: 1, description: 'patients, where printed' },
  rate: { type: 'number', min: 0, description: 'rate as printed, per `unit` (or per rate_per)' },
  rate_per: {
    type: 'number',
    min: 0,
    minExclusive: true,
    description:
      'the printed rate is per this much person-time (e.g. 100 for per 100 patient-years)',
  },
  ...commonColumns,
} as const;

/**
 * `arm-rate`: events with person-time, one row per trial × outcome × arm (or per study for a
 * single group), e.g. adverse events per patient-year (docs/datasets.md).
 */
export const armRateSchema = defineSchema({
  name: 'arm-rate',
  columns,
  key: ['trial', 'outcome', 'timepoint', 'population', 'arm'],
  checks: [derivedColumnsExist(columns)],
});

/** A row of an `arm-rate` table. */
export interface ArmRateValues extends CommonValues {
  readonly trial: string;
  readonly outcome: string;
  readonly arm: string;
  readonly timepoint?: string;
  readonly population?: string;
  /** Events counted (a patient may have several). */
  readonly events: number;
  /** Person-time at risk, > 0, in `unit`. */
  readonly person_time: number;
  readonly unit?: string;
  readonly n?: number;
  /** Rate as printed, per `rate_per` units of person-time (1 when not given). */
  readonly rate?: number;
  readonly rate_per?: number;
}

// Fails to compile if the interface and the schema disagree.
const _armRateMatches: Same<ArmRateValues, ValuesOf<typeof columns>> = true;

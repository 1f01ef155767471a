import { defineSchema, type RowCheck, type ValuesOf } from '../schema.js';
import { commonColumns, derivedColumnsExist, type CommonValues, type Same } from './common.js';

const columns = {
  trial: { type: 'text', required: true },
  outcome: { type: 'text', required: true },
  arm: { type: 'text', required: true },
  patient: { type: 'text', description: 'patient identifier (optional)' },
  stratum: {
    type: 'text',
    description: 'stratification factor level, for stratified log-rank and Cox',
  },
  time: { type: 'number', min: 0, description: 'time to event or censoring (with `event`)' },
  event: { type: 'integer', min: 0, max: 1, description: '1 = event at `time`, 0 = censored' },
  value: { type: 'number', description: 'a continuous outcome' },
  response: { type: 'integer', min: 0, max: 1, description: 'a binary outcome: 1 = yes' },
  unit: { type: 'text' },
  ...commonColumns,
} as const;

/** Exactly one outcome per row: time with event, or value, or response. */
const oneOutcome: RowCheck<typeof columns> = (row, report) => {
  if ((row.time === undefined) !== (row.event === undefined)) {
    report({
      column: row.time === undefined ? 'time' : 'event',
      expected: 'time and event together',
      found: 'only one of them',
    });
  }
  const kinds = [
    row.time !== undefined || row.event !== undefined,
    row.value !== undefined,
    row.response !== undefined,
  ].filter(Boolean).length;
  if (kinds !== 1)
    report({
      column: 'value',
      expected: 'one outcome per row: time with event, or value, or response',
      found: kinds === 0 ? 'none' : `${kinds}`,
    });
};

/**
 * `patient-level`: one row per patient × outcome — arm plus (time, event), or a value, or a
 * binary response. Summarised into the arm kinds by summarizePatients (docs/datasets.md).
 */
export const patientLevelSchema = defineSchema({
  name: 'patient-level',
  columns,
  // No key: `patient` is optional, and a patient has one row per outcome.
  checks: [oneOutcome, derivedColumnsExist(columns)],
});

/** A row of a `patient-level` table. */
export interface PatientLevelValues extends CommonValues {
  readonly trial: string;
  readonly outcome: string;
  readonly arm: string;
  readonly patient?: string;
  readonly stratum?: string;
  readonly time?: number;
  readonly event?: number;
  readonly value?: number;
  readonly response?: number;
  readonly unit?: string;
}

// Fails to compile if the interface and the schema disagree.
const _patientLevelMatches: Same<PatientLevelValues, ValuesOf<typeof columns>> = true;

import { ordered } from '../checks.js';
import { defineSchema, type RowCheck, type ValuesOf } from '../schema.js';
import { commonColumns, derivedColumnsExist, type CommonValues, type Same } from './common.js';

export const TRIAL_PHASES = ['1', '1/2', '2', '2/3', '3', '4', 'observational', 'other'] as const;
export const TRIAL_STATUSES = [
  'not-yet-recruiting',
  'recruiting',
  'active',
  'completed',
  'terminated',
  'unknown',
] as const;

const columns = {
  registry_id: {
    type: 'text',
    description: 'NCT + 8 digits, EudraCT number, or other id; empty when none',
  },
  name: { type: 'text', required: true, description: 'acronym or short title' },
  intervention: { type: 'text', required: true },
  mechanism: { type: 'text' },
  condition: { type: 'text', required: true, description: 'several separated by ;' },
  phase: { type: 'enum', values: TRIAL_PHASES },
  enrolment: { type: 'integer', min: 1, description: 'planned, unless note says otherwise' },
  age_min: { type: 'number', min: 0, description: 'years' },
  age_max: { type: 'number', min: 0, description: 'years' },
  start: { type: 'date' },
  end: { type: 'date' },
  status: { type: 'enum', values: TRIAL_STATUSES },
  countries: { type: 'text', description: 'several separated by ;' },
  page_context: { type: 'text', description: "the seed's words around the row" },
  ...commonColumns,
} as const;

/** An id that starts like a registry id must be well formed (NCT + 8 digits; EudraCT YYYY-NNNNNN-CC). */
const registryIdFormat: RowCheck<typeof columns> = (row, report) => {
  const id = row.registry_id;
  if (id === undefined) return;
  if (/^nct/i.test(id) && !/^NCT\d{8}$/.test(id)) {
    report({
      column: 'registry_id',
      expected: 'NCT followed by 8 digits (e.g. NCT02481453)',
      found: `"${id}"`,
    });
  }
  if (/^(eudract\s*)?\d{4}-\d/i.test(id) && !/^(EudraCT\s*)?\d{4}-\d{6}-\d{2}$/i.test(id)) {
    report({
      column: 'registry_id',
      expected: 'a EudraCT number YYYY-NNNNNN-CC (e.g. 2015-000000-12)',
      found: `"${id}"`,
    });
  }
};

/** `trial-registry`: one row per trial or study (docs/datasets.md). */
export const trialRegistrySchema = defineSchema({
  name: 'trial-registry',
  columns,
  key: ['registry_id', 'name'],
  checks: [
    registryIdFormat,
    ordered('start', 'end'),
    ordered('age_min', 'age_max'),
    derivedColumnsExist(columns),
  ],
});

/** A row of a `trial-registry` table. */
export interface TrialRegistryValues extends CommonValues {
  readonly registry_id?: string;
  readonly name: string;
  readonly intervention: string;
  readonly mechanism?: string;
  /** Several separated by `;`. */
  readonly condition: string;
  readonly phase?: (typeof TRIAL_PHASES)[number];
  readonly enrolment?: number;
  readonly age_min?: number;
  readonly age_max?: number;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  readonly start?: string;
  readonly end?: string;
  readonly status?: (typeof TRIAL_STATUSES)[number];
  readonly countries?: string;
  readonly page_context?: string;
}

// Fails to compile if the interface and the schema disagree.
const _trialRegistryMatches: Same<TrialRegistryValues, ValuesOf<typeof columns>> = true;

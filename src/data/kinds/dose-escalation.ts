import { ordered } from '../checks.js';
import { defineSchema, type ValuesOf } from '../schema.js';
import { commonColumns, derivedColumnsExist, type CommonValues, type Same } from './common.js';

/** Escalation rules a `dose-escalation` row can name. */
export const ESCALATION_RULES = ['3+3', 'other'] as const;

const columns = {
  trial: { type: 'text', required: true },
  registry_id: { type: 'text', description: 'NCT number or other registry id' },
  group: {
    type: 'text',
    required: true,
    description: 'the escalation this level belongs to (each group escalates on its own)',
  },
  group_definition: { type: 'text', description: 'who is in the group, in the source’s words' },
  level: { type: 'integer', required: true, min: 1, description: 'dose level, 1 = lowest' },
  dose: { type: 'number', required: true, min: 0 },
  dose_unit: { type: 'text', required: true, description: 'e.g. million cells, mg/kg' },
  rule: { type: 'enum', values: ESCALATION_RULES, required: true },
  cohort_size: { type: 'integer', min: 1, description: 'patients per cohort (3 for 3+3)' },
  max_per_dose: { type: 'integer', min: 1, description: 'most patients one dose can receive' },
  dlt_from_day: { type: 'number', min: 0, description: 'start of the DLT window (day)' },
  dlt_to_day: { type: 'number', min: 0, description: 'end of the DLT window (day)' },
  follow_up_months: {
    type: 'number',
    min: 0,
    description: 'adverse events followed up to this month (end of participation)',
  },
  ...commonColumns,
} as const;

/** `dose-escalation`: one row per group × dose level of an escalation design (docs/datasets.md). */
export const doseEscalationSchema = defineSchema({
  name: 'dose-escalation',
  columns,
  key: ['trial', 'group', 'level'],
  checks: [ordered('dlt_from_day', 'dlt_to_day'), derivedColumnsExist(columns)],
});

/** A row of a `dose-escalation` table. */
export interface DoseEscalationValues extends CommonValues {
  readonly trial: string;
  readonly registry_id?: string;
  readonly group: string;
  readonly group_definition?: string;
  readonly level: number;
  readonly dose: number;
  readonly dose_unit: string;
  readonly rule: (typeof ESCALATION_RULES)[number];
  readonly cohort_size?: number;
  readonly max_per_dose?: number;
  readonly dlt_from_day?: number;
  readonly dlt_to_day?: number;
  readonly follow_up_months?: number;
}

// Fails to compile if the interface and the schema disagree.
const _doseEscalationMatches: Same<DoseEscalationValues, ValuesOf<typeof columns>> = true;

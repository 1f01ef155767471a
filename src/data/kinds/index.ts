import type { RowMeta } from '../schema.js';
import { armBinarySchema, type ArmBinaryValues } from './arm-binary.js';
import { armContinuousSchema, type ArmContinuousValues } from './arm-continuous.js';
import { reportedComparisonSchema, type ReportedComparisonValues } from './reported-comparison.js';
import { reportedPercentageSchema, type ReportedPercentageValues } from './reported-percentage.js';
import {
  singleArmProportionSchema,
  type SingleArmProportionValues,
} from './single-arm-proportion.js';
import { trialRegistrySchema, type TrialRegistryValues } from './trial-registry.js';
import { armTimeToEventSchema, type ArmTimeToEventValues } from './arm-time-to-event.js';
import { kmCurveSchema, type KmCurveValues } from './km-curve.js';
import { patientLevelSchema, type PatientLevelValues } from './patient-level.js';
import { armRateSchema, type ArmRateValues } from './arm-rate.js';
import { doseEscalationSchema, type DoseEscalationValues } from './dose-escalation.js';
import { reportedCountSchema, type ReportedCountValues } from './reported-count.js';
import {
  eligibilityCriterionSchema,
  type EligibilityCriterionValues,
} from './eligibility-criterion.js';

/** Every dataset kind's schema, by kind name (docs/datasets.md). */
export const KINDS = {
  'arm-continuous': armContinuousSchema,
  'arm-binary': armBinarySchema,
  'reported-comparison': reportedComparisonSchema,
  'single-arm-proportion': singleArmProportionSchema,
  'reported-percentage': reportedPercentageSchema,
  'trial-registry': trialRegistrySchema,
  'arm-time-to-event': armTimeToEventSchema,
  'km-curve': kmCurveSchema,
  'patient-level': patientLevelSchema,
  'arm-rate': armRateSchema,
  'dose-escalation': doseEscalationSchema,
  'eligibility-criterion': eligibilityCriterionSchema,
  'reported-count': reportedCountSchema,
} as const;

export type Kind = keyof typeof KINDS;
export const KIND_NAMES = Object.keys(KINDS) as Kind[];

export function isKind(name: string): name is Kind {
  return Object.hasOwn(KINDS, name);
}

export type ArmContinuousRow = ArmContinuousValues & RowMeta;
export type ArmBinaryRow = ArmBinaryValues & RowMeta;
export type ReportedComparisonRow = ReportedComparisonValues & RowMeta;
export type SingleArmProportionRow = SingleArmProportionValues & RowMeta;
export type ReportedPercentageRow = ReportedPercentageValues & RowMeta;
export type TrialRegistryRow = TrialRegistryValues & RowMeta;
export type ArmTimeToEventRow = ArmTimeToEventValues & RowMeta;
export type KmCurveRow = KmCurveValues & RowMeta;
export type PatientLevelRow = PatientLevelValues & RowMeta;
export type ArmRateRow = ArmRateValues & RowMeta;
export type DoseEscalationRow = DoseEscalationValues & RowMeta;
export type EligibilityCriterionRow = EligibilityCriterionValues & RowMeta;
export type ReportedCountRow = ReportedCountValues & RowMeta;

/** Row type of each kind. */
export interface KindRows {
  'arm-continuous': ArmContinuousRow;
  'arm-binary': ArmBinaryRow;
  'reported-comparison': ReportedComparisonRow;
  'single-arm-proportion': SingleArmProportionRow;
  'reported-percentage': ReportedPercentageRow;
  'trial-registry': TrialRegistryRow;
  'arm-time-to-event': ArmTimeToEventRow;
  'km-curve': KmCurveRow;
  'patient-level': PatientLevelRow;
  'arm-rate': ArmRateRow;
  'dose-escalation': DoseEscalationRow;
  'eligibility-criterion': EligibilityCriterionRow;
  'reported-count': ReportedCountRow;
}

export {
  armContinuousSchema,
  armBinarySchema,
  reportedComparisonSchema,
  singleArmProportionSchema,
  reportedPercentageSchema,
  trialRegistrySchema,
};
export type {
  ArmContinuousValues,
  ArmBinaryValues,
  ReportedComparisonValues,
  SingleArmProportionValues,
  ReportedPercentageValues,
  TrialRegistryValues,
};
export { REPORTED_MEASURES } from './reported-comparison.js';
export { armTimeToEventSchema, kmCurveSchema, patientLevelSchema };
export type { ArmTimeToEventValues, KmCurveValues, PatientLevelValues };
export { armRateSchema };
export type { ArmRateValues };
export { TRIAL_PHASES, TRIAL_STATUSES } from './trial-registry.js';
export { splitList, derivedPairs } from './common.js';
export { doseEscalationSchema, eligibilityCriterionSchema };
export type { DoseEscalationValues, EligibilityCriterionValues };
export { ESCALATION_RULES } from './dose-escalation.js';
export { CRITERION_RELATIONS } from './eligibility-criterion.js';
export { reportedCountSchema };
export type { ReportedCountValues };

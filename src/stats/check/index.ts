export {
  parseReported,
  reportedInterval,
  intervalContains,
  intervalsOverlap,
  decimalsOf,
} from './reported-value.js';
export type { ReportedValue, Relation, ValueInterval } from './reported-value.js';
export { judgeReported } from './judge-reported.js';
export type { CheckStatus, Judgement } from './judge-reported.js';
export { percentCounts, percentDenominators } from './percent-counts.js';
export type { PercentCountsResult, PercentDenominatorsResult } from './percent-counts.js';
export { grim } from './grim.js';
export type { GrimResult } from './grim.js';
export { grimmer } from './grimmer.js';
export type { GrimmerResult, GrimmerReason } from './grimmer.js';
export { checkPValueCi } from './p-value-from-ci.js';
export type { PValueCiInput, PValueCiResult, PValueAtLevel } from './p-value-from-ci.js';
export { checkTestStatistic } from './check-test-statistic.js';
export type {
  TestStatisticInput,
  TestStatisticResult,
  StatisticKind,
} from './check-test-statistic.js';
export { fingerprintBinary } from './fingerprint-binary.js';
export type {
  BinaryMethods,
  BinaryTestName,
  FingerprintBinaryOptions,
} from './fingerprint-binary.js';
export { fingerprintMeans } from './fingerprint-means.js';
export type { MeansMethods } from './fingerprint-means.js';
export { rankCandidates } from './fingerprint-match.js';
export type {
  ReportedFigures,
  FingerprintResult,
  FingerprintMatch,
  Candidate,
  Quantity,
} from './fingerprint-match.js';
export { fingerprintMeta } from './fingerprint-meta.js';
export { fingerprintProportion } from './fingerprint-proportion.js';
export type { ProportionMethods } from './fingerprint-proportion.js';
export type { MetaMethods } from './fingerprint-meta.js';
export { ciSymmetry } from './ci-symmetry.js';
export type { CiSymmetryResult } from './ci-symmetry.js';
export { debit } from './debit.js';
export type { DebitResult } from './debit.js';
export { sprite } from './sprite.js';
export type { SpriteOptions, SpriteResult } from './sprite.js';
export { escalationEnrolment } from './escalation-enrolment.js';
export type { EscalationGroup, EscalationEnrolmentResult } from './escalation-enrolment.js';
export { armSplits } from './arm-splits.js';
export type { ArmSplit, ArmSplitsResult } from './arm-splits.js';

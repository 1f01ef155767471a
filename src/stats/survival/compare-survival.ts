import { InputError } from '../../errors.js';
import { normalQuantile, normalSf } from '../dist/normal.js';
import { freeze, type ConfidenceInterval } from '../types.js';
import { coxHazardRatio, type CoxResult, type CoxTies } from './cox-hazard-ratio.js';
import { kaplanMeier, type KaplanMeierResult, type KmConfType } from './kaplan-meier.js';
import { logRankTest, type LogRankResult } from './log-rank-test.js';
import { restrictedMean, type RestrictedMean } from './restricted-mean.js';
import { survivalAt, type SurvivalAtTime } from './survival-at.js';
import { resolveArms, validateRecords, type SurvivalRecord } from './survival-records.js';

export interface CompareSurvivalOptions {
  /** Arm 1 (HR numerator, RMST minuend) and arm 2; default the two arms present. */
  arms?: readonly [string, string];
  level?: number;
  confType?: KmConfType;
  ties?: CoxTies;
  /** Times at which to report S(t). */
  times?: readonly number[];
  /** RMST horizon; default the smaller of the two arms' last follow-up times. */
  tau?: number;
}

export interface ArmSurvival {
  arm: string;
  km: KaplanMeierResult;
  at: SurvivalAtTime[];
  rmst: RestrictedMean;
}

export interface RmstComparison {
  tau: number;
  /** RMST arm 1 − arm 2, with a normal interval (SE² = SE₁² + SE₂²). */
  difference: { estimate: number; se: number; ci: ConfidenceInterval; p: number };
  /** RMST arm 1 / arm 2, interval on the log scale (delta method). */
  ratio: { estimate: number; seLog: number; ci: ConfidenceInterval; p: number };
}

export interface SurvivalComparison {
  arms: [ArmSurvival, ArmSurvival];
  logRank: LogRankResult;
  cox: CoxResult;
  rmst: RmstComparison;
  warnings: string[];
}

/**
 * Two-arm time-to-event comparison on patient-level data (real or reconstructed): per arm the
 * Kaplan–Meier estimate, median (Brookmeyer–Crowley CI), S at given times and the RMST to τ;
 * between arms the log-rank test (stratified when records carry strata), the Cox HR (Efron
 * by default) and the RMST difference and ratio (Royston P, Parmar MKB. BMC Med Res Methodol
 * 2013;13:152). Arm 1 vs arm 2 throughout.
 * @example compareSurvival(records, { arms: ['test', 'standard'], tau: 365 }).cox.estimate
 */
export function compareSurvival(
  records: readonly SurvivalRecord[],
  options: CompareSurvivalOptions = {},
): SurvivalComparison {
  const { level = 0.95, confType = 'log-log', ties = 'efron', times = [] } = options;
  validateRecords(records);
  const arms = resolveArms(records, options.arms);
  const byArm = arms.map((a) => records.filter((r) => r.arm === a));
  const lastTime = Math.min(...byArm.map((rs) => Math.max(...rs.map((r) => r.time))));
  const tau = options.tau ?? lastTime;
  if (!(tau > 0)) throw new InputError('tau', tau, 'a time > 0');
  const warnings: string[] = [];
  if (tau > lastTime)
    warnings.push(
      `τ = ${tau} is beyond the last follow-up of an arm (${lastTime}): that arm's RMST extrapolates its last value`,
    );
  const armResults = byArm.map((rs, k) => {
    const km = kaplanMeier(rs, { level, confType });
    warnings.push(...km.warnings.map((w) => `${arms[k]}: ${w}`));
    return { arm: arms[k], km, at: survivalAt(km, times), rmst: restrictedMean(km, tau) };
  }) as [ArmSurvival, ArmSurvival];
  const logRank = logRankTest(records, { arms });
  const cox = coxHazardRatio(records, { arms, ties, level });
  warnings.push(...logRank.warnings, ...cox.warnings);
  const z = normalQuantile(1 - (1 - level) / 2);
  const [r1, r2] = [armResults[0].rmst, armResults[1].rmst];
  const diff = r1.rmst - r2.rmst;
  const seDiff = Math.sqrt(r1.se ** 2 + r2.se ** 2);
  const logRatio = Math.log(r1.rmst / r2.rmst);
  const seLog = Math.sqrt((r1.se / r1.rmst) ** 2 + (r2.se / r2.rmst) ** 2);
  const rmst: RmstComparison = {
    tau,
    difference: {
      estimate: diff,
      se: seDiff,
      ci: { lower: diff - z * seDiff, upper: diff + z * seDiff, level, method: 'normal' },
      p: 2 * normalSf(Math.abs(diff / seDiff)),
    },
    ratio: {
      estimate: r1.rmst / r2.rmst,
      seLog,
      ci: {
        lower: Math.exp(logRatio - z * seLog),
        upper: Math.exp(logRatio + z * seLog),
        level,
        method: 'wald-log',
      },
      p: 2 * normalSf(Math.abs(logRatio / seLog)),
    },
  };
  return freeze({ arms: armResults, logRank, cox, rmst, warnings });
}

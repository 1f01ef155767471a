import { InputError } from '../../errors.js';
import { chiSquareSf } from '../dist/chi-square.js';
import { normalQuantile, normalSf } from '../dist/normal.js';
import { freeze, type ConfidenceInterval } from '../types.js';
import {
  fixTimes,
  resolveArms,
  riskTable,
  strataOf,
  validateRecords,
  type RiskRow,
  type SurvivalRecord,
} from './survival-records.js';

export type CoxTies = 'efron' | 'breslow';
export const COX_TIES: readonly CoxTies[] = ['efron', 'breslow'];

export interface CoxOptions {
  /** Arm 1 (HR numerator) and arm 2; default the two arms present, in order of appearance. */
  arms?: readonly [string, string];
  /** Handling of tied event times, default `efron` (as coxph). */
  ties?: CoxTies;
  level?: number;
  /** Newton–Raphson iterations at most (default 50). */
  maxIter?: number;
}

export interface CoxResult {
  measure: 'HR';
  arms: [string, string];
  /** exp(β): hazard in arm 1 / hazard in arm 2. */
  estimate: number;
  logHr: number;
  /** SE of β from the observed information. */
  se: number;
  ci: ConfidenceInterval;
  wald: { z: number; p: number };
  /** Score (log-rank-type) test at β = 0 and likelihood-ratio test, 1 df. */
  score: { chiSq: number; p: number };
  likelihoodRatio: { chiSq: number; p: number };
  /** Partial log-likelihood at β = 0 and at the estimate. */
  logLik: [number, number];
  ties: CoxTies;
  iterations: number;
  converged: boolean;
  stratified: boolean;
  events: number;
  warnings: string[];
}

interface Fit {
  logLik: number;
  score: number;
  information: number;
}

/** Partial log-likelihood, score and information at β for x = 1 in arm 1, 0 in arm 2. */
function evaluate(tables: readonly RiskRow[][], beta: number, ties: CoxTies): Fit {
  const w = Math.exp(beta);
  let logLik = 0;
  let score = 0;
  let information = 0;
  for (const rows of tables) {
    for (const row of rows) {
      const d = row.events[0] + row.events[1];
      if (d === 0) continue;
      const s0 = row.atRisk[1] + row.atRisk[0] * w;
      const s1 = row.atRisk[0] * w;
      logLik += row.events[0] * beta;
      score += row.events[0];
      if (ties === 'breslow' || d === 1) {
        const mean = s1 / s0;
        logLik -= d * Math.log(s0);
        score -= d * mean;
        information += d * (mean - mean * mean);
      } else {
        // Efron: the tied deaths leave the risk set in d equal fractions.
        const e0 = row.events[1] + row.events[0] * w;
        const e1 = row.events[0] * w;
        for (let k = 0; k < d; k++) {
          const f = k / d;
          const a0 = s0 - f * e0;
          const mean = (s1 - f * e1) / a0;
          logLik -= Math.log(a0);
          score -= mean;
          information += mean - mean * mean;
        }
      }
    }
  }
  return { logLik, score, information };
}

/**
 * Cox proportional-hazards HR of arm 1 vs arm 2 (stratified when records carry a stratum),
 * Efron or Breslow ties, by Newton–Raphson from β = 0 with step halving, with the Wald,
 * score and likelihood-ratio tests — as `coxph(Surv(time, status) ~ arm [+ strata(s)])`.
 *
 * Reference: Cox DR. J R Stat Soc B 1972;34:187–220; Efron B. JASA 1977;72:557–65;
 * Breslow N. Biometrics 1974;30:89–99.
 * @example coxHazardRatio(records, { arms: ['treated', 'control'] }).estimate
 */
export function coxHazardRatio(
  records: readonly SurvivalRecord[],
  options: CoxOptions = {},
): CoxResult {
  const { ties = 'efron', level = 0.95, maxIter = 50 } = options;
  if (!COX_TIES.includes(ties)) throw new InputError('ties', ties, `one of ${COX_TIES.join(', ')}`);
  if (!(level > 0 && level < 1))
    throw new InputError('level', level, 'a level in (0, 1), e.g. 0.95');
  validateRecords(records);
  const arms = resolveArms(records, options.arms);
  const fixed = fixTimes(records);
  const strata = strataOf(records);
  const tables = strata.map((s) =>
    riskTable(
      fixed.filter((r) => r.stratum === s),
      arms[0],
      arms[1],
    ),
  );
  const warnings: string[] = [];
  const events = tables.flat().reduce((sum, row) => sum + row.events[0] + row.events[1], 0);
  const null0 = evaluate(tables, 0, ties);
  if (events === 0 || null0.information === 0) {
    throw new InputError(
      'records',
      `${events} events`,
      'events in a risk set holding both arms (the Cox model has no information)',
    );
  }
  let beta = 0;
  let fit = null0;
  let iterations = 0;
  let converged = false;
  while (iterations < maxIter) {
    iterations++;
    let step = fit.score / fit.information;
    let next = evaluate(tables, beta + step, ties);
    // Step halving, as coxph, when the likelihood does not increase.
    for (
      let half = 0;
      half < 30 && !(next.logLik >= fit.logLik - 1e-12 * Math.abs(fit.logLik));
      half++
    ) {
      step /= 2;
      next = evaluate(tables, beta + step, ties);
    }
    beta += step;
    fit = next;
    if (
      Math.abs(step) <= 1e-13 * Math.max(1, Math.abs(beta)) ||
      Math.abs(fit.score) < 1e-14 * Math.max(1, events)
    ) {
      converged = true;
      break;
    }
  }
  if (!converged || !Number.isFinite(beta) || Math.abs(beta) > 30) {
    warnings.push(
      'the Cox fit did not converge (monotone likelihood: all events in one arm?); the HR is not estimable',
    );
  }
  const se = 1 / Math.sqrt(fit.information);
  const z = normalQuantile(1 - (1 - level) / 2);
  const scoreChiSq = (null0.score * null0.score) / null0.information;
  const lr = 2 * (fit.logLik - null0.logLik);
  return freeze({
    measure: 'HR' as const,
    arms,
    estimate: Math.exp(beta),
    logHr: beta,
    se,
    ci: {
      lower: Math.exp(beta - z * se),
      upper: Math.exp(beta + z * se),
      level,
      method: 'wald-log',
    },
    wald: { z: beta / se, p: 2 * normalSf(Math.abs(beta / se)) },
    score: { chiSq: scoreChiSq, p: chiSquareSf(scoreChiSq, 1) },
    likelihoodRatio: { chiSq: lr, p: chiSquareSf(Math.max(0, lr), 1) },
    logLik: [null0.logLik, fit.logLik],
    ties,
    iterations,
    converged,
    stratified: strata.length > 1,
    events,
    warnings,
  });
}

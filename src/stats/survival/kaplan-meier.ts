import { InputError } from '../../errors.js';
import { normalQuantile } from '../dist/normal.js';
import { freeze } from '../types.js';
import { fixTimes, validateRecords, type SurvivalRecord } from './survival-records.js';

/** Pointwise interval for S(t): on log(−log S) (default, as Kalbfleisch & Prentice), log S, or S. */
export type KmConfType = 'log-log' | 'log' | 'plain';
export const KM_CONF_TYPES: readonly KmConfType[] = ['log-log', 'log', 'plain'];

export interface KmStep {
  time: number;
  nRisk: number;
  nEvent: number;
  nCensor: number;
  surv: number;
  /** Greenwood SE of −log S (= survfit's std.err): √Σ d/(n(n − d)). */
  stdErr: number;
  /** NaN where the interval is undefined (S = 0; S = 1 on the log-log scale gives 1 to 1). */
  lower: number;
  upper: number;
}

export interface KmQuantile {
  /** NaN when the curve never reaches the probability (not estimable). */
  estimate: number;
  lower: number;
  upper: number;
}

export interface KaplanMeierResult {
  n: number;
  events: number;
  /** One step per distinct time (event or censoring), as survfit. */
  steps: KmStep[];
  /** Median with the Brookmeyer–Crowley interval (times where the pointwise limits cross ½). */
  median: KmQuantile;
  level: number;
  confType: KmConfType;
  warnings: string[];
}

export interface KaplanMeierOptions {
  level?: number;
  confType?: KmConfType;
}

/** √ε, survival's tolerance for "exactly ½". */
const TOLERANCE = Math.sqrt(2.220446049250313e-16);

/**
 * Kaplan–Meier estimate S(t) = Π_{tᵢ ≤ t} (1 − dᵢ/nᵢ) with Greenwood's variance
 * Var(log S) = Σ dᵢ/(nᵢ(nᵢ − dᵢ)) and pointwise intervals on the log-log (default), log or
 * plain scale, and the median with the Brookmeyer–Crowley interval, all as R's
 * `survfit(Surv(time, status) ~ 1, conf.type = …)` and its printed table (times within √ε
 * are one time, as survival's timefix).
 *
 * Reference: Kaplan EL, Meier P. JASA 1958;53:457–81; Brookmeyer R, Crowley J. Biometrics
 * 1982;38:29–41; Kalbfleisch JD, Prentice RL. The Statistical Analysis of Failure Time Data, 1980.
 * @example kaplanMeier([{ time: 1, event: true }, { time: 2, event: false }, { time: 3, event: true }]).steps.map((s) => s.surv) // [0.6667, 0.6667, 0]
 */
export function kaplanMeier(
  records: readonly SurvivalRecord[],
  options: KaplanMeierOptions = {},
): KaplanMeierResult {
  const { level = 0.95, confType = 'log-log' } = options;
  if (!(level > 0 && level < 1))
    throw new InputError('level', level, 'a level in (0, 1), e.g. 0.95');
  if (!KM_CONF_TYPES.includes(confType))
    throw new InputError('confType', confType, `one of ${KM_CONF_TYPES.join(', ')}`);
  validateRecords(records);
  const z = normalQuantile(1 - (1 - level) / 2);
  const sorted = [...fixTimes(records)].sort((a, b) => a.time - b.time);
  const steps: KmStep[] = [];
  let atRisk = sorted.length;
  let surv = 1;
  let greenwood = 0;
  let events = 0;
  for (let i = 0; i < sorted.length; ) {
    const time = sorted[i].time;
    let d = 0;
    let c = 0;
    while (i < sorted.length && sorted[i].time === time) {
      if (sorted[i].event) d++;
      else c++;
      i++;
    }
    events += d;
    if (d > 0) {
      surv *= 1 - d / atRisk;
      greenwood = atRisk === d ? Infinity : greenwood + d / (atRisk * (atRisk - d));
    }
    const stdErr = Math.sqrt(greenwood);
    const [lower, upper] = pointwise(surv, stdErr, z, confType);
    steps.push({ time, nRisk: atRisk, nEvent: d, nCensor: c, surv, stdErr, lower, upper });
    atRisk -= d + c;
  }
  const median = quantileTimes(steps);
  return freeze({
    n: records.length,
    events,
    steps,
    median,
    level,
    confType,
    warnings: Number.isNaN(median.estimate)
      ? ['the survival curve does not fall to ½: the median is not estimable']
      : [],
  });
}

/** survival's survfit_confint: the interval for S from the SE of log S. */
function pointwise(s: number, se: number, z: number, type: KmConfType): [number, number] {
  if (s === 0 || !Number.isFinite(se)) return [NaN, NaN];
  switch (type) {
    case 'plain':
      return [Math.max(0, s - z * se * s), Math.min(1, s + z * se * s)];
    case 'log':
      return [Math.exp(Math.log(s) - z * se), Math.min(1, Math.exp(Math.log(s) + z * se))];
    case 'log-log': {
      if (s === 1) return [NaN, NaN];
      const ll = Math.log(-Math.log(s));
      const shift = (z * se) / Math.log(s);
      const a = Math.exp(-Math.exp(ll + shift));
      const b = Math.exp(-Math.exp(ll - shift));
      return [Math.min(a, b), Math.max(a, b)];
    }
  }
}

/**
 * The median and its interval as survival's survmean (`minmin`): the first time the curve
 * (or a pointwise limit) is at or below ½; when it sits exactly at ½, the midpoint between
 * that time and the next time it drops.
 */
function quantileTimes(steps: readonly KmStep[]): KmQuantile {
  const times = steps.map((s) => s.time);
  return {
    estimate: minmin(
      steps.map((s) => s.surv),
      times,
    ),
    lower: minmin(
      steps.map((s) => s.lower),
      times,
    ),
    upper: minmin(
      steps.map((s) => s.upper),
      times,
    ),
  };
}

function minmin(y: readonly number[], x: readonly number[]): number {
  const keep: number[] = [];
  for (let i = 0; i < y.length; i++)
    if (!Number.isNaN(y[i]) && y[i] < 0.5 + TOLERANCE) keep.push(i);
  if (keep.length === 0) return NaN;
  const first = keep[0];
  if (Math.abs(y[first] - 0.5) < TOLERANCE) {
    const next = keep.find((i) => y[i] < y[first]);
    if (next !== undefined) return (x[first] + x[next]) / 2;
  }
  return x[first];
}

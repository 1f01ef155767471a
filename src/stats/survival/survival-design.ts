import { InputError } from '../../errors.js';
import { normalCdf, normalQuantile } from '../dist/normal.js';
import { findRoot } from '../design/find-root.js';
import { freeze } from '../types.js';

/** Events formula: Schoenfeld (1981, 1983) on the log HR, or Freedman (1982) on the HR. */
export type SurvivalEventsMethod = 'schoenfeld' | 'freedman';
export const SURVIVAL_EVENTS_METHODS: readonly SurvivalEventsMethod[] = ['schoenfeld', 'freedman'];

export interface SurvivalDesignOptions {
  /** Target HR, arm 1 (treatment) vs arm 2 (control). */
  hazardRatio: number;
  /** Significance level per side as given: one-sided 0.025 or two-sided 0.05 (default 0.025, sided 1). */
  alpha?: number;
  sided?: 1 | 2;
  /** Allocation ratio n1/n2 (default 1). */
  allocationRatio?: number;
  method?: SurvivalEventsMethod;
  /** Control-arm hazard (per time unit), or its median survival (exponential). Needed for sample size. */
  lambda2?: number;
  median2?: number;
  /** Uniform accrual duration and follow-up after the end of accrual. */
  accrualTime?: number;
  followUpTime?: number;
  /** Probability of dropping out by `dropoutTime` in each arm (exponential dropout), default 0. */
  dropoutRate1?: number;
  dropoutRate2?: number;
  dropoutTime?: number;
}

export interface SurvivalSampleSize {
  events: number;
  /** Present when the control hazard, accrual and follow-up are given. */
  n?: number;
  n1?: number;
  n2?: number;
  /** P(event observed) per arm under uniform accrual, exponential survival and dropout. */
  eventProbability?: [number, number];
  power: number;
  method: SurvivalEventsMethod;
  formula: string;
  reference: string;
}

interface Common {
  hr: number;
  alpha: number;
  sided: 1 | 2;
  ratio: number;
  method: SurvivalEventsMethod;
}

function common(o: {
  hazardRatio: number;
  alpha?: number;
  sided?: 1 | 2;
  allocationRatio?: number;
  method?: SurvivalEventsMethod;
}): Common {
  const {
    hazardRatio: hr,
    alpha = 0.025,
    sided = 1,
    allocationRatio: ratio = 1,
    method = 'schoenfeld',
  } = o;
  if (!(hr > 0) || hr === 1 || !Number.isFinite(hr))
    throw new InputError('hazardRatio', hr, 'a hazard ratio > 0 other than 1');
  if (!(alpha > 0 && alpha < 1)) throw new InputError('alpha', alpha, 'a level in (0, 1)');
  if (sided !== 1 && sided !== 2) throw new InputError('sided', sided, '1 or 2');
  if (!(ratio > 0) || !Number.isFinite(ratio))
    throw new InputError('allocationRatio', ratio, 'a ratio > 0');
  if (!SURVIVAL_EVENTS_METHODS.includes(method))
    throw new InputError('method', method, `one of ${SURVIVAL_EVENTS_METHODS.join(', ')}`);
  return { hr, alpha, sided, ratio, method };
}

/** Events needed per unit (z_α + z_β)²: d = (z_α + z_β)² · this. */
function eventsFactor(c: Common): number {
  return c.method === 'schoenfeld'
    ? (1 + c.ratio) ** 2 / (c.ratio * Math.log(c.hr) ** 2)
    : (1 + c.ratio * c.hr) ** 2 / (c.ratio * (1 - c.hr) ** 2);
}

const FORMULA: Record<SurvivalEventsMethod, string> = {
  schoenfeld: 'd = (z_{1−α/s} + z_{1−β})² (1 + r)² / (r (ln HR)²)',
  freedman: 'd = (z_{1−α/s} + z_{1−β})² (1 + r·HR)² / (r (1 − HR)²)',
};
const REFERENCE: Record<SurvivalEventsMethod, string> = {
  schoenfeld: 'Schoenfeld D. Biometrika 1981;68:316–9; Biometrics 1983;39:499–503',
  freedman: 'Freedman LS. Stat Med 1982;1:121–9',
};

/** P(event observed) with hazard λ, dropout hazard γ, uniform accrual over a and follow-up f (Lachin & Foulkes 1986). */
export function eventProbability(
  lambda: number,
  gamma: number,
  accrual: number,
  followUp: number,
): number {
  const h = lambda + gamma;
  if (accrual === 0) return (lambda / h) * (1 - Math.exp(-h * followUp));
  return (
    (lambda / h) *
    (1 - (Math.exp(-h * followUp) - Math.exp(-h * (accrual + followUp))) / (h * accrual))
  );
}

function hazards(
  o: SurvivalDesignOptions,
  c: Common,
): { lambda: [number, number]; gamma: [number, number] } | undefined {
  const lambda2 = o.lambda2 ?? (o.median2 !== undefined ? Math.LN2 / o.median2 : undefined);
  if (lambda2 === undefined) return undefined;
  if (!(lambda2 > 0))
    throw new InputError(
      o.lambda2 !== undefined ? 'lambda2' : 'median2',
      o.lambda2 ?? o.median2,
      'a number > 0',
    );
  const dropoutTime = o.dropoutTime ?? 1;
  const gamma = ([o.dropoutRate1 ?? 0, o.dropoutRate2 ?? 0] as const).map((p, k) => {
    if (!(p >= 0 && p < 1))
      throw new InputError(`dropoutRate${k + 1}`, p, 'a probability in [0, 1)');
    return -Math.log(1 - p) / dropoutTime;
  }) as [number, number];
  return { lambda: [c.hr * lambda2, lambda2], gamma };
}

/**
 * Events and sample size for a two-arm time-to-event trial with target HR: events by
 * Schoenfeld or Freedman; patients from the probability of observing an event under uniform
 * accrual, exponential survival and exponential dropout (Lachin JM, Foulkes MA. Biometrics
 * 1986;42:507–19), as rpact's getSampleSizeSurvival (fixed design, not rounded).
 * @example survivalSampleSize({ hazardRatio: 0.7, power: 0.8 }).events // 246.787…
 */
export function survivalSampleSize(
  options: SurvivalDesignOptions & { power?: number },
): SurvivalSampleSize {
  const c = common(options);
  const { power = 0.8 } = options;
  if (!(power > 0 && power < 1)) throw new InputError('power', power, 'a power in (0, 1)');
  const z = normalQuantile(1 - c.alpha / c.sided) + normalQuantile(power);
  const events = z * z * eventsFactor(c);
  const base = {
    events,
    power,
    method: c.method,
    formula: FORMULA[c.method],
    reference: REFERENCE[c.method],
  };
  const h = hazards(options, c);
  if (!h) return freeze(base);
  const { accrualTime, followUpTime } = options;
  if (accrualTime === undefined || followUpTime === undefined)
    throw new InputError(
      'accrualTime',
      accrualTime,
      'the accrual and follow-up times with a control hazard (lambda2 or median2)',
    );
  if (!(accrualTime >= 0) || !(followUpTime >= 0) || accrualTime + followUpTime === 0)
    throw new InputError('followUpTime', followUpTime, 'times ≥ 0, not both 0');
  const p = [0, 1].map((k) =>
    eventProbability(h.lambda[k], h.gamma[k], accrualTime, followUpTime),
  ) as [number, number];
  const w1 = c.ratio / (1 + c.ratio);
  const n = events / (w1 * p[0] + (1 - w1) * p[1]);
  return freeze({ ...base, n, n1: w1 * n, n2: (1 - w1) * n, eventProbability: p });
}

export interface SurvivalPower {
  power: number;
  events: number;
  /** With n, accrual and a control hazard: the follow-up after accrual that gives the events. */
  followUpTime?: number;
  method: SurvivalEventsMethod;
  formula: string;
}

/**
 * Power for a given number of events: Φ(√(d/factor) − z_{1−α/s}) (+ Φ(−√(d/factor) − z_{1−α/2})
 * two-sided) with the Schoenfeld or
 * Freedman factor; with `n`, an accrual time and a control hazard, also the follow-up needed
 * for the events to occur (as rpact's getPowerSurvival).
 * @example survivalPower({ hazardRatio: 0.7, events: 250 }).power // 0.80505…
 */
export function survivalPower(
  options: Omit<SurvivalDesignOptions, 'followUpTime'> & { events: number; n?: number },
): SurvivalPower {
  const c = common(options);
  const { events, n } = options;
  if (!(events > 0) || !Number.isFinite(events))
    throw new InputError('events', events, 'a number of events > 0');
  const delta = Math.sqrt(events / eventsFactor(c));
  const zAlpha = normalQuantile(1 - c.alpha / c.sided);
  // Two-sided: both rejection regions count, as rpact's overallReject.
  const power = normalCdf(delta - zAlpha) + (c.sided === 2 ? normalCdf(-delta - zAlpha) : 0);
  const out: SurvivalPower = {
    power,
    events,
    method: c.method,
    formula: `power = Φ(√(d / factor) − z_{1−α/s}), ${FORMULA[c.method]}`,
  };
  const h = hazards(options as SurvivalDesignOptions, c);
  if (n !== undefined && h && options.accrualTime !== undefined) {
    if (!(n > events)) throw new InputError('n', n, `more patients than events (${events})`);
    const a = options.accrualTime;
    const w1 = c.ratio / (1 + c.ratio);
    const expected = (f: number): number =>
      n *
        (w1 * eventProbability(h.lambda[0], h.gamma[0], a, f) +
          (1 - w1) * eventProbability(h.lambda[1], h.gamma[1], a, f)) -
      events;
    const root = findRoot(expected, 0, Math.max(1, a), { extendUpper: true, tol: 1e-12 });
    if (root.converged) out.followUpTime = root.root;
  }
  return freeze(out);
}

import { InputError } from '../../errors.js';
import { normalQuantile } from '../dist/normal.js';
import type { HrCore, HrField, HrReported } from './hr-derivation.js';

/**
 * The ways to get a log hazard ratio and its SE from what a paper prints (Parmar MKB,
 * Torri V, Stewart L. Stat Med 1998;17:2815–34; Tierney JF et al. Trials 2007;8:16).
 * Each entry says which fields it needs; `run` assumes they are present and valid.
 * Order = preference when several apply (direct before indirect, as Tierney advises).
 */
export interface HrMethod {
  id: string;
  label: string;
  /** Exact re-expression of a printed Wald estimate (true: ci, p) or an approximation of it (false). */
  exact: boolean;
  formula: string;
  reference: string;
  /** The fields it uses. */
  fields: readonly HrField[];
  /** Why the method cannot be used with these figures, or undefined when it can. */
  missing: (r: HrReported) => string | undefined;
  run: (r: HrReported) => HrCore;
}

const TIERNEY = 'Tierney JF et al. Trials 2007;8:16; Parmar MKB et al. Stat Med 1998;17:2815–34';

const upperZ = (p: number): number => normalQuantile(p / 2, 0, 1, { lowerTail: false });

/** Allocation ratio R = n1/n2: from the arm sizes, else the stated ratio, else 1. */
export function allocationRatio(r: HrReported): {
  ratio: number;
  source: 'n1/n2' | 'stated' | 'assumed 1:1';
} {
  if (r.n1 !== undefined && r.n2 !== undefined) return { ratio: r.n1 / r.n2, source: 'n1/n2' };
  if (r.allocationRatio !== undefined) return { ratio: r.allocationRatio, source: 'stated' };
  return { ratio: 1, source: 'assumed 1:1' };
}

function totalEvents(r: HrReported): number | undefined {
  if (r.events !== undefined) return r.events;
  if (r.events1 !== undefined && r.events2 !== undefined) return r.events1 + r.events2;
  return undefined;
}

/** The log-rank z, signed (negative when arm 1 has the lower hazard), with where it came from. */
function logrankZ(r: HrReported): { z: number; from: string } {
  if (r.logrankZ !== undefined) return { z: r.logrankZ, from: 'z' };
  const magnitude =
    r.logrankChiSq !== undefined ? Math.sqrt(r.logrankChiSq) : upperZ(r.logrankP as number);
  const from = r.logrankChiSq !== undefined ? 'χ²' : 'p';
  const lower = r.hr !== undefined ? r.hr < 1 : r.favours === 'arm1';
  return { z: lower ? -magnitude : magnitude, from };
}

function needSign(r: HrReported): string | undefined {
  if (r.logrankZ !== undefined) return undefined;
  if (r.hr === undefined && r.favours === undefined)
    return 'the direction of the effect (hr, or favours arm1|arm2)';
  return undefined;
}

export const HR_METHODS: readonly HrMethod[] = [
  {
    id: 'log-se',
    label: 'log HR and its SE as printed',
    exact: true,
    formula: 'log HR and SE used as they are',
    reference: `${TIERNEY} (direct estimation); metafor rma(yi, sei)`,
    fields: ['logHr', 'seLogHr'],
    missing: (r) =>
      r.logHr === undefined || r.seLogHr === undefined ? 'log HR and its SE' : undefined,
    run: (r) => ({
      logHr: r.logHr as number,
      se: r.seLogHr as number,
      formula: 'log HR, SE as printed',
      assumptions: [],
      inputs: { logHr: r.logHr as number, seLogHr: r.seLogHr as number },
      intermediate: {},
    }),
  },
  {
    id: 'ci',
    label: 'HR with its confidence interval',
    exact: true,
    formula:
      'log HR = ln HR (or the midpoint of ln lower and ln upper); SE = (ln upper − ln lower) / (2 z_{(1+level)/2})',
    reference: `${TIERNEY} (direct estimation, Var(ln HR) from the CI); metafor conv.wald`,
    fields: ['hr', 'ciLower', 'ciUpper', 'ciLevel'],
    missing: (r) =>
      r.ciLower === undefined || r.ciUpper === undefined
        ? 'a confidence interval (ci lower and upper)'
        : undefined,
    run: (r) => {
      const level = r.ciLevel ?? 0.95;
      const z = normalQuantile(1 - (1 - level) / 2);
      const lnL = Math.log(r.ciLower as number);
      const lnU = Math.log(r.ciUpper as number);
      const midpoint = (lnL + lnU) / 2;
      const logHr = r.hr !== undefined ? Math.log(r.hr) : midpoint;
      const se = (lnU - lnL) / (2 * z);
      const warnings: string[] = [];
      // The printed HR should sit at the geometric centre of its interval; rounding explains
      // a little asymmetry, a lot means the interval is not a Wald interval on the log scale.
      if (r.hr !== undefined && Math.abs(logHr - midpoint) > 0.1 * (lnU - lnL)) {
        warnings.push(
          `the interval ${r.ciLower} to ${r.ciUpper} is not symmetric about ln HR ${r.hr} on the log scale (midpoint HR ${Math.exp(midpoint).toPrecision(4)}): it may not be a Wald interval`,
        );
      }
      const inputs: Record<string, number> = {
        ciLower: r.ciLower as number,
        ciUpper: r.ciUpper as number,
        ciLevel: level,
      };
      if (r.hr !== undefined) inputs.hr = r.hr;
      return {
        logHr,
        se,
        formula: 'SE = (ln upper − ln lower) / (2 z); log HR = ln HR',
        assumptions: ['the interval is a Wald interval on the log scale, exp(log HR ± z·SE)'],
        inputs,
        intermediate: { z, lnLower: lnL, lnUpper: lnU, midpoint },
        warnings,
      };
    },
  },
  {
    id: 'oe-v',
    label: 'log-rank O − E and V',
    // The Peto one-step estimate approximates the Cox HR: not a re-expression of it.
    exact: false,
    formula: 'log HR = (O − E) / V; SE = 1/√V',
    reference: `${TIERNEY} (Peto–log-rank estimator)`,
    fields: ['oMinusE', 'v'],
    missing: (r) =>
      r.oMinusE === undefined || r.v === undefined
        ? 'the log-rank O − E and its variance V'
        : undefined,
    run: (r) => {
      const oe = r.oMinusE as number;
      const v = r.v as number;
      return {
        logHr: oe / v,
        se: 1 / Math.sqrt(v),
        formula: 'log HR = (O − E)/V; SE = 1/√V',
        assumptions: [
          'O − E is for arm 1; the one-step (Peto) estimate is close to the Cox HR when the HR is near 1',
        ],
        inputs: { oMinusE: oe, v },
        intermediate: {},
      };
    },
  },
  {
    id: 'p',
    label: 'HR with its exact p-value',
    exact: true,
    formula: 'SE = |ln HR| / z_{1 − p/2}',
    reference: `${TIERNEY} (HR and p); metafor conv.wald`,
    fields: ['hr', 'p'],
    missing: (r) => {
      if (r.hr === undefined || r.p === undefined) return 'the HR with an exact p-value';
      if (r.hr === 1) return 'an HR other than 1 (SE = 0/0)';
      if (r.p >= 1) return 'a p-value below 1';
      return undefined;
    },
    run: (r) => {
      const z = upperZ(r.p as number);
      const logHr = Math.log(r.hr as number);
      return {
        logHr,
        se: Math.abs(logHr) / z,
        formula: 'z = z_{1 − p/2}; SE = |ln HR| / z',
        assumptions: ['p is the two-sided p of a Wald (or log-rank) test of HR = 1'],
        inputs: { hr: r.hr as number, p: r.p as number },
        intermediate: { z },
      };
    },
  },
  {
    id: 'logrank',
    label: 'log-rank p (or z, χ²) with the number of events',
    exact: false,
    formula: 'V = d·R/(1 + R)²; O − E = z·√V; log HR = (O − E)/V; SE = 1/√V',
    reference: `${TIERNEY} (log-rank p and total events, V from the allocation ratio R)`,
    fields: [
      'logrankP',
      'logrankZ',
      'logrankChiSq',
      'events',
      'events1',
      'events2',
      'n1',
      'n2',
      'allocationRatio',
    ],
    missing: (r) => {
      if (r.logrankP === undefined && r.logrankZ === undefined && r.logrankChiSq === undefined)
        return 'a log-rank p, z or χ²';
      if (totalEvents(r) === undefined) return 'the total number of events';
      if (r.logrankZ === undefined && r.logrankChiSq === undefined && (r.logrankP as number) >= 1)
        return 'a log-rank p below 1';
      return needSign(r);
    },
    run: (r) => {
      const { z, from } = logrankZ(r);
      const d = totalEvents(r) as number;
      const { ratio, source } = allocationRatio(r);
      const v = (d * ratio) / (1 + ratio) ** 2;
      const oe = z * Math.sqrt(v);
      const inputs: Record<string, number> = { events: d, allocationRatio: ratio };
      if (from === 'z') inputs.logrankZ = r.logrankZ as number;
      else if (from === 'χ²') inputs.logrankChiSq = r.logrankChiSq as number;
      else inputs.logrankP = r.logrankP as number;
      return {
        logHr: oe / v,
        se: 1 / Math.sqrt(v),
        formula: `z from the log-rank ${from}; V = d·R/(1 + R)²; O − E = z·√V; log HR = (O − E)/V; SE = 1/√V`,
        assumptions: [
          `the allocation ratio R (${source}) holds for the numbers at risk throughout (V ≈ d·R/(1+R)²)`,
          'few events per risk set and an HR near 1 (Peto approximation)',
        ],
        inputs,
        intermediate: { z, v, oMinusE: oe },
      };
    },
  },
  {
    id: 'events',
    label: 'HR with the number of events',
    exact: false,
    formula: 'log HR = ln HR; SE = √(1/d1 + 1/d2), or (1 + R)/√(d·R) from total events',
    reference: `${TIERNEY}; Parmar 1998 (V ≈ d1·d2/(d1 + d2))`,
    fields: ['hr', 'events', 'events1', 'events2', 'n1', 'n2', 'allocationRatio'],
    missing: (r) => {
      if (r.hr === undefined) return 'the HR';
      if (totalEvents(r) === undefined) return 'the number of events (per arm or in total)';
      return undefined;
    },
    run: (r): HrCore => {
      const logHr = Math.log(r.hr as number);
      if (r.events1 !== undefined && r.events2 !== undefined) {
        const [d1, d2] = [r.events1, r.events2];
        return {
          logHr,
          se: Math.sqrt(1 / d1 + 1 / d2),
          formula: 'SE = √(1/d1 + 1/d2)',
          assumptions: [
            'the variance of log HR is that of a ratio of two Poisson event rates (V ≈ d1·d2/(d1 + d2))',
          ],
          inputs: { hr: r.hr as number, events1: d1, events2: d2 },
          intermediate: { v: (d1 * d2) / (d1 + d2) },
        };
      }
      const d = r.events as number;
      const { ratio, source } = allocationRatio(r);
      const v = (d * ratio) / (1 + ratio) ** 2;
      return {
        logHr,
        se: 1 / Math.sqrt(v),
        formula: 'V = d·R/(1 + R)²; SE = 1/√V',
        assumptions: [
          `the allocation ratio R (${source}) holds for the numbers at risk throughout`,
        ],
        inputs: { hr: r.hr as number, events: d, allocationRatio: ratio },
        intermediate: { v },
      };
    },
  },
  {
    id: 'medians',
    label: 'median survival per arm (exponential assumption)',
    exact: false,
    formula: 'λk = ln 2 / median_k; HR = λ1/λ2 = median2/median1; SE = √(1/d1 + 1/d2)',
    reference: 'Michiels S et al. Int J Technol Assess Health Care 2005;21:119–25; Parmar 1998 §5',
    fields: ['median1', 'median2', 'events', 'events1', 'events2', 'n1', 'n2', 'allocationRatio'],
    missing: (r) => {
      if (r.median1 === undefined || r.median2 === undefined)
        return 'the median survival in each arm';
      if (totalEvents(r) === undefined) return 'the number of events (per arm or in total)';
      return undefined;
    },
    run: (r) => {
      const [m1, m2] = [r.median1 as number, r.median2 as number];
      const logHr = Math.log(m2 / m1);
      const perArm = r.events1 !== undefined && r.events2 !== undefined;
      const { ratio, source } = allocationRatio(r);
      const v = perArm
        ? ((r.events1 as number) * (r.events2 as number)) /
          ((r.events1 as number) + (r.events2 as number))
        : ((r.events as number) * ratio) / (1 + ratio) ** 2;
      const inputs: Record<string, number> = { median1: m1, median2: m2 };
      if (perArm)
        Object.assign(inputs, { events1: r.events1 as number, events2: r.events2 as number });
      else Object.assign(inputs, { events: r.events as number, allocationRatio: ratio });
      return {
        logHr,
        se: 1 / Math.sqrt(v),
        formula: perArm
          ? 'HR = median2/median1; SE = √(1/d1 + 1/d2)'
          : 'HR = median2/median1; V = d·R/(1 + R)²; SE = 1/√V',
        assumptions: [
          'EXPONENTIAL ASSUMPTION: constant hazard in each arm, so hazard = ln 2 / median',
          ...(perArm ? [] : [`the allocation ratio R (${source}) splits the events`]),
        ],
        inputs,
        intermediate: { lambda1: Math.LN2 / m1, lambda2: Math.LN2 / m2, v },
        warnings: [
          'HR from medians assumes exponential survival in both arms (constant hazards): a rough estimate',
        ],
      };
    },
  },
];

/** The method with this id; InputError naming the ids otherwise. */
export function hrMethod(id: string): HrMethod {
  const method = HR_METHODS.find((m) => m.id === id);
  if (!method)
    throw new InputError('method', id, `one of ${HR_METHODS.map((m) => m.id).join(', ')}`);
  return method;
}

import { InputError } from '../../errors.js';
import { binomialPmf } from '../dist/index.js';
import { freeze } from '../types.js';
import { createRng } from './create-rng.js';
import { isotonicMtd } from './isotonic-mtd.js';

/** What an interval design does after a cohort, from the cumulative (n, y) at the current dose. */
export interface IntervalDecision {
  /** +1 escalate, 0 stay, −1 de-escalate. */
  move: -1 | 0 | 1;
  /** Eliminate the current dose and every higher one (the trial stops if it is the lowest). */
  eliminate: boolean;
}

/** A decision table: BOIN, mTPI-2 or i3+3. `decide(n, y)` for 1 ≤ n ≤ maxN. */
export interface IntervalRule {
  name: string;
  maxN: number;
  decide(n: number, y: number): IntervalDecision;
}

export interface IntervalOcOptions {
  /** Patients per cohort (default 3). */
  cohortSize?: number;
  /** Number of cohorts (default 10). */
  cohorts?: number;
  /** 1-based starting dose (default 1). */
  startDose?: number;
  /** Stop when this many patients have been treated at the current dose (default: never; BOIN's n.earlystop). */
  nEarlyStop?: number;
  /** 'exact' (default): enumerate the trial's states; 'simulate': seeded simulation. */
  method?: 'exact' | 'simulate';
  /** Simulation: trials (default 100 000) and seed (required). */
  reps?: number;
  seed?: number;
  /** Exact: refuse more than this many distinct states at one cohort (default 2 000 000); use simulation then. */
  maxStates?: number;
}

export interface IntervalOcResult {
  design: string;
  dlt: number[];
  target: number;
  /** P(select dose j as MTD). */
  pSelect: number[];
  /** P(no MTD selected: the trial stopped because the lowest dose was too toxic). */
  pNone: number;
  /** P(the trial stopped before using all cohorts: elimination of the lowest dose or nEarlyStop). */
  pStopEarly: number;
  expectedNPerDose: number[];
  expectedDltPerDose: number[];
  expectedN: number;
  /** P(the selected dose has true DLT rate above the target). */
  pSelectOverdose: number;
  /** Expected share of patients treated at doses with DLT rate above the target. */
  overdoseShare: number;
  method: 'exact enumeration' | 'simulation';
  /** Simulation: trials and seed. Exact: number of terminal states. */
  reps?: number;
  seed?: number;
  states?: number;
  warnings: string[];
}

interface State {
  dose: number;
  n: number[];
  y: number[];
  /** Lowest eliminated dose (doses.length: none). */
  eliminated: number;
}

const keyOf = (s: State) => `${s.dose}|${s.eliminated}|${s.n.join(',')}|${s.y.join(',')}`;

/**
 * Operating characteristics of an interval design (BOIN, mTPI-2, i3+3) for true DLT rates
 * `dlt`: cohorts treated at the current dose, the rule applied to the cumulative (n, y) there
 * (moves never skip a dose, never go above an eliminated dose), the MTD chosen at the end by
 * isotonic regression ({@link isotonicMtd}). Exact: the probability of every reachable trial
 * state is carried forward cohort by cohort (states that agree on the current dose, the
 * counts at every dose and the elimination merge), so probabilities and expectations are exact
 * sums; large designs can fall back to a seeded simulation.
 * @example intervalDesignOc(boinRule(boinBoundaries(0.3)), [0.1, 0.3, 0.5], { cohorts: 6 }).pSelect // exact
 */
export function intervalDesignOc(
  rule: IntervalRule,
  dlt: readonly number[],
  target: number,
  options: IntervalOcOptions = {},
): IntervalOcResult {
  const {
    cohortSize = 3,
    cohorts = 10,
    startDose = 1,
    nEarlyStop = Infinity,
    method = 'exact',
    maxStates = 2_000_000,
  } = options;
  if (!Array.isArray(dlt) || dlt.length === 0 || dlt.length > 12)
    throw new InputError('dlt', dlt, 'between 1 and 12 DLT probabilities');
  for (const q of dlt)
    if (!(q >= 0 && q <= 1)) throw new InputError('dlt', q, 'probabilities in [0, 1]');
  if (!(Number.isInteger(cohortSize) && cohortSize >= 1 && cohortSize <= 12))
    throw new InputError('cohortSize', cohortSize, 'a whole number in [1, 12]');
  if (!(Number.isInteger(cohorts) && cohorts >= 1 && cohorts <= 100))
    throw new InputError('cohorts', cohorts, 'a whole number in [1, 100]');
  if (!(Number.isInteger(startDose) && startDose >= 1 && startDose <= dlt.length))
    throw new InputError('startDose', startDose, `a dose in 1..${dlt.length}`);
  if (cohortSize * cohorts > rule.maxN && nEarlyStop > rule.maxN)
    throw new InputError(
      'cohorts',
      cohorts,
      `at most ${Math.floor(rule.maxN / cohortSize)} cohorts of ${cohortSize} (the decision table stops at n = ${rule.maxN})`,
    );
  const J = dlt.length;
  const pSelect = new Array<number>(J).fill(0);
  const expectedNPerDose = new Array<number>(J).fill(0);
  const expectedDltPerDose = new Array<number>(J).fill(0);
  let pNone = 0;
  let pStopEarly = 0;
  const finish = (s: State, prob: number, early: boolean) => {
    const selected = s.eliminated === 0 ? -1 : isotonicMtd(s.y, s.n, target, s.eliminated);
    if (selected < 0) pNone += prob;
    else pSelect[selected] += prob;
    if (early) pStopEarly += prob;
    for (let j = 0; j < J; j += 1) {
      expectedNPerDose[j] += prob * s.n[j];
      expectedDltPerDose[j] += prob * s.y[j];
    }
  };
  /** Applies the rule after a cohort; returns the next state or undefined when the trial stops. */
  const step = (s: State): { next?: State; stop: boolean } => {
    const d = s.dose;
    if (s.n[d] >= nEarlyStop) return { stop: true };
    const { move, eliminate } = rule.decide(s.n[d], s.y[d]);
    let eliminated = s.eliminated;
    if (eliminate) {
      eliminated = Math.min(eliminated, d);
      if (d === 0) return { next: { ...s, eliminated: 0 }, stop: true };
    }
    let dose = d;
    if (move === 1 && d < J - 1 && d + 1 < eliminated) dose = d + 1;
    else if ((move === -1 || eliminate) && d > 0) dose = d - 1;
    return { next: { dose, n: s.n, y: s.y, eliminated }, stop: false };
  };
  const pmf = dlt.map((q) =>
    Array.from({ length: cohortSize + 1 }, (_, k) => binomialPmf(k, cohortSize, q)),
  );
  const warnings: string[] = [];
  const start: State = {
    dose: startDose - 1,
    n: new Array(J).fill(0),
    y: new Array(J).fill(0),
    eliminated: J,
  };

  if (method === 'simulate') {
    const reps = options.reps ?? 100_000;
    if (options.seed === undefined)
      throw new InputError('seed', undefined, 'a seed for the simulation');
    if (!(Number.isInteger(reps) && reps >= 1))
      throw new InputError('reps', reps, 'a whole number ≥ 1');
    const rng = createRng(options.seed);
    for (let r = 0; r < reps; r += 1) {
      let s: State = { ...start, n: [...start.n], y: [...start.y] };
      let early = false;
      for (let c = 0; c < cohorts; c += 1) {
        const k = rng.binomial(cohortSize, dlt[s.dose]);
        s.n[s.dose] += cohortSize;
        s.y[s.dose] += k;
        const out = step(s);
        if (out.stop) {
          if (out.next) s = out.next;
          early = true;
          break;
        }
        s = out.next!;
      }
      finish(s, 1 / reps, early);
    }
    return result('simulation', { reps, seed: options.seed });
  }

  let layer = new Map<string, { s: State; p: number }>([[keyOf(start), { s: start, p: 1 }]]);
  for (let c = 0; c < cohorts; c += 1) {
    const next = new Map<string, { s: State; p: number }>();
    for (const { s, p } of layer.values()) {
      const d = s.dose;
      for (let k = 0; k <= cohortSize; k += 1) {
        const pk = pmf[d][k];
        if (pk === 0) continue;
        const n = [...s.n];
        const y = [...s.y];
        n[d] += cohortSize;
        y[d] += k;
        const out = step({ ...s, n, y });
        if (out.stop) {
          finish(out.next ?? { ...s, n, y }, p * pk, true);
          continue;
        }
        const key = keyOf(out.next!);
        const entry = next.get(key);
        if (entry) entry.p += p * pk;
        else next.set(key, { s: out.next!, p: p * pk });
      }
    }
    if (next.size > maxStates)
      throw new InputError(
        'cohorts',
        cohorts,
        `a design small enough to enumerate (more than ${maxStates} states at cohort ${c + 1}); use method 'simulate'`,
      );
    layer = next;
  }
  for (const { s, p } of layer.values()) finish(s, p, false);
  return result('exact enumeration', { states: layer.size });

  function result(
    how: IntervalOcResult['method'],
    extra: { reps?: number; seed?: number; states?: number },
  ): IntervalOcResult {
    const expectedN = expectedNPerDose.reduce((a, b) => a + b, 0);
    let pSelectOverdose = 0;
    let overdosed = 0;
    for (let j = 0; j < J; j += 1) {
      if (dlt[j] > target) {
        pSelectOverdose += pSelect[j];
        overdosed += expectedNPerDose[j];
      }
    }
    return freeze({
      design: rule.name,
      dlt: [...dlt],
      target,
      pSelect,
      pNone,
      pStopEarly,
      expectedNPerDose,
      expectedDltPerDose,
      expectedN,
      pSelectOverdose,
      overdoseShare: expectedN > 0 ? overdosed / expectedN : 0,
      method: how,
      ...extra,
      warnings,
    });
  }
}

import { InputError } from '../../errors.js';
import { freeze } from '../types.js';
import { createRng } from './create-rng.js';

export type CrmModel = 'empiric' | 'logistic';

export interface CrmOptions {
  /** 'empiric' (power, default): p_j = s_j^exp(β); 'logistic': p_j = 1/(1 + exp(−a0 − exp(β)·x_j)), x_j = logit(s_j) − a0. */
  model?: CrmModel;
  /** Prior standard deviation of β ~ N(0, σ²) (default √1.34, dfcrm's default). */
  priorSd?: number;
  /** Fixed intercept a0 of the logistic model (default 3, as dfcrm). */
  intercept?: number;
}

export interface CrmPosterior {
  model: CrmModel;
  skeleton: number[];
  target: number;
  /** Posterior mean and SD of β. */
  betaMean: number;
  betaSd: number;
  /** DLT rates at the posterior mean of β (what dfcrm's crm() reports as ptox). */
  ptox: number[];
  /** Posterior means of the DLT rates E[p_j | data]. */
  ptoxMean: number[];
  /** P(p_j > target | data). */
  pOverTarget: number[];
  /** 0-based dose whose ptox is closest to the target. */
  recommended: number;
}

/** Quadrature: the trapezoid rule on β ∈ [−10σ, 10σ] with this many intervals (spectrally accurate for a smooth, decaying integrand). */
const NODES = 600;

function checkSkeleton(skeleton: readonly number[], target: number): void {
  if (!(target > 0 && target < 1))
    throw new InputError('target', target, 'a target DLT rate in (0, 1)');
  if (!Array.isArray(skeleton) || skeleton.length < 2 || skeleton.length > 20)
    throw new InputError('skeleton', skeleton, 'between 2 and 20 prior DLT rates');
  skeleton.forEach((s, j) => {
    if (!(s > 0 && s < 1)) throw new InputError('skeleton', s, 'rates in (0, 1)');
    if (j > 0 && !(s > skeleton[j - 1]))
      throw new InputError('skeleton', skeleton.join(','), 'strictly increasing rates');
  });
}

function doseRate(model: CrmModel, s: number, a0: number): (eb: number) => number {
  if (model === 'empiric') {
    const ls = Math.log(s);
    return (eb) => Math.exp(eb * ls);
  }
  const x = Math.log(s / (1 - s)) - a0;
  return (eb) => 1 / (1 + Math.exp(-a0 - eb * x));
}

/**
 * The continual reassessment method's posterior (O'Quigley J, Pepe M, Fisher L. Biometrics
 * 1990;46:33–48; Cheung YK. Dose Finding by the Continual Reassessment Method, 2011, ch. 3–4):
 * one-parameter dose–toxicity model on the skeleton s_j, β ~ N(0, σ²), likelihood
 * L(β) = Π_j p_j(β)^{y_j} (1 − p_j(β))^{n_j − y_j}; posterior moments of β, E[p_j], P(p_j > θ)
 * by quadrature; the recommended dose minimises |p_j(β̂) − θ| with β̂ the posterior mean (as R
 * dfcrm::crm with method "bayes").
 * @example crmPosterior([0.05, 0.12, 0.25, 0.4, 0.55], 0.25, [3, 3, 3, 0, 0], [0, 0, 1, 0, 0]).recommended // 2
 */
export function crmPosterior(
  skeleton: readonly number[],
  target: number,
  n: readonly number[],
  y: readonly number[],
  options: CrmOptions = {},
): CrmPosterior {
  const { model = 'empiric', priorSd = Math.sqrt(1.34), intercept = 3 } = options;
  checkSkeleton(skeleton, target);
  if (!(priorSd > 0 && Number.isFinite(priorSd)))
    throw new InputError('priorSd', priorSd, 'a positive number');
  if (n.length !== skeleton.length || y.length !== skeleton.length)
    throw new InputError('n', n.length, `${skeleton.length} counts, one per dose`);
  n.forEach((nj, j) => {
    if (!(Number.isInteger(nj) && nj >= 0 && Number.isInteger(y[j]) && y[j] >= 0 && y[j] <= nj))
      throw new InputError('y', `${y[j]}/${nj}`, 'whole numbers 0 ≤ y ≤ n per dose');
  });
  return freeze(posteriorOnGrid(crmGrid(skeleton, target, model, priorSd, intercept), n, y));
}

/** The quadrature nodes with log p_j, log(1 − p_j) and p_j at each: they do not depend on the data. */
interface CrmGrid {
  model: CrmModel;
  skeleton: number[];
  target: number;
  rates: ((eb: number) => number)[];
  beta: Float64Array;
  logPrior: Float64Array;
  logP: Float64Array[];
  log1mP: Float64Array[];
  p: Float64Array[];
  /** β at which p_j(β) = target (p_j decreases in β), or ±∞ when it never crosses. */
  crossing: number[];
  priorSd: number;
}

function crmGrid(
  skeleton: readonly number[],
  target: number,
  model: CrmModel,
  priorSd: number,
  intercept: number,
): CrmGrid {
  const rates = skeleton.map((s) => doseRate(model, s, intercept));
  const h = (20 * priorSd) / NODES;
  const beta = new Float64Array(NODES + 1);
  const logPrior = new Float64Array(NODES + 1);
  const logP = skeleton.map(() => new Float64Array(NODES + 1));
  const log1mP = skeleton.map(() => new Float64Array(NODES + 1));
  const p = skeleton.map(() => new Float64Array(NODES + 1));
  for (let i = 0; i <= NODES; i += 1) {
    const b = -10 * priorSd + i * h;
    beta[i] = b;
    // The trapezoid's end weights ½ folded into the prior.
    logPrior[i] = (-0.5 * b * b) / (priorSd * priorSd) + (i === 0 || i === NODES ? -Math.LN2 : 0);
    const eb = Math.exp(b);
    rates.forEach((r, j) => {
      const pj = r(eb);
      p[j][i] = pj;
      logP[j][i] = Math.log(pj);
      log1mP[j][i] = Math.log1p(-pj);
    });
  }
  const crossing = skeleton.map((s) => {
    const e =
      model === 'empiric'
        ? Math.log(target) / Math.log(s)
        : (Math.log(target / (1 - target)) - intercept) / (Math.log(s / (1 - s)) - intercept);
    return e > 0 ? Math.log(e) : target < s ? Infinity : -Infinity;
  });
  return {
    model,
    skeleton: [...skeleton],
    target,
    rates,
    beta,
    logPrior,
    logP,
    log1mP,
    p,
    crossing,
    priorSd,
  };
}

/**
 * Posterior moments on the grid; P(p_j > θ) = P(β < crossing_j) by Simpson's rule on
 * [−10σ, crossing_j] (a step function on the grid would be first-order only), for the doses in
 * `overDoses` (all by default; the simulation asks only for the lowest, and only with a stop rule).
 */
function posteriorOnGrid(
  grid: CrmGrid,
  n: readonly number[],
  y: readonly number[],
  overDoses: readonly number[] = grid.rates.map((_, j) => j),
): CrmPosterior {
  const { target, beta, logPrior, logP, log1mP, p, rates } = grid;
  const J = rates.length;
  const logPost = new Float64Array(NODES + 1);
  let maxLog = -Infinity;
  for (let i = 0; i <= NODES; i += 1) {
    let lp = logPrior[i];
    for (let j = 0; j < J; j += 1) {
      if (n[j] === 0) continue;
      if (y[j] > 0) lp += y[j] * logP[j][i];
      if (n[j] > y[j]) lp += (n[j] - y[j]) * log1mP[j][i];
    }
    logPost[i] = lp;
    if (lp > maxLog) maxLog = lp;
  }
  let w0 = 0;
  let w1 = 0;
  let w2 = 0;
  const pm = new Array<number>(J).fill(0);
  const over = new Array<number>(J).fill(0);
  for (let i = 0; i <= NODES; i += 1) {
    const w = Math.exp(logPost[i] - maxLog);
    if (w < 1e-300) continue;
    const b = beta[i];
    w0 += w;
    w1 += w * b;
    w2 += w * b * b;
    for (let j = 0; j < J; j += 1) pm[j] += w * p[j][i];
  }
  const h = beta[1] - beta[0];
  const logLik = (b: number) => {
    const eb = Math.exp(b);
    let lp = (-0.5 * b * b) / (grid.priorSd * grid.priorSd);
    for (let j = 0; j < J; j += 1) {
      if (n[j] === 0) continue;
      const pj = rates[j](eb);
      if (y[j] > 0) lp += y[j] * Math.log(pj);
      if (n[j] > y[j]) lp += (n[j] - y[j]) * Math.log1p(-pj);
    }
    return lp;
  };
  for (const j of overDoses) {
    const lo = beta[0];
    const hi = Math.min(grid.crossing[j], beta[NODES]);
    if (hi <= lo) continue;
    const m = 2 * Math.ceil((hi - lo) / h / 0.5); // step ≤ h/4
    const step = (hi - lo) / m;
    let sum = 0;
    for (let k = 0; k <= m; k += 1) {
      const wk = k === 0 || k === m ? 1 : k % 2 === 1 ? 4 : 2;
      sum += wk * Math.exp(logLik(lo + k * step) - maxLog);
    }
    // w0 carries the trapezoid's step h implicitly as 1; Simpson's step/3 in the same units.
    over[j] = (sum * step) / 3 / h;
  }
  const betaMean = w1 / w0;
  const betaSd = Math.sqrt(Math.max(0, w2 / w0 - betaMean * betaMean));
  const ebHat = Math.exp(betaMean);
  const ptox = rates.map((r) => r(ebHat));
  let recommended = 0;
  for (let j = 1; j < J; j += 1)
    if (Math.abs(ptox[j] - target) < Math.abs(ptox[recommended] - target)) recommended = j;
  return {
    model: grid.model,
    skeleton: [...grid.skeleton],
    target,
    betaMean,
    betaSd,
    ptox,
    ptoxMean: pm.map((v) => v / w0),
    pOverTarget: over.map((v) => Math.min(1, v / w0)),
    recommended,
  };
}

/**
 * A CRM skeleton from indifference intervals (Lee SM, Cheung YK. Model calibration in the
 * continual reassessment method. Clin Trials 2009;6:227–238; R dfcrm::getprior): the prior MTD
 * `priorMtd` (1-based) gets the target θ, and neighbouring doses are spaced so that dose k is
 * the MTD exactly while p_k(β) ∈ [θ − δ, θ + δ]. Empiric model: s_{k+1} = exp(log(θ + δ)·log(s_k)
 * / log(θ − δ)), s_{k−1} = exp(log(θ − δ)·log(s_k) / log(θ + δ)); logistic: the same on
 * x = logit(s) − a0 with logit(θ ∓ δ) − a0 in place of log(θ ∓ δ).
 * @example crmSkeleton(0.05, 0.25, 3, 5) // [0.1211, 0.1832, 0.25, 0.3197, 0.3883] (4 d.p.)
 */
export function crmSkeleton(
  halfWidth: number,
  target: number,
  priorMtd: number,
  levels: number,
  options: { model?: CrmModel; intercept?: number } = {},
): number[] {
  const { model = 'empiric', intercept = 3 } = options;
  if (!(target > 0 && target < 1))
    throw new InputError('target', target, 'a target DLT rate in (0, 1)');
  if (!(halfWidth > 0 && halfWidth < Math.min(target, 1 - target)))
    throw new InputError(
      'halfWidth',
      halfWidth,
      `a half-width in (0, ${Math.min(target, 1 - target)})`,
    );
  if (!(Number.isInteger(levels) && levels >= 2 && levels <= 20))
    throw new InputError('levels', levels, 'a whole number in [2, 20]');
  if (!(Number.isInteger(priorMtd) && priorMtd >= 1 && priorMtd <= levels))
    throw new InputError('priorMtd', priorMtd, `a dose level in 1..${levels}`);
  const logit = (p: number) => Math.log(p / (1 - p));
  // g: the model's scale on which the spacing is geometric; back: its inverse.
  const g = model === 'empiric' ? Math.log : (p: number) => logit(p) - intercept;
  const back = model === 'empiric' ? Math.exp : (v: number) => 1 / (1 + Math.exp(-(v + intercept)));
  const lo = g(target - halfWidth);
  const hi = g(target + halfWidth);
  const v = new Array<number>(levels);
  v[priorMtd - 1] = g(target);
  // Between doses k and k + 1 the MTD changes where p_k = θ − δ and p_{k+1} = θ + δ at one β.
  for (let k = priorMtd - 1; k < levels - 1; k += 1) v[k + 1] = (hi * v[k]) / lo;
  for (let k = priorMtd - 1; k > 0; k -= 1) v[k - 1] = (lo * v[k]) / hi;
  return v.map(back);
}

export interface CrmTrialOptions extends CrmOptions {
  /** Patients per cohort (default 3) and number of cohorts (default 10). */
  cohortSize?: number;
  cohorts?: number;
  /** 1-based starting dose (default 1). */
  startDose?: number;
  /** Stop for safety when P(p_1 > target | data) exceeds this (default: never, as dfcrm). */
  stopCutoff?: number;
  /** Trials (default 10 000) and seed (required). */
  reps?: number;
  seed: number;
}

export interface CrmOc {
  design: string;
  dlt: number[];
  target: number;
  skeleton: number[];
  pSelect: number[];
  pNone: number;
  pStopEarly: number;
  expectedNPerDose: number[];
  expectedDltPerDose: number[];
  expectedN: number;
  pSelectOverdose: number;
  overdoseShare: number;
  /** Monte Carlo standard errors of pSelect. */
  mcseSelect: number[];
  method: 'simulation';
  reps: number;
  seed: number;
  warnings: string[];
}

/**
 * Operating characteristics of a CRM trial by seeded simulation: cohorts at the current dose;
 * after each, the posterior ({@link crmPosterior}) recommends a dose; escalation never skips a
 * dose and never follows a cohort with a DLT (dfcrm crmsim's `restrict = TRUE`); the final
 * recommendation is the MTD. Optional safety stop when P(p_1 > θ) > stopCutoff.
 * @example crmOc([0.05, 0.1, 0.25, 0.4], [0.1, 0.17, 0.25, 0.33], 0.25, { seed: 1, reps: 2000 }).pSelect
 */
export function crmOc(
  dlt: readonly number[],
  skeleton: readonly number[],
  target: number,
  options: CrmTrialOptions,
): CrmOc {
  const { cohortSize = 3, cohorts = 10, startDose = 1, reps = 10_000, seed, stopCutoff } = options;
  checkSkeleton(skeleton, target);
  if (dlt.length !== skeleton.length)
    throw new InputError('dlt', dlt.length, `${skeleton.length} DLT rates, one per skeleton dose`);
  for (const q of dlt)
    if (!(q >= 0 && q <= 1)) throw new InputError('dlt', q, 'probabilities in [0, 1]');
  if (!(Number.isInteger(cohortSize) && cohortSize >= 1 && cohortSize <= 12))
    throw new InputError('cohortSize', cohortSize, 'a whole number in [1, 12]');
  if (!(Number.isInteger(cohorts) && cohorts >= 1 && cohorts <= 100))
    throw new InputError('cohorts', cohorts, 'a whole number in [1, 100]');
  if (!(Number.isInteger(startDose) && startDose >= 1 && startDose <= dlt.length))
    throw new InputError('startDose', startDose, `a dose in 1..${dlt.length}`);
  if (!(Number.isInteger(reps) && reps >= 2))
    throw new InputError('reps', reps, 'a whole number ≥ 2');
  if (stopCutoff !== undefined && !(stopCutoff > 0.5 && stopCutoff < 1))
    throw new InputError('stopCutoff', stopCutoff, 'a probability in (0.5, 1)');
  const J = dlt.length;
  const rng = createRng(seed);
  const grid = crmGrid(
    skeleton,
    target,
    options.model ?? 'empiric',
    options.priorSd ?? Math.sqrt(1.34),
    options.intercept ?? 3,
  );
  const sel = new Array<number>(J).fill(0);
  const nSum = new Array<number>(J).fill(0);
  const ySum = new Array<number>(J).fill(0);
  let none = 0;
  let early = 0;
  const cache = new Map<string, CrmPosterior>();
  for (let r = 0; r < reps; r += 1) {
    const n = new Array<number>(J).fill(0);
    const y = new Array<number>(J).fill(0);
    let dose = startDose - 1;
    let mtd = -1;
    for (let c = 0; c < cohorts; c += 1) {
      const k = rng.binomial(cohortSize, dlt[dose]);
      n[dose] += cohortSize;
      y[dose] += k;
      // Trials revisit the same (n, y) states: the posterior is computed once per state.
      const key = `${n.join(',')}|${y.join(',')}`;
      let post = cache.get(key);
      if (!post) {
        post = posteriorOnGrid(grid, n, y, stopCutoff === undefined ? [] : [0]);
        cache.set(key, post);
      }
      if (stopCutoff !== undefined && post.pOverTarget[0] > stopCutoff) {
        mtd = -1;
        early += 1;
        break;
      }
      let next = post.recommended;
      if (next > dose + 1) next = dose + 1;
      if (k > 0 && next > dose) next = dose;
      mtd = post.recommended;
      dose = next;
    }
    if (mtd < 0) none += 1;
    else sel[mtd] += 1;
    for (let j = 0; j < J; j += 1) {
      nSum[j] += n[j];
      ySum[j] += y[j];
    }
  }
  const pSelect = sel.map((s) => s / reps);
  const expectedNPerDose = nSum.map((s) => s / reps);
  const expectedN = expectedNPerDose.reduce((a, b) => a + b, 0);
  let pSelectOverdose = 0;
  let over = 0;
  for (let j = 0; j < J; j += 1)
    if (dlt[j] > target) {
      pSelectOverdose += pSelect[j];
      over += expectedNPerDose[j];
    }
  return freeze({
    design: `CRM (${options.model ?? 'empiric'}, target ${target})`,
    dlt: [...dlt],
    target,
    skeleton: [...skeleton],
    pSelect,
    pNone: none / reps,
    pStopEarly: early / reps,
    expectedNPerDose,
    expectedDltPerDose: ySum.map((s) => s / reps),
    expectedN,
    pSelectOverdose,
    overdoseShare: expectedN > 0 ? over / expectedN : 0,
    mcseSelect: pSelect.map((p) => Math.sqrt((p * (1 - p)) / reps)),
    method: 'simulation',
    reps,
    seed,
    warnings: [],
  });
}

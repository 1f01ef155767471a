import { InputError } from '../../errors.js';
import { normalQuantile, normalSf } from '../dist/normal.js';
import { freeze } from '../types.js';
import { findRoot } from './find-root.js';
import {
  checkRates,
  DEFAULT_GRID_R,
  groupSequentialProbabilities,
  nextSequentialGrid,
  sequentialExitProbability,
  type SequentialGrid,
} from './group-sequential-probabilities.js';
import {
  BETA_SPENDING_TYPES,
  CLASSICAL_BOUNDARIES,
  GROUP_SEQUENTIAL_TYPES,
  spendingFunction,
  type BetaSpendingType,
  type GroupSequentialType,
} from './group-sequential-types.js';
import { checkOpenUnit } from './inflate-for-dropout.js';

export interface GroupSequentialOptions {
  /** Information fractions of the looks, increasing, the last 1 (default: K equally spaced). */
  informationRates?: number[];
  /** Number of looks when `informationRates` is not given (default 3). */
  kMax?: number;
  /** Overall type I error; one-sided, or two-sided (split equally) with `sided: 2`. Default 0.025. */
  alpha?: number;
  /** Type II error at the alternative used for the characteristics (default 0.2). */
  beta?: number;
  sided?: 1 | 2;
  /** Boundary family (default asOF). */
  type?: GroupSequentialType;
  /** γ for asHSD (default −4), ρ for asKD (default 1), Δ for WT (default 0.25). */
  parameter?: number;
  /** Haybittle–Peto interim critical value (default 3). */
  haybittlePeto?: number;
  /** Non-binding futility bound from a β-spending function (one-sided designs only). */
  futility?: { type: BetaSpendingType; parameter?: number };
  /** Grid parameter r of the numerical integration (default 32; error O(r⁻⁴)). */
  gridR?: number;
}

/** Exit probabilities and expected information under one drift. */
export interface GroupSequentialExits {
  /** The drift θ: the mean of Z at full information. */
  drift: number;
  /** P(reject H0 at look k with Z_k ≥ c_k), per look: rejection in the direction of the effect. */
  rejectUpper: number[];
  /** P(reject H0 at look k with Z_k ≤ −c_k), per look (zeros for one-sided designs). */
  rejectLower: number[];
  /** P(reject H0 at look k) on either side, per look. */
  reject: number[];
  /** P(stop for futility at look k), per look (zeros without a futility bound). */
  futility: number[];
  /** Σ reject (under H0: the type I error actually spent, counting the futility bound as binding). */
  rejectTotal: number;
  /** Expected information as a fraction of the maximum: Σ t_k P(stop at k). */
  expectedInformationRate: number;
  /** Expected sample size relative to the fixed design with the same α and power. */
  averageSampleNumber: number;
}

export interface GroupSequentialDesign {
  type: GroupSequentialType;
  label: string;
  formula: string;
  reference: string;
  parameter?: number;
  alpha: number;
  beta: number;
  sided: 1 | 2;
  kMax: number;
  informationRates: number[];
  /** Upper critical values on the z scale (two-sided: reject if |Z_k| ≥ c_k). */
  criticalValues: number[];
  /** One-sided nominal p-value of each critical value, 1 − Φ(c_k) (two-sided designs: doubled). */
  nominalAlpha: number[];
  /** Cumulative type I error spent by each look (under H0, ignoring the non-binding futility bound). */
  alphaSpent: number[];
  futility?: {
    type: BetaSpendingType;
    label: string;
    parameter?: number;
    binding: false;
    /** Futility bounds on the z scale at looks 1..K−1 (stop if Z_k ≤ a_k). */
    bounds: number[];
    /** 1 − Φ(a_k): stop for futility when the one-sided p exceeds this. */
    nominalP: number[];
    /** Cumulative β spent at looks 1..K. */
    betaSpent: number[];
  };
  /** Drift giving power 1 − β: θ = δ√I_max in units of the standard error at full information. */
  drift: number;
  /** θ² (rpact's `shift`). */
  shift: number;
  /** (z_{1−α/s} + z_{1−β})², the fixed design's θ². */
  fixedShift: number;
  /** Maximum information relative to the fixed design: shift / fixedShift. */
  inflationFactor: number;
  /** Cumulative power by look under the alternative: P(reject with Z_k ≥ c_k by look k). */
  power: number[];
  underH0: GroupSequentialExits;
  underHalf: GroupSequentialExits;
  underH1: GroupSequentialExits;
  gridR: number;
  warnings: string[];
}

const DEFAULT_PARAMETER: Record<string, number> = {
  asHSD: -4,
  asKD: 1,
  WT: 0.25,
  bsHSD: -4,
  bsKD: 1,
};
const BOUND_LO = -12;
const BOUND_HI = 40;

/**
 * A group-sequential design (Jennison & Turnbull 2000): critical values for K looks at given
 * information fractions from an α-spending function (Lan & DeMets 1983) or a classical boundary
 * (Pocock, O'Brien–Fleming, Wang–Tsiatis, Haybittle–Peto), an optional non-binding futility bound
 * from a β-spending function, and its operating characteristics: the drift θ that gives power
 * 1 − β, the inflation factor θ²/(z_{1−α} + z_{1−β})², exit probabilities per look and the
 * expected sample size under H0, θ/2 and θ. All probabilities by the recursive numerical
 * integration of `groupSequentialProbabilities` (J&T ch. 19).
 *
 * α-spending: c_k solves P_0(continue to k, Z_k ≥ c_k) = f(t_k) − f(t_{k−1}) (two-sided:
 * |Z_k| ≥ c_k, each side spending f at α/2, as rpact's `sided = 2`). Classical: c_k = C·shape(t_k)
 * with C solving Σ_k P_0(exit at k) = α. β-spending (non-binding, as rpact's
 * `bindingFutility = FALSE`): the critical values ignore the futility bound; a_k solves
 * P_θ(continue to k, Z_k ≤ a_k) = g(t_k) − g(t_{k−1}), and θ is chosen so that a_K = c_K.
 *
 * @example
 * groupSequentialDesign({ kMax: 3, alpha: 0.025, type: 'asOF' }).criticalValues
 * // [3.710303, 2.511427, 1.993047] (rpact getDesignGroupSequential(kMax = 3, typeOfDesign = "asOF"))
 */
export function groupSequentialDesign(options: GroupSequentialOptions = {}): GroupSequentialDesign {
  const {
    alpha = 0.025,
    beta = 0.2,
    sided = 1,
    type = 'asOF',
    haybittlePeto = 3,
    gridR = DEFAULT_GRID_R,
  } = options;
  checkOpenUnit('alpha', alpha);
  checkOpenUnit('beta', beta);
  if (sided !== 1 && sided !== 2) throw new InputError('sided', sided, '1 or 2');
  if (sided === 1 ? alpha >= 0.5 : alpha >= 1)
    throw new InputError(
      'alpha',
      alpha,
      sided === 1 ? 'a one-sided level below 0.5' : 'a level below 1',
    );
  if (beta >= 1 - alpha / sided)
    throw new InputError('beta', beta, `a type II error below 1 − α = ${1 - alpha / sided}`);
  if (!GROUP_SEQUENTIAL_TYPES.includes(type))
    throw new InputError('type', type, `one of ${GROUP_SEQUENTIAL_TYPES.join(', ')}`);
  if (!(Number.isInteger(gridR) && gridR >= 4 && gridR <= 200))
    throw new InputError('gridR', gridR, 'a whole number in [4, 200]');
  const kMax = options.informationRates?.length ?? options.kMax ?? 3;
  if (!(Number.isInteger(kMax) && kMax >= 1 && kMax <= 20))
    throw new InputError('kMax', kMax, 'a whole number of looks in [1, 20]');
  const rates = options.informationRates
    ? [...options.informationRates]
    : Array.from({ length: kMax }, (_, k) => (k + 1) / kMax);
  checkRates(rates);
  const parameter = options.parameter ?? DEFAULT_PARAMETER[type];
  if (parameter !== undefined && !Number.isFinite(parameter))
    throw new InputError('parameter', parameter, 'a finite number');
  if (type === 'asKD' && !(parameter! > 0))
    throw new InputError('parameter', parameter, 'ρ > 0 for asKD');
  if (type === 'HP' && !(haybittlePeto > 0))
    throw new InputError('haybittlePeto', haybittlePeto, 'a positive z value');
  if (options.futility) {
    if (sided !== 1)
      throw new InputError(
        'futility',
        options.futility.type,
        'a one-sided design (β-spending futility bounds are one-sided)',
      );
    if (!BETA_SPENDING_TYPES.includes(options.futility.type))
      throw new InputError(
        'futility',
        options.futility.type,
        `one of ${BETA_SPENDING_TYPES.join(', ')}`,
      );
    if (kMax < 2) throw new InputError('futility', options.futility.type, 'at least two looks');
  }
  const warnings: string[] = [];
  const side = alpha / sided;

  // Critical values under H0 (never depending on the non-binding futility bound).
  let critical: number[];
  let meta: { label: string; formula: string; reference: string };
  const sf = spendingFunction(type);
  if (sf) {
    meta = { label: sf.label, formula: sf.formula, reference: sf.reference };
    critical = [];
    let grid: SequentialGrid | undefined;
    let tPrev = 0;
    let spentPrev = 0;
    for (let k = 0; k < kMax; k += 1) {
      const t = rates[k];
      const spent = sf.spend(t, side, parameter ?? 0);
      const target = spent - spentPrev;
      const exit = (c: number) =>
        sequentialExitProbability(grid, tPrev, t, 0, c, 'upper') +
        (sided === 2 ? sequentialExitProbability(grid, tPrev, t, 0, -c, 'lower') : 0);
      let c: number;
      if (target <= 1e-300) c = BOUND_HI;
      else {
        const root = findRoot(
          (x) => exit(x) - sided * target,
          sided === 2 ? 0 : BOUND_LO,
          BOUND_HI,
          { tol: 1e-13 },
        );
        if (!root.converged)
          throw new InputError(
            'alpha',
            alpha,
            `a spending increment the look-${k + 1} bound can attain (${target})`,
          );
        c = root.root;
      }
      critical.push(c);
      spentPrev = spent;
      if (k < kMax - 1)
        grid = nextSequentialGrid(grid, tPrev, t, 0, sided === 2 ? -c : -Infinity, c, gridR);
      tPrev = t;
    }
  } else {
    const entry = CLASSICAL_BOUNDARIES.find((b) => b.id === type)!;
    meta = { label: entry.label, formula: entry.formula, reference: entry.reference };
    const shape = (t: number, isLast: boolean): number =>
      type === 'OF'
        ? 1 / Math.sqrt(t)
        : type === 'P'
          ? 1
          : type === 'WT'
            ? t ** (parameter! - 0.5)
            : isLast
              ? 1
              : NaN;
    const bounds = (C: number): number[] =>
      rates.map((t, k) =>
        type === 'HP' ? (k === kMax - 1 ? C : haybittlePeto) : C * shape(t, k === kMax - 1),
      );
    const total = (C: number): number => {
      const b = bounds(C);
      const p = groupSequentialProbabilities(
        rates,
        sided === 2 ? b.map((x) => -x) : b.map(() => -Infinity),
        b,
        0,
        { gridR },
      );
      return p.upper.reduce((s, x) => s + x, 0) + p.lower.reduce((s, x) => s + x, 0);
    };
    const root = findRoot((C) => total(C) - alpha, sided === 2 ? 1e-6 : BOUND_LO, BOUND_HI, {
      tol: 1e-13,
    });
    if (!root.converged)
      throw new InputError(
        'haybittlePeto',
        haybittlePeto,
        `an interim bound leaving room for α = ${alpha} at the last look`,
      );
    critical = bounds(root.root);
  }
  const lowerH0 = sided === 2 ? critical.map((c) => -c) : critical.map(() => -Infinity);
  const h0NoFutility = groupSequentialProbabilities(rates, lowerH0, critical, 0, { gridR });
  const alphaSpent = cumulative(h0NoFutility.upper.map((u, k) => u + h0NoFutility.lower[k]));
  const fixedShift = (normalQuantile(1 - side) + normalQuantile(1 - beta)) ** 2;

  // Drift for power 1 − β, with the futility bound when there is one.
  let drift: number;
  let futility: GroupSequentialDesign['futility'];
  let futilityBounds: number[] | undefined;
  if (options.futility) {
    const bs = spendingFunction(options.futility.type)!;
    const bParam = options.futility.parameter ?? DEFAULT_PARAMETER[options.futility.type];
    if (options.futility.type === 'bsKD' && !(bParam! > 0))
      throw new InputError('futility.parameter', bParam, 'ρ > 0 for bsKD');
    const betaAt = rates.map((t) => bs.spend(t, beta, bParam ?? 0));
    let overlap = false;
    const solve = (theta: number): { bounds: number[]; gap: number } => {
      const a: number[] = [];
      let grid: SequentialGrid | undefined;
      let tPrev = 0;
      overlap = false;
      for (let k = 0; k < kMax - 1; k += 1) {
        const t = rates[k];
        const target = betaAt[k] - (k > 0 ? betaAt[k - 1] : 0);
        const f = (x: number) =>
          sequentialExitProbability(grid, tPrev, t, theta, x, 'lower') - target;
        let ak: number;
        if (f(critical[k]) <= 0) {
          ak = critical[k];
          overlap = true;
        } else {
          const root = findRoot(f, BOUND_LO, critical[k], { tol: 1e-13 });
          ak = root.converged ? root.root : BOUND_LO;
        }
        a.push(ak);
        grid = nextSequentialGrid(grid, tPrev, t, theta, ak, critical[k], gridR);
        tPrev = t;
      }
      const last = sequentialExitProbability(grid, tPrev, 1, theta, critical[kMax - 1], 'lower');
      return { bounds: a, gap: last - (beta - betaAt[kMax - 2]) };
    };
    const root = findRoot((theta) => solve(theta).gap, 0, 2 * Math.sqrt(fixedShift) + 1, {
      tol: 1e-13,
      extendUpper: true,
      limit: 1e3,
    });
    if (!root.converged)
      throw new InputError('beta', beta, 'a β-spending design with a solution for the drift');
    drift = root.root;
    futilityBounds = solve(drift).bounds;
    if (overlap)
      warnings.push(
        'a futility bound reached the critical value at an interim look and was set equal to it (β spent there is less than the spending function allows)',
      );
    const label = `${bs.label}, β-spending`;
    futility = {
      type: options.futility.type,
      label,
      ...(bParam !== undefined ? { parameter: bParam } : {}),
      binding: false,
      bounds: futilityBounds,
      nominalP: futilityBounds.map((a) => normalSf(a)),
      betaSpent: betaAt,
    };
  } else {
    const powerAt = (theta: number) => {
      const p = groupSequentialProbabilities(rates, lowerH0, critical, theta, { gridR });
      return p.upper.reduce((s, x) => s + x, 0);
    };
    // Power is rejection in the direction of the effect (rpact's convention for sided = 2 too).
    const root = findRoot(
      (theta) => powerAt(theta) - (1 - beta),
      0,
      2 * Math.sqrt(fixedShift) + 1,
      { tol: 1e-13, extendUpper: true, limit: 1e3 },
    );
    drift = root.root;
  }
  const shift = drift * drift;
  const inflationFactor = shift / fixedShift;
  const lowerOperating = futilityBounds ? [...futilityBounds, critical[kMax - 1]] : lowerH0;
  const exits = (theta: number): GroupSequentialExits => {
    const p = groupSequentialProbabilities(rates, lowerOperating, critical, theta, { gridR });
    const rejectLower = futilityBounds ? rates.map(() => 0) : p.lower;
    const reject = p.upper.map((u, k) => u + rejectLower[k]);
    const fut = futilityBounds ? p.lower : rates.map(() => 0);
    let stopBefore = 0;
    let info = 0;
    for (let k = 0; k < kMax - 1; k += 1) {
      const stop = p.upper[k] + p.lower[k];
      info += rates[k] * stop;
      stopBefore += stop;
    }
    info += 1 - stopBefore;
    return {
      drift: theta,
      rejectUpper: p.upper,
      rejectLower,
      reject,
      futility: fut,
      rejectTotal: reject.reduce((s, x) => s + x, 0),
      expectedInformationRate: info,
      averageSampleNumber: info * inflationFactor,
    };
  };
  const underH1 = exits(drift);
  return freeze({
    type,
    ...meta,
    ...(parameter !== undefined && (type === 'asHSD' || type === 'asKD' || type === 'WT')
      ? { parameter }
      : {}),
    alpha,
    beta,
    sided,
    kMax,
    informationRates: rates,
    criticalValues: critical,
    nominalAlpha: critical.map((c) => sided * normalSf(c)),
    alphaSpent,
    ...(futility ? { futility } : {}),
    drift,
    shift,
    fixedShift,
    inflationFactor,
    power: cumulative(underH1.rejectUpper),
    underH0: exits(0),
    underHalf: exits(drift / 2),
    underH1,
    gridR,
    warnings,
  });
}

function cumulative(xs: number[]): number[] {
  let s = 0;
  return xs.map((x) => (s += x));
}

import { InputError } from '../../errors.js';
import { betaSf } from '../dist/index.js';
import { freeze } from '../types.js';
import { type BetaPrior, betaBinomialPmf, checkPrior } from './beta-binomial.js';

export interface PredictiveOptions extends BetaPrior {
  /** Final success: P(p > p0 | all data) > θT (default 0.9). */
  thetaT?: number;
}

/**
 * Predictive probability of trial success (Lee JJ, Liu DD. A predictive probability design for
 * phase II cancer clinical trials. Clin Trials 2008;5:93–106): with x responses in n and
 * Nmax patients planned, m = Nmax − n future responses Y ~ beta-binomial(m, a + x, b + n − x);
 * PP = Σ_y P(Y = y | x) · 1[P(p > p0 | x + y, Nmax) > θT].
 * @example predictiveProbability(16, 23, 40, 0.6, { a: 0.6, b: 0.4, thetaT: 0.9 }) // 0.5656 (Lee & Liu 2008, Table 1)
 */
export function predictiveProbability(
  x: number,
  n: number,
  nMax: number,
  p0: number,
  options: PredictiveOptions = {},
): number {
  const { a = 1, b = 1, thetaT = 0.9 } = options;
  checkPrior(a, b);
  if (!(Number.isInteger(nMax) && nMax >= 1))
    throw new InputError('nMax', nMax, 'a whole number ≥ 1');
  if (!(Number.isInteger(n) && n >= 0 && n <= nMax))
    throw new InputError('n', n, `a whole number in [0, nMax = ${nMax}]`);
  if (!(Number.isInteger(x) && x >= 0 && x <= n))
    throw new InputError('x', x, `a whole number of responses in [0, n = ${n}]`);
  if (!(p0 > 0 && p0 < 1)) throw new InputError('p0', p0, 'a rate in (0, 1)');
  if (!(thetaT > 0 && thetaT < 1))
    throw new InputError('thetaT', thetaT, 'a probability in (0, 1)');
  const m = nMax - n;
  const pmf = betaBinomialPmf(m, a + x, b + n - x);
  let pp = 0;
  for (let y = 0; y <= m; y += 1)
    if (betaSf(p0, a + x + y, b + nMax - x - y) > thetaT) pp += pmf[y];
  return Math.min(1, pp);
}

export interface PpDesignOptions extends PredictiveOptions {
  /** Stop for futility when PP < θL (default 0.05). */
  thetaL?: number;
  /** Stop for efficacy when PP > θU (default: never, as Lee & Liu's design). */
  thetaU?: number;
  /** First look after this many patients (default 1); looks after every patient up to Nmax. */
  firstLook?: number;
}

export interface PpBoundary {
  n: number;
  /** Stop for futility when x ≤ futility (−1: never at this n). */
  futility: number;
  /** Stop for efficacy when x ≥ efficacy (n + 1: never). */
  efficacy: number;
}

export interface PpDesign {
  nMax: number;
  p0: number;
  a: number;
  b: number;
  thetaT: number;
  thetaL: number;
  thetaU: number | null;
  /** Responses at Nmax needed to declare the drug promising: P(p > p0 | x, Nmax) > θT. */
  finalSuccess: number;
  boundaries: PpBoundary[];
}

/**
 * The stopping table of a predictive-probability design (Lee & Liu 2008): for each n from the
 * first look to Nmax − 1, the largest x with PP < θL (futility) and, with θU, the smallest x
 * with PP > θU; at Nmax, success when P(p > p0 | x, Nmax) > θT.
 * @example ppDesign(40, 0.6, { a: 0.6, b: 0.4, thetaT: 0.9, thetaL: 0.001 }).finalSuccess // 28
 */
export function ppDesign(nMax: number, p0: number, options: PpDesignOptions = {}): PpDesign {
  const { a = 1, b = 1, thetaT = 0.9, thetaL = 0.05, thetaU, firstLook = 1 } = options;
  checkPrior(a, b);
  if (!(thetaL >= 0 && thetaL < 1))
    throw new InputError('thetaL', thetaL, 'a probability in [0, 1)');
  if (thetaU !== undefined && !(thetaU > thetaL && thetaU <= 1))
    throw new InputError('thetaU', thetaU, `a probability in (θL = ${thetaL}, 1]`);
  if (!(Number.isInteger(nMax) && nMax >= 2 && nMax <= 2000))
    throw new InputError('nMax', nMax, 'a whole number in [2, 2000]');
  if (!(Number.isInteger(firstLook) && firstLook >= 1 && firstLook < nMax))
    throw new InputError('firstLook', firstLook, `a whole number in [1, ${nMax - 1}]`);
  const boundaries: PpBoundary[] = [];
  for (let n = firstLook; n < nMax; n += 1) {
    let futility = -1;
    let efficacy = n + 1;
    for (let x = 0; x <= n; x += 1) {
      const pp = predictiveProbability(x, n, nMax, p0, { a, b, thetaT });
      if (pp < thetaL) futility = x;
      if (thetaU !== undefined && pp > thetaU && efficacy > n) efficacy = x;
    }
    boundaries.push({ n, futility, efficacy });
  }
  let finalSuccess = nMax + 1;
  for (let x = 0; x <= nMax; x += 1)
    if (betaSf(p0, a + x, b + nMax - x) > thetaT) {
      finalSuccess = x;
      break;
    }
  return freeze({
    nMax,
    p0,
    a,
    b,
    thetaT,
    thetaL,
    thetaU: thetaU ?? null,
    finalSuccess,
    boundaries,
  });
}

export interface PpOc {
  p: number;
  /** P(declare the drug promising: not stopped for futility and success at Nmax, or stopped for efficacy). */
  pSuccess: number;
  pStopFutility: number;
  pStopEfficacy: number;
  expectedN: number;
}

/**
 * Exact operating characteristics of a stopping table at a true response rate p: the
 * distribution of x among trials still running is carried forward patient by patient
 * (binomial steps), removing the mass that crosses a boundary. Type I error = pSuccess at p0,
 * power = pSuccess at p1.
 */
export function ppDesignOc(design: PpDesign, p: number): PpOc {
  if (!(p >= 0 && p <= 1)) throw new InputError('p', p, 'a rate in [0, 1]');
  const byN = new Map(design.boundaries.map((b) => [b.n, b]));
  let dist = [1];
  let n = 0;
  let futility = 0;
  let efficacy = 0;
  let expectedN = 0;
  while (n < design.nMax) {
    const next = new Array<number>(n + 2).fill(0);
    for (let x = 0; x <= n; x += 1) {
      if (dist[x] === 0) continue;
      next[x] += dist[x] * (1 - p);
      next[x + 1] += dist[x] * p;
    }
    n += 1;
    dist = next;
    const bound = byN.get(n);
    if (bound && n < design.nMax) {
      for (let x = 0; x <= n; x += 1) {
        if (x <= bound.futility) {
          futility += dist[x];
          expectedN += n * dist[x];
          dist[x] = 0;
        } else if (x >= bound.efficacy) {
          efficacy += dist[x];
          expectedN += n * dist[x];
          dist[x] = 0;
        }
      }
    }
  }
  let success = efficacy;
  let running = 0;
  for (let x = 0; x <= n; x += 1) {
    running += dist[x];
    if (x >= design.finalSuccess) success += dist[x];
  }
  expectedN += design.nMax * running;
  return freeze({
    p,
    pSuccess: success,
    pStopFutility: futility,
    pStopEfficacy: efficacy,
    expectedN,
  });
}

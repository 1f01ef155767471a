import { InputError } from '../../errors.js';
import { tQuantile, tSf } from '../dist/index.js';
import { freeze } from '../types.js';
import { checkSeed, createRng } from './create-rng.js';
import { chiSquareRejectionRegion } from './chi-square-rejection-region.js';
import { fisherRejectionRegion } from './fisher-rejection-region.js';
import { checkOpenUnit } from './inflate-for-dropout.js';

export type SimulationTest = 'welch' | 'student' | 'fisher' | 'chisq';

export interface SimulationDesign {
  test: SimulationTest;
  n1: number;
  /** Default n1. */
  n2?: number;
  /** Continuous outcomes (welch, student). */
  mean1?: number;
  mean2?: number;
  /** Default 1; sd2 defaults to sd1. */
  sd1?: number;
  sd2?: number;
  /** Binary outcomes (fisher, chisq). */
  p1?: number;
  p2?: number;
  alpha?: number;
  /** 2 (default) or 1: one-sided tests have the alternative arm 1 > arm 2 (R's `alternative = "greater"` for x = arm 1). chisq is two-sided only. */
  sided?: 1 | 2;
  /** chisq: Yates continuity correction as R's chisq.test default. Default true. */
  correct?: boolean;
}

/** Plain data that fully determines a simulation (sent as-is to worker threads). */
export interface PreparedSimulation {
  test: SimulationTest;
  n1: number;
  n2: number;
  mean1: number;
  mean2: number;
  sd1: number;
  sd2: number;
  p1: number;
  p2: number;
  alpha: number;
  sided: 1 | 2;
  /** Student: the critical t. Welch: critical t at the smallest and largest possible df (quick accept/reject). */
  critical: number;
  criticalLowDf: number;
  criticalHighDf: number;
  /** Binary tests: 1 where outcome (x1, x2) at index x1·(n2+1)+x2 is rejected. */
  region?: Uint8Array;
}

/** Replicates per chunk; each chunk has its own random stream (seed, chunk index). */
export const SIMULATION_CHUNK = 50_000;

/** Validates a design and precomputes critical values or the rejection region. */
export function prepareSimulation(design: SimulationDesign): PreparedSimulation {
  const { test, n1, n2 = n1, alpha = 0.05, sided = 2, correct = true } = design;
  if (!['welch', 'student', 'fisher', 'chisq'].includes(test))
    throw new InputError('test', test, 'welch, student, fisher or chisq');
  const binary = test === 'fisher' || test === 'chisq';
  const minimum = binary ? 1 : 2;
  for (const [name, value] of [
    ['n1', n1],
    ['n2', n2],
  ] as const) {
    if (!Number.isInteger(value) || value < minimum || value > 1e7)
      throw new InputError(name, value, `a whole number in [${minimum}, 1e7]`);
  }
  checkOpenUnit('alpha', alpha);
  if (sided !== 1 && sided !== 2) throw new InputError('sided', sided, '1 or 2');
  if (test === 'chisq' && sided !== 2)
    throw new InputError('sided', sided, '2 (the chi-square test is two-sided)');
  const base = {
    test,
    n1,
    n2,
    alpha,
    sided,
    mean1: 0,
    mean2: 0,
    sd1: 1,
    sd2: 1,
    p1: 0,
    p2: 0,
    critical: NaN,
    criticalLowDf: NaN,
    criticalHighDf: NaN,
  };
  if (binary) {
    const { p1, p2 } = design;
    for (const [name, p] of [
      ['p1', p1],
      ['p2', p2],
    ] as const) {
      if (p === undefined || !(p >= 0 && p <= 1))
        throw new InputError(name, p, 'a probability in [0, 1]');
    }
    const region =
      test === 'fisher'
        ? fisherRejectionRegion(n1, n2, alpha, sided === 2 ? 'two-sided' : 'greater')
        : chiSquareRejectionRegion(n1, n2, alpha, correct);
    return { ...base, p1: p1!, p2: p2!, region };
  }
  const { mean1 = 0, mean2 = 0, sd1 = 1 } = design;
  const sd2 = design.sd2 ?? sd1;
  for (const [name, value] of [
    ['mean1', mean1],
    ['mean2', mean2],
  ] as const) {
    if (!Number.isFinite(value)) throw new InputError(name, value, 'a finite number');
  }
  for (const [name, value] of [
    ['sd1', sd1],
    ['sd2', sd2],
  ] as const) {
    if (!(value > 0 && Number.isFinite(value)))
      throw new InputError(name, value, 'a positive number');
  }
  const level = 1 - alpha / sided;
  return {
    ...base,
    mean1,
    mean2,
    sd1,
    sd2,
    critical: tQuantile(level, n1 + n2 - 2),
    criticalLowDf: tQuantile(level, Math.min(n1, n2) - 1),
    criticalHighDf: tQuantile(level, n1 + n2 - 2),
  };
}

/**
 * Runs `reps` simulated trials on stream `chunk` of `seed` and counts rejections. Continuous
 * arms are drawn through their sufficient statistics: the sample mean ~ N(μ, σ²/n) and
 * (n − 1)s²/σ² ~ χ²(n − 1) (independent for normal data), so a trial costs O(1) whatever n.
 * Binary arms are binomial draws looked up in the precomputed rejection region.
 */
export function simulateChunk(
  prepared: PreparedSimulation,
  seed: number | bigint,
  chunk: number,
  reps: number,
): number {
  const rng = createRng(seed, chunk);
  const { n1, n2, sided } = prepared;
  let rejections = 0;
  if (prepared.region) {
    const { region, p1, p2 } = prepared;
    const width = n2 + 1;
    for (let i = 0; i < reps; i += 1)
      rejections += region[rng.binomial(n1, p1) * width + rng.binomial(n2, p2)];
    return rejections;
  }
  const { mean1, mean2, sd1, sd2 } = prepared;
  const se1 = sd1 / Math.sqrt(n1);
  const se2 = sd2 / Math.sqrt(n2);
  const var1 = (sd1 * sd1) / (n1 - 1);
  const var2 = (sd2 * sd2) / (n2 - 1);
  const shape1 = (n1 - 1) / 2;
  const shape2 = (n2 - 1) / 2;
  const student = prepared.test === 'student';
  const pooledScale = 1 / n1 + 1 / n2;
  const df = n1 + n2 - 2;
  const { critical, criticalLowDf, criticalHighDf, alpha } = prepared;
  for (let i = 0; i < reps; i += 1) {
    const diff = mean1 + se1 * rng.normal() - (mean2 + se2 * rng.normal());
    // s² = σ² χ²(n − 1) / (n − 1), with χ²(k) = 2 Gamma(k / 2).
    const s1 = var1 * 2 * rng.gamma(shape1);
    const s2 = var2 * 2 * rng.gamma(shape2);
    let t: number;
    if (student) {
      t = diff / Math.sqrt((((n1 - 1) * s1 + (n2 - 1) * s2) / df) * pooledScale);
      if ((sided === 2 ? Math.abs(t) : t) > critical) rejections += 1;
      continue;
    }
    const v1 = s1 / n1;
    const v2 = s2 / n2;
    t = diff / Math.sqrt(v1 + v2);
    const tt = sided === 2 ? Math.abs(t) : t;
    // The critical value falls with df, and Welch's df lies in [min(n) − 1, n1 + n2 − 2].
    if (tt > criticalLowDf) rejections += 1;
    else if (tt > criticalHighDf) {
      const welchDf = (v1 + v2) ** 2 / ((v1 * v1) / (n1 - 1) + (v2 * v2) / (n2 - 1));
      if (tSf(tt, welchDf) * sided <= alpha) rejections += 1;
    }
  }
  return rejections;
}

export interface SimulatedPower {
  power: number;
  /** Monte Carlo standard error √(p(1 − p)/reps). */
  mcse: number;
  reps: number;
  seed: number | string;
  rejections: number;
  chunks: number;
  test: SimulationTest;
}

/** Splits `reps` into chunks of {@link SIMULATION_CHUNK}: [chunk index, replicates]. */
export function simulationChunks(reps: number): Array<[number, number]> {
  if (!Number.isInteger(reps) || reps < 1 || reps > 1e10)
    throw new InputError('reps', reps, 'a whole number in [1, 1e10]');
  const chunks: Array<[number, number]> = [];
  for (let start = 0, index = 0; start < reps; start += SIMULATION_CHUNK, index += 1)
    chunks.push([index, Math.min(SIMULATION_CHUNK, reps - start)]);
  return chunks;
}

/** Power and its Monte Carlo SE from a rejection count. */
export function summarizeSimulation(
  test: SimulationTest,
  rejections: number,
  reps: number,
  seed: number | bigint,
): SimulatedPower {
  const power = rejections / reps;
  return freeze({
    power,
    mcse: Math.sqrt((power * (1 - power)) / reps),
    reps,
    seed: typeof seed === 'bigint' ? seed.toString() : seed,
    rejections,
    chunks: Math.ceil(reps / SIMULATION_CHUNK),
    test,
  });
}

/**
 * Simulation-based power of a two-arm comparison (Welch or Student t, Fisher, chi-square),
 * single-threaded. Reproducible: chunk c of the replicates uses stream c of the seed
 * ({@link createRng}), so the result is the same for any number of workers
 * (src/parallel runs the chunks on worker threads). Reference: Morris, White & Crowther
 * (2019), Statistics in Medicine 38:2074-2102 (Monte Carlo SE of a power estimate).
 * @example simulatePower({ test: 'student', n1: 20, mean1: 1, mean2: 0 }, { reps: 100000, seed: 1 })
 * // { power: 0.86735, mcse: 0.00107, reps: 100000, seed: 1, … }  (exact noncentral-t power 0.86895)
 */
export function simulatePower(
  design: SimulationDesign,
  options: { reps: number; seed: number | bigint },
): SimulatedPower {
  const prepared = prepareSimulation(design);
  checkSeed(options.seed);
  let rejections = 0;
  for (const [chunk, reps] of simulationChunks(options.reps))
    rejections += simulateChunk(prepared, options.seed, chunk, reps);
  return summarizeSimulation(prepared.test, rejections, options.reps, options.seed);
}

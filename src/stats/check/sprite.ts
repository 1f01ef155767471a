import { InputError } from '../../errors.js';
import { createRng } from '../design/create-rng.js';
import { grimTotals } from './grim.js';
import { grimmer } from './grimmer.js';
import { parseReported, reportedInterval, type ReportedValue } from './reported-value.js';

export interface SpriteOptions {
  /** Smallest and largest possible score (integers). */
  min: number;
  max: number;
  /** Seed of the random search. Default 1. */
  seed?: number;
  /** Most moves tried per restart. Default 20 000. */
  maxSteps?: number;
  /** Restarts from a fresh random sample. Default 20. */
  restarts?: number;
}

export interface SpriteResult {
  /** A sample was found: the mean and SD are possible (it is the proof). */
  found: boolean;
  /** One integer sample on [min, max] whose mean and SD print as reported, ascending; null if none was found. */
  sample: number[] | null;
  /** The found sample's mean and SD (sample SD, n − 1), unrounded. */
  mean: number | null;
  sd: number | null;
  /** Why nothing was found: GRIM or GRIMMER fails or the SD is out of the range the scale allows (proofs), or the search ran out of steps (not a proof). */
  reason: 'grim' | 'grimmer' | 'sd-bounds' | 'search-exhausted' | null;
  /** The largest SD any sample with this total can have on the scale (for context). */
  maxSd: number | null;
  steps: number;
  seed: number;
}

/**
 * SPRITE: can any sample of n integers on [min, max] have the reported mean and SD?
 * A total T that passes GRIM fixes the mean (GRIMMER is tried first: no whole sum of
 * squares fitting the SD is a proof of impossibility); the search starts from a random sample
 * with that total and repeatedly moves one unit from one value to another (which keeps
 * the total), accepting a move when it brings the SD closer to the reported one —
 * spreading values apart raises the SD, pulling them together lowers it — until the SD
 * prints as reported. A found sample proves the figures possible; "not found" after
 * the bounded search is evidence, not proof, unless GRIM or the SD bounds already rule
 * them out (then `reason` says so). Seeded and bounded: same inputs, same sample.
 *
 * Reference: Heathers JAJ, Anaya J, van der Zee T, Brown NJL (2018). Recovering data
 * from summary statistics: Sample Parameter Reconstruction via Iterative TEchniques
 * (SPRITE). PeerJ Preprints 6:e26968v1.
 * @example sprite('4.50', '1.90', 10, { min: 1, max: 7 }).sample // [1, 2, 4, 4, 4, 5, 6, 6, 6, 7] (seed 1)
 * @example sprite('2.65', '1.24', 20, { min: 1, max: 5 }).reason // 'grimmer'
 */
export function sprite(
  mean: string | number | ReportedValue,
  sd: string | number | ReportedValue,
  n: number,
  options: SpriteOptions,
): SpriteResult {
  const m = typeof mean === 'object' ? mean : parseReported(mean);
  const s = typeof sd === 'object' ? sd : parseReported(sd);
  const { min, max, seed = 1, maxSteps = 20_000, restarts = 20 } = options;
  if (!Number.isInteger(n) || n < 2 || n > 100_000)
    throw new InputError('n', n, 'a whole number in [2, 100 000]');
  if (!Number.isInteger(min) || !Number.isInteger(max) || max <= min)
    throw new InputError('max', max, `a whole number above min = ${min}`);
  if (m.relation !== '=' || s.relation !== '=')
    throw new InputError('mean/sd', m.text ?? m.value, 'exact printed values, not bounds');
  if (!(s.value >= 0)) throw new InputError('sd', s.text ?? s.value, 'a number ≥ 0');
  const sdBox = reportedInterval(s);
  const sdTarget = s.value;
  const base = { seed, steps: 0 };
  const totals = grimTotals(m, n).filter((total) => total >= n * min && total <= n * max);
  if (totals.length === 0)
    return {
      ...base,
      found: false,
      sample: null,
      mean: null,
      sd: null,
      reason: 'grim',
      maxSd: null,
    };

  if (!grimmer(m, s, n).consistent)
    return {
      ...base,
      found: false,
      sample: null,
      mean: null,
      sd: null,
      reason: 'grimmer',
      maxSd: null,
    };

  const sdOf = (sum: number, sumSquares: number): number =>
    Math.sqrt(Math.max(0, (sumSquares - (sum * sum) / n) / (n - 1)));
  // The widest sample with total T: as many values at the ends as possible.
  const extremeSd = (total: number): number => {
    const span = max - min;
    const excess = total - n * min;
    const high = Math.floor(excess / span);
    const rest = excess - high * span;
    const values = [
      ...Array(high).fill(max),
      ...(high < n ? [min + rest] : []),
      ...Array(Math.max(0, n - high - 1)).fill(min),
    ];
    return sdOf(
      total,
      values.reduce((acc, x) => acc + x * x, 0),
    );
  };
  const maxSd = Math.max(...totals.map(extremeSd));
  if (sdBox.lower > maxSd + 1e-12)
    return {
      ...base,
      found: false,
      sample: null,
      mean: null,
      sd: null,
      reason: 'sd-bounds',
      maxSd,
    };

  const rng = createRng(seed);
  const pick = (k: number): number => Math.floor(rng.nextDouble() * k);
  let steps = 0;
  for (let restart = 0; restart < restarts; restart++) {
    const total = totals[restart % totals.length];
    // A random sample with this total: start at the floor of the mean, add the remainder one by one.
    const values = Array<number>(n).fill(Math.floor(total / n));
    let remainder = total - values[0] * n;
    while (remainder > 0) {
      const i = pick(n);
      if (values[i] < max) {
        values[i]++;
        remainder--;
      }
    }
    let sumSquares = values.reduce((acc, x) => acc + x * x, 0);
    for (let step = 0; step < maxSteps; step++, steps++) {
      const current = sdOf(total, sumSquares);
      if (current >= sdBox.lower - 1e-12 && current <= sdBox.upper + 1e-12) {
        const sample = [...values].sort((a, b) => a - b);
        return {
          found: true,
          sample,
          mean: total / n,
          sd: current,
          reason: null,
          maxSd,
          steps,
          seed,
        };
      }
      const widen = current < sdTarget;
      const i = pick(n);
      const j = pick(n);
      if (i === j) continue;
      // Widening moves a unit from the smaller value down and the larger up; narrowing the reverse.
      const [low, high] = values[i] <= values[j] ? [i, j] : [j, i];
      const [down, up] = widen ? [low, high] : [high, low];
      if (values[down] - 1 < min || values[up] + 1 > max) continue;
      if (!widen && values[down] - values[up] < 2) continue; // would not narrow
      const next = sumSquares - 2 * values[down] + 1 + 2 * values[up] + 1;
      values[down]--;
      values[up]++;
      sumSquares = next;
    }
  }
  return {
    found: false,
    sample: null,
    mean: null,
    sd: null,
    reason: 'search-exhausted',
    maxSd,
    steps,
    seed,
  };
}

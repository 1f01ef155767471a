import { InputError } from '../../errors.js';
import { normalCdf, normalSf, phi } from '../dist/normal.js';
import { freeze } from '../types.js';

/**
 * The sub-density of Z_k on its continuation region, on a Simpson grid: `z` are the points and
 * `wf` the Simpson weight times the density, so Σ wf·g(z) ≈ ∫ g(z) f_k(z) dz over the region.
 */
export interface SequentialGrid {
  z: Float64Array;
  wf: Float64Array;
}

/** Default grid parameter r of Jennison & Turnbull (2000, §19.2): 6r − 1 base points. */
export const DEFAULT_GRID_R = 32;

/**
 * Jennison & Turnbull's grid (2000, §19.2.1) for a N(μ, 1) variable trimmed to (a, b): the
 * base points μ ± (3 + 4 log(r/i)) in the tails and steps of 3/(2r) within μ ± 3, with a and b
 * added as end points and the midpoints of neighbours inserted, so Simpson's rule applies.
 */
function simpsonGrid(
  mu: number,
  a: number,
  b: number,
  r: number,
): { z: Float64Array; w: Float64Array } {
  const base: number[] = [];
  for (let i = 1; i <= 6 * r - 1; i += 1) {
    let x: number;
    if (i < r) x = mu - 3 - 4 * Math.log(r / i);
    else if (i <= 5 * r) x = mu - 3 + (3 * (i - r)) / (2 * r);
    else x = mu + 3 + 4 * Math.log(r / (6 * r - i));
    base.push(x);
  }
  const pts: number[] = [];
  if (a > base[0]) pts.push(a);
  for (const x of base) if (x > a && x < b) pts.push(x);
  if (b < base[base.length - 1]) pts.push(b);
  if (pts.length < 2) {
    // The whole region lies between two base points: integrate over [a, b] with one panel.
    const lo = Math.max(a, base[0]);
    const hi = Math.min(b, base[base.length - 1]);
    pts.length = 0;
    pts.push(lo, hi);
  }
  const m = pts.length;
  const z = new Float64Array(2 * m - 1);
  const w = new Float64Array(2 * m - 1);
  for (let j = 0; j < m; j += 1) z[2 * j] = pts[j];
  for (let j = 0; j < m - 1; j += 1) {
    const d = pts[j + 1] - pts[j];
    z[2 * j + 1] = (pts[j] + pts[j + 1]) / 2;
    w[2 * j] += d / 6;
    w[2 * j + 1] += (4 * d) / 6;
    w[2 * j + 2] += d / 6;
  }
  return { z, w };
}

/**
 * The canonical joint distribution of group-sequential z statistics (Jennison & Turnbull 2000,
 * §3.1 and ch. 19): at information fractions t_1 < … < t_K, Z_k = S_k/√t_k with independent
 * score increments S_k − S_{k−1} ~ N(θ Δ_k, Δ_k), Δ_k = t_k − t_{k−1}, θ the drift (the mean of
 * Z at t = 1). One step of the recursion: given the grid of f_{k−1} on (a_{k−1}, b_{k−1}),
 *   f_k(z) = Σ_j wf_j · √(t_k/Δ_k) · φ((z√t_k − z_j√t_{k−1} − θΔ_k)/√Δ_k),
 * evaluated on a new Simpson grid (J&T §19.2, with the grid parameter r; error O(r⁻⁴)).
 */
export function nextSequentialGrid(
  prev: SequentialGrid | undefined,
  tPrev: number,
  t: number,
  drift: number,
  lower: number,
  upper: number,
  r = DEFAULT_GRID_R,
): SequentialGrid {
  const { z, w } = simpsonGrid(drift * Math.sqrt(t), lower, upper, r);
  const wf = new Float64Array(z.length);
  if (!prev) {
    const mu = drift * Math.sqrt(t);
    for (let i = 0; i < z.length; i += 1) wf[i] = w[i] * phi(z[i] - mu);
    return { z, wf };
  }
  const delta = t - tPrev;
  const sd = Math.sqrt(delta);
  const st = Math.sqrt(t);
  const sp = Math.sqrt(tPrev);
  const scale = st / sd;
  for (let i = 0; i < z.length; i += 1) {
    const zi = z[i] * st - drift * delta;
    let s = 0;
    for (let j = 0; j < prev.z.length; j += 1) s += prev.wf[j] * phi((zi - prev.z[j] * sp) / sd);
    wf[i] = w[i] * scale * s;
  }
  return { z, wf };
}

/**
 * P(continue to stage k and Z_k ≥ bound) (side 'upper') or P(… and Z_k ≤ bound) ('lower'),
 * given the grid of stage k − 1 (undefined at k = 1).
 */
export function sequentialExitProbability(
  prev: SequentialGrid | undefined,
  tPrev: number,
  t: number,
  drift: number,
  bound: number,
  side: 'upper' | 'lower',
): number {
  if (bound === Infinity) return side === 'upper' ? 0 : prev ? mass(prev) : 1;
  if (bound === -Infinity) return side === 'lower' ? 0 : prev ? mass(prev) : 1;
  const tail = side === 'upper' ? normalSf : normalCdf;
  if (!prev) return tail(bound - drift * Math.sqrt(t));
  const sd = Math.sqrt(t - tPrev);
  const sp = Math.sqrt(tPrev);
  const bt = bound * Math.sqrt(t) - drift * (t - tPrev);
  let s = 0;
  for (let j = 0; j < prev.z.length; j += 1) s += prev.wf[j] * tail((bt - prev.z[j] * sp) / sd);
  return s;
}

function mass(g: SequentialGrid): number {
  let s = 0;
  for (const v of g.wf) s += v;
  return s;
}

export interface GroupSequentialProbabilities {
  /** P(stop at look k by crossing the upper bound), per look. */
  upper: number[];
  /** P(stop at look k by crossing the lower bound), per look. */
  lower: number[];
  /** P(continue past look k), per look (after the last: 1 − Σ exits). */
  continuation: number[];
}

/**
 * Exit probabilities of a group-sequential test with continuation regions (lower_k, upper_k)
 * at information fractions `informationRates`, for Z_k with drift `drift` (see
 * `nextSequentialGrid`); ±Infinity for a missing bound. Numerical integration after
 * Armitage, McPherson & Rowe (1969) as laid out by Jennison & Turnbull (2000, ch. 19).
 *
 * @example
 * groupSequentialProbabilities([1 / 3, 2 / 3, 1], [-Infinity, -Infinity, -Infinity], [3.710303, 2.511427, 1.993047], 0).upper
 * // [0.0001035, 0.0059449, 0.0189516] (cumulative 0.025, rpact asOF α = 0.025)
 */
export function groupSequentialProbabilities(
  informationRates: readonly number[],
  lower: readonly number[],
  upper: readonly number[],
  drift: number,
  options: { gridR?: number } = {},
): GroupSequentialProbabilities {
  const r = options.gridR ?? DEFAULT_GRID_R;
  checkRates(informationRates, false);
  const K = informationRates.length;
  if (lower.length !== K || upper.length !== K)
    throw new InputError(
      'bounds',
      `${lower.length}/${upper.length}`,
      `${K} lower and ${K} upper bounds`,
    );
  if (!Number.isFinite(drift)) throw new InputError('drift', drift, 'a finite number');
  const up: number[] = [];
  const lo: number[] = [];
  const cont: number[] = [];
  let grid: SequentialGrid | undefined;
  let tPrev = 0;
  let remaining = 1;
  for (let k = 0; k < K; k += 1) {
    const t = informationRates[k];
    const a = lower[k];
    const b = upper[k];
    if (!(a <= b)) throw new InputError(`lower[${k}]`, a, `a bound ≤ upper[${k}] = ${b}`);
    const pu = sequentialExitProbability(grid, tPrev, t, drift, b, 'upper');
    const pl = sequentialExitProbability(grid, tPrev, t, drift, a, 'lower');
    up.push(pu);
    lo.push(pl);
    remaining -= pu + pl;
    cont.push(Math.max(0, remaining));
    if (k < K - 1)
      grid =
        a === b
          ? { z: new Float64Array(0), wf: new Float64Array(0) }
          : nextSequentialGrid(grid, tPrev, t, drift, a, b, r);
    tPrev = t;
  }
  return freeze({ upper: up, lower: lo, continuation: cont });
}

/** Information fractions: strictly increasing in (0, 1], the last one 1 (unless `requireLast` is false). */
export function checkRates(rates: readonly number[], requireLast = true): void {
  if (rates.length < 1 || rates.length > 20)
    throw new InputError('informationRates', rates.length, 'between 1 and 20 looks');
  let prev = 0;
  for (const [k, t] of rates.entries()) {
    if (!(t > prev && t <= 1))
      throw new InputError(`informationRates[${k}]`, t, `a fraction in (${prev}, 1], increasing`);
    prev = t;
  }
  if (requireLast && Math.abs(rates[rates.length - 1] - 1) > 1e-12)
    throw new InputError(
      'informationRates',
      rates[rates.length - 1],
      'a last information fraction of 1',
    );
}

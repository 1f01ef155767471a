import { InputError } from '../../errors.js';
import { fmin } from '../numeric/fmin.js';

/**
 * Maximises the unconditional p-value of an exact test over the common success probability π:
 * p(π) = Σ over the rejection region of Bin(x1; n1, π)·Bin(x2; n2, π).
 * Method: p(π) on a grid of G points in (0, 1) (G = min(2000, max(400, 4(n1 + n2)))), then a
 * Brent refinement (R's optimize) to 1e−10 around each of the 8 best grid-local maxima. The region is
 * split once into runs of consecutive x2 per row, so each p(π) is O(n1 + n2). Binomial pmfs
 * are built in log space (log C(n, x) from the term ratio) so large arms do not overflow; terms
 * below 1e−20 of each pmf's mode are skipped.
 */
export interface NuisanceMaximum {
  p: number;
  /** The maximising π. */
  pi: number;
  method: string;
}

function logChoose(n: number): Float64Array {
  const out = new Float64Array(n + 1);
  for (let x = 0; x < n; x++) out[x + 1] = out[x] + Math.log((n - x) / (x + 1));
  return out;
}

/** Largest number of tables (n1 + 1)(n2 + 1) the unconditional tests enumerate (about 2000 per arm). */
export const MAX_TABLES = 4_100_000;

/** Throws InputError when a table is too large to enumerate in reasonable time and memory. */
export function checkEnumerable(n1: number, n2: number, test: string): void {
  if ((n1 + 1) * (n2 + 1) > MAX_TABLES) {
    throw new InputError(
      'n1, n2',
      `${n1}, ${n2}`,
      `(n1 + 1)(n2 + 1) ≤ ${MAX_TABLES} for ${test} (it enumerates every table); use Fisher or chi-square for larger trials`,
    );
  }
}

/** Options of the nuisance maximisation; the defaults are the project's accuracy. */
export interface NuisanceOptions {
  /**
   * Number of grid points in (0, 1). Default min(2000, max(400, 4(n1 + n2))). scipy's
   * default sample is 32 points (`n = 32`); `grid: 32` is the comparable setting.
   */
  grid?: number;
  /** Golden-section refinement (to 1e−10) around the best grid-local maxima. Default true. */
  refine?: boolean;
}

/**
 * The rejection region as runs of consecutive x2 per row x1, found once per problem:
 * p(π) then costs O(n1 + n2 + runs) per nuisance value instead of O(n1·n2), because each run's
 * probability comes from the cumulative binomial sums of arm 2 (from the left for runs that
 * start at 0, from the right for runs that end at n2, so that small tails keep their digits).
 */
interface RegionRuns {
  /** Row x1's runs are rowStart[x1] ..< rowStart[x1 + 1] in runLo / runHi. */
  rowStart: Int32Array;
  runLo: Int32Array;
  runHi: Int32Array;
}

function regionRuns(n1: number, n2: number, region: Uint8Array): RegionRuns {
  const width = n2 + 1;
  const rowStart = new Int32Array(n1 + 2);
  const lo: number[] = [];
  const hi: number[] = [];
  for (let x1 = 0; x1 <= n1; x1++) {
    rowStart[x1] = lo.length;
    const offset = x1 * width;
    let x2 = 0;
    while (x2 <= n2) {
      if (!region[offset + x2]) {
        x2++;
        continue;
      }
      const first = x2;
      while (x2 + 1 <= n2 && region[offset + x2 + 1]) x2++;
      lo.push(first);
      hi.push(x2);
      x2++;
    }
  }
  rowStart[n1 + 1] = lo.length;
  return { rowStart, runLo: Int32Array.from(lo), runHi: Int32Array.from(hi) };
}

export function maximiseOverNuisance(
  n1: number,
  n2: number,
  region: Uint8Array,
  options: NuisanceOptions = {},
): NuisanceMaximum {
  const lc1 = logChoose(n1);
  const lc2 = logChoose(n2);
  const pmf1 = new Float64Array(n1 + 1);
  const pmf2 = new Float64Array(n2 + 1);
  // left[x] = Σ pmf2[0..x−1]; right[x] = Σ pmf2[x..n2]
  const left = new Float64Array(n2 + 2);
  const right = new Float64Array(n2 + 2);
  const { rowStart, runLo, runHi } = regionRuns(n1, n2, region);
  const runSum = (a: number, b: number): number => {
    if (a === 0) return left[b + 1];
    if (b === n2) return right[a];
    // An interior run: direct sum when short, else the difference on the side of its tail.
    if (b - a < 16) {
      let sum = 0;
      for (let x = a; x <= b; x++) sum += pmf2[x];
      return sum;
    }
    return left[b + 1] < right[a] ? left[b + 1] - left[a] : right[a] - right[b + 1];
  };
  const pValue = (pi: number): number => {
    const [lo1, hi1] = binomialPmf(pmf1, n1, pi, lc1);
    binomialPmf(pmf2, n2, pi, lc2);
    for (let x = 0; x <= n2; x++) left[x + 1] = left[x] + pmf2[x];
    right[n2 + 1] = 0;
    for (let x = n2; x >= 0; x--) right[x] = right[x + 1] + pmf2[x];
    let total = 0;
    for (let x1 = lo1; x1 <= hi1; x1++) {
      let row = 0;
      for (let r = rowStart[x1]; r < rowStart[x1 + 1]; r++) row += runSum(runLo[r], runHi[r]);
      total += pmf1[x1] * row;
    }
    return total;
  };
  const G = options.grid ?? Math.min(2000, Math.max(400, 4 * (n1 + n2)));
  if (!Number.isSafeInteger(G) || G < 2)
    throw new InputError('grid', G, 'a whole number of grid points ≥ 2');
  const refine = options.refine ?? true;
  const grid = new Float64Array(G);
  const values = new Float64Array(G);
  for (let i = 0; i < G; i++) {
    grid[i] = (i + 0.5) / G;
    values[i] = pValue(grid[i]);
  }
  const peaks: number[] = [];
  for (let i = 0; i < G; i++) {
    if ((i === 0 || values[i] >= values[i - 1]) && (i === G - 1 || values[i] >= values[i + 1]))
      peaks.push(i);
  }
  peaks.sort((a, b) => values[b] - values[a]);
  let best = { p: values[peaks[0]], pi: grid[peaks[0]] };
  if (refine) {
    for (const i of peaks.slice(0, 8)) {
      const lo = i === 0 ? 1e-12 : grid[i - 1];
      const hi = i === G - 1 ? 1 - 1e-12 : grid[i + 1];
      const found = refineMax(pValue, lo, hi, grid[i], values[i]);
      if (found.p > best.p) best = found;
    }
  }
  return {
    p: Math.min(1, best.p),
    pi: best.pi,
    method: refine
      ? `grid of ${G} points + Brent refinement of the best local maxima`
      : `grid of ${G} points, no refinement`,
  };
}

/**
 * Fills `out` with the Bin(n, π) pmf and returns the index range where it is at least 1e−20 of
 * its mode (zero outside). The mode comes from log space; the other terms from the term ratio
 * P(x + 1)/P(x) = (n − x)/(x + 1) · π/(1 − π), which costs a multiplication instead of an exp
 * (relative error ≤ n·ε) and stops before subnormal numbers slow the loop down.
 */
function binomialPmf(out: Float64Array, n: number, pi: number, lc: Float64Array): [number, number] {
  const mode = Math.min(n, Math.floor((n + 1) * pi));
  const odds = pi / (1 - pi);
  const top = Math.exp(lc[mode] + mode * Math.log(pi) + (n - mode) * Math.log1p(-pi));
  const floor = top * 1e-20;
  out.fill(0);
  out[mode] = top;
  let hi = mode;
  while (hi < n) {
    const next = (out[hi] * (n - hi) * odds) / (hi + 1);
    if (next < floor) break;
    out[++hi] = next;
  }
  let lo = mode;
  while (lo > 0) {
    const next = (out[lo] * lo) / ((n - lo + 1) * odds);
    if (next < floor) break;
    out[--lo] = next;
  }
  return [lo, hi];
}

/** The maximum of f on [lo, hi] by Brent's method (to 1e−10), or the grid point if higher. */
function refineMax(
  f: (x: number) => number,
  lo: number,
  hi: number,
  x0: number,
  f0: number,
): { p: number; pi: number } {
  const found = fmin((x) => -f(x), lo, hi, 1e-10);
  return -found.fx > f0 ? { p: -found.fx, pi: found.x } : { p: f0, pi: x0 };
}

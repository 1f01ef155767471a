import { InputError } from '../../errors.js';

/**
 * Maximises the unconditional p-value of an exact test over the common success probability π:
 * p(π) = Σ over the rejection region of Bin(x1; n1, π)·Bin(x2; n2, π).
 * Method: p(π) on a grid of G points in (0, 1) (G = min(2000, max(400, 4(n1 + n2)))), then a
 * golden-section refinement to 1e−10 around each of the 8 best grid-local maxima. Binomial pmfs
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

export function maximiseOverNuisance(n1: number, n2: number, region: Uint8Array): NuisanceMaximum {
  const lc1 = logChoose(n1);
  const lc2 = logChoose(n2);
  const pmf1 = new Float64Array(n1 + 1);
  const pmf2 = new Float64Array(n2 + 1);
  const width = n2 + 1;
  const pValue = (pi: number): number => {
    const lp = Math.log(pi);
    const lq = Math.log1p(-pi);
    for (let x = 0; x <= n1; x++) pmf1[x] = Math.exp(lc1[x] + x * lp + (n1 - x) * lq);
    for (let x = 0; x <= n2; x++) pmf2[x] = Math.exp(lc2[x] + x * lp + (n2 - x) * lq);
    // Binomial pmfs are unimodal: terms below 1e−20 of the mode (total < 1e−16 of p) are skipped.
    const [lo1, hi1] = significant(pmf1);
    const [lo2, hi2] = significant(pmf2);
    let total = 0;
    for (let x1 = lo1; x1 <= hi1; x1++) {
      let row = 0;
      const offset = x1 * width;
      for (let x2 = lo2; x2 <= hi2; x2++) if (region[offset + x2]) row += pmf2[x2];
      total += pmf1[x1] * row;
    }
    return total;
  };
  const G = Math.min(2000, Math.max(400, 4 * (n1 + n2)));
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
  let best = { p: -Infinity, pi: NaN };
  for (const i of peaks.slice(0, 8)) {
    const lo = i === 0 ? 1e-12 : grid[i - 1];
    const hi = i === G - 1 ? 1 - 1e-12 : grid[i + 1];
    const found = goldenMax(pValue, lo, hi, grid[i], values[i]);
    if (found.p > best.p) best = found;
  }
  return {
    p: Math.min(1, best.p),
    pi: best.pi,
    method: `grid of ${G} points + golden-section refinement of the best local maxima`,
  };
}

/** The contiguous index range where a unimodal pmf is at least 1e−20 of its maximum. */
function significant(pmf: Float64Array): [number, number] {
  let mode = 0;
  for (let i = 1; i < pmf.length; i++) if (pmf[i] > pmf[mode]) mode = i;
  const floor = pmf[mode] * 1e-20;
  let lo = mode;
  let hi = mode;
  while (lo > 0 && pmf[lo - 1] >= floor) lo--;
  while (hi < pmf.length - 1 && pmf[hi + 1] >= floor) hi++;
  return [lo, hi];
}

function goldenMax(
  f: (x: number) => number,
  lo: number,
  hi: number,
  x0: number,
  f0: number,
): { p: number; pi: number } {
  const r = (Math.sqrt(5) - 1) / 2;
  let a = lo;
  let b = hi;
  let c = b - r * (b - a);
  let d = a + r * (b - a);
  let fc = f(c);
  let fd = f(d);
  let best = { p: f0, pi: x0 };
  while (b - a > 1e-10) {
    if (fc > fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - r * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + r * (b - a);
      fd = f(d);
    }
    if (fc > best.p) best = { p: fc, pi: c };
    if (fd > best.p) best = { p: fd, pi: d };
  }
  return best;
}

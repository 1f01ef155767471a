import type { TwoByTwo } from './table.js';

/**
 * Fisher's noncentral hypergeometric distribution of the arm-1 event count given all margins,
 * laid out as R's fisher.test builds it (`dnhyper`, `pnhyper`, `mnhyper` in
 * src/library/stats/R/fisher.test.R): support lo..hi, density ∝ C(m, x) C(n, k − x) ψ^x with
 * m = total events, n = total non-events, k = n1.
 */
export interface ConditionalSupport {
  lo: number;
  hi: number;
  /** log C(m, x) C(n, k − x) up to a constant, for x = lo..hi. */
  logdc: Float64Array;
  /** The observed arm-1 event count. */
  x: number;
}

/** Builds the support; the log densities come from the term ratio, so no log-gamma is needed. */
export function conditionalSupport(table: TwoByTwo): ConditionalSupport {
  const m = table.events1 + table.events2;
  const n = table.n1 + table.n2 - m;
  const k = table.n1;
  const lo = Math.max(0, k - n);
  const hi = Math.min(k, m);
  const logdc = new Float64Array(hi - lo + 1);
  for (let x = lo; x < hi; x++) {
    // P(x + 1) / P(x) = (m − x)(k − x) / ((x + 1)(n − k + x + 1))
    logdc[x - lo + 1] = logdc[x - lo] + Math.log(((m - x) * (k - x)) / ((x + 1) * (n - k + x + 1)));
  }
  return { lo, hi, logdc, x: table.events1 };
}

/** Normalised density at odds ratio ψ (R's dnhyper). */
export function dnhyper(s: ConditionalSupport, ncp: number): Float64Array {
  const d = new Float64Array(s.logdc.length);
  const logNcp = Math.log(ncp);
  let max = -Infinity;
  for (let i = 0; i < d.length; i++) {
    d[i] = s.logdc[i] + logNcp * (s.lo + i);
    if (d[i] > max) max = d[i];
  }
  let sum = 0;
  for (let i = 0; i < d.length; i++) {
    d[i] = Math.exp(d[i] - max);
    sum += d[i];
  }
  for (let i = 0; i < d.length; i++) d[i] /= sum;
  return d;
}

/** Mean at ψ (R's mnhyper). */
export function mnhyper(s: ConditionalSupport, ncp: number): number {
  if (ncp === 0) return s.lo;
  if (ncp === Infinity) return s.hi;
  const d = dnhyper(s, ncp);
  let mean = 0;
  for (let i = 0; i < d.length; i++) mean += (s.lo + i) * d[i];
  return mean;
}

/** P[X ≤ q] (or P[X ≥ q] when `upper`) at ψ (R's pnhyper). */
export function pnhyper(s: ConditionalSupport, q: number, ncp: number, upper = false): number {
  if (ncp === 0) return upper ? Number(q <= s.lo) : Number(q >= s.lo);
  if (ncp === Infinity) return upper ? Number(q <= s.hi) : Number(q >= s.hi);
  const d = dnhyper(s, ncp);
  let sum = 0;
  for (let i = 0; i < d.length; i++) {
    const x = s.lo + i;
    if (upper ? x >= q : x <= q) sum += d[i];
  }
  return Math.min(1, sum);
}

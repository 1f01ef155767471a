/**
 * Maximises the unconditional p-value of an exact test over the common success probability π:
 * p(π) = Σ over the rejection region of Bin(x1; n1, π)·Bin(x2; n2, π).
 * Method: p(π) on a grid of G points in (0, 1) (G = min(2000, max(400, 4(n1 + n2)))), then a
 * golden-section refinement to 1e−10 around each of the 8 best grid-local maxima. Binomial pmfs
 * are built in log space (log C(n, x) from the term ratio) so large arms do not overflow.
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
    let total = 0;
    for (let x1 = 0; x1 <= n1; x1++) {
      const w = pmf1[x1];
      if (w === 0) continue;
      let row = 0;
      const offset = x1 * width;
      for (let x2 = 0; x2 <= n2; x2++) if (region[offset + x2]) row += pmf2[x2];
      total += w * row;
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
    if ((i === 0 || values[i] >= values[i - 1]) && (i === G - 1 || values[i] >= values[i + 1])) peaks.push(i);
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

function goldenMax(f: (x: number) => number, lo: number, hi: number, x0: number, f0: number): { p: number; pi: number } {
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
      b = d; d = c; fd = fc; c = b - r * (b - a); fc = f(c);
    } else {
      a = c; c = d; fc = fd; d = a + r * (b - a); fd = f(d);
    }
    if (fc > best.p) best = { p: fc, pi: c };
    if (fd > best.p) best = { p: fd, pi: d };
  }
  return best;
}

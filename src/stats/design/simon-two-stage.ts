import { InputError } from '../../errors.js';
import { binomialPmf, binomialSf, normalQuantile } from '../dist/index.js';
import { freeze } from '../types.js';
import { checkOpenUnit } from './inflate-for-dropout.js';

export interface SimonDesign {
  /** Stop after stage 1 if responses ≤ r1 of n1. */
  r1: number;
  n1: number;
  /** Declare the drug inactive if total responses ≤ r of n. */
  r: number;
  n: number;
  /** Expected sample size under p0. */
  en0: number;
  /** Probability of early termination under p0. */
  pet0: number;
  /** Attained type I error P(> r responses and passing stage 1 | p0). */
  alpha: number;
  /** Attained power under p1. */
  power: number;
}

export interface SimonTwoStageResult {
  p0: number;
  p1: number;
  alpha: number;
  power: number;
  /** Minimises the expected sample size under p0. */
  optimal: SimonDesign;
  /** Minimises the maximum sample size n (ties: smallest en0). */
  minimax: SimonDesign;
  /**
   * Admissible designs (Jung SH, Lee T, Kim K, George SL. Admissible two-stage designs for
   * phase II cancer clinical trials. Stat Med 2004;23:561–569): those minimising the expected
   * loss q·n + (1 − q)·EN0 for some weight q, from the minimax (q near 1) to the optimal (q near 0),
   * each with the interval of q where it is best.
   */
  admissible: (SimonDesign & { qFrom: number; qTo: number })[];
  /** Largest total n searched. */
  nMax: number;
  warnings: string[];
}

/**
 * Simon's two-stage designs for single-arm phase II trials (Simon 1989, Controlled Clinical
 * Trials 10:1-10). Stage 1 treats n1 patients and stops if ≤ r1 respond; otherwise n − n1 more
 * are treated and the drug is rejected if ≤ r of n respond. With X1 ~ Bin(n1, p), X2 ~ Bin(n − n1, p):
 * P(reject H0 | p) = Σ_{x1 > r1} P(X1 = x1) P(X2 > r − x1); feasible designs have this ≤ α at p0
 * and ≥ power at p1. Search over 1 ≤ n1 < n ≤ nMax, 0 ≤ r1 < n1, r1 ≤ r < n (for each
 * (n, n1, r1) the smallest r meeting α is the best one), exhaustive in effect but pruned: n starts
 * where the randomised UMP test of size α reaches the power (Neyman–Pearson: no smaller n can),
 * (n1, r1) are skipped when their EN0 can replace neither design, and r is found by bisection for
 * the first r1 and then by walking down (it never rises with r1). Optimal: smallest
 * EN0 = n1 + (1 − PET0)(n − n1) (ties: smaller n); minimax: smallest n (ties: smaller EN0).
 *
 * @example
 * simonTwoStage({ p0: 0.1, p1: 0.3, alpha: 0.05, power: 0.8 })
 * // optimal { r1: 1, n1: 10, r: 5, n: 29, en0: 15.01, pet0: 0.736 }, minimax { r1: 1, n1: 15, r: 5, n: 25, en0: 19.51, pet0: 0.549 }
 */
export function simonTwoStage(options: {
  p0: number;
  p1: number;
  alpha?: number;
  power?: number;
  nMax?: number;
}): SimonTwoStageResult {
  const { p0, p1, alpha = 0.05, power = 0.8 } = options;
  checkOpenUnit('p0', p0);
  checkOpenUnit('p1', p1);
  checkOpenUnit('alpha', alpha);
  checkOpenUnit('power', power);
  if (!(p1 > p0)) throw new InputError('p1', p1, `a response rate above p0 = ${p0}`);
  // Default search limit: twice the single-stage normal-approximation n (at least 30).
  const za = normalQuantile(1 - alpha);
  const zb = normalQuantile(power);
  const single = ((za * Math.sqrt(p0 * (1 - p0)) + zb * Math.sqrt(p1 * (1 - p1))) / (p1 - p0)) ** 2;
  const nMax = options.nMax ?? Math.max(30, Math.ceil(2 * single));
  if (!Number.isInteger(nMax) || nMax < 2 || nMax > 600)
    throw new InputError('nMax', nMax, 'a whole number in [2, 600]');

  // pmf[m][x] and sf[m][k] = P(X > k) for Bin(m, p), m = 0..nMax.
  const tables = (p: number) => {
    const pmf: Float64Array[] = [];
    const sf: Float64Array[] = [];
    for (let m = 0; m <= nMax; m += 1) {
      const pm = new Float64Array(m + 1);
      const s = new Float64Array(m + 1);
      for (let x = 0; x <= m; x += 1) {
        pm[x] = binomialPmf(x, m, p);
        s[x] = binomialSf(x, m, p);
      }
      pmf.push(pm);
      sf.push(s);
    }
    return { pmf, sf };
  };
  const t0 = tables(p0);
  const t1 = tables(p1);
  const reject = (t: typeof t0, r1: number, n1: number, r: number, n: number): number => {
    const pm = t.pmf[n1];
    const sf = t.sf[n - n1];
    let total = 0;
    for (let x1 = r1 + 1; x1 <= n1; x1 += 1) {
      const k = r - x1;
      total += pm[x1] * (k < 0 ? 1 : k >= n - n1 ? 0 : sf[k]);
    }
    return total;
  };

  // cdf0[m][k] = P(X ≤ k | Bin(m, p0)): PET0 of a stage 1 of m patients stopping at ≤ k.
  const cdf0: Float64Array[] = t0.pmf.map((pm) => {
    const c = new Float64Array(pm.length);
    let sum = 0;
    for (let x = 0; x < pm.length; x += 1) c[x] = sum += pm[x];
    return c;
  });

  // No level-α test on n patients beats the randomised UMP one-sided binomial test (Neyman–
  // Pearson), and a two-stage design is such a test: below the first n where the UMP test reaches
  // the power no design is feasible, so the search starts there.
  let nStart = 2;
  while (nStart <= nMax && umpPower(t0.pmf[nStart], t1.pmf[nStart], alpha) < power) nStart += 1;

  let optimal: SimonDesign | undefined;
  let minimax: SimonDesign | undefined;
  // Smallest-EN0 design at each n: the candidates for admissibility. The pruning below skips only
  // designs dominated by one already found (no larger n, no smaller EN0), never an admissible one.
  const bestByN = new Map<number, SimonDesign>();
  for (let n = nStart; n <= nMax; n += 1) {
    for (let n1 = 1; n1 < n; n1 += 1) {
      let r = -1; // the smallest α-feasible r for the previous r1: it can only fall as r1 grows
      let stage1Fail1 = 0; // P(X1 ≤ r1 | p1): power can be at most 1 minus this
      for (let r1 = 0; r1 < n1; r1 += 1) {
        stage1Fail1 += t1.pmf[n1][r1];
        if (1 - stage1Fail1 < power) break;
        // EN0 does not depend on r: a design that can replace neither the optimal (n only grows,
        // so only a smaller EN0 replaces it) nor the minimax (same n and smaller EN0) is skipped
        // before the search for r. The results are those of the exhaustive search.
        const pet0 = cdf0[n1][r1];
        const en0 = n1 + (1 - pet0) * (n - n1);
        if (
          optimal &&
          minimax &&
          en0 >= optimal.en0 - 1e-12 &&
          (n > minimax.n || en0 >= minimax.en0 - 1e-12)
        )
          continue;
        // Smallest r in [r1, n) with α(r) ≤ alpha (α decreases in r, and in r1 for each r).
        if (r < 0) {
          let lo = r1;
          let hi = n - 1;
          if (reject(t0, r1, n1, hi, n) > alpha) continue;
          while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (reject(t0, r1, n1, mid, n) <= alpha) hi = mid;
            else lo = mid + 1;
          }
          r = lo;
        } else {
          r = Math.max(r, r1);
          while (r > r1 && reject(t0, r1, n1, r - 1, n) <= alpha) r -= 1;
        }
        const attained = reject(t1, r1, n1, r, n);
        if (attained < power) continue;
        const design: SimonDesign = {
          r1,
          n1,
          r,
          n,
          en0,
          pet0,
          alpha: reject(t0, r1, n1, r, n),
          power: attained,
        };
        const atN = bestByN.get(n);
        if (!atN || en0 < atN.en0 - 1e-12) bestByN.set(n, design);
        // 1e-12 slack: equal EN0 up to rounding counts as a tie.
        if (
          !optimal ||
          en0 < optimal.en0 - 1e-12 ||
          (Math.abs(en0 - optimal.en0) <= 1e-12 && n < optimal.n)
        )
          optimal = design;
        if (!minimax || n < minimax.n || (n === minimax.n && en0 < minimax.en0 - 1e-12))
          minimax = design;
      }
    }
  }
  if (!optimal || !minimax)
    throw new InputError(
      'nMax',
      nMax,
      `a search limit large enough for a feasible design (none with n ≤ ${nMax})`,
    );
  const warnings: string[] = [];
  if (optimal.n > 0.9 * nMax)
    warnings.push(
      `the optimal design's n = ${optimal.n} is near the search limit nMax = ${nMax}: a larger nMax may find a smaller EN0`,
    );
  const admissible = admissibleDesigns(
    [...bestByN.values()].filter((d) => d.n >= minimax!.n && d.n <= optimal!.n),
  );
  return freeze({ p0, p1, alpha, power, optimal, minimax, admissible, nMax, warnings });
}

/**
 * The lower convex hull of (n, EN0) from the smallest n: a design is admissible when some
 * q ∈ [0, 1] makes q·n + (1 − q)·EN0 smallest there. Neighbours i, i + 1 on the hull tie at
 * q = (EN0_i − EN0_{i+1}) / ((EN0_i − EN0_{i+1}) + (n_{i+1} − n_i)).
 */
function admissibleDesigns(
  candidates: SimonDesign[],
): (SimonDesign & { qFrom: number; qTo: number })[] {
  const byN = [...candidates].sort((a, b) => a.n - b.n);
  const hull: SimonDesign[] = [];
  for (const d of byN) {
    if (hull.length > 0 && d.en0 >= hull[hull.length - 1].en0 - 1e-12) continue; // dominated
    // Drop the last point while it lies on or above the segment from its predecessor to d.
    while (hull.length >= 2) {
      const a = hull[hull.length - 2];
      const b = hull[hull.length - 1];
      const cross = (b.n - a.n) * (d.en0 - a.en0) - (b.en0 - a.en0) * (d.n - a.n);
      if (cross <= 1e-12) hull.pop();
      else break;
    }
    hull.push(d);
  }
  const tie = (a: SimonDesign, b: SimonDesign) => (a.en0 - b.en0) / (a.en0 - b.en0 + (b.n - a.n));
  return hull.map((d, i) => ({
    ...d,
    qFrom: i + 1 < hull.length ? tie(d, hull[i + 1]) : 0,
    qTo: i > 0 ? tie(hull[i - 1], d) : 1,
  }));
}

/** Power of the randomised UMP level-α test of p0 against p1 > p0 on one binomial sample. */
function umpPower(pmf0: Float64Array, pmf1: Float64Array, alpha: number): number {
  let size = 0;
  let power = 0;
  for (let x = pmf0.length - 1; x >= 0; x -= 1) {
    if (size + pmf0[x] > alpha) return power + ((alpha - size) / pmf0[x]) * pmf1[x];
    size += pmf0[x];
    power += pmf1[x];
  }
  return power;
}

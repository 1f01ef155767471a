import { InputError } from '../../errors.js';
import { normalCdf, normalSf } from '../dist/index.js';
import { freeze } from '../types.js';
import type { EffectSizes } from './effect-sizes.js';

export interface RankCorrelationResult {
  /** Kendall's τ_b between the standardized effects and the sampling variances. */
  tau: number;
  p: number;
  /** `exact` (permutation distribution of τ, no ties) or `normal` (tie-corrected variance). */
  method: 'exact' | 'normal';
  /** Kendall's score S (concordant − discordant pairs). */
  S: number;
  /** z = S/√Var(S) (normal method); null when exact. */
  z: number | null;
  k: number;
  warnings: string[];
}

/**
 * Begg & Mazumdar's rank correlation test for funnel-plot asymmetry (Biometrics 1994,
 * 50:1088), as metafor `ranktest`: Kendall's τ between the standardized effects
 * yᵢ* = (yᵢ − θ̂)/√(vᵢ − v̂), θ̂ the common-effect estimate with variance v̂, and vᵢ. The
 * p-value is exact (the distribution of the number of concordant pairs over all k!
 * orderings, as R's cor.test with exact = TRUE) when there are no ties, and otherwise
 * from the normal approximation with the tie-corrected variance of S (Kendall 1970, ch. 4).
 * @example rankCorrelationTest(bcgRR).p // 0.952361907960866 (dat.bcg, τ = 0.0256)
 */
export function rankCorrelationTest(
  effects: EffectSizes,
  options: { exact?: boolean } = {},
): RankCorrelationResult {
  const { exact = true } = options;
  const k = effects.studies.length;
  if (k < 3) throw new InputError('studies', k, 'at least 3 studies for a rank correlation test');
  const yi = effects.studies.map((s) => s.yi);
  const vi = effects.studies.map((s) => s.vi);
  const w = vi.map((v) => 1 / v);
  const sumW = w.reduce((a, b) => a + b, 0);
  const theta = yi.reduce((s, y, i) => s + w[i] * y, 0) / sumW;
  const vb = 1 / sumW;
  const ystar = yi.map((y, i) => (y - theta) / Math.sqrt(vi[i] - vb));
  const warnings: string[] = [];
  if (k < 10)
    warnings.push(
      `only ${k} studies: the rank correlation test has little power below 10 (Cochrane Handbook §13.3.5.4)`,
    );
  const r = kendall(ystar, vi);
  const ties = r.xTies.length > 0 || r.yTies.length > 0;
  if (exact && !ties) {
    const q = Math.round(((r.tau + 1) * k * (k - 1)) / 4);
    const cdf = concordantCdf(k);
    const M = (k * (k - 1)) / 2;
    // P(T ≥ q) = P(T ≤ M − q) by symmetry (no cancellation, unlike 1 − P(T ≤ q − 1))
    const p = q > M / 2 ? cdf[M - q] : cdf[q];
    return freeze({
      tau: r.tau,
      p: Math.min(2 * p, 1),
      method: 'exact' as const,
      S: r.S,
      z: null,
      k,
      warnings,
    });
  }
  if (exact && ties)
    warnings.push(
      'ties in the standardized effects or the variances: normal approximation used instead of the exact p-value',
    );
  const n = k;
  const sum = (t: number[], f: (x: number) => number) => t.reduce((s, x) => s + f(x), 0);
  const v0 = n * (n - 1) * (2 * n + 5);
  const vt = sum(r.xTies, (t) => t * (t - 1) * (2 * t + 5));
  const vu = sum(r.yTies, (t) => t * (t - 1) * (2 * t + 5));
  const v1 = sum(r.xTies, (t) => t * (t - 1)) * sum(r.yTies, (t) => t * (t - 1));
  const v2 =
    sum(r.xTies, (t) => t * (t - 1) * (t - 2)) * sum(r.yTies, (t) => t * (t - 1) * (t - 2));
  const varS = (v0 - vt - vu) / 18 + v1 / (2 * n * (n - 1)) + v2 / (9 * n * (n - 1) * (n - 2));
  const z = r.S / Math.sqrt(varS);
  return freeze({
    tau: r.tau,
    p: 2 * Math.min(normalCdf(z), normalSf(z)),
    method: 'normal' as const,
    S: r.S,
    z,
    k,
    warnings,
  });
}

/** Kendall's τ_b with S and the sizes of tied groups in x and y. */
function kendall(
  x: readonly number[],
  y: readonly number[],
): { tau: number; S: number; xTies: number[]; yTies: number[] } {
  const n = x.length;
  let S = 0;
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) S += Math.sign(x[i] - x[j]) * Math.sign(y[i] - y[j]);
  const tieSizes = (v: readonly number[]) =>
    [
      ...v.reduce((m, a) => m.set(a, (m.get(a) ?? 0) + 1), new Map<number, number>()).values(),
    ].filter((c) => c > 1);
  const xTies = tieSizes(x);
  const yTies = tieSizes(y);
  const n0 = (n * (n - 1)) / 2;
  const n1 = xTies.reduce((s, t) => s + (t * (t - 1)) / 2, 0);
  const n2 = yTies.reduce((s, t) => s + (t * (t - 1)) / 2, 0);
  return { tau: S / Math.sqrt((n0 - n1) * (n0 - n2)), S, xTies, yTies };
}

/**
 * P(T ≤ q), q = 0 … n(n−1)/2, for T the number of concordant pairs of a random ordering of n
 * distinct values (the Mahonian distribution), by the recursion p_n(q) = (1/n) Σ_{j<n} p_{n−1}(q − j).
 */
function concordantCdf(n: number): number[] {
  let p = [1];
  for (let m = 2; m <= n; m++) {
    const size = (m * (m - 1)) / 2 + 1;
    const next = new Array<number>(size).fill(0);
    let window = 0;
    for (let q = 0; q < size; q++) {
      if (q < p.length) window += p[q];
      if (q - m >= 0 && q - m < p.length) window -= p[q - m];
      next[q] = window / m;
    }
    p = next;
  }
  const cdf = new Array<number>(p.length);
  let acc = 0;
  for (let q = 0; q < p.length; q++) cdf[q] = acc += p[q];
  return cdf;
}

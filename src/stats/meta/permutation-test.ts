import { InputError } from '../../errors.js';
import { createRng } from '../design/create-rng.js';
import { freeze } from '../types.js';
import type { Tau2Control } from './estimate-tau2.js';
import { regressionCore, type MetaRegressionResult } from './meta-regression.js';

export interface PermutationTestOptions {
  /** Number of permutations including the observed one (metafor's `iter`). Default 1000. */
  iterations?: number;
  /** Seed of the random permutations (required unless the test is exact). */
  seed?: number;
  /** Force the exhaustive test (default: exhaustive when it needs no more than `iterations` refits). */
  exact?: boolean;
  /**
   * Explicit permutations to use besides the observed data, for reproducing another program's
   * draws: for a model with moderators, each is the 0-based index of the study whose moderator
   * row study i receives; for an intercept-only model, a vector of ±1 signs.
   */
  permutations?: readonly (readonly number[])[];
  control?: Tau2Control;
}

export interface PermutationTestResult {
  /** `rows` (model matrix rows permuted) or `signs` (intercept-only: signs of yᵢ flipped). */
  scheme: 'rows' | 'signs';
  exact: boolean;
  /** Permutations evaluated, the observed one included. */
  iterations: number;
  /** Number of distinct permutations (k!/Π tᵢ! with ties in the model matrix, or 2^k). */
  exactCount: number;
  seed: number | null;
  /** Permutation p-value of the omnibus test: share of permutations with Q_M ≥ the observed. */
  QMp: number;
  QM: number;
  /** Per coefficient: share of permutations with |z| (or |t|) ≥ the observed. */
  coefficients: { name: string; statistic: number; p: number }[];
  /** Monte Carlo standard error of QMp (0 when exact). */
  mcse: number;
  /** Refits that failed (left out, as metafor does). */
  failed: number;
  /** The permutation distribution: Q_M and the coefficients' statistics of every permutation (observed first when random). */
  distribution: { QM: number[]; statistic: number[][] };
  warnings: string[];
}

/** Largest exhaustive enumeration attempted. */
const MAX_EXACT = 5_000_000;
/** metafor's comparison tolerance, √ε. */
const COMPTOL = Math.sqrt(2.220446049250313e-16);

/**
 * Permutation test for a meta-regression (Higgins JPT, Thompson SG 2004, Stat Med 23:1663),
 * as metafor `permutest.rma.uni`: the rows of the model matrix are permuted against (yᵢ, vᵢ)
 * and the model refitted with the same τ² estimator and test; for an intercept-only model the
 * signs of yᵢ are flipped instead (Follmann & Proschan 1999). p-values are the share of
 * permutations whose statistic is at least the observed one (with metafor's √ε tolerance), the
 * observed permutation counted. Exhaustive (every distinct permutation, ties in the model
 * matrix collapsed) when that needs at most `iterations` refits or `exact` is set; otherwise
 * `iterations − 1` random permutations from `seed` plus the observed one.
 * @example permutationTest(metaRegression(bcgRR, [{ column: 'ablat' }]), { seed: 1 }).QMp // ≈ 0.002 (dat.bcg)
 */
export function permutationTest(
  fit: MetaRegressionResult,
  options: PermutationTestOptions = {},
): PermutationTestResult {
  const { iterations = 1000, exact, seed, permutations, control = {} } = options;
  if (!(Number.isInteger(iterations) && iterations >= 2))
    throw new InputError('iterations', iterations, 'a whole number ≥ 2');
  const k = fit.k;
  const yi = fit.studies.map((s) => s.yi);
  const vi = fit.studies.map((s) => s.vi);
  const X = fit.studies.map((s) => s.x);
  const signs = fit.design.intercept && fit.p === 1;
  const fitOptions = { method: fit.method, test: fit.test, control, btt: fit.design.btt };
  const warnings: string[] = [];

  // Distinct permutations: 2^k sign vectors, or k!/Π tᵢ! orderings of the model-matrix rows.
  const groups = groupRows(X);
  const exactCount = signs ? 2 ** k : multinomial(groups.sizes);
  const useExact = permutations === undefined && (exact === true || exactCount <= iterations);
  if (useExact && exactCount > MAX_EXACT)
    throw new InputError(
      'exact',
      true,
      `at most ${MAX_EXACT} distinct permutations (this model has ${exactCount.toExponential(3)})`,
    );
  if (!useExact && permutations === undefined && seed === undefined)
    throw new InputError(
      'seed',
      undefined,
      `a seed: the test draws ${iterations - 1} random permutations of ${exactCount.toExponential(3)}`,
    );

  const QM: number[] = [];
  const statistic: number[][] = [];
  let failed = 0;
  const evaluate = (y: readonly number[], Xp: readonly (readonly number[])[]): void => {
    try {
      const r = regressionCore(y, vi, Xp, fitOptions);
      // metafor's rma stops when Fisher scoring does not converge; that refit is then left out.
      if (!Number.isFinite(r.QM) || (r.tauEstimate && !r.tauEstimate.converged))
        throw new Error('refit failed');
      QM.push(r.QM);
      statistic.push(r.statistic);
    } catch {
      failed++;
    }
  };
  const observed = { QM: fit.QM.statistic, statistic: fit.coefficients.map((c) => c.statistic) };
  const pushObserved = () => {
    QM.push(observed.QM);
    statistic.push(observed.statistic);
  };

  if (permutations !== undefined) {
    pushObserved();
    for (const perm of permutations) {
      if (perm.length !== k)
        throw new InputError('permutations', perm.length, `${k} entries per permutation`);
      if (signs)
        evaluate(
          yi.map((y, i) => perm[i] * y),
          X,
        );
      else
        evaluate(
          yi,
          perm.map((j) => X[j]),
        );
    }
  } else if (useExact) {
    if (signs) {
      for (let mask = 0; mask < exactCount; mask++)
        evaluate(
          yi.map((y, i) => ((mask >> i) & 1 ? -y : y)),
          X,
        );
    } else {
      const labels = groups.labels.slice().sort((a, b) => a - b);
      do
        evaluate(
          yi,
          labels.map((g) => X[groups.representative[g]]),
        );
      while (nextPermutation(labels));
    }
  } else {
    const rng = createRng(seed!);
    pushObserved();
    const order = X.map((_, i) => i);
    for (let it = 1; it < iterations; it++) {
      if (signs)
        evaluate(
          yi.map((y) => (rng.nextDouble() < 0.5 ? -y : y)),
          X,
        );
      else {
        for (let i = k - 1; i > 0; i--) {
          const j = Math.floor(rng.nextDouble() * (i + 1));
          [order[i], order[j]] = [order[j], order[i]];
        }
        evaluate(
          yi,
          order.map((j) => X[j]),
        );
      }
    }
  }
  if (failed > 0)
    warnings.push(
      `${failed} permutation refit${failed === 1 ? '' : 's'} failed and ${failed === 1 ? 'was' : 'were'} left out`,
    );
  const n = QM.length;
  const QMp = QM.filter((q) => q >= observed.QM - COMPTOL).length / n;
  const coefficients = fit.coefficients.map((c, j) => ({
    name: c.name,
    statistic: c.statistic,
    p: Math.min(
      1,
      statistic.filter((s) => Math.abs(s[j]) >= Math.abs(c.statistic) - COMPTOL).length / n,
    ),
  }));
  return freeze({
    scheme: signs ? ('signs' as const) : ('rows' as const),
    exact: useExact,
    iterations: n + failed,
    exactCount,
    seed: useExact || permutations !== undefined ? null : seed!,
    QMp,
    QM: observed.QM,
    coefficients,
    mcse: useExact ? 0 : Math.sqrt((QMp * (1 - QMp)) / n),
    failed,
    distribution: { QM, statistic },
    warnings,
  });
}

/** Groups identical model-matrix rows: a label per study, one representative row per label, group sizes. */
function groupRows(X: readonly (readonly number[])[]): {
  labels: number[];
  representative: number[];
  sizes: number[];
} {
  const index = new Map<string, number>();
  const labels: number[] = [];
  const representative: number[] = [];
  const sizes: number[] = [];
  X.forEach((row, i) => {
    const key = row.join('\u0000');
    let g = index.get(key);
    if (g === undefined) {
      g = representative.length;
      index.set(key, g);
      representative.push(i);
      sizes.push(0);
    }
    sizes[g]++;
    labels.push(g);
  });
  return { labels, representative, sizes };
}

/** n!/Π sᵢ! computed as a product of binomial coefficients (Infinity when it overflows). */
function multinomial(sizes: readonly number[]): number {
  let total = 0;
  let result = 1;
  for (const s of sizes) {
    for (let j = 1; j <= s; j++) result = (result * (total + j)) / j;
    total += s;
  }
  return Math.round(result);
}

/** Next lexicographic permutation of a multiset in place; false after the last. */
function nextPermutation(a: number[]): boolean {
  let i = a.length - 2;
  while (i >= 0 && a[i] >= a[i + 1]) i--;
  if (i < 0) return false;
  let j = a.length - 1;
  while (a[j] <= a[i]) j--;
  [a[i], a[j]] = [a[j], a[i]];
  for (let l = i + 1, r = a.length - 1; l < r; l++, r--) [a[l], a[r]] = [a[r], a[l]];
  return true;
}

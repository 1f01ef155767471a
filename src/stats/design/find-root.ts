import { zeroin } from '../numeric/zeroin.js';

export interface RootResult {
  root: number;
  /** f(root). */
  value: number;
  iterations: number;
  converged: boolean;
}

/**
 * A root of f between `lower` and `upper` by Brent's method (the shared port of R's
 * zeroin, src/stats/numeric/zeroin.ts). `f(lower)` and `f(upper)` must differ in sign;
 * with `extendUpper` the upper end is doubled (up to `limit`) until they do, like
 * `uniroot(..., extendInt = "upX")` for an increasing f. No bracket: root NaN, not converged.
 * @example findRoot((x) => x * x - 2, 0, 2).root // 1.4142135623731364 (tol 1e-12)
 */
export function findRoot(
  f: (x: number) => number,
  lower: number,
  upper: number,
  options: { tol?: number; maxIter?: number; extendUpper?: boolean; limit?: number } = {},
): RootResult {
  const { tol = 1e-12, maxIter = 1000, extendUpper = false, limit = 1e12 } = options;
  let a = lower;
  let b = upper;
  let fa = f(a);
  let fb = f(b);
  while (extendUpper && fa * fb > 0 && b < limit) {
    a = b;
    fa = fb;
    b = Math.min(limit, 2 * b);
    fb = f(b);
  }
  if (!(fa * fb <= 0)) return { root: NaN, value: NaN, iterations: 0, converged: false };
  const result = zeroin(f, a, b, { tol, maxiter: maxIter, fLower: fa, fUpper: fb });
  return {
    root: result.root,
    value: f(result.root),
    iterations: result.iterations,
    converged: result.converged,
  };
}

export interface RootResult {
  root: number;
  /** f(root). */
  value: number;
  iterations: number;
  converged: boolean;
}

/**
 * Brent's root finder (Brent 1973, "Algorithms for Minimization without Derivatives",
 * ch. 4; the zeroin algorithm that R's `uniroot` calls). `f(lower)` and `f(upper)` must
 * differ in sign. With `extendUpper`, the upper end is doubled (up to `limit`) until the
 * sign changes, like `uniroot(..., extendInt = "upX")` for an increasing `f`.
 * @example findRoot((x) => x * x - 2, 0, 2).root // 1.41421356237314 (to tol 1e-12)
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
  if (fa === 0) return { root: a, value: 0, iterations: 0, converged: true };
  if (fb === 0) return { root: b, value: 0, iterations: 0, converged: true };
  if (!(fa * fb < 0)) return { root: NaN, value: NaN, iterations: 0, converged: false };
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  for (let iteration = 1; iteration <= maxIter; iteration += 1) {
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tol1 = 2 * Number.EPSILON * Math.abs(b) + 0.5 * tol;
    const xm = 0.5 * (c - b);
    if (Math.abs(xm) <= tol1 || fb === 0) return { root: b, value: fb, iterations: iteration, converged: true };
    if (Math.abs(e) >= tol1 && Math.abs(fa) > Math.abs(fb)) {
      // Inverse quadratic interpolation, or the secant step when only two points differ.
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * xm * s;
        q = 1 - s;
      } else {
        const qa = fa / fc;
        const r = fb / fc;
        p = s * (2 * xm * qa * (qa - r) - (b - a) * (r - 1));
        q = (qa - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (2 * p < Math.min(3 * xm * q - Math.abs(tol1 * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = xm;
        e = d;
      }
    } else {
      d = xm;
      e = d;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol1 ? d : xm > 0 ? tol1 : -tol1;
    fb = f(b);
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
  }
  return { root: b, value: fb, iterations: maxIter, converged: false };
}

/**
 * Brent's root finder, a line-by-line port of R's `R_zeroin2` (src/library/stats/src/zeroin.c),
 * which `uniroot()` calls. Ported rather than reimplemented so that roots found with R's
 * default tolerance (metafor uses `.Machine$double.eps^0.25`) agree with metafor's to
 * rounding, not merely to the tolerance.
 *
 * Reference: Brent RP (1973). Algorithms for Minimization without Derivatives, ch. 4.
 * @example zeroin((x) => x * x - 2, 0, 2, { tol: 1e-12 }).root // 1.4142135623731364
 */
export interface ZeroinResult {
  root: number;
  /** Function evaluations after the two end points (R's `iter`). */
  iterations: number;
  converged: boolean;
  /** |c − b| at the end (R's `estim.prec`). */
  precision: number;
}

const EPSILON = 2.220446049250313e-16;

export function zeroin(
  f: (x: number) => number,
  lower: number,
  upper: number,
  options: { tol?: number; maxiter?: number; fLower?: number; fUpper?: number } = {},
): ZeroinResult {
  const tol = options.tol ?? EPSILON ** 0.25;
  const maxiterIn = options.maxiter ?? 1000;
  let a = lower;
  let b = upper;
  let fa = options.fLower ?? f(a);
  let fb = options.fUpper ?? f(b);
  let c = a;
  let fc = fa;
  if (fa === 0) return { root: a, iterations: 0, converged: true, precision: 0 };
  if (fb === 0) return { root: b, iterations: 0, converged: true, precision: 0 };
  let maxit = maxiterIn + 1;
  while (maxit--) {
    const prevStep = b - a;
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tolAct = 2 * EPSILON * Math.abs(b) + tol / 2;
    let newStep = (c - b) / 2;
    if (Math.abs(newStep) <= tolAct || fb === 0) {
      return {
        root: b,
        iterations: maxiterIn - maxit,
        converged: true,
        precision: Math.abs(c - b),
      };
    }
    if (Math.abs(prevStep) >= tolAct && Math.abs(fa) > Math.abs(fb)) {
      let p: number;
      let q: number;
      const cb = c - b;
      if (a === c) {
        const t1 = fb / fa;
        p = cb * t1;
        q = 1 - t1;
      } else {
        const qq = fa / fc;
        const t1 = fb / fc;
        const t2 = fb / fa;
        p = t2 * (cb * qq * (qq - t1) - (b - a) * (t1 - 1));
        q = (qq - 1) * (t1 - 1) * (t2 - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (p < 0.75 * cb * q - Math.abs(tolAct * q) / 2 && p < Math.abs((prevStep * q) / 2))
        newStep = p / q;
    }
    if (Math.abs(newStep) < tolAct) newStep = newStep > 0 ? tolAct : -tolAct;
    a = b;
    fa = fb;
    b += newStep;
    fb = f(b);
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      c = a;
      fc = fa;
    }
  }
  return { root: b, iterations: maxiterIn + 1, converged: false, precision: -1 };
}

/**
 * Brent's one-dimensional minimiser on [a, b] (Brent 1973, "Algorithms for Minimization
 * without Derivatives", ch. 5), as R's `optimize` (src/library/stats/src/optimize.c,
 * Brent_fmin): golden-section steps with parabolic interpolation when it is safe, stopping
 * when the bracket is within 2·(√ε·|x| + tol/3).
 * @example fmin((x) => (x - 1 / 3) ** 2, 0, 1, 1e-10).x // 0.33333333333333... (R optimize: 0.3333333)
 */
export function fmin(
  f: (x: number) => number,
  lower: number,
  upper: number,
  tol: number,
): { x: number; fx: number } {
  const c = (3 - Math.sqrt(5)) * 0.5;
  const eps = Math.sqrt(Number.EPSILON);
  let a = lower;
  let b = upper;
  let v = a + c * (b - a);
  let w = v;
  let x = v;
  let d = 0;
  let e = 0;
  let fx = f(x);
  let fv = fx;
  let fw = fx;
  const tol3 = tol / 3;
  for (;;) {
    const xm = (a + b) * 0.5;
    const tol1 = eps * Math.abs(x) + tol3;
    const t2 = tol1 * 2;
    if (Math.abs(x - xm) <= t2 - (b - a) * 0.5) break;
    let p = 0;
    let q = 0;
    let r = 0;
    if (Math.abs(e) > tol1) {
      // Fit a parabola through x, w, v.
      r = (x - w) * (fx - fv);
      q = (x - v) * (fx - fw);
      p = (x - v) * q - (x - w) * r;
      q = (q - r) * 2;
      if (q > 0) p = -p;
      else q = -q;
      r = e;
      e = d;
    }
    let u: number;
    if (Math.abs(p) >= Math.abs(q * 0.5 * r) || p <= q * (a - x) || p >= q * (b - x)) {
      e = x < xm ? b - x : a - x;
      d = c * e;
    } else {
      d = p / q;
      u = x + d;
      if (u - a < t2 || b - u < t2) d = x >= xm ? -tol1 : tol1;
    }
    if (Math.abs(d) >= tol1) u = x + d;
    else u = d > 0 ? x + tol1 : x - tol1;
    const fu = f(u);
    if (fu <= fx) {
      if (u < x) b = x;
      else a = x;
      v = w;
      fv = fw;
      w = x;
      fw = fx;
      x = u;
      fx = fu;
    } else {
      if (u < x) a = u;
      else b = u;
      if (fu <= fw || w === x) {
        v = w;
        fv = fw;
        w = u;
        fw = fu;
      } else if (fu <= fv || v === x || v === w) {
        v = u;
        fv = fu;
      }
    }
  }
  return { x, fx };
}

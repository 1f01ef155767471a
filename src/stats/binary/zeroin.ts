/**
 * Brent's root finder as R's `uniroot` runs it (R_zeroin2 in src/library/stats/src/zeroin.c,
 * after Brent 1973, Algorithms for Minimization without Derivatives, ch. 4). Ported step for
 * step so that results that R only computes to `uniroot`'s default tolerance
 * (`.Machine$double.eps^0.25`, e.g. fisher.test's confidence limits) come out the same here.
 * `fa` and `fb` must have opposite signs (or one be 0).
 * @example zeroin((x) => x * x - 2, 0, 2, 1e-12) // 1.4142135623731364
 */
export function zeroin(
  f: (x: number) => number,
  ax: number,
  bx: number,
  tol = Math.pow(Number.EPSILON, 0.25),
  maxIterations = 1000,
  fax?: number,
  fbx?: number,
): number {
  let a = ax;
  let b = bx;
  let fa = fax ?? f(a);
  let fb = fbx ?? f(b);
  let c = a;
  let fc = fa;
  if (fa === 0) return a;
  if (fb === 0) return b;
  let remaining = maxIterations + 1;
  while (remaining--) {
    const prevStep = b - a;
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b; b = c; c = a;
      fa = fb; fb = fc; fc = fa;
    }
    const tolAct = 2 * Number.EPSILON * Math.abs(b) + tol / 2;
    let newStep = (c - b) / 2;
    if (Math.abs(newStep) <= tolAct || fb === 0) return b;
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
      if (p < 0.75 * cb * q - Math.abs(tolAct * q) / 2 && p < Math.abs((prevStep * q) / 2)) newStep = p / q;
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
  return b;
}

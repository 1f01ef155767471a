import { zeroin } from './zeroin.js';

/**
 * The first root of f met when moving from t0 in direction `dir` (+1 or −1): steps double
 * outward from `step` (default 1e−3) until the sign of f differs from its sign at t0, so the
 * bracket handed to Brent's method (zeroin) is verified, never assumed; a root beyond a
 * second crossing is never returned. Returns NaN when |t| reaches `tMax` without a sign change.
 * Use it on an unbounded scale (log θ for a ratio, atanh δ for a difference).
 * @example outwardRoot((t) => 2 - Math.exp(t), 0, 1, 50) // 0.6931471805599453
 */
export function outwardRoot(
  f: (t: number) => number,
  t0: number,
  dir: 1 | -1,
  tMax: number,
  options: { step?: number; tol?: number } = {},
): number {
  const { step = 1e-3, tol = 1e-14 } = options;
  const f0 = f(t0);
  if (f0 === 0) return t0;
  let a = t0;
  let fa = f0;
  let h = step;
  for (;;) {
    let b = t0 + dir * h;
    if (Math.abs(b) >= tMax) b = dir * tMax;
    const fb = f(b);
    if (fb === 0) return b;
    if (!Number.isNaN(fb) && fb < 0 !== f0 < 0) {
      const [lo, hi, flo, fhi] = a < b ? [a, b, fa, fb] : [b, a, fb, fa];
      return zeroin(f, lo, hi, { tol, fLower: flo, fUpper: fhi }).root;
    }
    if (Math.abs(b) >= tMax) return NaN;
    a = b;
    fa = fb;
    h *= 2;
  }
}

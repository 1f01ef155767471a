import { InputError } from '../../errors.js';
import { betaCdf, betaSf, logBeta } from '../dist/index.js';
import { freeze } from '../types.js';
import { type BetaPrior, checkPrior } from './beta-binomial.js';

export interface TwoArmBetaResult {
  /** Posterior beta(a, b) of each arm. */
  arm1: { a: number; b: number; mean: number };
  arm2: { a: number; b: number; mean: number };
  delta: number;
  /** P(p1 > p2 + δ | data). */
  probability: number;
}

/**
 * ∫_lo^hi g(x) dx by the tanh-sinh (double-exponential) rule (Takahasi & Mori 1974), which
 * absorbs algebraic endpoint singularities such as a beta density with a shape below 1:
 * x = lo + (hi − lo)·½(1 + tanh(½π sinh t)), t on [−4, 4] in steps of 1/64. `g` receives x and
 * hi − x computed without cancellation.
 */
function tanhSinh(g: (x: number, fromHi: number) => number, lo: number, hi: number): number {
  const h = 1 / 64;
  const width = hi - lo;
  let sum = 0;
  for (let k = -256; k <= 256; k += 1) {
    const t = k * h;
    const u = 0.5 * Math.PI * Math.sinh(t);
    const e = Math.exp(-2 * Math.abs(u));
    // ½(1 ± tanh u) without cancellation: the small side is e/(1 + e).
    const small = e / (1 + e);
    const left = u < 0 ? small : 1 - small;
    const right = u < 0 ? 1 - small : small;
    const w = (0.5 * Math.PI * Math.cosh(t)) / Math.cosh(u) ** 2;
    if (!(w > 0) || !Number.isFinite(w)) continue;
    const x = lo + width * left;
    if (x <= lo || x >= hi) continue;
    sum += h * w * 0.5 * width * g(x, width * right);
  }
  return sum;
}

/**
 * P(p1 > p2 + δ) for independent beta posteriors of two arms (prior beta(a, b) each, x_i of
 * n_i responses): P = F2(−δ) + ∫ f2(p) S1(p + δ) dp over max(0, −δ) < p < min(1, 1 − δ),
 * f2, F2 arm 2's posterior density and distribution function, S1 arm 1's survival function,
 * by tanh-sinh quadrature.
 * @example twoArmBeta({ x1: 12, n1: 20, x2: 6, n2: 20 }, 0).probability // 0.96920
 */
export function twoArmBeta(
  data: { x1: number; n1: number; x2: number; n2: number },
  delta = 0,
  prior: BetaPrior = {},
): TwoArmBetaResult {
  const { a = 1, b = 1 } = prior;
  checkPrior(a, b);
  for (const [xk, nk] of [
    ['x1', 'n1'],
    ['x2', 'n2'],
  ] as const) {
    const n = data[nk];
    const x = data[xk];
    if (!(Number.isInteger(n) && n >= 0)) throw new InputError(nk, n, 'a whole number ≥ 0');
    if (!(Number.isInteger(x) && x >= 0 && x <= n))
      throw new InputError(xk, x, `a whole number in [0, ${nk} = ${n}]`);
  }
  if (!(delta > -1 && delta < 1)) throw new InputError('delta', delta, 'a margin in (−1, 1)');
  const a1 = a + data.x1;
  const b1 = b + data.n1 - data.x1;
  const a2 = a + data.x2;
  const b2 = b + data.n2 - data.x2;
  const logB2 = logBeta(a2, b2);
  const lo = Math.max(0, -delta);
  const hi = Math.min(1, 1 - delta);
  const integral = tanhSinh(
    (p, fromHi) => {
      // 1 − p from the right end when p is near 1 (δ ≤ 0: hi = 1).
      const q = delta <= 0 ? fromHi : 1 - p;
      const density = Math.exp((a2 - 1) * Math.log(p) + (b2 - 1) * Math.log(q) - logB2);
      const t = p + delta;
      return density * (t >= 1 ? 0 : betaSf(t, a1, b1));
    },
    lo,
    hi,
  );
  const sum = (delta < 0 ? betaCdf(-delta, a2, b2) : 0) + integral;
  return freeze({
    arm1: { a: a1, b: b1, mean: a1 / (a1 + b1) },
    arm2: { a: a2, b: b2, mean: a2 / (a2 + b2) },
    delta,
    probability: Math.min(1, sum),
  });
}

/**
 * Root finding for continuous quantiles: safeguarded Newton iteration on log(tail) in u = log x,
 * then a final Newton polish in x itself. Internal to src/stats/dist.
 *
 * Newton on log F(e^u) is nearly linear both for power-law tails (t, F, small x of beta/gamma)
 * and for exponential tails, so it converges in a handful of steps from a rough start; a bracket
 * [lo, hi] in u is kept from the signs seen, and a step that leaves it is replaced by bisection
 * (or by expansion while one side is still open). The polish in x removes the ~1e-13 relative
 * resolution limit of u = log x when x is tiny, so quantiles come out to a few ulps of the root of
 * our own cdf (Press et al., Numerical Recipes 3rd ed., §9.4 "rtsafe" is the same idea).
 */

export interface PositiveTail {
  /** Tail probability being inverted: P(X ≤ x) (increasing) or P(X > x) (decreasing). */
  tail: (x: number) => number;
  increasing: boolean;
  /** log density at x > 0; only the speed of convergence depends on its accuracy. */
  logDensity: (x: number) => number;
  /** Upper end of the support (1 for beta, Infinity otherwise). */
  upper: number;
}

/** Finds x in (0, upper) with tail(x) = target, 0 < target ≤ ½ (or any target in (0, 1)). */
export function solvePositive(spec: PositiveTail, target: number, start: number): number {
  const { tail, increasing, logDensity, upper } = spec;
  // Quantiles beyond the range of doubles are 0 or Infinity, as in R.
  const atMin = tail(Number.MIN_VALUE);
  if (increasing ? atMin >= target : atMin <= target) return 0;
  if (upper === Infinity) {
    const atMax = tail(Number.MAX_VALUE);
    if (increasing ? atMax < target : atMax > target) return Infinity;
  }
  const logTarget = Math.log(target);
  let lo = -Infinity;
  let hi = Math.log(upper);
  let u = Math.log(Math.min(Math.max(start, 1e-300), upper));
  if (u >= hi) u = hi - 1e-3;
  const g = (uu: number): number => Math.log(tail(Math.exp(uu))) - logTarget;
  for (let iteration = 0; iteration < 400; iteration++) {
    const x = Math.exp(u);
    const value = g(u);
    if (value === 0) return x;
    if (value < 0 === increasing) lo = u;
    else hi = u;
    const F = tail(x);
    const slope = (increasing ? 1 : -1) * Math.exp(u + logDensity(x) - Math.log(F));
    let next = u - value / slope;
    if (!(next > lo && next < hi)) {
      if (Number.isFinite(lo) && Number.isFinite(hi)) next = 0.5 * (lo + hi);
      else if (Number.isFinite(lo)) next = lo + 2 * (1 + Math.abs(lo));
      else next = hi - 2 * (1 + Math.abs(hi));
    }
    const done =
      Math.abs(next - u) <= 4e-16 * Math.max(1, Math.abs(u)) ||
      hi - lo <= 4e-16 * Math.max(1, Math.abs(u));
    u = next;
    if (done) break;
  }
  return polish(spec, target, Math.exp(u), Math.exp(lo), Math.exp(hi));
}

/** A few Newton steps in x (not log x) inside the final bracket: full relative precision. */
function polish(spec: PositiveTail, target: number, x: number, lo: number, hi: number): number {
  for (let i = 0; i < 4; i++) {
    const F = spec.tail(x);
    const density = Math.exp(spec.logDensity(x));
    if (!(density > 0) || !Number.isFinite(density)) break;
    const step = (F - target) / (spec.increasing ? density : -density);
    const next = x - step;
    if (!(next >= lo && next <= hi) || !Number.isFinite(next)) break;
    if (Math.abs(spec.tail(next) - target) > Math.abs(F - target)) break;
    if (next === x) break;
    x = next;
    if (Math.abs(step) <= 2.2e-16 * Math.abs(x)) break;
  }
  return x;
}

import { normalCdf, normalQuantile, normalSf } from './normal.js';
import { tCdf, tSf } from './student-t.js';
import { incompleteBeta, logBeta, logBetaPrefactor, logPoissonKernel } from './special.js';
import { checkFinite, checkNumber, checkPositive, checkProbability } from './validate.js';

/**
 * Noncentral t distribution T = (Z + δ)/√(V/df), Z ~ N(0, 1), V ~ χ²(df): cdf, survival function
 * and quantile, as R's pt/qt with `ncp = δ`.
 *
 * Method: Lenth's series (AS 243, Applied Statistics 38:185, 1989), the one R's pnt uses: for
 * t ≥ 0 and x = t²/(t² + df),
 *   P(T ≤ t) = Φ(−δ) + Σⱼ [pⱼ I_x(j + ½, df/2) + qⱼ I_x(j + 1, df/2)],
 *   pⱼ = ½ e^(−δ²/2) (δ²/2)ʲ / j!,  qⱼ = ½ e^(−δ²/2) δ (δ²/2)ʲ / (√2 Γ(j + 3/2)),
 * and, because Φ(−δ) + Σ (pⱼ + qⱼ) = 1, the upper tail directly as
 *   P(T > t) = Σⱼ [pⱼ (1 − I_x(j + ½, df/2)) + qⱼ (1 − I_x(j + 1, df/2))],
 * with the complements 1 − I computed directly (I_y(df/2, a), y = df/(t² + df)) and carried by
 * the same recurrences (AS 243's godd/geven steps, added instead of subtracted). Unlike AS 243
 * (and R, which starts at j = 0 and so underflows for |δ| > 37.62) the sum starts at the Poisson
 * mode j ≈ δ²/2 and runs both ways until the remaining Poisson mass cannot change it, so large
 * |δ| keeps full precision. For t < 0, P(T ≤ t; δ) = P(T ≥ −t; −δ).
 *
 * For δ < 0 (after that reflection) the qⱼ are negative and the sum on the far side of δ is a
 * difference of terms of size ~ its neighbour tail: it is accurate to ~1e-16 absolute, not
 * relative (so is R's).
 */

const SQRT_2 = Math.SQRT2;
const LN_SQRT_PI = 0.572364942924700087071713675677; // log √π

/** Position in Lenth's series: Poisson weights pⱼ, qⱼ, the incomplete betas and their steps. */
interface SeriesState {
  j: number;
  p: number;
  q: number;
  odd: number;
  even: number;
  gOdd: number;
  gEven: number;
  aOdd: number;
  aEven: number;
}

/** Σ of the series for t > 0 (upper = false: P(T ≤ t) − Φ(−δ); upper = true: P(T > t)). */
function series(t: number, df: number, ncp: number, upper: boolean): number {
  const t2 = t * t;
  const total = df + t2;
  const x = Number.isFinite(total) ? t2 / total : 1;
  const y = Number.isFinite(total) ? df / total : df / t2;
  const b = df / 2;
  const lambda = ncp * ncp;
  const halfLambda = lambda / 2;
  // Start at the Poisson mode.
  const j0 = Math.floor(halfLambda);
  const aOdd = j0 + 0.5;
  const aEven = j0 + 1;
  // pⱼ₀ = ½ × Poisson(j0; λ/2) in Loader's saddle-point form, and qⱼ₀ = pⱼ₀ (δ/√2) Γ(j0 + 1)/Γ(j0 + 3/2)
  // with the gamma ratio as B(j0 + 1, ½)/√π: both keep full precision for large λ.
  const logP0 = Math.log(0.5) + (j0 > 0 ? logPoissonKernel(j0, halfLambda) : -halfLambda);
  const p0 = Math.exp(logP0);
  const q0 = Math.sign(ncp) * Math.exp(logP0 + Math.log(Math.abs(ncp) / SQRT_2) + logBeta(j0 + 1, 0.5) - LN_SQRT_PI);
  // Incomplete betas and the recurrence steps G(a) = xᵃ yᵇ / (a B(a, b)) at the mode.
  const odd0 = incompleteBeta(x, y, aOdd, b, upper);
  const even0 = incompleteBeta(x, y, aEven, b, upper);
  const gOdd0 = x > 0 ? Math.exp(logBetaPrefactor(x, y, aOdd, b)) / aOdd : 0;
  const gEven0 = x > 0 ? Math.exp(logBetaPrefactor(x, y, aEven, b)) / aEven : 0;
  // Forward and backward: I_x(a + 1, b) = I_x(a, b) − G(a); the complement gains G(a).
  const sign = upper ? 1 : -1;
  const mode: SeriesState = { j: j0, p: p0, q: q0, odd: odd0, even: even0, gOdd: gOdd0, gEven: gEven0, aOdd, aEven };
  let sum = p0 * odd0 + q0 * even0;
  for (const direction of [1, -1] as const) {
    const s = { ...mode };
    while (direction === 1 ? s.j < j0 + 100_000 : s.j > 0) {
      if (direction === 1) {
        s.odd += sign * s.gOdd;
        s.even += sign * s.gEven;
        s.gOdd *= (x * (s.aOdd + b)) / (s.aOdd + 1);
        s.gEven *= (x * (s.aEven + b)) / (s.aEven + 1);
        s.j += 1;
        s.p *= halfLambda / s.j;
        s.q *= halfLambda / (s.j + 0.5);
      } else {
        // G(a − 1) = G(a) · a / (x (a + b − 1)).
        s.gOdd = x > 0 ? (s.gOdd * s.aOdd) / (x * (s.aOdd + b - 1)) : 0;
        s.gEven = x > 0 ? (s.gEven * s.aEven) / (x * (s.aEven + b - 1)) : 0;
        s.odd -= sign * s.gOdd;
        s.even -= sign * s.gEven;
        s.p *= s.j / halfLambda;
        s.q *= (s.j + 0.5) / halfLambda;
        s.j -= 1;
      }
      s.aOdd += direction;
      s.aEven += direction;
      sum += s.p * s.odd + s.q * s.even;
      // The Poisson weights beyond j shrink at least geometrically with ratio r < 1, so the rest
      // is below (p + |q|)·r/(1 − r) times the largest remaining I (≤ 1 for the complements).
      const r = direction === 1 ? halfLambda / (s.j + 1) : s.j / halfLambda;
      const largest = upper ? 1 : Math.max(s.odd, s.even);
      const bound = r < 1 ? (((s.p + Math.abs(s.q)) * r) / (1 - r)) * largest : Infinity;
      if (bound <= 1e-17 * Math.abs(sum) || (s.p === 0 && s.q === 0)) break;
    }
  }
  return sum;
}

/** P(T ≤ t) (upper = false) or P(T > t) (upper = true) for the noncentral t. */
function tail(t: number, df: number, ncp: number, upper: boolean): number {
  if (ncp === 0) return upper ? tSf(t, df) : tCdf(t, df);
  if (t === Infinity) return upper ? 0 : 1;
  if (t === -Infinity) return upper ? 1 : 0;
  if (df === Infinity) return upper ? normalSf(t, ncp) : normalCdf(t, ncp);
  if (t < 0) return tail(-t, df, -ncp, !upper);
  if (t === 0) return upper ? normalSf(0, ncp) : normalCdf(0, ncp);
  const value = upper ? series(t, df, ncp, true) : normalCdf(-ncp) + series(t, df, ncp, false);
  return Math.min(1, Math.max(0, value));
}

function checkArgs(x: number, df: number, ncp: number): void {
  checkNumber('x', x);
  checkPositive('df', df, true);
  checkFinite('ncp', ncp);
}

/**
 * Noncentral t cdf P(T ≤ x) with df degrees of freedom and noncentrality ncp, as R's
 * `pt(x, df, ncp)`: Lenth's series (AS 243, 1989), summed from the Poisson mode.
 *
 * @example
 * noncentralTCdf(2, 10, 1.5)   // 0.6591540724421907
 * noncentralTCdf(-1, 20, 3)    // 0.00004061502127031269
 */
export function noncentralTCdf(x: number, df: number, ncp: number): number {
  checkArgs(x, df, ncp);
  return tail(x, df, ncp, false);
}

/**
 * Noncentral t survival function P(T > x), summed directly from the complements of the
 * incomplete betas (not 1 − cdf), so small upper tails keep their relative precision when
 * x and ncp have the same sign. As R's `pt(x, df, ncp, lower.tail = FALSE)`.
 *
 * @example
 * noncentralTSf(2, 10, 1.5)    // 0.3408459275578093
 * noncentralTSf(60, 5, 2)      // 5.395475073815774e-7
 */
export function noncentralTSf(x: number, df: number, ncp: number): number {
  checkArgs(x, df, ncp);
  return tail(x, df, ncp, true);
}

/**
 * Noncentral t quantile: the x with P(T ≤ x) = p, as R's `qt(p, df, ncp)`; p = 0 and 1 give
 * −Infinity and Infinity. Method: bracket from a normal approximation, then the Illinois variant
 * of regula falsi (Dowell & Jarratt 1971) on log of the tail being inverted (the upper tail for
 * p > ½), to a relative width of 4e-16.
 *
 * @example
 * noncentralTQuantile(0.9, 10, 1.5)   // 3.128736121253221
 */
export function noncentralTQuantile(p: number, df: number, ncp: number): number {
  checkProbability('p', p);
  checkPositive('df', df, true);
  checkFinite('ncp', ncp);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  const upper = p > 0.5;
  const target = upper ? 1 - p : p;
  const logTarget = Math.log(target);
  // g increasing in x.
  const g = (x: number): number => {
    const v = tail(x, df, ncp, upper);
    return upper ? logTarget - Math.log(v) : Math.log(v) - logTarget;
  };
  // Normal approximation to T: mean ≈ ncp, sd ≈ √(1 + ncp²/(2 df)) · √(df/(df − 2)) (rough).
  const scale = Math.sqrt(1 + (ncp * ncp) / (2 * df)) * (df > 2 ? Math.sqrt(df / (df - 2)) : 2);
  const guess = ncp + scale * normalQuantile(p);
  let lo = guess - scale;
  let hi = guess + scale;
  let glo = g(lo);
  let ghi = g(hi);
  for (let step = scale; glo > 0 && Number.isFinite(lo); step *= 2) {
    hi = lo;
    ghi = glo;
    lo -= step;
    glo = g(lo);
  }
  for (let step = scale; ghi < 0 && Number.isFinite(hi); step *= 2) {
    lo = hi;
    glo = ghi;
    hi += step;
    ghi = g(hi);
  }
  if (!Number.isFinite(lo)) return -Infinity;
  if (!Number.isFinite(hi)) return Infinity;
  let side = 0;
  for (let i = 0; i < 300; i++) {
    if (hi - lo <= 4e-16 * Math.max(Math.abs(lo), Math.abs(hi)) || glo === 0 || ghi === 0) break;
    let x = Number.isFinite(glo) && Number.isFinite(ghi) ? (lo * ghi - hi * glo) / (ghi - glo) : 0.5 * (lo + hi);
    if (!(x > lo && x < hi)) x = 0.5 * (lo + hi);
    const gx = g(x);
    if (gx === 0) return x;
    if (gx < 0) {
      lo = x;
      glo = gx;
      if (side === -1) ghi /= 2;
      side = -1;
    } else {
      hi = x;
      ghi = gx;
      if (side === 1) glo /= 2;
      side = 1;
    }
  }
  if (glo === 0) return lo;
  if (ghi === 0) return hi;
  return Math.abs(glo) < Math.abs(ghi) ? lo : hi;
}

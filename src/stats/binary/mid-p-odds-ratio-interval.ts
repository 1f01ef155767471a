import { outwardRoot } from '../numeric/outward-root.js';
import {
  conditionalSupport,
  dnhyper,
  type ConditionalSupport,
} from './noncentral-hypergeometric.js';
import type { TwoByTwo } from './table.js';

/** P[X > x] + ½P[X = x] (upper) or P[X < x] + ½P[X = x] at odds ratio ψ. */
function midTail(s: ConditionalSupport, psi: number, upper: boolean): number {
  const d = dnhyper(s, psi);
  let sum = d[s.x - s.lo] / 2;
  if (upper) for (let i = s.x - s.lo + 1; i < d.length; i++) sum += d[i];
  else for (let i = 0; i < s.x - s.lo; i++) sum += d[i];
  return sum;
}

/**
 * Mid-p exact confidence limits for the odds ratio (Miettinen 1974; Rothman, Greenland & Lash
 * 2008, Modern Epidemiology 3rd ed., ch. 14): with X the arm-1 event count given all margins
 * (Fisher's noncentral hypergeometric), the lower limit solves P[X > x; ψ] + ½P[X = x; ψ] = α
 * and the upper P[X < x; ψ] + ½P[X = x; ψ] = α, α = (1 − level)/2 (two-sided) or 1 − level
 * (`alpha` is passed in, so one-sided callers give 1 − level). The limit is 0 (∞) when x is the
 * smallest (largest) count the margins allow. Solved on log ψ with verified brackets.
 * @example midPOddsRatioInterval({ events1: 7, n1: 12, events2: 1, n2: 10 }, 0.025) // [1.2509294349563436, 314.49274665906955]
 */
export function midPOddsRatioInterval(table: TwoByTwo, alpha: number): [number, number] {
  const s = conditionalSupport(table);
  const tMax = 700;
  const solve = (upper: boolean): number => {
    // the upper tail increases in ψ, the lower tail decreases
    const f = (t: number) => midTail(s, Math.exp(t), upper) - alpha;
    const f0 = f(0);
    const dir = (upper ? f0 > 0 : f0 < 0) ? -1 : 1;
    return Math.exp(outwardRoot(f, 0, dir, tMax, { step: 0.1 }));
  };
  const lower = s.x === s.lo ? 0 : solve(true);
  const upper = s.x === s.hi ? Infinity : solve(false);
  return [lower, upper];
}

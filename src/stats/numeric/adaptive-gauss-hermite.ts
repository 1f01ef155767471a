import { gaussHermite } from './gauss-hermite.js';

/**
 * A log-likelihood in the standardised random effect z: returns [ℓ(z), ℓ′(z), ℓ″(z)]; ℓ must
 * be concave (ℓ″ ≤ 0), as binomial and conditional logistic log-likelihoods are.
 */
export type LogConcaveTerm = (z: number) => readonly [number, number, number];

const cache = new Map<number, { nodes: number[]; weights: number[] }>();

/**
 * log ∫ exp(ℓ(z)) φ(z) dz by adaptive Gauss–Hermite quadrature with `points` nodes: the nodes are
 * centred at the mode ẑ of h(z) = ℓ(z) − z²/2 and scaled by s = (−h″(ẑ))^(−½), so
 * ∫ e^h dz ≈ √2·s·Σ wⱼ e^(xⱼ²) e^(h(ẑ + √2·s·xⱼ)) / √(2π). One point is the Laplace
 * approximation. This is the approximation lme4's glmer(nAGQ = points) uses per random effect.
 * Reference: Liu Q, Pierce DA. Biometrika 1994;81:624–629; Pinheiro JC, Bates DM. J Comput
 * Graph Stat 1995;4:12–35.
 * @example logNormalIntegral((z) => [z, 1, 0], 7) // 0.5 (log E e^Z = ½)
 */
export function logNormalIntegral(term: LogConcaveTerm, points: number): number {
  let rule = cache.get(points);
  if (!rule) {
    rule = gaussHermite(points);
    cache.set(points, rule);
  }
  // Mode of h by Newton's method with step halving (h is strictly concave).
  let z = 0;
  let [l, d1, d2] = term(z);
  let h = l - (z * z) / 2;
  for (let iter = 0; iter < 200; iter++) {
    const g = d1 - z;
    const H = d2 - 1;
    let step = -g / H;
    if (!Number.isFinite(step)) break;
    let next = z + step;
    let t = term(next);
    let hNext = t[0] - (next * next) / 2;
    let halvings = 0;
    while (!(hNext >= h - 1e-12 * Math.abs(h)) && halvings < 60) {
      step /= 2;
      next = z + step;
      t = term(next);
      hNext = t[0] - (next * next) / 2;
      halvings++;
    }
    z = next;
    [l, d1, d2] = t;
    h = hNext;
    if (Math.abs(step) <= 1e-12 * Math.max(1, Math.abs(z))) break;
  }
  const s = 1 / Math.sqrt(1 - d2);
  const { nodes, weights } = rule;
  let sum = 0;
  for (let j = 0; j < nodes.length; j++) {
    const zj = z + Math.SQRT2 * s * nodes[j];
    const hj = term(zj)[0] - (zj * zj) / 2;
    sum += weights[j] * Math.exp(nodes[j] * nodes[j] + hj - h);
  }
  return h + Math.log(Math.SQRT2 * s * sum) - 0.5 * Math.log(2 * Math.PI);
}

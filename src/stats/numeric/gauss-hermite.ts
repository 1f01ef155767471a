/**
 * Gauss–Hermite nodes and weights for ∫ f(x) e^(−x²) dx ≈ Σ wⱼ f(xⱼ), found by Newton's method
 * on the orthonormal Hermite recurrence (Press WH et al., Numerical Recipes, 3rd ed., 2007,
 * §4.6 `gauher`). The weights sum to √π; the nodes are symmetric and in decreasing order.
 * @example gaussHermite(3).nodes // [1.2247448713915889, 0, -1.2247448713915889] (±√(3/2), 0)
 */
export function gaussHermite(n: number): { nodes: number[]; weights: number[] } {
  if (!(Number.isInteger(n) && n >= 1)) throw new RangeError(`gaussHermite: n = ${n}`);
  const PIM4 = Math.PI ** -0.25;
  const nodes = new Array<number>(n).fill(0);
  const weights = new Array<number>(n).fill(0);
  const m = Math.floor((n + 1) / 2);
  let z = 0;
  for (let i = 0; i < m; i++) {
    if (i === 0) z = Math.sqrt(2 * n + 1) - 1.85575 * (2 * n + 1) ** -0.16667;
    else if (i === 1) z -= (1.14 * n ** 0.426) / z;
    else if (i === 2) z = 1.86 * z - 0.86 * nodes[0];
    else if (i === 3) z = 1.91 * z - 0.91 * nodes[1];
    else z = 2 * z - nodes[i - 2];
    let pp = 0;
    for (let iter = 0; iter < 100; iter++) {
      let p1 = PIM4;
      let p2 = 0;
      for (let j = 0; j < n; j++) {
        const p3 = p2;
        p2 = p1;
        p1 = z * Math.sqrt(2 / (j + 1)) * p2 - Math.sqrt(j / (j + 1)) * p3;
      }
      pp = Math.sqrt(2 * n) * p2;
      const z1 = z;
      z = z1 - p1 / pp;
      if (Math.abs(z - z1) <= 1e-15 * Math.max(1, Math.abs(z))) break;
    }
    nodes[i] = z;
    nodes[n - 1 - i] = -z;
    weights[i] = 2 / (pp * pp);
    weights[n - 1 - i] = weights[i];
  }
  if (n % 2 === 1) nodes[(n - 1) / 2] = 0;
  return { nodes, weights };
}

/**
 * Nelder–Mead simplex minimiser with the standard coefficients (reflection 1, expansion 2,
 * contraction ½, shrink ½), stopping when the simplex's function values span less than
 * `tol`·(|f| + tol) or its vertices less than `xtol` (either: rounding in f can keep the
 * values from ever agreeing to the last digit).
 * Reference: Nelder JA, Mead R. Comput J 1965;7:308–313.
 * @example nelderMead(([x, y]) => (x - 1) ** 2 + (y + 2) ** 2, [0, 0]).x // ≈ [1, −2]
 */
export function nelderMead(
  f: (x: readonly number[]) => number,
  start: readonly number[],
  {
    step = 0.5,
    tol = 1e-14,
    xtol = 1e-10,
    maxiter = 5000,
  }: { step?: number; tol?: number; xtol?: number; maxiter?: number } = {},
): { x: number[]; value: number; iterations: number; converged: boolean } {
  const n = start.length;
  let simplex: number[][] = [[...start]];
  for (let i = 0; i < n; i++) {
    const v = [...start];
    v[i] += step;
    simplex.push(v);
  }
  let values = simplex.map((v) => f(v));
  let iterations = 0;
  let converged = false;
  const combine = (a: readonly number[], b: readonly number[], t: number): number[] =>
    a.map((ai, i) => ai + t * (b[i] - ai));
  for (; iterations < maxiter; iterations++) {
    const order = values.map((_, i) => i).sort((i, j) => values[i] - values[j]);
    simplex = order.map((i) => simplex[i]);
    values = order.map((i) => values[i]);
    const spread = Math.abs(values[n] - values[0]);
    const size = Math.max(
      ...simplex.slice(1).map((v) => Math.max(...v.map((vi, i) => Math.abs(vi - simplex[0][i])))),
    );
    if (spread <= tol * (Math.abs(values[0]) + tol) || size <= xtol) {
      converged = true;
      break;
    }
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j] += simplex[i][j] / n;
    const reflected = combine(centroid, simplex[n], -1);
    const fr = f(reflected);
    if (fr < values[0]) {
      const expanded = combine(centroid, simplex[n], -2);
      const fe = f(expanded);
      if (fe < fr) {
        simplex[n] = expanded;
        values[n] = fe;
      } else {
        simplex[n] = reflected;
        values[n] = fr;
      }
    } else if (fr < values[n - 1]) {
      simplex[n] = reflected;
      values[n] = fr;
    } else {
      const outside = fr < values[n];
      const contracted = combine(centroid, outside ? reflected : simplex[n], 0.5);
      const fc = f(contracted);
      if (fc < (outside ? fr : values[n])) {
        simplex[n] = contracted;
        values[n] = fc;
      } else {
        for (let i = 1; i <= n; i++) {
          simplex[i] = combine(simplex[0], simplex[i], 0.5);
          values[i] = f(simplex[i]);
        }
      }
    }
  }
  const best = values.indexOf(Math.min(...values));
  return { x: simplex[best], value: values[best], iterations, converged };
}

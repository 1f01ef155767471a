/**
 * Weighted least squares for a k × p design with small p (intercept, or intercept + one
 * moderator), with the traces of P = W − W X (X'WX)⁻¹ X'W that the τ² estimators need,
 * in O(k p²) without forming k × k matrices:
 *   y'Py = Σ wᵢ rᵢ²,  y'PPy = Σ wᵢ² rᵢ²,  tr P = Σ wᵢ − tr(A M₂),
 *   tr PP = Σ wᵢ² − 2 tr(A M₃) + tr(A M₂ A M₂),  with A = (X'WX)⁻¹, M_j = Σ wᵢʲ xᵢxᵢ'.
 * Reference: Viechtbauer W (2005). J Educ Behav Stat 30:261–293 (the P matrix, eqs. 9–12).
 * @example weightedFit([1, 2, 4], [[1], [1], [1]], [1, 1, 2]).beta // [2.75]
 */
export interface WeightedFit {
  beta: number[];
  /** (X'WX)⁻¹: the covariance of beta when w are inverse variances. */
  vb: number[][];
  residuals: number[];
  /** y'Py = Σ wᵢ rᵢ². */
  rss: number;
  /** y'PPy = Σ wᵢ² rᵢ². */
  rss2: number;
  trP: number;
  trPP: number;
  sumW: number;
  sumW2: number;
}

export function weightedFit(
  y: readonly number[],
  X: readonly (readonly number[])[],
  w: readonly number[],
): WeightedFit {
  const k = y.length;
  const p = X[0].length;
  const xwx = zeros(p);
  const xwy = new Array<number>(p).fill(0);
  const m2 = zeros(p);
  const m3 = zeros(p);
  let sumW = 0;
  let sumW2 = 0;
  for (let i = 0; i < k; i++) {
    const xi = X[i];
    const wi = w[i];
    sumW += wi;
    sumW2 += wi * wi;
    for (let r = 0; r < p; r++) {
      xwy[r] += wi * xi[r] * y[i];
      for (let c = 0; c < p; c++) {
        const xx = xi[r] * xi[c];
        xwx[r][c] += wi * xx;
        m2[r][c] += wi * wi * xx;
        m3[r][c] += wi * wi * wi * xx;
      }
    }
  }
  const vb = invert(xwx);
  const beta = vb.map((row) => row.reduce((s, a, c) => s + a * xwy[c], 0));
  const residuals = new Array<number>(k);
  let rss = 0;
  let rss2 = 0;
  for (let i = 0; i < k; i++) {
    let fitted = 0;
    for (let c = 0; c < p; c++) fitted += X[i][c] * beta[c];
    const r = y[i] - fitted;
    residuals[i] = r;
    rss += w[i] * r * r;
    rss2 += w[i] * w[i] * r * r;
  }
  const am2 = multiply(vb, m2);
  const trP = sumW - trace(am2);
  const trPP = sumW2 - 2 * trace(multiply(vb, m3)) + trace(multiply(am2, am2));
  return { beta, vb, residuals, rss, rss2, trP, trPP, sumW, sumW2 };
}

function zeros(p: number): number[][] {
  return Array.from({ length: p }, () => new Array<number>(p).fill(0));
}

function multiply(a: number[][], b: number[][]): number[][] {
  const p = a.length;
  const out = zeros(p);
  for (let r = 0; r < p; r++)
    for (let c = 0; c < p; c++) for (let j = 0; j < p; j++) out[r][c] += a[r][j] * b[j][c];
  return out;
}

function trace(a: number[][]): number {
  return a.reduce((s, row, i) => s + row[i], 0);
}

/** Gauss–Jordan inverse of a small symmetric positive-definite matrix. */
export function invert(m: readonly (readonly number[])[]): number[][] {
  const p = m.length;
  if (p === 1) return [[1 / m[0][0]]];
  if (p === 2) {
    const det = m[0][0] * m[1][1] - m[0][1] * m[1][0];
    return [
      [m[1][1] / det, -m[0][1] / det],
      [-m[1][0] / det, m[0][0] / det],
    ];
  }
  const a = m.map((row, i) => [...row, ...row.map((_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < p; c++) {
    let pivot = c;
    for (let r = c + 1; r < p; r++) if (Math.abs(a[r][c]) > Math.abs(a[pivot][c])) pivot = r;
    [a[c], a[pivot]] = [a[pivot], a[c]];
    const d = a[c][c];
    for (let j = 0; j < 2 * p; j++) a[c][j] /= d;
    for (let r = 0; r < p; r++) {
      if (r === c) continue;
      const f = a[r][c];
      for (let j = 0; j < 2 * p; j++) a[r][j] -= f * a[c][j];
    }
  }
  return a.map((row) => row.slice(p));
}

/**
 * log det of a symmetric positive-definite matrix by Cholesky (Σ 2 log Lᵢᵢ); −Infinity when
 * the matrix is not positive definite (a pivot ≤ 0), so callers can tell a singular design.
 * @example logDeterminant([[4, 2], [2, 3]]) // 2.0794415416798357 (log 8)
 */
export function logDeterminant(m: readonly (readonly number[])[]): number {
  const p = m.length;
  const l = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  let sum = 0;
  for (let j = 0; j < p; j++) {
    let d = m[j][j];
    for (let c = 0; c < j; c++) d -= l[j][c] * l[j][c];
    if (!(d > 0)) return -Infinity;
    l[j][j] = Math.sqrt(d);
    sum += Math.log(l[j][j]);
    for (let r = j + 1; r < p; r++) {
      let v = m[r][j];
      for (let c = 0; c < j; c++) v -= l[r][c] * l[j][c];
      l[r][j] = v / l[j][j];
    }
  }
  return 2 * sum;
}

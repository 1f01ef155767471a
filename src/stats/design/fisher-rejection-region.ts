import { InputError } from '../../errors.js';
import { hypergeometricPmf, hypergeometricSf, hypergeometricCdf } from '../dist/index.js';
import type { Alternative } from '../types.js';

/**
 * Which 2×2 outcomes Fisher's exact test rejects at level α: entry x1·(n2 + 1) + x2 is 1 when
 * x1/n1 events vs x2/n2 give p ≤ α. The p-value is R's `fisher.test`: conditional on the total
 * t = x1 + x2, X1 ~ Hypergeometric(n1, n2, t); two-sided p sums P(X1 = y) over y with
 * P(X1 = y) ≤ P(X1 = x1)·(1 + 1e-7); `greater` (arm 1 higher) is P(X1 ≥ x1), `less` P(X1 ≤ x1).
 * Reference: Agresti (2013), "Categorical Data Analysis", 3rd ed., §3.5.
 * @example fisherRejectionRegion(3, 3, 0.05)  // Uint8Array(16) all 0: no 3 vs 3 table reaches p ≤ 0.05
 */
export function fisherRejectionRegion(
  n1: number,
  n2: number,
  alpha: number,
  alternative: Alternative = 'two-sided',
): Uint8Array {
  for (const [name, value] of [
    ['n1', n1],
    ['n2', n2],
  ] as const) {
    if (!Number.isInteger(value) || value < 1)
      throw new InputError(name, value, 'a whole number ≥ 1');
  }
  const region = new Uint8Array((n1 + 1) * (n2 + 1));
  for (let t = 0; t <= n1 + n2; t += 1) {
    const low = Math.max(0, t - n2);
    const high = Math.min(n1, t);
    if (alternative !== 'two-sided') {
      for (let x1 = low; x1 <= high; x1 += 1) {
        const p =
          alternative === 'greater'
            ? hypergeometricSf(x1 - 1, n1, n2, t)
            : hypergeometricCdf(x1, n1, n2, t);
        if (p <= alpha) region[x1 * (n2 + 1) + (t - x1)] = 1;
      }
      continue;
    }
    const size = high - low + 1;
    const d = new Float64Array(size);
    for (let i = 0; i < size; i += 1) d[i] = hypergeometricPmf(low + i, n1, n2, t);
    // Sort ascending; p(x) = sum of all d ≤ d(x)(1 + 1e-7): a prefix of the sorted order.
    const order = Array.from({ length: size }, (_, i) => i).sort((a, b) => d[a] - d[b]);
    const cumulative = new Float64Array(size);
    let sum = 0;
    for (let j = 0; j < size; j += 1) cumulative[j] = sum += d[order[j]];
    for (let i = 0; i < size; i += 1) {
      const bound = d[i] * (1 + 1e-7);
      let lo = 0;
      let hi = size; // first sorted position with d > bound
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (d[order[mid]] <= bound) lo = mid + 1;
        else hi = mid;
      }
      const p = lo === 0 ? 0 : cumulative[lo - 1];
      if (p <= alpha) region[(low + i) * (n2 + 1) + (t - low - i)] = 1;
    }
  }
  return region;
}

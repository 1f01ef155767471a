import { chiSquareSf } from '../dist/index.js';

/**
 * Which 2×2 outcomes Pearson's chi-square test rejects at level α (entry x1·(n2 + 1) + x2,
 * as {@link fisherRejectionRegion}), with R's `chisq.test` statistic: Σ (|O − E| − Y)² / E,
 * Y = min(0.5, |O − E|) with the Yates correction (R's default) or 0, on 1 df. Outcomes with
 * a zero margin have no statistic (R: NaN) and are never rejected.
 * Reference: Agresti (2013), "Categorical Data Analysis", 3rd ed., §3.2.
 * @example chiSquareRejectionRegion(2, 2, 0.05) // Uint8Array(9) all 0
 */
export function chiSquareRejectionRegion(
  n1: number,
  n2: number,
  alpha: number,
  correct = true,
): Uint8Array {
  const region = new Uint8Array((n1 + 1) * (n2 + 1));
  const total = n1 + n2;
  for (let x1 = 0; x1 <= n1; x1 += 1) {
    for (let x2 = 0; x2 <= n2; x2 += 1) {
      const events = x1 + x2;
      // A zero margin makes the statistic undefined (R: NaN p-value): never a rejection.
      if (events === 0 || events === total) continue;
      const deviation = Math.abs(x1 * (n2 - x2) - x2 * (n1 - x1)) / total; // |O − E|, equal in every cell
      const yates = correct ? Math.min(0.5, deviation) : 0;
      const inverseE =
        total / (n1 * events) +
        total / (n2 * events) +
        total / (n1 * (total - events)) +
        total / (n2 * (total - events));
      const statistic = (deviation - yates) ** 2 * inverseE;
      if (chiSquareSf(statistic, 1) <= alpha) region[x1 * (n2 + 1) + x2] = 1;
    }
  }
  return region;
}

import { InputError } from '../../errors.js';

/**
 * Pool-adjacent-violators: the non-decreasing sequence closest to `values` in weighted least
 * squares (Barlow et al. 1972). Blocks are merged while a later block's mean is below an earlier one's.
 * @example pava([0.3, 0.1, 0.4], [1, 1, 1]) // [0.2, 0.2, 0.4]
 */
export function pava(values: readonly number[], weights: readonly number[]): number[] {
  const means: number[] = [];
  const w: number[] = [];
  const sizes: number[] = [];
  for (let i = 0; i < values.length; i += 1) {
    means.push(values[i]);
    w.push(weights[i]);
    sizes.push(1);
    while (means.length > 1 && means[means.length - 2] > means[means.length - 1]) {
      const m2 = means.pop()!;
      const w2 = w.pop()!;
      const s2 = sizes.pop()!;
      const k = means.length - 1;
      means[k] = (means[k] * w[k] + m2 * w2) / (w[k] + w2);
      w[k] += w2;
      sizes[k] += s2;
    }
  }
  const out: number[] = [];
  means.forEach((m, k) => {
    for (let j = 0; j < sizes[k]; j += 1) out.push(m);
  });
  return out;
}

/**
 * MTD selection after a dose-finding trial by isotonic regression, as the BOIN package's
 * `select.mtd` (Liu & Yuan 2015; also used for mTPI-2 and i3+3): among doses that were tried and
 * not eliminated, p̂_j = (y_j + 0.05)/(n_j + 0.1) with weights 1/Var, Var = (y_j + 0.05)(n_j − y_j
 * + 0.05)/((n_j + 0.1)²(n_j + 1.1)); PAVA; the dose whose estimate is closest to the target, ties
 * broken by adding 1e-10 × (rank) (the higher of two doses below the target, the lower above it).
 * Returns the 0-based dose index, or −1 when no dose is selected (the lowest dose was eliminated or never tried).
 * @example isotonicMtd([0, 1, 4], [3, 6, 6], 0.3, 3) // 1
 */
export function isotonicMtd(
  y: readonly number[],
  n: readonly number[],
  target: number,
  firstEliminated = n.length,
): number {
  if (y.length !== n.length)
    throw new InputError('y', y.length, `${n.length} DLT counts, one per dose`);
  if (firstEliminated === 0 || n[0] === 0) return -1;
  const admissible: number[] = [];
  for (let j = 0; j < Math.min(firstEliminated, n.length); j += 1) if (n[j] > 0) admissible.push(j);
  const phat = admissible.map((j) => (y[j] + 0.05) / (n[j] + 0.1));
  const weights = admissible.map(
    (j) => ((n[j] + 0.1) ** 2 * (n[j] + 1.1)) / ((y[j] + 0.05) * (n[j] - y[j] + 0.05)),
  );
  const iso = pava(phat, weights).map((p, i) => p + (i + 1) * 1e-10);
  let best = 0;
  for (let i = 1; i < iso.length; i += 1)
    if (Math.abs(iso[i] - target) < Math.abs(iso[best] - target)) best = i;
  return admissible[best];
}

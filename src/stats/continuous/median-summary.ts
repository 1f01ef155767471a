import { normalQuantile } from '../dist/normal.js';
import { InputError } from '../../errors.js';
import { assertCount, assertFinite } from './validate.js';

/**
 * A median-based summary as papers report it: the median with the range (S1), the
 * interquartile range (S2), or both (S3), following the scenarios of Wan et al. 2014.
 */
export interface MedianSummary {
  n: number;
  median: number;
  min?: number;
  max?: number;
  q1?: number;
  q3?: number;
}

export type MedianScenario = 'S1' | 'S2' | 'S3';

/** Checks the summary and says which scenario it is: S1 {min, median, max}, S2 {q1, median, q3}, S3 all five. */
export function medianScenario(summary: MedianSummary): MedianScenario {
  const { n, median, min, max, q1, q3 } = summary;
  assertCount('n', n, 2);
  assertFinite('median', median);
  const hasRange = min !== undefined || max !== undefined;
  const hasIqr = q1 !== undefined || q3 !== undefined;
  if (hasRange) {
    if (min === undefined || max === undefined)
      throw new InputError(
        min === undefined ? 'min' : 'max',
        undefined,
        'both min and max (the range)',
      );
    assertFinite('min', min);
    assertFinite('max', max);
    if (!(min <= median && median <= max && min < max))
      throw new InputError(
        'median',
        median,
        `min ≤ median ≤ max with min < max (min ${min}, max ${max})`,
      );
  }
  if (hasIqr) {
    if (q1 === undefined || q3 === undefined)
      throw new InputError(
        q1 === undefined ? 'q1' : 'q3',
        undefined,
        'both q1 and q3 (the interquartile range)',
      );
    assertFinite('q1', q1);
    assertFinite('q3', q3);
    if (!(q1 <= median && median <= q3 && q1 < q3))
      throw new InputError('median', median, `q1 ≤ median ≤ q3 with q1 < q3 (q1 ${q1}, q3 ${q3})`);
    if (hasRange && !((min as number) <= q1 && q3 <= (max as number)))
      throw new InputError('q1', q1, 'quartiles inside the range');
  }
  if (hasRange && hasIqr) return 'S3';
  if (hasRange) return 'S1';
  if (hasIqr) return 'S2';
  throw new InputError(
    'summary',
    'median only',
    'the range (min, max), the quartiles (q1, q3), or both',
  );
}

/**
 * Wan 2014's closed-form factors: ξ(n) = 2Φ⁻¹((n − 0.375)/(n + 0.25)) for the range and
 * η(n) = 2Φ⁻¹((0.75n − 0.125)/(n + 0.25)) for the interquartile range.
 */
export function wanFactors(n: number): { xi: number; eta: number } {
  return {
    xi: 2 * normalQuantile((n - 0.375) / (n + 0.25)),
    eta: 2 * normalQuantile((0.75 * n - 0.125) / (n + 0.25)),
  };
}

export function listedInputs(summary: MedianSummary): Record<string, number> {
  const inputs: Record<string, number> = {};
  for (const key of ['n', 'min', 'q1', 'median', 'q3', 'max'] as const) {
    const value = summary[key];
    if (value !== undefined) inputs[key] = value;
  }
  return inputs;
}

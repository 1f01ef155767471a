import { InputError } from '../../errors.js';
import { freeze } from '../types.js';
import { expectedNormalRange } from './expected-normal-range.js';
import { listedInputs, medianScenario, wanFactors, type MedianSummary } from './median-summary.js';
import type { Derived } from './types.js';
import { assertChoice } from './validate.js';

export type SdFromMedianMethod = 'wan' | 'shi';

/**
 * Estimates a sample SD from the median with the range and/or the quartiles.
 * With ξ(n) = 2Φ⁻¹((n − 0.375)/(n + 0.25)) and η(n) = 2Φ⁻¹((0.75n − 0.125)/(n + 0.25)):
 *
 * `wan` (Wan et al. 2014):
 *   S1: (b − a) / ξ;  S2: (q₃ − q₁) / η;  S3: ½[(b − a)/ξ + (q₃ − q₁)/η],
 *   where for n ≤ 50 ξ is the exact expected range E[R_n] of n standard normals, as in
 *   Wan's Table 1 (and R's `meta::mean_sd`). η always uses the approximation above:
 *   Wan's Table 2 (exact values for n = 4Q + 1 ≤ 201, used by `meta::mean_sd`) is not
 *   used, so S2/S3 can differ from `meta` by up to ~1–2 % for small n.
 * `shi` (Shi et al. 2020, eq. 11; five-number summary S3 only):
 *   (b − a)/θ₁ + (q₃ − q₁)/θ₂, θ₁ = (2 + 0.14 n^0.6)·ξ/2, θ₂ = (2 + 2/(0.07 n^0.6))·η/2
 *   (ξ and η by the approximation for every n, as in the paper).
 * Default: `shi` for S3, `wan` for S1 and S2 (where Shi 2020 recommends Wan's estimators).
 * All assume roughly normal data.
 *
 * References: Wan X, Wang W, Liu J, Tong T. BMC Med Res Methodol 2014;14:135.
 * Shi J, Luo D, Weng H et al. Res Synth Methods 2020;11:641–54.
 *
 * @example sdFromMedian({ n: 30, q1: 7, median: 10, q3: 14 }).value // 5.44894 (wan, S2)
 */
export function sdFromMedian(
  summary: MedianSummary,
  options: { method?: SdFromMedianMethod } = {},
): Derived {
  const scenario = medianScenario(summary);
  const method = options.method ?? (scenario === 'S3' ? 'shi' : 'wan');
  assertChoice('method', method, ['wan', 'shi']);
  if (method === 'shi' && scenario !== 'S3') {
    throw new InputError(
      'method',
      method,
      `"wan" for scenario ${scenario}: Shi 2020 needs all five numbers (min, q1, median, q3, max)`,
    );
  }
  const { n } = summary;
  const a = summary.min as number;
  const b = summary.max as number;
  const q1 = summary.q1 as number;
  const q3 = summary.q3 as number;
  const factors = wanFactors(n);
  // Wan's Table 1: the exact expected range for n ≤ 50, the approximation above that.
  const exactXi = method === 'wan' && scenario !== 'S2' && n <= 50;
  const xi = exactXi ? expectedNormalRange(n) : factors.xi;
  const eta = factors.eta;
  const xiText = exactXi
    ? 'ξ(n) = E[range of n standard normals] (Wan 2014 Table 1, n ≤ 50)'
    : 'ξ(n) = 2Φ⁻¹((n − 0.375)/(n + 0.25))';
  const etaText = 'η(n) = 2Φ⁻¹((0.75n − 0.125)/(n + 0.25))';
  let value: number;
  let formula: string;
  const intermediate: Record<string, number> = {};
  if (scenario === 'S1') {
    intermediate.xi = xi;
    value = (b - a) / xi;
    formula = `SD = (max − min) / ξ(n), ${xiText}`;
  } else if (scenario === 'S2') {
    intermediate.eta = eta;
    value = (q3 - q1) / eta;
    formula = `SD = (q3 − q1) / η(n), ${etaText}`;
  } else if (method === 'wan') {
    Object.assign(intermediate, { xi, eta });
    value = ((b - a) / xi + (q3 - q1) / eta) / 2;
    formula = `SD = ½ [(max − min)/ξ(n) + (q3 − q1)/η(n)], ${xiText}, ${etaText}`;
  } else {
    const theta1 = ((2 + 0.14 * n ** 0.6) * xi) / 2;
    const theta2 = ((2 + 2 / (0.07 * n ** 0.6)) * eta) / 2;
    Object.assign(intermediate, { xi, eta, theta1, theta2 });
    value = (b - a) / theta1 + (q3 - q1) / theta2;
    formula = `SD = (max − min)/θ1(n) + (q3 − q1)/θ2(n), θ1 = (2 + 0.14 n^0.6) ξ(n)/2, θ2 = (2 + 2/(0.07 n^0.6)) η(n)/2, ${xiText}, ${etaText}`;
  }
  return freeze({
    value,
    derivation: {
      quantity: 'sd',
      method: `${method === 'wan' ? 'wan-2014' : 'shi-2020'}-${scenario}`,
      formula,
      assumptions: [
        'the data are approximately normally distributed (not skewed)',
        ...approximationNotes(scenario, exactXi),
      ],
      inputs: listedInputs(summary),
      intermediate,
      reference:
        method === 'wan'
          ? 'Wan X et al. BMC Med Res Methodol 2014;14:135'
          : 'Shi J et al. Res Synth Methods 2020;11:641–54',
    },
    warnings: [],
  });
}

function approximationNotes(scenario: 'S1' | 'S2' | 'S3', exactXi: boolean): string[] {
  const notes: string[] = [];
  if (scenario !== 'S2' && !exactXi) notes.push('ξ(n) uses the normal-quantile approximation');
  if (scenario !== 'S1')
    notes.push(
      'η(n) uses the normal-quantile approximation (the exact values of Wan 2014 Table 2 are not used)',
    );
  return notes;
}

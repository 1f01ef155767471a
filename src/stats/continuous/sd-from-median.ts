import { normalQuantile } from '../dist/normal.js';
import { InputError } from '../../errors.js';
import { freeze } from '../types.js';
import { listedInputs, medianScenario, wanFactors, type MedianSummary } from './median-summary.js';
import type { Derived } from './types.js';
import { assertChoice } from './validate.js';

export type SdFromMedianMethod = 'wan' | 'shi';

/**
 * Estimates a sample SD from the median with the range and/or the quartiles.
 * With ξ(n) = Φ⁻¹((n − 0.375)/(n + 0.25)) and η(n) = Φ⁻¹((0.75n − 0.125)/(n + 0.25)):
 *
 * `wan` (Wan et al. 2014, with the normal approximation ξ(n), η(n) for every n; R's
 * `meta::mean_sd` uses Wan's Table 1 exact values for n ≤ 50 in S1/S3 instead, so
 * it differs slightly for small n):
 *   S1: (b − a) / (2ξ);  S2: (q₃ − q₁) / (2η);  S3: (b − a)/(4ξ) + (q₃ − q₁)/(4η).
 * `shi` (Shi et al. 2020, eq. 11; five-number summary S3 only):
 *   (b − a)/θ₁ + (q₃ − q₁)/θ₂, θ₁ = (2 + 0.14 n^0.6)ξ, θ₂ = (2 + 2/(0.07 n^0.6))η.
 * Default: `shi` for S3, `wan` for S1 and S2 (where Shi 2020 recommends Wan's estimators).
 * All assume roughly normal data.
 *
 * References: Wan X, Wang W, Liu J, Tong T. BMC Med Res Methodol 2014;14:135.
 * Shi J, Luo D, Weng H et al. Res Synth Methods 2020;11:641–54.
 *
 * @example sdFromMedian({ n: 30, q1: 7, median: 10, q3: 14 }).value // 5.44894 (wan, S2)
 */
export function sdFromMedian(summary: MedianSummary, options: { method?: SdFromMedianMethod } = {}): Derived {
  const scenario = medianScenario(summary);
  const method = options.method ?? (scenario === 'S3' ? 'shi' : 'wan');
  assertChoice('method', method, ['wan', 'shi']);
  if (method === 'shi' && scenario !== 'S3') {
    throw new InputError('method', method, `"wan" for scenario ${scenario}: Shi 2020 needs all five numbers (min, q1, median, q3, max)`);
  }
  const { n } = summary;
  const a = summary.min as number;
  const b = summary.max as number;
  const q1 = summary.q1 as number;
  const q3 = summary.q3 as number;
  const { xi, eta } = wanFactors(n, (p) => normalQuantile(p));
  let value: number;
  let formula: string;
  const intermediate: Record<string, number> = {};
  if (scenario === 'S1') {
    intermediate.xi = xi;
    value = (b - a) / (2 * xi);
    formula = 'SD = (max − min) / (2 ξ(n)), ξ(n) = Φ⁻¹((n − 0.375)/(n + 0.25))';
  } else if (scenario === 'S2') {
    intermediate.eta = eta;
    value = (q3 - q1) / (2 * eta);
    formula = 'SD = (q3 − q1) / (2 η(n)), η(n) = Φ⁻¹((0.75n − 0.125)/(n + 0.25))';
  } else if (method === 'wan') {
    Object.assign(intermediate, { xi, eta });
    value = (b - a) / (4 * xi) + (q3 - q1) / (4 * eta);
    formula = 'SD = (max − min)/(4 ξ(n)) + (q3 − q1)/(4 η(n))';
  } else {
    const theta1 = (2 + 0.14 * n ** 0.6) * xi;
    const theta2 = (2 + 2 / (0.07 * n ** 0.6)) * eta;
    Object.assign(intermediate, { xi, eta, theta1, theta2 });
    value = (b - a) / theta1 + (q3 - q1) / theta2;
    formula = 'SD = (max − min)/θ1(n) + (q3 − q1)/θ2(n), θ1 = (2 + 0.14 n^0.6) ξ(n), θ2 = (2 + 2/(0.07 n^0.6)) η(n)';
  }
  return freeze({
    value,
    derivation: {
      quantity: 'sd',
      method: `${method === 'wan' ? 'wan-2014' : 'shi-2020'}-${scenario}`,
      formula,
      assumptions: [
        'the data are approximately normally distributed (not skewed)',
        'ξ(n) and η(n) use the normal-quantile approximation for every n (Wan 2014 Tables 1–2 list exact values for small n)',
      ],
      inputs: listedInputs(summary),
      intermediate,
      reference: method === 'wan' ? 'Wan X et al. BMC Med Res Methodol 2014;14:135' : 'Shi J et al. Res Synth Methods 2020;11:641–54',
    },
    warnings: [],
  });
}

import { freeze } from '../types.js';
import { listedInputs, medianScenario, type MedianSummary } from './median-summary.js';
import type { Derived } from './types.js';
import { assertChoice } from './validate.js';

export type MeanFromMedianMethod = 'luo' | 'wan';

/**
 * Estimates a sample mean from the median and the range and/or the quartiles.
 *
 * `wan` (Wan et al. 2014; S1 is Hozo et al. 2005 without its small (a − 2m + b)/(4n) term,
 * which R's `meta::mean_sd` keeps):
 *   S1 (a, m, b): (a + 2m + b)/4;  S2 (q₁, m, q₃): (q₁ + m + q₃)/3;
 *   S3: (a + 2q₁ + 2m + 2q₃ + b)/8.
 * `luo` (default; Luo et al. 2018 — optimally weighted):
 *   S1: w(a + b)/2 + (1 − w)m, w = 4/(4 + n^0.75);
 *   S2: w(q₁ + q₃)/2 + (1 − w)m, w = 0.7 + 0.39/n;
 *   S3: w₁(a + b)/2 + w₂(q₁ + q₃)/2 + (1 − w₁ − w₂)m, w₁ = 2.2/(2.2 + n^0.75), w₂ = 0.7 − 0.72/n^0.55.
 * All assume roughly normal data; skewed data make every one of them biased.
 *
 * References: Wan X, Wang W, Liu J, Tong T. BMC Med Res Methodol 2014;14:135.
 * Luo D, Wan X, Liu J, Tong T. Stat Methods Med Res 2018;27:1785–805.
 *
 * @example meanFromMedian({ n: 30, min: 2, median: 10, max: 25 }).value // 10.8324 (luo, S1)
 */
export function meanFromMedian(
  summary: MedianSummary,
  options: { method?: MeanFromMedianMethod } = {},
): Derived {
  const { method = 'luo' } = options;
  assertChoice('method', method, ['luo', 'wan']);
  const scenario = medianScenario(summary);
  const { n, median: m } = summary;
  const a = summary.min as number;
  const b = summary.max as number;
  const q1 = summary.q1 as number;
  const q3 = summary.q3 as number;
  let value: number;
  let formula: string;
  const intermediate: Record<string, number> = {};
  if (method === 'wan') {
    if (scenario === 'S1') {
      value = (a + 2 * m + b) / 4;
      formula = 'mean = (min + 2 × median + max) / 4';
    } else if (scenario === 'S2') {
      value = (q1 + m + q3) / 3;
      formula = 'mean = (q1 + median + q3) / 3';
    } else {
      value = (a + 2 * q1 + 2 * m + 2 * q3 + b) / 8;
      formula = 'mean = (min + 2 q1 + 2 median + 2 q3 + max) / 8';
    }
  } else if (scenario === 'S1') {
    const w = 4 / (4 + n ** 0.75);
    intermediate.w = w;
    value = (w * (a + b)) / 2 + (1 - w) * m;
    formula = 'mean = w (min + max)/2 + (1 − w) median, w = 4 / (4 + n^0.75)';
  } else if (scenario === 'S2') {
    const w = 0.7 + 0.39 / n;
    intermediate.w = w;
    value = (w * (q1 + q3)) / 2 + (1 - w) * m;
    formula = 'mean = w (q1 + q3)/2 + (1 − w) median, w = 0.7 + 0.39/n';
  } else {
    const w1 = 2.2 / (2.2 + n ** 0.75);
    const w2 = 0.7 - 0.72 / n ** 0.55;
    intermediate.w1 = w1;
    intermediate.w2 = w2;
    value = (w1 * (a + b)) / 2 + (w2 * (q1 + q3)) / 2 + (1 - w1 - w2) * m;
    formula =
      'mean = w1 (min + max)/2 + w2 (q1 + q3)/2 + (1 − w1 − w2) median, w1 = 2.2/(2.2 + n^0.75), w2 = 0.7 − 0.72/n^0.55';
  }
  return freeze({
    value,
    derivation: {
      quantity: 'mean',
      method: `${method === 'wan' ? 'wan-2014' : 'luo-2018'}-${scenario}`,
      formula,
      assumptions: ['the data are approximately normally distributed (not skewed)'],
      inputs: listedInputs(summary),
      intermediate,
      reference:
        method === 'wan'
          ? 'Wan X et al. BMC Med Res Methodol 2014;14:135'
          : 'Luo D et al. Stat Methods Med Res 2018;27:1785–805',
    },
    warnings: [],
  });
}

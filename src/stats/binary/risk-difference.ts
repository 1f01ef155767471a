import { InputError } from '../../errors.js';
import { normalQuantile } from '../dist/index.js';
import { freeze } from '../types.js';
import type { BinaryEstimate } from './binary-estimate.js';
import { invertDifference, rdScoreZ } from './score-statistics.js';
import type { Alternative } from '../types.js';
import { oneSided, validateAlternative, validateLevel, validateTable, zCritical, type TwoByTwo } from './table.js';

export type RdMethod = 'newcombe' | 'wald' | 'mn' | 'ac';

const METHOD_NAMES: Record<RdMethod, string> = {
  newcombe: 'newcombe-hybrid-score',
  wald: 'wald',
  mn: 'miettinen-nurminen',
  ac: 'agresti-caffo',
};

/**
 * Wilson score interval for one proportion, written as R's prop.test(correct = FALSE) computes it
 * (Wilson 1927, JASA 22:209; Newcombe 1998, Stat Med 17:857, method 3).
 * @example wilsonInterval(9, 10, 1.959963984540054) // [0.5958499732047616, 0.9821237869049271]
 */
export function wilsonInterval(x: number, n: number, z: number): [number, number] {
  const p = x / n;
  const z22n = (z * z) / (2 * n);
  const half = z * Math.sqrt((p * (1 - p)) / n + z22n / (2 * n));
  const lower = p <= 0 ? 0 : (p + z22n - half) / (1 + 2 * z22n);
  const upper = p >= 1 ? 1 : (p + z22n + half) / (1 + 2 * z22n);
  return [lower, upper];
}

/**
 * Risk difference p1 − p2 (arm 1 minus arm 2) with a confidence interval.
 * - `newcombe` (default): Newcombe (1998) Stat Med 17:873–890, method 10, the hybrid of the two
 *   Wilson intervals (l_i, u_i): δ − √((p1 − l1)² + (u2 − p2)²) to δ + √((u1 − p1)² + (p2 − l2)²).
 * - `wald`: δ ± z √(p1q1/n1 + p2q2/n2), clipped to [−1, 1] with a warning.
 * - `mn`: Miettinen & Nurminen (1985) Stat Med 4:213 score interval, variance × N/(N − 1).
 * - `ac`: Agresti & Caffo (2000) Am Stat 54:280, Wald after adding one success and one failure per arm.
 * `se` is the Wald SE of δ. `alternative` `less` / `greater` (default `two-sided`) gives the
 * one-sided interval [−1, U] / [L, 1] with z_{level} in place of z_{1 − (1 − level)/2}.
 * @example riskDifference({ events1: 56, n1: 70, events2: 48, n2: 80 }).ci // { lower: 0.05243147240236498, upper: 0.333872654036906, … } (Newcombe 1998 Table II (a): 0.0524 to 0.3339)
 */
export function riskDifference(
  table: TwoByTwo,
  options: { ci?: RdMethod; level?: number; alternative?: Alternative } = {},
): BinaryEstimate {
  validateTable(table);
  const { ci = 'newcombe', level = 0.95, alternative = 'two-sided' } = options;
  validateLevel(level);
  validateAlternative(alternative);
  const { events1: x1, n1, events2: x2, n2 } = table;
  const z = zCritical(level, normalQuantile, alternative);
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const estimate = p1 - p2;
  const se = Math.sqrt((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2);
  const warnings: string[] = [];
  let lower: number;
  let upper: number;
  if (ci === 'newcombe') {
    const [l1, u1] = wilsonInterval(x1, n1, z);
    const [l2, u2] = wilsonInterval(x2, n2, z);
    lower = estimate - Math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2);
    upper = estimate + Math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2);
  } else if (ci === 'mn') {
    [lower, upper] = invertDifference((d) => rdScoreZ(table, d, true), estimate, z);
  } else if (ci === 'wald' || ci === 'ac') {
    const q1 = ci === 'ac' ? (x1 + 1) / (n1 + 2) : p1;
    const q2 = ci === 'ac' ? (x2 + 1) / (n2 + 2) : p2;
    const m1 = ci === 'ac' ? n1 + 2 : n1;
    const m2 = ci === 'ac' ? n2 + 2 : n2;
    const center = q1 - q2;
    const half = z * Math.sqrt((q1 * (1 - q1)) / m1 + (q2 * (1 - q2)) / m2);
    lower = center - half;
    upper = center + half;
    if (half === 0) warnings.push('both proportions are 0 or 1: the Wald interval has zero width (use newcombe or mn)');
    // a one-sided interval's open end becomes the bound anyway: only the closed end can need clipping
    if ((lower < -1 && alternative !== 'less') || (upper > 1 && alternative !== 'greater')) {
      warnings.push(`the ${METHOD_NAMES[ci]} interval (${lower}, ${upper}) extends beyond [−1, 1] and was clipped`);
      lower = Math.max(-1, lower);
      upper = Math.min(1, upper);
    }
  } else {
    throw new InputError('ci', ci, 'one of newcombe, wald, mn, ac');
  }
  return freeze({
    measure: 'RD' as const,
    estimable: true,
    estimate,
    se,
    ci: oneSided({ lower, upper, level, method: METHOD_NAMES[ci] }, alternative, [-1, 1]),
    correction: null,
    warnings,
  });
}

import { normalQuantile } from '../dist/index.js';
import { defineMethods, type MethodEntry, type MethodId } from '../method-registry.js';
import { freeze } from '../types.js';
import { messages, warning, type Warning } from '../warnings.js';
import type { BinaryEstimate } from './binary-estimate.js';
import { MN_SCORE } from './risk-ratio.js';
import { invertDifference, rdScoreZ } from './score-statistics.js';
import type { Alternative } from '../types.js';
import {
  oneSided,
  validateAlternative,
  validateLevel,
  validateTable,
  zCritical,
  type TwoByTwo,
} from './table.js';

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

/** What an RD interval method receives: the table, the level and its two-sided z. */
export interface RdContext {
  level: number;
  z: number;
  /** p1 − p2. */
  estimate: number;
  /** Warnings to add to (clipping, zero width). */
  warnings: Warning[];
  /** Sidedness: a one-sided interval's open end becomes the bound, so only its closed end is clipped. */
  alternative: Alternative;
}

/** A registry entry of `RD_INTERVALS`: `run` gives [lower, upper]. */
export type RdInterval = MethodEntry<
  string,
  (table: TwoByTwo, context: RdContext) => [number, number]
>;

/** The Wald-type RD interval on (possibly pseudo-count adjusted) proportions, clipped to [−1, 1]. */
function waldInterval(
  table: TwoByTwo,
  z: number,
  add: number,
  name: string,
  warnings: Warning[],
  alternative: Alternative,
): [number, number] {
  const { events1: x1, n1, events2: x2, n2 } = table;
  const q1 = (x1 + add) / (n1 + 2 * add);
  const q2 = (x2 + add) / (n2 + 2 * add);
  const center = q1 - q2;
  const half = z * Math.sqrt((q1 * (1 - q1)) / (n1 + 2 * add) + (q2 * (1 - q2)) / (n2 + 2 * add));
  let lower = center - half;
  let upper = center + half;
  if (half === 0)
    warnings.push(
      warning('interval-zero-width', {
        method: 'Wald',
        why: 'both proportions are 0 or 1',
        use: 'newcombe or mn',
      }),
    );
  if ((lower < -1 && alternative !== 'less') || (upper > 1 && alternative !== 'greater')) {
    warnings.push(warning('interval-clipped', { method: name, lower, upper, range: '[−1, 1]' }));
    lower = Math.max(-1, lower);
    upper = Math.min(1, upper);
  }
  return [lower, upper];
}

/**
 * The risk-difference interval methods, in the order the fingerprint search prefers them.
 * `run` returns [lower, upper] for arm 1 minus arm 2.
 */
export const RD_INTERVALS = defineMethods('risk-difference interval', [
  {
    id: 'newcombe',
    label: 'Newcombe hybrid score',
    resultMethod: 'newcombe-hybrid-score',
    formula:
      'Newcombe (1998) method 10: Wilson intervals (l, u) per arm; RD − √((p1 − l1)² + (u2 − p2)²) to RD + √((u1 − p1)² + (p2 − l2)²)',
    reference: 'Newcombe RG. Stat Med 1998;17:873–890, method 10',
    run(table: TwoByTwo, { z, estimate }: RdContext): [number, number] {
      const { events1: x1, n1, events2: x2, n2 } = table;
      const p1 = x1 / n1;
      const p2 = x2 / n2;
      const [l1, u1] = wilsonInterval(x1, n1, z);
      const [l2, u2] = wilsonInterval(x2, n2, z);
      return [
        estimate - Math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2),
        estimate + Math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2),
      ];
    },
  },
  {
    id: 'wald',
    label: 'Wald',
    formula: 'RD ± z √(p1(1 − p1)/n1 + p2(1 − p2)/n2), clipped to [−1, 1]',
    reference: 'Agresti A. Categorical Data Analysis, 3rd ed., 2013, §3.1',
    run: (table: TwoByTwo, { z, warnings, alternative }: RdContext): [number, number] =>
      waldInterval(table, z, 0, 'wald', warnings, alternative),
  },
  {
    ...MN_SCORE,
    run: (table: TwoByTwo, { z, estimate }: RdContext): [number, number] =>
      invertDifference((d) => rdScoreZ(table, d, true), estimate, z),
  },
  {
    id: 'ac',
    label: 'Agresti–Caffo',
    resultMethod: 'agresti-caffo',
    formula: 'Wald interval after adding 1 event and 1 non-event to each arm, clipped to [−1, 1]',
    reference: 'Agresti A, Caffo B. Am Stat 2000;54:280–288',
    run: (table: TwoByTwo, { z, warnings, alternative }: RdContext): [number, number] =>
      waldInterval(table, z, 1, 'agresti-caffo', warnings, alternative),
  },
] as const satisfies readonly RdInterval[]);

export type RdMethod = MethodId<typeof RD_INTERVALS>;

/**
 * Risk difference p1 − p2 (arm 1 minus arm 2) with a confidence interval; the methods are the
 * entries of `RD_INTERVALS`:
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
  const { ci = RD_INTERVALS.defaultId, level = 0.95, alternative = 'two-sided' } = options;
  validateLevel(level);
  validateAlternative(alternative);
  const method = RD_INTERVALS.get(ci, 'ci');
  const { events1: x1, n1, events2: x2, n2 } = table;
  const z = zCritical(level, normalQuantile, alternative);
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const estimate = p1 - p2;
  const se = Math.sqrt((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2);
  const coded: Warning[] = [];
  const [lower, upper] = method.run(table, { level, z, estimate, warnings: coded, alternative });
  return freeze({
    measure: 'RD' as const,
    estimable: true,
    estimate,
    se,
    ci: oneSided({ lower, upper, level, method: method.resultMethod }, alternative, [-1, 1]),
    correction: null,
    warnings: messages(coded),
    codedWarnings: coded,
  });
}

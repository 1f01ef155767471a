import { InputError } from '../../errors.js';
import { normalQuantile } from '../dist/index.js';
import { freeze } from '../types.js';
import { messages, warning, type Warning } from '../warnings.js';
import type { BinaryEstimate } from './binary-estimate.js';
import { validatePairedTable, type PairedTable } from './paired-table.js';
import { wilsonInterval } from './risk-difference.js';
import { validateLevel, zCritical } from './table.js';

export type PairedRdMethod = 'newcombe' | 'wald';

/**
 * Difference of paired proportions δ = p1 − p2 = (b − c)/n (b = firstOnly, c = secondOnly) with a CI.
 * - `newcombe` (default): Newcombe (1998) Stat Med 17:2635–2650, method 10: the Wilson intervals
 *   (l1, u1), (l2, u2) of p1 and p2 combined with the correlation φ of the pairs,
 *   L = δ − √((p1 − l1)² − 2φ(p1 − l1)(u2 − p2) + (u2 − p2)²),
 *   U = δ + √((p2 − l2)² − 2φ(p2 − l2)(u1 − p1) + (u1 − p1)²),
 *   φ = C/√((a+b)(c+d)(a+c)(b+d)) with C = max(ad − bc − n/2, 0) when ad > bc, C = ad − bc otherwise,
 *   and φ = 0 when a margin is empty (as in Altman et al. 2000, Statistics with Confidence, ch. 6).
 * - `wald`: δ ± z·√(b + c − (b − c)²/n)/n, clipped to [−1, 1] with a warning.
 * `se` is the Wald SE.
 * @example pairedRiskDifference({ both: 794, firstOnly: 150, secondOnly: 86, neither: 570 }).estimate // 0.04
 */
export function pairedRiskDifference(
  table: PairedTable,
  options: { ci?: PairedRdMethod; level?: number } = {},
): BinaryEstimate {
  validatePairedTable(table);
  const { ci = 'newcombe', level = 0.95 } = options;
  validateLevel(level);
  const { both: a, firstOnly: b, secondOnly: c, neither: d } = table;
  const n = a + b + c + d;
  const p1 = (a + b) / n;
  const p2 = (a + c) / n;
  const estimate = (b - c) / n;
  const z = zCritical(level, normalQuantile);
  const se = Math.sqrt(Math.max(0, b + c - (b - c) ** 2 / n)) / n;
  const coded: Warning[] = [];
  let lower: number;
  let upper: number;
  if (ci === 'newcombe') {
    const [l1, u1] = wilsonInterval(a + b, n, z);
    const [l2, u2] = wilsonInterval(a + c, n, z);
    const margins = (a + b) * (c + d) * (a + c) * (b + d);
    const cross = a * d - b * c;
    const C = cross > 0 ? Math.max(cross - n / 2, 0) : cross;
    const phi = margins === 0 ? 0 : C / Math.sqrt(margins);
    const dl1 = p1 - l1;
    const du2 = u2 - p2;
    const dl2 = p2 - l2;
    const du1 = u1 - p1;
    lower = estimate - Math.sqrt(Math.max(0, dl1 * dl1 - 2 * phi * dl1 * du2 + du2 * du2));
    upper = estimate + Math.sqrt(Math.max(0, dl2 * dl2 - 2 * phi * dl2 * du1 + du1 * du1));
  } else if (ci === 'wald') {
    lower = estimate - z * se;
    upper = estimate + z * se;
    if (lower < -1 || upper > 1) {
      coded.push(warning('interval-clipped', { method: 'Wald', lower, upper, range: '[−1, 1]' }));
      lower = Math.max(-1, lower);
      upper = Math.min(1, upper);
    }
  } else {
    throw new InputError('ci', ci, 'one of newcombe, wald');
  }
  return freeze({
    measure: 'RD' as const,
    estimable: true,
    estimate,
    se,
    ci: {
      lower,
      upper,
      level,
      method: ci === 'newcombe' ? 'newcombe-paired-score' : 'wald-paired',
    },
    correction: null,
    warnings: messages(coded),
    codedWarnings: coded,
  });
}

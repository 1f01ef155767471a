import { InputError } from '../../errors.js';
import { normalQuantile } from '../dist/index.js';
import { freeze } from '../types.js';
import { degenerateWarning, notEstimable, type BinaryEstimate } from './binary-estimate.js';
import { logWald } from './log-wald.js';
import { invertRatio, rrScoreZ } from './score-statistics.js';
import type { Alternative } from '../types.js';
import { degeneracy, oneSided, validateAlternative, validateCorrection, validateLevel, validateTable, zCritical, type Correction, type TwoByTwo } from './table.js';

export type RrMethod = 'katz' | 'koopman' | 'mn';

/**
 * Risk ratio p1/p2 (arm 1 over arm 2) with a confidence interval.
 * - `katz` (default): Katz et al. (1978) Biometrics 34:469, exp(log RR ± z·SE),
 *   SE² = 1/a − 1/n1 + 1/c − 1/n2. When any cell is zero, `correction` (default 0.5) is added
 *   to all four cells (as metafor::escalc), and the estimate is the corrected one (warned).
 * - `koopman`: Koopman (1984) Biometrics 40:513–517 asymptotic score interval.
 * - `mn`: Miettinen & Nurminen (1985) Stat Med 4:213–226 score interval (variance × N/(N − 1)).
 * Score methods need no correction: the estimate is p1/p2, which is 0 (lower limit 0) when arm 1
 * has no events and Infinity (upper limit Infinity) when arm 2 has none; with no events in either
 * arm they return `estimable: false` with null estimate and limits.
 * `alternative` `less` / `greater` (default `two-sided`) gives the one-sided interval (0, U] /
 * [L, ∞) with z_{level} in place of z_{1 − (1 − level)/2}.
 * @example riskRatio({ events1: 36, n1: 40, events2: 16, n2: 80 }, { ci: 'koopman' }).ci // { lower: 2.9395691922149934, upper: 7.152223434866029, … } (Koopman 1984: 2.94 to 7.15)
 */
export function riskRatio(
  table: TwoByTwo,
  options: { ci?: RrMethod; level?: number; correction?: Correction; alternative?: Alternative } = {},
): BinaryEstimate {
  validateTable(table);
  const { ci = 'katz', level = 0.95, correction = 0.5, alternative = 'two-sided' } = options;
  validateLevel(level);
  validateCorrection(correction);
  validateAlternative(alternative);
  const z = zCritical(level, normalQuantile, alternative);
  const sided = (r: BinaryEstimate): BinaryEstimate => freeze({ ...r, ci: oneSided(r.ci, alternative, [0, Infinity]) });
  if (ci === 'katz') {
    return sided(
      logWald(table, 'RR', 'katz-log', z, level, correction,
        (a, b, c, d) => Math.log(a / (a + b)) - Math.log(c / (c + d)),
        (a, b, c, d) => 1 / a - 1 / (a + b) + 1 / c - 1 / (c + d),
        (a, _b, c) => a === 0 || c === 0),
    );
  }
  if (ci !== 'koopman' && ci !== 'mn') throw new InputError('ci', ci, 'one of katz, koopman, mn');
  const method = ci === 'mn' ? 'miettinen-nurminen' : 'koopman-score';
  const { events1: x1, n1, events2: x2, n2 } = table;
  const degenerate = degeneracy(table);
  const warnings: string[] = [];
  if (degenerate === 'no-events') {
    warnings.push(`${degenerateWarning(degenerate, 'RR')}: not estimable`);
    return freeze(notEstimable('RR', method, level, warnings));
  }
  const estimate = x2 === 0 ? Infinity : x1 / n1 / (x2 / n2);
  if (x1 === 0) warnings.push('no events in arm 1: the RR estimate is 0');
  if (x2 === 0) warnings.push('no events in arm 2: the RR estimate and upper limit are infinite');
  const [lower, upper] = invertRatio((t) => rrScoreZ(table, t, ci === 'mn'), estimate, z, { zero: x1 === 0, infinite: x2 === 0 });
  return sided({
    measure: 'RR' as const, estimable: true, estimate,
    ci: { lower, upper, level, method }, correction: null, warnings,
  });
}

import { InputError } from '../../errors.js';
import { normalQuantile } from '../dist/index.js';
import { freeze } from '../types.js';
import { degenerateWarning, notEstimable, type BinaryEstimate } from './binary-estimate.js';
import { fisherExact } from './fisher-exact.js';
import { logWald } from './log-wald.js';
import { midPOddsRatioInterval } from './mid-p-odds-ratio-interval.js';
import { cornfieldZ, invertRatio, orScoreZ } from './score-statistics.js';
import type { Alternative } from '../types.js';
import { degeneracy, oneSided, validateAlternative, validateCorrection, validateLevel, validateTable, zCritical, type Correction, type TwoByTwo } from './table.js';

export type OrMethod = 'woolf' | 'exact' | 'mn' | 'midp' | 'cornfield';

const METHOD_NAMES: Record<Exclude<OrMethod, 'woolf'>, string> = {
  exact: 'conditional-exact',
  mn: 'miettinen-nurminen',
  midp: 'mid-p-exact',
  cornfield: 'cornfield',
};

/**
 * Odds ratio a·d / (b·c) (arm 1 versus arm 2; a, b = events and non-events in arm 1) with a CI.
 * - `woolf` (default): Woolf (1955) Ann Hum Genet 19:251, exp(log OR ± z·SE), SE² = 1/a + 1/b + 1/c + 1/d;
 *   when any cell is zero `correction` (default 0.5) is added to all four cells (as metafor::escalc), warned.
 * - `exact`: the conditional MLE and exact conditional interval, as R's fisher.test.
 * - `mn`: Miettinen & Nurminen (1985) Stat Med 4:213–226 score interval.
 * - `midp`: mid-p exact limits (Miettinen 1974; see mid-p-odds-ratio-interval.ts) around the
 *   conditional MLE (as `exact`).
 * - `cornfield`: Cornfield (1956) approximate limits, all ψ with |x1 − A(ψ)| − ½ ≤ z·SE(ψ)
 *   (see cornfieldZ in score-statistics.ts), around the sample OR.
 * `exact`, `mn`, `midp` and `cornfield` use no correction: the estimate is 0 or Infinity at the edge (with the limit on
 * that side 0 or Infinity), and a table with no events or only events returns `estimable: false`.
 * `alternative` `less` / `greater` (default `two-sided`) gives the one-sided interval (0, U] /
 * [L, ∞): z_{level} for Woolf and MN, fisher.test's one-sided limits for `exact`.
 * @example oddsRatio({ events1: 15, n1: 50, events2: 9, n2: 50 }).estimate // 1.9523809523809523
 */
export function oddsRatio(
  table: TwoByTwo,
  options: { ci?: OrMethod; level?: number; correction?: Correction; alternative?: Alternative } = {},
): BinaryEstimate {
  validateTable(table);
  const { ci = 'woolf', level = 0.95, correction = 0.5, alternative = 'two-sided' } = options;
  validateLevel(level);
  validateCorrection(correction);
  validateAlternative(alternative);
  const sided = (r: BinaryEstimate): BinaryEstimate => freeze({ ...r, ci: oneSided(r.ci, alternative, [0, Infinity]) });
  if (ci === 'woolf') {
    const z = zCritical(level, normalQuantile, alternative);
    return sided(
      logWald(table, 'OR', 'woolf-log', z, level, correction,
        (a, b, c, d) => Math.log((a * d) / (b * c)),
        (a, b, c, d) => 1 / a + 1 / b + 1 / c + 1 / d,
        () => true),
    );
  }
  if (!(ci in METHOD_NAMES)) throw new InputError('ci', ci, 'one of woolf, exact, mn, midp, cornfield');
  const method = METHOD_NAMES[ci as Exclude<OrMethod, 'woolf'>];
  const { events1: x1, n1, events2: x2, n2 } = table;
  const degenerate = degeneracy(table);
  const warnings: string[] = [];
  if (degenerate) {
    warnings.push(`${degenerateWarning(degenerate, 'OR')}: not estimable`);
    return freeze(notEstimable('OR', method, level, warnings));
  }
  const zero = x1 === 0 || x2 === n2;
  const infinite = x2 === 0 || x1 === n1;
  if (zero) warnings.push('a zero cell puts the OR estimate at 0');
  if (infinite) warnings.push('a zero cell puts the OR estimate and upper limit at infinity');
  if (ci === 'exact' || ci === 'midp') {
    const fisher = fisherExact(table, { level, alternative });
    const [lower, upper] = ci === 'exact'
      ? [fisher.ci.lower, fisher.ci.upper]
      : midPOddsRatioInterval(table, alternative === 'two-sided' ? (1 - level) / 2 : 1 - level);
    return sided({
      measure: 'OR' as const, estimable: true, estimate: fisher.estimate,
      ci: { lower, upper, level, method }, correction: null, warnings,
    });
  }
  const estimate = infinite ? Infinity : (x1 * (n2 - x2)) / ((n1 - x1) * x2);
  const z = zCritical(level, normalQuantile, alternative);
  const statistic = ci === 'mn' ? orScoreZ : cornfieldZ;
  const [lower, upper] = invertRatio((t) => statistic(table, t), estimate, z, { zero, infinite });
  return sided({
    measure: 'OR' as const, estimable: true, estimate,
    ci: { lower, upper, level, method }, correction: null, warnings,
  });
}

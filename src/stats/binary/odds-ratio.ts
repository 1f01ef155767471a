import { defineMethods, type MethodId } from '../method-registry.js';
import { degenerateWarning, notEstimable, type BinaryEstimate } from './binary-estimate.js';
import { messages, warning, type Warning } from '../warnings.js';
import { fisherExact } from './fisher-exact.js';
import { logWald } from './log-wald.js';
import { midPOddsRatioInterval } from './mid-p-odds-ratio-interval.js';
import { MN_SCORE, runRatioInterval, type RatioContext, type RatioInterval } from './risk-ratio.js';
import { cornfieldZ, invertRatio, orScoreZ } from './score-statistics.js';
import type { Alternative } from '../types.js';
import { degeneracy, type Correction, type TwoByTwo } from './table.js';

type UncorrectedOr = 'exact' | 'mn' | 'midp' | 'cornfield';

const METHOD_NAMES: Record<UncorrectedOr, string> = {
  exact: 'conditional-exact',
  mn: 'miettinen-nurminen',
  midp: 'mid-p-exact',
  cornfield: 'cornfield',
};

/** Conditional exact, mid-p, Miettinen–Nurminen or Cornfield OR interval: no correction, 0 / ∞ at the edges. */
function uncorrectedOr(
  table: TwoByTwo,
  { level, z, alternative }: RatioContext,
  ci: UncorrectedOr,
): BinaryEstimate {
  const method = METHOD_NAMES[ci];
  const { events1: x1, n1, events2: x2, n2 } = table;
  const degenerate = degeneracy(table);
  const coded: Warning[] = [];
  if (degenerate) {
    coded.push(degenerateWarning(degenerate, 'OR', true));
    return notEstimable('OR', method, level, coded);
  }
  const zero = x1 === 0 || x2 === n2;
  const infinite = x2 === 0 || x1 === n1;
  if (zero) coded.push(warning('estimate-zero', { measure: 'OR', why: 'a zero cell' }));
  if (infinite) coded.push(warning('estimate-infinite', { measure: 'OR', why: 'a zero cell' }));
  if (ci === 'exact' || ci === 'midp') {
    const fisher = fisherExact(table, { level, alternative });
    const [lower, upper] =
      ci === 'exact'
        ? [fisher.ci.lower, fisher.ci.upper]
        : midPOddsRatioInterval(table, alternative === 'two-sided' ? (1 - level) / 2 : 1 - level);
    return {
      measure: 'OR' as const,
      estimable: true,
      estimate: fisher.estimate,
      ci: { lower, upper, level, method },
      correction: null,
      warnings: messages(coded),
      codedWarnings: coded,
    };
  }
  const estimate = infinite ? Infinity : (x1 * (n2 - x2)) / ((n1 - x1) * x2);
  const statistic = ci === 'mn' ? orScoreZ : cornfieldZ;
  const [lower, upper] = invertRatio((t) => statistic(table, t), estimate, z, { zero, infinite });
  return {
    measure: 'OR' as const,
    estimable: true,
    estimate,
    ci: { lower, upper, level, method },
    correction: null,
    warnings: messages(coded),
    codedWarnings: coded,
  };
}

/**
 * The odds-ratio interval methods, in the order the fingerprint search prefers them.
 * `zeroCellCorrection`: the method adds `correction` to every cell of a table with a zero cell.
 */
export const OR_INTERVALS = defineMethods('odds-ratio interval', [
  {
    id: 'woolf',
    label: 'Woolf logit',
    resultMethod: 'woolf-log',
    zeroCellCorrection: true,
    formula: 'exp(log OR ± z √(1/a + 1/b + 1/c + 1/d))',
    reference: 'Woolf B. Ann Hum Genet 1955;19:251–253; as metafor::escalc "OR"',
    run: (table: TwoByTwo, { level, z, correction }: RatioContext): BinaryEstimate =>
      logWald(
        table,
        'OR',
        'woolf-log',
        z,
        level,
        correction,
        (a, b, c, d) => Math.log((a * d) / (b * c)),
        (a, b, c, d) => 1 / a + 1 / b + 1 / c + 1 / d,
        () => true,
      ),
  },
  {
    id: 'exact',
    label: 'conditional exact',
    resultMethod: 'conditional-exact',
    zeroCellCorrection: false,
    formula: 'conditional MLE and exact interval from the noncentral hypergeometric distribution',
    reference: 'Fisher RA. The Design of Experiments, 1935; as R fisher.test',
    run: (table: TwoByTwo, context: RatioContext): BinaryEstimate =>
      uncorrectedOr(table, context, 'exact'),
  },
  {
    ...MN_SCORE,
    zeroCellCorrection: false,
    run: (table: TwoByTwo, context: RatioContext): BinaryEstimate =>
      uncorrectedOr(table, context, 'mn'),
  },
  {
    id: 'midp',
    label: 'mid-p exact',
    resultMethod: 'mid-p-exact',
    zeroCellCorrection: false,
    formula:
      'all ψ with the mid-p conditional tail probabilities ≥ (1 − level)/2, around the conditional MLE',
    reference: 'Miettinen OS. In: Epidemiology, Stanford 1974; as epitools oddsratio.midp',
    run: (table: TwoByTwo, context: RatioContext): BinaryEstimate =>
      uncorrectedOr(table, context, 'midp'),
  },
  {
    id: 'cornfield',
    label: 'Cornfield',
    resultMethod: 'cornfield',
    zeroCellCorrection: false,
    formula: 'all ψ with |x1 − A(ψ)| − ½ ≤ z √(1/A + 1/B + 1/C + 1/D), around the sample OR',
    reference:
      'Cornfield J. Proc Third Berkeley Symp 1956;4:135–148; Fleiss, Levin & Paik 2003 §6.3',
    run: (table: TwoByTwo, context: RatioContext): BinaryEstimate =>
      uncorrectedOr(table, context, 'cornfield'),
  },
] as const satisfies readonly RatioInterval[]);

export type OrMethod = MethodId<typeof OR_INTERVALS>;

/**
 * Odds ratio a·d / (b·c) (arm 1 versus arm 2; a, b = events and non-events in arm 1) with a CI;
 * the methods are the entries of `OR_INTERVALS`:
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
  options: {
    ci?: OrMethod;
    level?: number;
    correction?: Correction;
    alternative?: Alternative;
  } = {},
): BinaryEstimate {
  return runRatioInterval(OR_INTERVALS, table, options);
}

import { normalQuantile } from '../dist/index.js';
import {
  defineMethods,
  type MethodEntry,
  type MethodId,
  type MethodRegistry,
} from '../method-registry.js';
import { freeze } from '../types.js';
import { messages, warning, type Warning } from '../warnings.js';
import { degenerateWarning, notEstimable, type BinaryEstimate } from './binary-estimate.js';
import { logWald } from './log-wald.js';
import { invertRatio, rrScoreZ } from './score-statistics.js';
import type { Alternative } from '../types.js';
import {
  degeneracy,
  oneSided,
  validateAlternative,
  validateCorrection,
  validateLevel,
  validateTable,
  zCritical,
  type Correction,
  type TwoByTwo,
} from './table.js';

/** What a ratio interval method receives (RR and OR alike). */
export interface RatioContext {
  level: number;
  /** Normal critical value for `level`: two-sided, or one-sided when `alternative` is `less`/`greater`. */
  z: number;
  /** Sidedness of the interval; the caller opens the other end, so most methods ignore it. */
  alternative: Alternative;
  /** Zero-cell correction; used only by entries with `zeroCellCorrection`. */
  correction: Correction;
}

/** A registry entry of `RR_INTERVALS` or `OR_INTERVALS`. */
export interface RatioInterval
  extends MethodEntry<string, (table: TwoByTwo, context: RatioContext) => BinaryEstimate> {
  /** The method adds `correction` to every cell of a table with a zero cell (Katz, Woolf). */
  readonly zeroCellCorrection: boolean;
}

/** The Miettinen–Nurminen score interval's entry text, shared by RD, RR and OR. */
export const MN_SCORE = {
  id: 'mn',
  label: 'Miettinen–Nurminen score',
  resultMethod: 'miettinen-nurminen',
  formula: 'all θ with |score z(θ)| ≤ z, variance at the constrained MLE × N/(N − 1)',
  reference: 'Miettinen O, Nurminen M. Stat Med 1985;4:213–226',
} as const;

/** Koopman / Miettinen–Nurminen score interval for the RR: no correction needed. */
function scoreRr(table: TwoByTwo, { level, z }: RatioContext, mn: boolean): BinaryEstimate {
  const method = mn ? 'miettinen-nurminen' : 'koopman-score';
  const { events1: x1, n1, events2: x2, n2 } = table;
  const degenerate = degeneracy(table);
  const coded: Warning[] = [];
  if (degenerate === 'no-events') {
    coded.push(degenerateWarning(degenerate, 'RR', true));
    return notEstimable('RR', method, level, coded);
  }
  const estimate = x2 === 0 ? Infinity : x1 / n1 / (x2 / n2);
  if (x1 === 0) coded.push(warning('estimate-zero', { measure: 'RR', why: 'no events in arm 1' }));
  if (x2 === 0)
    coded.push(warning('estimate-infinite', { measure: 'RR', why: 'no events in arm 2' }));
  const [lower, upper] = invertRatio((t) => rrScoreZ(table, t, mn), estimate, z, {
    zero: x1 === 0,
    infinite: x2 === 0,
  });
  return {
    measure: 'RR' as const,
    estimable: true,
    estimate,
    ci: { lower, upper, level, method },
    correction: null,
    warnings: messages(coded),
    codedWarnings: coded,
  };
}

/**
 * The risk-ratio interval methods, in the order the fingerprint search prefers them.
 * `zeroCellCorrection`: the method adds `correction` to every cell of a table with a zero cell.
 */
export const RR_INTERVALS = defineMethods('risk-ratio interval', [
  {
    id: 'katz',
    label: 'Katz log',
    resultMethod: 'katz-log',
    zeroCellCorrection: true,
    formula: 'exp(log RR ± z √(1/a − 1/n1 + 1/c − 1/n2))',
    reference: 'Katz D et al. Biometrics 1978;34:469–474; as metafor::escalc "RR"',
    run: (table: TwoByTwo, { level, z, correction }: RatioContext): BinaryEstimate =>
      logWald(
        table,
        'RR',
        'katz-log',
        z,
        level,
        correction,
        (a, b, c, d) => Math.log(a / (a + b)) - Math.log(c / (c + d)),
        (a, b, c, d) => 1 / a - 1 / (a + b) + 1 / c - 1 / (c + d),
        (a, _b, c) => a === 0 || c === 0,
      ),
  },
  {
    id: 'koopman',
    label: 'Koopman score',
    resultMethod: 'koopman-score',
    zeroCellCorrection: false,
    formula: 'all θ with |score z(θ)| ≤ z, variance at the constrained MLE',
    reference: 'Koopman PAR. Biometrics 1984;40:513–517',
    run: (table: TwoByTwo, context: RatioContext): BinaryEstimate => scoreRr(table, context, false),
  },
  {
    ...MN_SCORE,
    zeroCellCorrection: false,
    run: (table: TwoByTwo, context: RatioContext): BinaryEstimate => scoreRr(table, context, true),
  },
] as const satisfies readonly RatioInterval[]);

export type RrMethod = MethodId<typeof RR_INTERVALS>;

/**
 * Risk ratio p1/p2 (arm 1 over arm 2) with a confidence interval; the methods are the entries
 * of `RR_INTERVALS`:
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
  options: {
    ci?: RrMethod;
    level?: number;
    correction?: Correction;
    alternative?: Alternative;
  } = {},
): BinaryEstimate {
  return runRatioInterval(RR_INTERVALS, table, options);
}

/** The shared front of `riskRatio` and `oddsRatio`: validate, pick the registry entry, run it. */
export function runRatioInterval(
  registry: MethodRegistry<RatioInterval>,
  table: TwoByTwo,
  options: { ci?: string; level?: number; correction?: Correction; alternative?: Alternative },
): BinaryEstimate {
  validateTable(table);
  const {
    ci = registry.defaultId,
    level = 0.95,
    correction = 0.5,
    alternative = 'two-sided',
  } = options;
  validateLevel(level);
  validateCorrection(correction);
  validateAlternative(alternative);
  const method = registry.get(ci, 'ci');
  const result = method.run(table, {
    level,
    z: zCritical(level, normalQuantile, alternative),
    correction,
    alternative,
  });
  return freeze({ ...result, ci: oneSided(result.ci, alternative, [0, Infinity]) });
}

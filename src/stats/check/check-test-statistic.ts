import { InputError } from '../../errors.js';
import { chiSquareSf, fSf, normalSf, tSf } from '../dist/index.js';
import { parseReported, type ReportedValue } from './reported-value.js';

export type StatisticKind = 't' | 'F' | 'z' | 'r' | 'chisq' | 'Q';

export interface TestStatisticInput {
  test: StatisticKind;
  /** The printed statistic, e.g. `"2.20"` (relation `<`/`>` allowed, as statcheck). */
  statistic: string | number | ReportedValue;
  /** df for t, r, chi-square and Q; the first df for F. */
  df?: number;
  /** Second df for F. */
  df2?: number;
  /** The printed p, e.g. `".03"`, `"< .001"`. */
  p: string | number | ReportedValue;
  /** Significance level for decision errors. Default 0.05. */
  alpha?: number;
  /** Two-tailed p for t, z and r. Default true. */
  twoTailed?: boolean;
  /** Count p = alpha as significant. Default true (statcheck's default). */
  pEqualAlphaSig?: boolean;
  /** Count a printed p of 0 (p = .000) as an error. Default true. */
  pZeroError?: boolean;
}

export interface TestStatisticResult {
  /** p recomputed from the printed statistic. */
  pRecomputed: number;
  /** p over the statistic's rounding interval. */
  pRange: { lower: number; upper: number };
  /** The reported p does not follow from the statistic (statcheck's "error"). */
  error: boolean;
  /** ...and the difference crosses alpha (statcheck's "decision error"). */
  decisionError: boolean;
  consistent: boolean;
  method: string;
}

/**
 * statcheck's check: does a reported p follow from the reported test statistic and
 * df? The statistic is taken to stand for its rounding interval (±0.5 in its last
 * printed decimal); the p-values at both ends, rounded to the decimals of the
 * reported p, must bracket it. A mismatch that moves p across alpha is a decision
 * error. The rules follow statcheck 1.5 (error_test, decision_error_test).
 *
 * p: t and r two-tailed 2·P(T_df > |t|) with t = r·√(df/(1 − r²)); F upper tail;
 * z two-tailed normal; χ² and Q upper tail.
 *
 * Reference: Nuijten MB et al. (2016). The prevalence of statistical reporting errors
 * in psychology (1985–2013). Behav Res Methods 48:1205–1226; statcheck R package.
 * @example checkTestStatistic({ test: 't', statistic: '2.20', df: 28, p: '.03' }).error // true (p = .036)
 */
export function checkTestStatistic(input: TestStatisticInput): TestStatisticResult {
  const { test, alpha = 0.05, twoTailed = true, pEqualAlphaSig = true, pZeroError = true } = input;
  const statistic =
    typeof input.statistic === 'object' ? input.statistic : parseReported(input.statistic);
  const p = typeof input.p === 'object' ? input.p : parseReported(input.p);
  validate(input, statistic, p);

  const compute = (x: number): number => computeP(test, x, input.df, input.df2, twoTailed);
  const half = 0.5 * 10 ** -statistic.decimals;
  // The end nearer zero gives the larger p.
  const [nearZero, farFromZero] =
    statistic.value >= 0
      ? [statistic.value - half, statistic.value + half]
      : [statistic.value + half, statistic.value - half];
  const upperP = compute(nearZero);
  const lowerP = compute(farFromZero);
  const pRecomputed = compute(statistic.value);
  const round = (x: number): number => Number(x.toFixed(p.decimals));
  const reported = p.value;
  const statRel =
    statistic.relation === '<=' ? '<' : statistic.relation === '>=' ? '>' : statistic.relation;
  const pRel = p.relation === '<=' ? '<' : p.relation === '>=' ? '>' : p.relation;

  let error: boolean;
  if (pZeroError && reported <= 0) error = true;
  else if (statRel === '=') {
    error =
      pRel === '='
        ? reported > round(upperP) || reported < round(lowerP)
        : pRel === '<'
          ? reported < lowerP
          : reported > upperP;
  } else if (statRel === '<') {
    error = pRel === '=' ? reported < round(upperP) : pRel === '<' ? reported < upperP : false;
  } else {
    error = pRel === '=' ? reported > round(lowerP) : pRel === '<' ? false : reported > lowerP;
  }

  const significant = (x: number): boolean => (pEqualAlphaSig ? x <= alpha : x < alpha);
  let decisionError = false;
  if (error) {
    if (statRel === '=' && pRel === '=')
      decisionError = significant(reported) !== significant(pRecomputed);
    else if (pRel === '<')
      decisionError =
        reported <= alpha && !(pEqualAlphaSig ? pRecomputed <= alpha : pRecomputed < alpha);
    else if (pRel === '>') decisionError = reported >= alpha && significant(pRecomputed);
    else decisionError = significant(reported) !== significant(pRecomputed);
  }
  return {
    pRecomputed,
    pRange: { lower: lowerP, upper: upperP },
    error,
    decisionError,
    consistent: !error,
    method: `statcheck rules: ${describe(test, input.df, input.df2)}, ${twoTailed ? 'two' : 'one'}-tailed, alpha = ${alpha}`,
  };
}

function computeP(
  test: StatisticKind,
  x: number,
  df?: number,
  df2?: number,
  twoTailed = true,
): number {
  const tails = twoTailed ? 2 : 1;
  switch (test) {
    case 't':
      return Math.min(1, tails * tSf(Math.abs(x), df!));
    case 'r': {
      const t = x / Math.sqrt((1 - x * x) / df!);
      return Math.min(1, tails * tSf(Math.abs(t), df!));
    }
    case 'z':
      return Math.min(1, tails * normalSf(Math.abs(x)));
    case 'F':
      return fSf(x, df!, df2!);
    case 'chisq':
    case 'Q':
      return chiSquareSf(x, df!);
  }
}

function validate(input: TestStatisticInput, statistic: ReportedValue, p: ReportedValue): void {
  const needsDf = input.test !== 'z';
  if (needsDf && !(input.df !== undefined && input.df > 0))
    throw new InputError('df', input.df, `a positive df for a ${input.test} statistic`);
  if (input.test === 'F' && !(input.df2 !== undefined && input.df2 > 0))
    throw new InputError('df2', input.df2, 'a positive second df for F');
  if ((input.test === 'F' || input.test === 'chisq' || input.test === 'Q') && statistic.value < 0) {
    throw new InputError('statistic', statistic.value, `a non-negative ${input.test} statistic`);
  }
  if (input.test === 'r' && !(Math.abs(statistic.value) < 1))
    throw new InputError('statistic', statistic.value, 'a correlation in (−1, 1)');
  if (!(p.value >= 0 && p.value <= 1))
    throw new InputError('p', p.text ?? p.value, 'a p-value in [0, 1]');
}

function describe(test: StatisticKind, df?: number, df2?: number): string {
  if (test === 'F') return `F(${df}, ${df2})`;
  if (test === 'z') return 'z';
  return `${test}(${df})`;
}

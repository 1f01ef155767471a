import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { formatLevel, formatP } from '../../format/number.js';
import { normalQuantile } from '../../stats/dist/normal.js';
import {
  PROPORTION_INTERVALS,
  proportionCi,
  type ProportionCiMethod,
  type ProportionCiResult,
} from '../../stats/proportion/proportion-ci.js';
import type { CliContext } from '../context.js';
import {
  explainNumber,
  formatEstimateLine,
  formatExplain,
  withOptionNames,
  type ExplainStep,
} from '../explain.js';
import { writeWarnings } from '../messages.js';
import { choice, level, nonNegativeInteger, positiveInteger, probability } from '../options.js';
import { formatJson } from '../../format/json.js';
import { proportionTest } from '../../stats/proportion/proportion-test.js';
import type { Alternative } from '../../stats/types.js';

interface PropOptions {
  events: number;
  n: number;
  ciMethod: ProportionCiMethod;
  p0?: number;
  test: PropTestKind;
  alternative: Alternative;
  level: number;
  json?: boolean;
  explain?: boolean;
}

/** `--test`: the exact binomial test (R binom.test) or the score test of R prop.test. */
const PROP_TESTS = ['binomial', 'score', 'score-cc'] as const;
type PropTestKind = (typeof PROP_TESTS)[number];

/** `trialstat prop`: a single proportion with its confidence interval and an exact binomial test. */
export function registerProp(program: Command, context: CliContext): void {
  program
    .command('prop')
    .description(
      'single proportion: confidence interval (Wilson, exact, mid-p, Jeffreys, Agresti–Coull, Wald) and exact binomial test',
    )
    .requiredOption('--events <X>', 'number of events', nonNegativeInteger)
    .requiredOption('--n <N>', 'number of participants', positiveInteger)
    .option(
      '--ci-method <method>',
      PROPORTION_INTERVALS.ids.join(' | '),
      choice(PROPORTION_INTERVALS.ids),
      PROPORTION_INTERVALS.defaultId,
    )
    .option(
      '--p0 <P>',
      'test H0: proportion = P with the exact binomial test (two-sided, as R binom.test)',
      probability,
    )
    .option(
      '--test <kind>',
      'with --p0: binomial (exact, R binom.test), score (R prop.test(correct = FALSE)) or score-cc (prop.test with Yates correction)',
      choice(PROP_TESTS),
      'binomial',
    )
    .option(
      '--alternative <alt>',
      'score tests: two-sided, less or greater (the binomial test is two-sided)',
      choice(['two-sided', 'less', 'greater'] as const),
      'two-sided',
    )
    .option('--level <L>', 'confidence level', level, 0.95)
    .option('--json', 'print JSON')
    .option('--explain', 'show the formula and intermediate numbers')
    .addHelpText(
      'after',
      `
Examples:
  $ trialstat prop --events 9 --n 22
  $ trialstat prop --events 10 --n 12 --ci-method exact --p0 0.5
  $ trialstat prop --events 0 --n 15 --ci-method jeffreys --level 0.9 --json
  $ trialstat prop --events 9 --n 22 --p0 0.3 --test score-cc --alternative greater`,
    )
    .action((options: PropOptions) => {
      const { io } = context;
      if (options.events > options.n)
        throw new InputError('--events', options.events, `at most --n (${options.n})`);
      if (
        options.p0 === undefined &&
        (options.test !== 'binomial' || options.alternative !== 'two-sided')
      )
        throw new InputError(
          options.test !== 'binomial' ? '--test' : '--alternative',
          options.test !== 'binomial' ? options.test : options.alternative,
          'to be used with --p0',
        );
      if (options.test === 'binomial' && options.alternative !== 'two-sided')
        throw new InputError(
          '--alternative',
          options.alternative,
          'two-sided with the binomial test (or --test score|score-cc)',
        );
      const names = { events: '--events', n: '--n', level: '--level', p0: '--p0' };
      const computed = withOptionNames(names, () =>
        proportionCi(options.events, options.n, {
          method: options.ciMethod,
          level: options.level,
          p0: options.p0,
        }),
      );
      // The score test of prop.test replaces the binomial test when asked for.
      const result =
        options.p0 !== undefined && options.test !== 'binomial'
          ? {
              ...computed,
              test: withOptionNames(names, () =>
                proportionTest(options.events, options.n, {
                  p0: options.p0,
                  correct: options.test === 'score-cc',
                  alternative: options.alternative,
                }),
              ),
            }
          : computed;
      if (options.json) {
        io.stdout(formatJson(propJson(result, options.p0)));
        return;
      }
      const lines = [
        `${formatEstimateLine('Proportion', result.estimate, result.ci)} — ${options.events}/${options.n}, ${PROPORTION_INTERVALS.get(options.ciMethod).label}`,
      ];
      if (result.test)
        lines.push(
          options.test === 'binomial'
            ? `Exact binomial test of proportion = ${options.p0}: ${formatP(result.test.p)} (two-sided)`
            : `${result.test.name} of proportion = ${options.p0}: X² = ${explainNumber(result.test.statistic as number)}, ${formatP(result.test.p)} (${options.alternative}, as R prop.test)`,
        );
      if (options.explain) lines.push('', explainProp(result));
      io.stdout(`${lines.join('\n')}\n`);
      writeWarnings(io, result.warnings);
    });
}

/** The `prop --json` object (schema: schemas/prop.schema.json). */
export function propJson(result: ProportionCiResult, p0: number | undefined) {
  return {
    estimate: result.estimate,
    events: result.events,
    n: result.n,
    ci: result.ci,
    test: result.test ? { ...result.test, p0 } : null,
    warnings: result.warnings,
  };
}

function explainProp(result: ProportionCiResult): string {
  const { events: x, n } = result;
  const alpha = 1 - result.ci.level;
  const entry =
    PROPORTION_INTERVALS.byResultMethod(result.ci.method) ??
    PROPORTION_INTERVALS.get(result.ci.method);
  const context = { level: result.ci.level, alpha, z: normalQuantile(1 - alpha / 2), warnings: [] };
  const steps: ExplainStep[] = [
    { label: 'estimate', formula: `x / n = ${x} / ${n}`, value: result.estimate },
  ];
  steps.push({ label: 'method', formula: `${entry.formula} (${entry.reference})` });
  steps.push(...(entry.steps?.(x, n, context) ?? []));
  steps.push({
    label: `${formatLevel(result.ci.level)} CI`,
    value: `${explainNumber(result.ci.lower)} to ${explainNumber(result.ci.upper)}`,
  });
  if (result.test && result.test.statistic !== undefined) {
    steps.push({
      label: 'score test',
      formula:
        'X² = (|x − n·p0| − k)² / (n·p0·(1 − p0)), k = min(½, |x − n·p0|) with the correction, else 0; p from χ²(1) (two-sided) or the normal tail of ±√X²',
      value: result.test.p,
    });
  } else if (result.test) {
    steps.push({
      label: 'binomial test',
      formula: 'sum of P[X = k] over outcomes k no more likely than x under p0',
      value: result.test.p,
    });
  }
  return formatExplain(entry.label, steps);
}

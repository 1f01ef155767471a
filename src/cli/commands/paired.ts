import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { formatFixed, formatLevel, formatNumber, formatP } from '../../format/number.js';
import { mcnemarTest, type McNemarMethod } from '../../stats/binary/mcnemar-test.js';
import {
  pairedRiskDifference,
  type PairedRdMethod,
} from '../../stats/binary/paired-risk-difference.js';
import {
  pairedMeanDifference,
  type PairedSummary,
} from '../../stats/continuous/paired-mean-difference.js';
import type { Alternative } from '../../stats/types.js';
import type { CliContext } from '../context.js';
import { formatEstimateLine, withOptionNames } from '../explain.js';
import { writeWarnings } from '../messages.js';
import {
  choice,
  level,
  nonNegativeInteger,
  number,
  positiveInteger,
  positiveNumber,
} from '../options.js';

import { formatJson } from '../../format/json.js';

const ALTERNATIVES = ['two-sided', 'less', 'greater'] as const;

interface PairedPropsOptions {
  both: number;
  firstOnly: number;
  secondOnly: number;
  neither: number;
  mcnemar: McNemarMethod;
  correct: boolean;
  rdCi: PairedRdMethod;
  level: number;
  alternative: Alternative;
  json?: boolean;
}

interface PairedMeansOptions {
  n: number;
  meanDiff?: number;
  sdDiff?: number;
  mean1?: number;
  sd1?: number;
  mean2?: number;
  sd2?: number;
  correlation?: number;
  level: number;
  alternative: Alternative;
  json?: boolean;
}

/** `trialstat paired props|means`: matched pairs (McNemar, paired RD; paired t from summary data). */
export function registerPaired(program: Command, context: CliContext): void {
  const paired = program
    .command('paired')
    .description(
      'matched pairs: McNemar and the paired risk difference; paired mean difference from summary data',
    );

  paired
    .command('props')
    .description(
      'binary outcome in matched pairs: McNemar exact / asymptotic test, paired RD with Newcombe interval (mcnemar.test, binom.test)',
    )
    .requiredOption('--both <n>', 'pairs with the event under both conditions', nonNegativeInteger)
    .requiredOption(
      '--first-only <b>',
      'pairs with the event under condition 1 only',
      nonNegativeInteger,
    )
    .requiredOption(
      '--second-only <c>',
      'pairs with the event under condition 2 only',
      nonNegativeInteger,
    )
    .requiredOption('--neither <n>', 'pairs with the event under neither', nonNegativeInteger)
    .option(
      '--mcnemar <method>',
      'asymptotic (chi-square, default) | exact (binomial on the discordant pairs)',
      choice(['asymptotic', 'exact'] as const),
      'asymptotic',
    )
    .option('--no-correct', 'asymptotic McNemar without the continuity correction')
    .option(
      '--rd-ci <method>',
      'newcombe (default, Newcombe 1998 method 10) | wald',
      choice(['newcombe', 'wald'] as const),
      'newcombe',
    )
    .option('--level <L>', 'confidence level', level, 0.95)
    .option(
      '--alternative <kind>',
      'two-sided (default), less or greater: one-sided exact McNemar p (the RD interval stays two-sided)',
      choice(ALTERNATIVES),
      'two-sided',
    )
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ trialstat paired props --both 794 --first-only 150 --second-only 86 --neither 570
  $ trialstat paired props --both 10 --first-only 9 --second-only 2 --neither 15 --mcnemar exact --alternative greater --json`,
    )
    .action((o: PairedPropsOptions) => {
      const table = {
        both: o.both,
        firstOnly: o.firstOnly,
        secondOnly: o.secondOnly,
        neither: o.neither,
      };
      if (o.alternative !== 'two-sided' && o.mcnemar !== 'exact')
        throw new InputError(
          '--alternative',
          o.alternative,
          'two-sided for the asymptotic McNemar test (add --mcnemar exact for a one-sided test)',
        );
      const test = mcnemarTest(table, {
        method: o.mcnemar,
        correct: o.correct,
        alternative: o.alternative,
      });
      const rd = pairedRiskDifference(table, { ci: o.rdCi, level: o.level });
      if (o.json) {
        context.io.stdout(formatJson({ table, test, rd }));
        return;
      }
      const n = o.both + o.firstOnly + o.secondOnly + o.neither;
      const f = (x: number) => formatFixed(x, 3);
      const lines = [
        `${n} pairs; discordant: ${o.firstOnly} condition 1 only, ${o.secondOnly} condition 2 only`,
        rd.estimate === null || rd.ci.lower === null
          ? `paired RD not estimable [${rd.ci.method}]`
          : `paired RD ${f(rd.estimate)} (${formatLevel(rd.ci.level)} CI ${f(rd.ci.lower)} to ${f(rd.ci.upper!)}) [${rd.ci.method}]`,
        `${test.name}${test.alternative === 'two-sided' ? '' : ` (one-sided, ${test.alternative})`}: ${test.df && test.statistic !== undefined ? `X² = ${formatNumber(test.statistic)}, ` : ''}${Number.isNaN(test.p) ? 'p not defined' : formatP(test.p)}`,
      ];
      context.io.stdout(`${lines.join('\n')}\n`);
      writeWarnings(context.io, [...test.warnings, ...rd.warnings]);
    });

  paired
    .command('means')
    .description(
      'continuous outcome in matched pairs from summary data: paired t (t.test(paired = TRUE))',
    )
    .requiredOption('--n <n>', 'number of pairs', positiveInteger)
    .option(
      '--mean-diff <d>',
      'mean of the within-pair differences (condition 1 − condition 2)',
      number,
    )
    .option('--sd-diff <s>', 'SD of the within-pair differences', positiveNumber)
    .option(
      '--mean1 <m>',
      'mean under condition 1 (with --sd1, --mean2, --sd2, --correlation)',
      number,
    )
    .option('--sd1 <s>', 'SD under condition 1', positiveNumber)
    .option('--mean2 <m>', 'mean under condition 2', number)
    .option('--sd2 <s>', 'SD under condition 2', positiveNumber)
    .option(
      '--correlation <r>',
      'within-pair correlation (assumed or reported), for the SD of the differences',
      number,
    )
    .option('--level <L>', 'confidence level', level, 0.95)
    .option(
      '--alternative <kind>',
      'two-sided (default), less or greater: one-sided p and interval (the open end is null in JSON)',
      choice(ALTERNATIVES),
      'two-sided',
    )
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      `
Examples:
  $ trialstat paired means --n 10 --mean-diff 1.58 --sd-diff 1.23
  $ trialstat paired means --n 12 --mean1 120 --sd1 15 --mean2 112 --sd2 14 --correlation 0.6 --json`,
    )
    .action((o: PairedMeansOptions) => {
      let input: PairedSummary;
      if (o.meanDiff !== undefined || o.sdDiff !== undefined) {
        if (o.meanDiff === undefined || o.sdDiff === undefined)
          throw new InputError(
            '--mean-diff/--sd-diff',
            `${o.meanDiff ?? '—'}/${o.sdDiff ?? '—'}`,
            'both the mean and the SD of the differences',
          );
        input = { n: o.n, meanDifference: o.meanDiff, sdDifference: o.sdDiff };
      } else {
        const missing = (['mean1', 'sd1', 'mean2', 'sd2', 'correlation'] as const).filter(
          (k) => o[k] === undefined,
        );
        if (missing.length > 0)
          throw new InputError(
            missing.map((k) => `--${k}`).join(', '),
            'missing',
            '--mean-diff and --sd-diff, or --mean1 --sd1 --mean2 --sd2 --correlation',
          );
        input = {
          n: o.n,
          mean1: o.mean1!,
          sd1: o.sd1!,
          mean2: o.mean2!,
          sd2: o.sd2!,
          correlation: o.correlation!,
        };
      }
      const names = {
        n: '--n',
        meanDifference: '--mean-diff',
        sdDifference: '--sd-diff',
        mean1: '--mean1',
        mean2: '--mean2',
        correlation: '--correlation',
        sdBaseline: '--sd1',
        sdFinal: '--sd2',
      };
      const r = withOptionNames(names, () =>
        pairedMeanDifference(input, { level: o.level, alternative: o.alternative }),
      );
      if (o.json) {
        context.io.stdout(formatJson(r));
        return;
      }
      const lines = [
        `${o.n} pairs; SD of the differences ${formatNumber(r.sdDifference)}${r.derivation.length ? ` (from the two SDs and r = ${o.correlation})` : ''}`,
        `${formatEstimateLine('paired MD', r.estimate, r.ci, r.test.p)} [paired t, df = ${r.df}${r.test.alternative === 'two-sided' ? '' : `, one-sided ${r.test.alternative}`}]`,
      ];
      context.io.stdout(`${lines.join('\n')}\n`);
      writeWarnings(context.io, r.warnings);
    });
}

import { registerSurvivalPower } from './survival-power.js';
import { registerPowerMenu } from './power-menu.js';
import { type Command, Option } from 'commander';
import { InputError } from '../../errors.js';
import { formatNumber } from '../../format/number.js';
import {
  POWER_PROP_METHODS,
  powerPropTest,
  type PropPowerMethod,
} from '../../stats/design/power-prop-test.js';
import { powerTTest, type TTestType } from '../../stats/design/power-t-test.js';
import { formatExplain, withOptionNames } from '../explain.js';
import { exactBinomialPower } from '../../stats/design/exact-binomial-power.js';
import { marginPower, type MarginHypothesis } from '../../stats/design/margin-power.js';
import type { TwoArmSizeResult } from '../../stats/design/inflate-for-dropout.js';
import type { CliContext } from '../context.js';
import { deprecatedOption } from '../deprecated-option.js';
import { writeWarnings, type WarningLike } from '../messages.js';
import { plain } from './design.js';
import { level, positiveInteger, positiveNumber, number, probability } from '../options.js';
import { formatJson } from '../../format/json.js';

interface Common {
  n?: number;
  power?: number;
  alpha: number;
  alternative: 'two-sided' | 'one-sided';
  ratio: number;
  dropout: number;
  strict?: boolean;
  json?: boolean;
}

const MEANS_NAMES: Record<string, string> = {
  sd: '--sd',
  alpha: '--alpha',
  n: '--n',
  delta: '--delta',
  power: '--power',
  ratio: '--ratio',
  type: '--type',
};

function dropoutFraction(text: string): number {
  const value = probability(text);
  if (value >= 1) throw new InputError('--dropout', text, 'a fraction in [0, 1)');
  return value;
}

/**
 * Progress of a sample-size search on a terminal: silent for the first 2 s, then one
 * self-overwriting stderr line (at most 10 a second). Ctrl-C stops the synchronous search with
 * the default SIGINT handling (exit 130).
 */
function searchProgress(context: CliContext): {
  update: (state: { n: number; power: number }) => void;
  done: () => void;
} {
  const started = Date.now();
  let last = 0;
  let shown = false;
  return {
    update: ({ n, power }) => {
      if (!context.io.stderrIsTTY) return;
      const now = Date.now();
      if (now - started < 2000 || now - last < 100) return;
      last = now;
      shown = true;
      context.io.stderr(
        `\rsearching: n = ${n} per arm, exact power ${power.toFixed(4)} (Ctrl-C to stop)`,
      );
    },
    done: () => {
      if (shown) context.io.stderr('\r\x1b[K');
    },
  };
}

/** `--alternative` of a design: R's power.t.test words; a one-sided design is in the direction of the assumed effect. */
const sidedOf = (options: Common): 1 | 2 => (options.alternative === 'one-sided' ? 1 : 2);

function commonOptions(command: Command, context: CliContext): Command {
  deprecatedOption(command, context, {
    flags: '--sided <s>',
    choices: ['1', '2'],
    replacement: { attribute: 'alternative', flag: '--alternative' },
    translate: (value) => (value === '1' ? 'one-sided' : 'two-sided'),
  });
  return command
    .option(
      '--n <n>',
      'evaluable patients per arm (arm 1 when --ratio ≠ 1); leave out to solve for it',
      positiveNumber,
    )
    .option('--power <p>', 'target power; leave out to solve for it', level)
    .option('--alpha <a>', 'significance level', level, 0.05)
    .addOption(
      new Option(
        '--alternative <kind>',
        'two-sided, or one-sided in the direction of the assumed effect (as R power.t.test)',
      )
        .choices(['two-sided', 'one-sided'])
        .default('two-sided'),
    )
    .option('--ratio <r>', 'allocation ratio n2/n1', positiveNumber, 1)
    .option(
      '--dropout <f>',
      'fraction lost to follow-up (inflates the enrolment numbers)',
      dropoutFraction,
      0,
    )
    .option('--strict', 'two-sided: count rejections in the wrong direction too (R strict = TRUE)')
    .option('--json', 'print the result as JSON');
}

function sizeLines(r: TwoArmSizeResult & { solved: string }): string[] {
  const lines: string[] = [];
  if (r.solved === 'n') {
    lines.push(
      Number.isInteger(r.n)
        ? `n per arm = ${r.n}: the smallest n with power ≥ ${plain(r.targetPower!)}`
        : `n per arm = ${plain(r.n)} (unrounded) for power ${plain(r.targetPower!)}`,
    );
    const arms = r.ratio === 1 ? `${r.nPerArm} per arm` : `${r.nPerArm} + ${r.nPerArm2}`;
    lines.push(
      `Enrol ${arms} (${r.nTotal} in total)${r.dropout > 0 ? `, allowing ${plain(r.dropout * 100)}% dropout` : ''}; achieved power ${r.power.toFixed(4)}`,
    );
  } else {
    lines.push(
      `Power ${r.power.toFixed(4)} with n = ${plain(r.n)} per arm${r.ratio === 1 ? '' : ` (arm 2: ${plain(r.n * r.ratio)})`}`,
    );
    if (r.dropout > 0)
      lines.push(
        `Enrol ${r.nPerArm} + ${r.nPerArm2} (${r.nTotal} in total) allowing ${plain(r.dropout * 100)}% dropout`,
      );
  }
  return lines;
}

/** The result on stdout; in text mode its warnings on stderr (with --json they are in the JSON). */
function output(
  context: CliContext,
  json: boolean | undefined,
  result: { warnings: readonly WarningLike[] },
  lines: string[],
): void {
  context.io.stdout(json ? formatJson(result) : `${lines.join('\n')}\n`);
  if (!json) writeWarnings(context.io, result.warnings);
}

/** `trialstat power means|props`: analytic power and sample size. */
export function registerPower(program: Command, context: CliContext): void {
  const power = program
    .command('power')
    .description(
      'Analytic power and sample size (solves for whichever of n, power, effect is left out)',
    );
  registerSurvivalPower(power, context);
  registerPowerMenu(power, context);

  commonOptions(
    power
      .command('means')
      .description(
        'Means: two-sample, one-sample or paired t-test with the noncentral t (R power.t.test)',
      )
      .option('--delta <d>', 'true difference in means; leave out to solve for it', number)
      .option(
        '--sd <s>',
        'common standard deviation (of the differences when paired)',
        positiveNumber,
      )
      .addOption(
        new Option(
          '--type <t>',
          'two-sample, one-sample or paired (n pairs), as R power.t.test type',
        )
          .choices(['two-sample', 'one-sample', 'paired'])
          .default('two-sample'),
      )
      .addOption(
        new Option(
          '--solve <what>',
          'solve for the SD or α instead (give --n, --power and --delta)',
        ).choices(['sd', 'alpha']),
      )
      .option('--explain', 'show the formula and the numbers'),
    context,
  )
    .addHelpText(
      'after',
      '\nExamples:\n  $ trialstat power means --delta 1 --sd 1 --power 0.9\n  $ trialstat power means --delta 5 --sd 12 --n 60 --alternative one-sided\n  $ trialstat power means --sd 10 --n 50 --power 0.8 --json\n  $ trialstat power means --type paired --delta 1 --sd 2 --power 0.9\n  $ trialstat power means --type one-sample --delta 1 --n 20 --power 0.9 --solve sd',
    )
    .action(
      (
        options: Common & {
          delta?: number;
          sd?: number;
          type: TTestType;
          solve?: 'sd' | 'alpha';
          explain?: boolean;
        },
      ) => {
        if (options.delta === 0 && options.n === undefined) {
          throw new InputError(
            '--delta',
            0,
            'a non-zero difference to size the trial for',
            `with delta 0 the power equals α (${plain(options.alpha)}) whatever n is`,
          );
        }
        if (options.solve === 'sd' && options.sd !== undefined)
          throw new InputError('--sd', options.sd, 'left out when solving for the SD (--solve sd)');
        const r = withOptionNames(MEANS_NAMES, () =>
          powerTTest({
            n: options.n,
            delta: options.delta,
            ...(options.sd !== undefined ? { sd: options.sd } : {}),
            power: options.power,
            ...(options.solve === 'alpha' ? {} : { alpha: options.alpha }),
            sided: sidedOf(options),
            strict: Boolean(options.strict),
            ratio: options.ratio,
            dropout: options.dropout,
            type: options.type,
            ...(options.solve ? { solve: options.solve } : {}),
          }),
        );
        const oneGroup = r.type !== 'two-sample';
        const lines = [
          `${r.method}, α = ${plain(r.alpha, 6)}${r.solved === 'alpha' ? ' (solved)' : ''}`,
          `delta ${plain(r.delta, 6)}${r.solved === 'delta' ? ' (detectable difference)' : ''}, sd ${plain(r.sd, 6)}${r.solved === 'sd' ? ' (largest SD)' : ''}${r.ratio === 1 ? '' : `, ratio ${plain(r.ratio)}`}`,
          ...(oneGroup
            ? sizeLines(r).map((line) =>
                line
                  .replace(' per arm', r.type === 'paired' ? ' pairs' : ' patients')
                  .replace(/ \(\d+ in total\)/, ''),
              )
            : sizeLines(r)),
        ];
        if (options.explain)
          lines.push(
            '',
            formatExplain(r.method, [
              {
                label: 'degrees of freedom',
                formula: oneGroup ? 'ν = n − 1' : 'ν = n1 + n2 − 2',
                value: r.df,
              },
              {
                label: 'noncentrality',
                formula: oneGroup ? 'λ = √n δ/σ' : 'λ = δ / (σ √(1/n1 + 1/n2))',
                value: r.ncp,
              },
              {
                label: 'power',
                formula: `P(T′(ν, λ) > t(1 − α/${r.sided}, ν))${r.strict ? ' + P(T′ < −t)' : ''}`,
                value: r.power,
              },
              { label: 'solved for', value: r.solved },
              { label: 'reference', value: 'R power.t.test; Cohen 1988, ch. 2' },
            ]),
          );
        output(context, options.json, r, lines);
      },
    );

  commonOptions(
    power
      .command('props')
      .description(
        'Two proportions: normal approximation (R power.prop.test), arcsine (pwr.2p.test) or exact Fisher',
      )
      .option('--p1 <p>', 'proportion in arm 1', probability)
      .option(
        '--p2 <p>',
        'proportion in arm 2; leave out to solve for it (normal, arcsine)',
        probability,
      )
      .addOption(
        new Option(
          '--method <m>',
          POWER_PROP_METHODS.entries.map((e) => `${e.id} (${e.label})`).join(', '),
        )
          .choices(POWER_PROP_METHODS.ids)
          .default(POWER_PROP_METHODS.defaultId),
      )
      .option(
        '--n-max <n>',
        'fisher, solving for n: largest n per arm searched (default max(5000, 4 × the normal n))',
        positiveInteger,
      ),
    context,
  )
    .addHelpText(
      'after',
      '\nExamples:\n  $ trialstat power props --p1 0.5 --p2 0.75 --power 0.9\n  $ trialstat power props --p1 0.2 --p2 0.5 --n 40 --method fisher\n  $ trialstat power props --p1 0.02 --p2 0.04 --power 0.8 --method fisher --n-max 3000\n  $ trialstat power props --p1 0.65 --p2 0.45 --power 0.8 --method arcsine --json',
    )
    .action(
      (
        options: Common & {
          p1?: number;
          p2?: number;
          method: PropPowerMethod | 'fisher';
          nMax?: number;
        },
      ) => {
        if (options.p1 === undefined)
          throw new InputError('--p1', undefined, 'the proportion in arm 1');
        if (options.nMax !== undefined && !(options.method === 'fisher' && options.n === undefined))
          throw new InputError(
            '--n-max',
            options.nMax,
            '--method fisher solving for n (leave out --n)',
          );
        const progress = searchProgress(context);
        const r = (() => {
          try {
            return powerPropTest({
              p1: options.p1!,
              p2: options.p2,
              n: options.n,
              power: options.power,
              alpha: options.alpha,
              sided: sidedOf(options),
              strict: Boolean(options.strict),
              ratio: options.ratio,
              dropout: options.dropout,
              method: options.method,
              ...(options.nMax !== undefined ? { nMax: options.nMax } : {}),
              onProgress: progress.update,
            });
          } finally {
            progress.done();
          }
        })();
        const lines = [
          `${r.method}, α = ${plain(r.alpha)}`,
          `p1 ${plain(r.p1, 6)}, p2 ${plain(r.p2, 6)}${r.solved === 'p2' ? ' (detectable)' : ''}${r.h === undefined ? '' : `, h ${formatNumber(r.h, { digits: 4 })}`}`,
          ...sizeLines(r),
        ];
        output(context, options.json, r, lines);
      },
    );

  power
    .command('margin')
    .description(
      'Non-inferiority or equivalence (TOST) with a margin, for means (noncentral t) or proportions (normal approximation)',
    )
    .addOption(
      new Option('--hypothesis <h>', 'non-inferiority or equivalence')
        .choices(['non-inferiority', 'equivalence'])
        .makeOptionMandatory(),
    )
    .option('--margin <m>', 'margin on the difference arm 1 − arm 2 (positive)', positiveNumber)
    .option('--delta <d>', 'means: true difference arm 1 − arm 2', number)
    .option('--sd <s>', 'means: common SD', positiveNumber)
    .option('--p1 <p>', 'proportions: arm 1', probability)
    .option('--p2 <p>', 'proportions: arm 2', probability)
    .option('--n <n>', 'evaluable patients per arm; leave out to solve for it', positiveNumber)
    .option('--power <p>', 'target power; leave out to solve for it', level)
    .option(
      '--alpha <a>',
      'one-sided level of each test (default 0.025 non-inferiority, 0.05 equivalence)',
      level,
    )
    .option('--ratio <r>', 'allocation ratio n2/n1', positiveNumber, 1)
    .option('--dropout <f>', 'fraction lost to follow-up', dropoutFraction, 0)
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  $ trialstat power margin --hypothesis non-inferiority --delta 0 --sd 10 --margin 4 --power 0.9\n  $ trialstat power margin --hypothesis equivalence --p1 0.8 --p2 0.8 --margin 0.1 --n 400 --json',
    )
    .action(
      (options: {
        hypothesis: MarginHypothesis;
        margin?: number;
        delta?: number;
        sd?: number;
        p1?: number;
        p2?: number;
        n?: number;
        power?: number;
        alpha?: number;
        ratio: number;
        dropout: number;
        json?: boolean;
      }) => {
        if (options.margin === undefined)
          throw new InputError('--margin', undefined, 'a positive margin');
        const outcome = options.p1 !== undefined || options.p2 !== undefined ? 'props' : 'means';
        const r = marginPower({ ...options, margin: options.margin, outcome });
        const lines = [
          `${r.method}, one-sided α = ${plain(r.alpha)} per test`,
          `true difference ${plain(r.difference, 6)}, margin ${plain(r.margin)}`,
          ...sizeLines(r),
        ];
        output(context, options.json, r, lines);
      },
    );

  power
    .command('binomial')
    .description(
      'Single proportion against p0: exact binomial test (reports the attained α; power is a saw-tooth in n)',
    )
    .requiredOption('--p0 <p>', 'proportion under H0', probability)
    .requiredOption('--p1 <p>', 'true proportion', probability)
    .option('--n <n>', 'patients; leave out to solve for it', positiveNumber)
    .option('--power <p>', 'target power', level)
    .option('--alpha <a>', 'one-sided significance level', level, 0.05)
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  $ trialstat power binomial --p0 0.2 --p1 0.4 --n 30\n  $ trialstat power binomial --p0 0.2 --p1 0.4 --power 0.8 --json',
    )
    .action(
      (options: {
        p0: number;
        p1: number;
        n?: number;
        power?: number;
        alpha: number;
        json?: boolean;
      }) => {
        const r = exactBinomialPower(options);
        const sign = r.alternative === 'greater' ? '≥' : '≤';
        const lines = [
          `Exact binomial test of p = ${plain(r.p0)} (${r.alternative}), nominal α = ${plain(r.alpha)}`,
          `n = ${r.n}: reject when responses ${sign} ${r.critical}; attained α ${r.actualAlpha.toFixed(4)}; power at p = ${plain(r.p1)}: ${r.power.toFixed(4)}`,
        ];
        output(context, options.json, r, lines);
      },
    );
}

import type { Command } from 'commander';
import { Option } from 'commander';
import { EXIT } from '../exit-codes.js';
import {
  SimulationCancelled,
  simulatePowerParallel,
} from '../../parallel/simulate-power-parallel.js';
import { formatNumber } from '../../format/number.js';
import { plain } from './design.js';
import type { SimulationTest } from '../../stats/design/simulate-power.js';
import type { CliContext } from '../context.js';
import { deprecatedOption } from '../deprecated-option.js';
import { InvalidArgumentError } from 'commander';
import {
  level,
  nonNegativeInteger,
  number,
  positiveInteger,
  positiveNumber,
  probability,
} from '../options.js';
import { formatJson } from '../../format/json.js';

interface SimulateOptions {
  test: SimulationTest;
  n: number;
  n2?: number;
  mean1: number;
  mean2: number;
  sd: number;
  sd2?: number;
  p1?: number;
  p2?: number;
  alpha: number;
  alternative: 'two-sided' | 'greater';
  correct: boolean;
  reps: number;
  seed?: number;
  workers: number;
  json?: boolean;
}

/** The simulated one-sided tests reject for arm 1 > arm 2 only. */
function simulatedAlternative(text: string): 'two-sided' | 'greater' {
  if (text === 'two-sided' || text === 'greater') return text;
  if (text === 'less')
    throw new InvalidArgumentError(
      'expected two-sided or greater, found "less" (the one-sided test is arm 1 > arm 2: swap the arms)',
    );
  throw new InvalidArgumentError(`expected two-sided or greater, found "${text}"`);
}

/** `trialstat simulate power`: simulation-based power of two-arm comparisons on worker threads. */
export function registerSimulate(program: Command, context: CliContext): void {
  const simulate = program
    .command('simulate')
    .description('Simulation-based design evaluation (seeded, reproducible)');
  const power = simulate.command('power');
  deprecatedOption(power, context, {
    flags: '--sided <s>',
    choices: ['1', '2'],
    replacement: { attribute: 'alternative', flag: '--alternative' },
    translate: (value) => (value === '1' ? 'greater' : 'two-sided'),
  });
  power
    .description('Simulated power of a two-arm comparison, with Monte Carlo SE')
    .addOption(
      new Option('--test <t>', 'welch, student, fisher or chisq')
        .choices(['welch', 'student', 'fisher', 'chisq'])
        .makeOptionMandatory(),
    )
    .requiredOption('--n <n>', 'patients per arm (arm 1 when --n2 is given)', positiveInteger)
    .option('--n2 <n>', 'patients in arm 2 (default: --n)', positiveInteger)
    .option('--mean1 <m>', 'true mean in arm 1 (t-tests)', number, 0)
    .option('--mean2 <m>', 'true mean in arm 2 (t-tests)', number, 0)
    .option('--sd <s>', 'true SD in arm 1 (and arm 2 unless --sd2)', positiveNumber, 1)
    .option('--sd2 <s>', 'true SD in arm 2', positiveNumber)
    .option('--p1 <p>', 'true event probability in arm 1 (fisher, chisq)', probability)
    .option('--p2 <p>', 'true event probability in arm 2 (fisher, chisq)', probability)
    .option('--alpha <a>', 'significance level', level, 0.05)
    .option(
      '--alternative <kind>',
      'two-sided, or greater (H1: arm 1 > arm 2; for arm 1 < arm 2 swap the arms)',
      simulatedAlternative,
      'two-sided',
    )
    .option('--no-correct', 'chisq: no Yates continuity correction')
    .requiredOption('--reps <n>', 'simulated trials', positiveInteger)
    .option('--seed <s>', 'seed (printed; default: random)', nonNegativeInteger)
    .option(
      '--workers <k>',
      'worker threads (the result does not depend on it)',
      positiveInteger,
      1,
    )
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  $ trialstat simulate power --test welch --n 30 --mean1 1 --sd 1.5 --sd2 1 --reps 1000000 --seed 42 --workers 2\n  $ trialstat simulate power --test fisher --n 20 --p1 0.2 --p2 0.5 --reps 100000 --seed 1 --json',
    )
    .action(async (options: SimulateOptions) => {
      const { io } = context;
      const seed = options.seed ?? Math.floor(Math.random() * 2 ** 32);
      const controller = new AbortController();
      const onSigint = () => controller.abort();
      process.on('SIGINT', onSigint);
      // Progress bar only on a terminal and only for runs long enough to need one.
      const showProgress = io.stderrIsTTY && options.reps >= 2_000_000;
      let lastShown = -1;
      const onProgress = showProgress
        ? (done: number, total: number) => {
            const percent = Math.floor((100 * done) / total);
            if (percent === lastShown) return;
            lastShown = percent;
            const width = 30;
            const filled = Math.round((width * done) / total);
            io.stderr(
              `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${percent}%${done === total ? '\n' : ''}`,
            );
          }
        : undefined;
      try {
        const result = await simulatePowerParallel(
          {
            test: options.test,
            n1: options.n,
            n2: options.n2,
            mean1: options.mean1,
            mean2: options.mean2,
            sd1: options.sd,
            sd2: options.sd2,
            p1: options.p1,
            p2: options.p2,
            alpha: options.alpha,
            sided: options.alternative === 'greater' ? 1 : 2,
            correct: options.correct,
          },
          {
            reps: options.reps,
            seed,
            workers: options.workers,
            onProgress,
            signal: controller.signal,
          },
        );
        if (options.json) {
          io.stdout(formatJson(result));
          return;
        }
        io.stdout(
          `Simulated power (${options.test}, ${options.alternative}, α = ${plain(options.alpha)}): ${result.power.toFixed(4)} ` +
            `(Monte Carlo SE ${formatNumber(result.mcse, { digits: 2 })}); ${result.reps} trials, seed ${result.seed}\n`,
        );
      } catch (error) {
        if (!(error instanceof SimulationCancelled)) throw error;
        if (showProgress) io.stderr('\n');
        io.stderr(`trialstat: simulation cancelled (seed ${seed}); workers stopped\n`);
        context.setExitCode(EXIT.interrupted);
      } finally {
        process.off('SIGINT', onSigint);
      }
    });
}

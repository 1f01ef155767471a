import { type Command, Option } from 'commander';
import { InputError } from '../../errors.js';
import { simonTwoStage, type SimonDesign } from '../../stats/design/simon-two-stage.js';
import {
  simulateThreePlusThree,
  threePlusThree,
  type ThreePlusThreeVariant,
} from '../../stats/design/three-plus-three.js';
import type { CliContext } from '../context.js';
import { writeWarnings } from '../messages.js';
import { registerDoseFinding } from './design-dose-finding.js';
import { registerGroupSequential } from './design-group-sequential.js';
import { level, nonNegativeInteger, numberList, positiveInteger, probability } from '../options.js';
import { formatJson } from '../../format/json.js';

/** A user-given or solved value without trailing zeros: 0.05, 22.02110, 50. */
export function plain(x: number, digits = 7): string {
  return String(Number(x.toPrecision(digits))).replace(/^-/, '\u2212');
}

function simonLine(label: string, d: SimonDesign): string {
  return `${label}: stage 1 stop if ≤ ${d.r1}/${d.n1}; reject if ≤ ${d.r}/${d.n}; EN0 ${d.en0.toFixed(1)}, PET0 ${d.pet0.toFixed(2)} (attained α ${d.alpha.toFixed(4)}, power ${d.power.toFixed(4)})`;
}

/** `trialstat design three-plus-three|simon`: operating characteristics of trial designs. */
export function registerDesign(program: Command, context: CliContext): void {
  const design = program
    .command('design')
    .description(
      'Dose-escalation (3+3), single-arm phase II (Simon two-stage) and group-sequential designs',
    );

  design
    .command('three-plus-three')
    .description('Exact operating characteristics of the 3+3 design by enumeration')
    .requiredOption(
      '--dlt <list>',
      'true DLT probability at each dose, lowest first: 0.05,0.1,0.2',
      numberList,
    )
    .addOption(
      new Option(
        '--variant <v>',
        'classic, or deescalate (6 patients required at the declared MTD)',
      )
        .choices(['classic', 'deescalate'])
        .default('classic'),
    )
    .option(
      '--simulate <reps>',
      'also estimate by simulation with this many trials',
      positiveInteger,
    )
    .option('--seed <s>', 'seed for --simulate (printed; default: random)', nonNegativeInteger)
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  $ trialstat design three-plus-three --dlt 0.05,0.1,0.2\n  $ trialstat design three-plus-three --dlt 0.1,0.25,0.4 --variant deescalate --simulate 100000 --seed 1 --json',
    )
    .action(
      (options: {
        dlt: number[];
        variant: ThreePlusThreeVariant;
        simulate?: number;
        seed?: number;
        json?: boolean;
      }) => {
        for (const q of options.dlt)
          if (!(q >= 0 && q <= 1)) throw new InputError('--dlt', q, 'probabilities in [0, 1]');
        if (options.seed !== undefined && options.simulate === undefined)
          throw new InputError('--seed', options.seed, '--seed together with --simulate');
        const exact = threePlusThree(options.dlt, { variant: options.variant });
        const seed = options.seed ?? Math.floor(Math.random() * 2 ** 32);
        const simulated =
          options.simulate === undefined
            ? undefined
            : simulateThreePlusThree(options.dlt, {
                variant: options.variant,
                reps: Math.max(2, options.simulate),
                seed,
              });
        if (options.json) {
          context.io.stdout(formatJson({ ...exact, ...(simulated ? { simulated } : {}) }));
          return;
        }
        const lines = [`3+3 design (${options.variant}), exact enumeration`];
        const doseWidth = String(options.dlt.length).length;
        options.dlt.forEach((q, i) => {
          const sim = simulated
            ? `   simulated ${simulated.pSelect[i].toFixed(4)} (MCSE ${simulated.mcse.pSelect[i].toFixed(4)})`
            : '';
          lines.push(
            `  dose ${String(i + 1).padStart(doseWidth)}  DLT ${plain(q).padEnd(5)}  P(MTD) ${exact.pSelect[i].toFixed(4)}  E[n] ${exact.expectedNPerDose[i].toFixed(2)}${sim}`,
          );
        });
        lines.push(
          `  no MTD  P ${exact.pNone.toFixed(4)}${simulated ? `   simulated ${simulated.pNone.toFixed(4)} (MCSE ${simulated.mcse.pNone.toFixed(4)})` : ''}`,
        );
        lines.push(
          `Expected patients ${exact.expectedN.toFixed(2)}, expected DLTs ${exact.expectedDLT.toFixed(2)}`,
        );
        if (simulated)
          lines.push(
            `Simulated (${simulated.reps} trials, seed ${simulated.seed}): patients ${simulated.expectedN.toFixed(2)}, DLTs ${simulated.expectedDLT.toFixed(2)}`,
          );
        context.io.stdout(`${lines.join('\n')}\n`);
      },
    );

  design
    .command('simon')
    .description(
      "Simon's optimal, minimax and admissible two-stage designs (Simon 1989; Jung et al. 2004)",
    )
    .requiredOption('--p0 <p>', 'response rate of no interest', probability)
    .requiredOption('--p1 <p>', 'response rate worth pursuing', probability)
    .option('--alpha <a>', 'type I error', level, 0.05)
    .option('--power <p>', 'power at p1', level, 0.8)
    .option(
      '--n-max <n>',
      'largest total sample size searched (default: twice the single-stage n, at least 30)',
      positiveInteger,
    )
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  $ trialstat design simon --p0 0.1 --p1 0.3\n  $ trialstat design simon --p0 0.2 --p1 0.4 --alpha 0.05 --power 0.9 --json',
    )
    .action(
      (options: {
        p0: number;
        p1: number;
        alpha: number;
        power: number;
        nMax?: number;
        json?: boolean;
      }) => {
        const r = simonTwoStage({
          p0: options.p0,
          p1: options.p1,
          alpha: options.alpha,
          power: options.power,
          nMax: options.nMax,
        });
        if (options.json) {
          context.io.stdout(formatJson(r));
          return;
        }
        const lines = [
          `Simon two-stage design: p0 ${plain(r.p0)}, p1 ${plain(r.p1)}, α ${plain(r.alpha)}, power ${plain(r.power)}`,
          simonLine('Optimal', r.optimal),
          simonLine('Minimax', r.minimax),
        ];
        // Admissible designs between them (Jung et al. 2004), with the weights q where each is best.
        const between = r.admissible.filter((d) => d.n !== r.minimax.n && d.n !== r.optimal.n);
        if (between.length > 0) {
          lines.push(
            'Admissible designs between them (best for q·n + (1 − q)·EN0, Jung et al. 2004):',
          );
          for (const d of between)
            lines.push(`  ${simonLine(`q ${d.qFrom.toFixed(3)}–${d.qTo.toFixed(3)}`, d)}`);
        }
        context.io.stdout(`${lines.join('\n')}\n`);
        writeWarnings(context.io, r.warnings);
      },
    );

  registerGroupSequential(design, context);
  registerDoseFinding(design, context);
}

import { type Command, Option } from 'commander';
import { formatJson } from '../../format/json.js';
import { fragilityIndex } from '../../stats/binary/fragility-index.js';
import { TWO_ARM_TESTS, type TwoArmTestId } from '../../stats/binary/two-arm-tests.js';
import type { CliContext } from '../context.js';
import { explainNumber, formatExplain } from '../explain.js';
import { level, nonNegativeInteger, positiveInteger } from '../options.js';

const pText = (p: number) => (p < 0.0001 ? p.toExponential(2) : p.toFixed(4));

/** `trialstat fragility`: fragility index, reverse fragility index and fragility quotient of a 2×2 table. */
export function registerFragility(program: Command, context: CliContext): void {
  program
    .command('fragility')
    .description(
      'Fragility index (Walsh 2014) and reverse fragility index of a two-arm binary result, and the fragility quotient',
    )
    .requiredOption('--events1 <A>', 'events in arm 1 (experimental)', nonNegativeInteger)
    .requiredOption('--n1 <N>', 'patients in arm 1', positiveInteger)
    .requiredOption('--events2 <C>', 'events in arm 2 (comparator)', nonNegativeInteger)
    .requiredOption('--n2 <N>', 'patients in arm 2', positiveInteger)
    .option('--alpha <a>', 'significance level', level, 0.05)
    .addOption(
      new Option('--test <id>', 'two-sided test').choices([...TWO_ARM_TESTS.ids]).default('fisher'),
    )
    .addOption(
      new Option(
        '--modify <how>',
        'walsh: events added in the arm with fewer events (reverse: the smaller widening change); any: either arm, either direction',
      )
        .choices(['walsh', 'any'])
        .default('walsh'),
    )
    .option('--json', 'print the result as JSON')
    .option('--explain', 'show each modified table and its p')
    .addHelpText(
      'after',
      '\nExamples:\n  $ trialstat fragility --events1 1 --n1 100 --events2 9 --n2 100\n  $ trialstat fragility --events1 10 --n1 100 --events2 12 --n2 100 --modify any --json',
    )
    .action(
      (o: {
        events1: number;
        n1: number;
        events2: number;
        n2: number;
        alpha: number;
        test: TwoArmTestId;
        modify: 'walsh' | 'any';
        json?: boolean;
        explain?: boolean;
      }) => {
        const table = { events1: o.events1, n1: o.n1, events2: o.events2, n2: o.n2 };
        const r = fragilityIndex(table, { alpha: o.alpha, test: o.test, modify: o.modify });
        if (o.json) {
          context.io.stdout(formatJson(r));
          return;
        }
        const test = TWO_ARM_TESTS.get(o.test).label;
        const name = r.kind === 'fragility' ? 'Fragility index' : 'Reverse fragility index';
        const lines = [
          `${o.events1}/${o.n1} vs ${o.events2}/${o.n2}: ${test} p = ${pText(r.p)} (${r.significant ? 'significant' : 'not significant'} at α ${explainNumber(o.alpha)})`,
        ];
        if (r.index === null)
          lines.push(
            `${name}: not reached (no change of event status in one arm flips significance)`,
          );
        else {
          const m = r.modified!;
          lines.push(
            `${name} ${r.index}: ${r.index} ${r.index === 1 ? 'patient' : 'patients'} in arm ${r.arm} ${r.change === 1 ? 'with the event instead of without' : 'without the event instead of with'} → ${m.events1}/${m.n1} vs ${m.events2}/${m.n2}, p = ${pText(r.pModified!)}`,
            `Fragility quotient ${r.quotient!.toFixed(4)} (${r.index} of ${o.n1 + o.n2} patients)`,
          );
        }
        context.io.stdout(`${lines.join('\n')}\n`);
        if (o.explain && r.index !== null) {
          const entry = TWO_ARM_TESTS.get(o.test);
          const steps = [];
          for (let k = 1; k <= r.index; k += 1) {
            const t =
              r.arm === 1
                ? { ...table, events1: table.events1 + r.change! * k }
                : { ...table, events2: table.events2 + r.change! * k };
            steps.push({
              label: `k = ${k}`,
              formula: `${t.events1}/${t.n1} vs ${t.events2}/${t.n2}`,
              value: `p ${pText(entry.run(t, 'two-sided') ?? Number.NaN)}`,
            });
          }
          context.io.stdout(
            `\n${formatExplain(`${name}, Walsh et al. 2014; quotient = index / N`, steps)}\n`,
          );
        }
      },
    );
}

import { type Command, Option } from 'commander';
import { formatJson } from '../../format/json.js';
import { POWER_METHODS, type PowerMethodEntry } from '../../stats/design/power-methods.js';
import { solvePower } from '../../stats/design/solve-power.js';
import type { CliContext } from '../context.js';
import { explainNumber, formatExplain, withOptionNames } from '../explain.js';
import { writeWarnings } from '../messages.js';
import { level, number } from '../options.js';

/** The CLI flag of a parameter name: `theta0` → `--theta0`, `n1` → `--n1`. */
const flag = (name: string) => `--${name}`;

/**
 * `trialstat power <id>` for every entry of POWER_METHODS (pwr family, Welch, Farrington–Manning,
 * TOST for ratios): one option per parameter, `--power`, the entry's choices, `--solve` for a
 * parameter with a default (α, a ratio), `--json` and `--explain`. Adding a registry entry adds
 * the command.
 */
export function registerPowerMenu(power: Command, context: CliContext): void {
  for (const entry of POWER_METHODS.entries) registerEntry(power, context, entry);
}

function registerEntry(power: Command, context: CliContext, entry: PowerMethodEntry): void {
  const command = power.command(entry.id).description(`${entry.label}; solves for any one input`);
  for (const p of entry.parameters) {
    const notes = [
      p.default !== undefined ? `default ${p.default}` : '',
      p.search ? '' : 'not solvable',
    ].filter(Boolean);
    command.option(
      `${flag(p.name)} <x>`,
      `${p.description}${notes.length ? ` (${notes.join('; ')})` : ''}${p.default === undefined && p.defaultOf === undefined && p.search ? '; leave out to solve for it' : ''}`,
      number,
    );
  }
  command.option('--power <p>', 'target power; leave out to compute the power', level);
  for (const c of entry.choices)
    command.addOption(
      new Option(`${flag(c.name)} <${c.name}>`, c.description).choices(c.values).default(c.default),
    );
  const solvable = entry.parameters.filter((p) => p.search).map((p) => p.name);
  command
    .addOption(
      new Option(
        '--solve <name>',
        'solve for this input (one with a default, such as alpha)',
      ).choices(solvable),
    )
    .option('--json', 'print the result as JSON')
    .option('--explain', 'show the formula, every input and the reference')
    .addHelpText('after', `\nExample:\n  $ trialstat power ${entry.id} ${entry.example.join(' ')}`)
    .action((options: Record<string, unknown>) => {
      const values: Record<string, number | undefined> = {};
      for (const p of entry.parameters) values[p.name] = options[p.name] as number | undefined;
      const choices: Record<string, string> = {};
      for (const c of entry.choices) choices[c.name] = options[c.name] as string;
      const names: Record<string, string> = { power: '--power', solve: '--solve' };
      for (const p of entry.parameters) names[p.name] = flag(p.name);
      for (const c of entry.choices) names[c.name] = flag(c.name);
      const r = withOptionNames(names, () =>
        solvePower(entry, {
          values,
          choices,
          ...(options.power !== undefined ? { power: options.power as number } : {}),
          ...(options.solve !== undefined ? { solve: options.solve as string } : {}),
        }),
      );
      if (options.json) {
        context.io.stdout(formatJson(r));
        return;
      }
      const inputs = Object.entries(r.values)
        .filter(([name]) => name !== r.solved)
        .map(([name, value]) => `${name} ${explainNumber(value)}`);
      const settings = Object.values(r.choices);
      const lines = [
        `${r.label}${settings.length ? `, ${settings.join(', ')}` : ''}`,
        `given ${inputs.join(', ')}`,
        r.solved === 'power'
          ? `power = ${r.power.toFixed(4)}`
          : `${r.solved} = ${explainNumber(r.values[r.solved])} for power ${r.power}`,
      ];
      if (r.rounded)
        lines.push(
          `smallest whole ${r.rounded.parameter} reaching it: ${r.rounded.value} (power ${r.rounded.power.toFixed(4)})`,
        );
      if (options.explain)
        lines.push(
          '',
          formatExplain(r.label, [
            { label: 'formula', formula: r.formula },
            ...Object.entries(r.values).map(([name, value]) => ({
              label: name === r.solved ? `${name} (solved, Brent to 1e-12)` : name,
              value,
            })),
            { label: 'power', value: r.power },
            { label: 'reference', value: r.reference },
          ]),
        );
      context.io.stdout(`${lines.join('\n')}\n`);
      writeWarnings(context.io, r.warnings);
    });
}

import type { Command } from 'commander';
import { plural } from '../../format/plural.js';
// Specific modules, not data/index.js: keeps arquero out of the CLI's start-up.
import { KIND_NAMES, type Kind } from '../../data/kinds/index.js';
import { loadInput } from '../../data/load-input.js';
import type { DataFormat } from '../../data/table-builder.js';
import { choice } from '../options.js';
import type { CliContext } from '../context.js';

export function registerValidate(program: Command, context: CliContext): void {
  const { io } = context;
  program
    .command('validate')
    .description(
      'check a table file, stdin, a dataset folder or a bundled dataset against its schema',
    )
    .argument(
      '<input>',
      'a .csv/.json file, - for stdin, a dataset folder, or a bundled dataset name',
    )
    .option(
      '--kind <kind>',
      `kind of a single file or stdin: ${KIND_NAMES.join(', ')}`,
      choice(KIND_NAMES),
    )
    .option(
      '--format <format>',
      'format of stdin: csv or json (default: json if it starts with [)',
      choice(['csv', 'json'] as const),
    )
    .action(async (input: string, options: { kind?: Kind; format?: DataFormat }) => {
      const loaded = await loadInput(input, {
        kind: options.kind,
        format: options.format,
        cwd: io.cwd,
        readStdin: io.readStdin,
      });
      if (loaded.type === 'table') {
        const { file, kind, table } = loaded.table;
        io.stdout(`OK ${file}: ${plural(table.rows.length, 'row')} of ${kind}\n`);
      } else {
        const { dataset } = loaded;
        const rows = dataset.tables.reduce((sum, table) => sum + table.table.rows.length, 0);
        io.stdout(
          `OK ${dataset.name}: ${plural(dataset.tables.length, 'file')}, ${plural(rows, 'row')}, ${plural(dataset.meta.sources.length, 'source')}\n`,
        );
      }
    })
    .addHelpText(
      'after',
      `
Valid input prints one OK line (exit 0). Invalid input prints every issue to stderr as
file:line: column "name": expected ..., found ... (exit 2). A file listed in a dataset's
dataset.json takes its kind from there.

Examples:
  $ trialstat validate examples/my-arms.csv --kind arm-continuous
  $ cat examples/events.json | trialstat validate - --kind arm-binary
  $ trialstat validate datasets/rapami
  $ trialstat validate rapami`,
    );
}

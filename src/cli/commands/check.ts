import type { Command } from 'commander';
import { bundledDatasetNames, isKind, KIND_NAMES, loadInput, type Kind } from '../../data/index.js';
import { InputError } from '../../errors.js';
import { formatNumber } from '../../format/number.js';
import { renderTable } from '../../format/table.js';
import { checkDataset, summarize, type CheckItem } from '../../analysis/check-dataset.js';
import type { CliContext } from '../context.js';
import { choice } from '../options.js';
import { formatJson } from '../../format/json.js';

const STATUS_MARK = { reproduced: 'ok', discrepant: 'DISCREPANT', 'not-checkable': '—' } as const;

/**
 * `trialstat check [dataset|file ...]`: recompute every printed figure of the datasets
 * from their own data and say which are reproduced, discrepant or not checkable.
 */
export function registerCheck(program: Command, context: CliContext): void {
  program
    .command('check')
    .description(
      'recompute every published figure of bundled datasets (or given ones) from their own data',
    )
    .argument(
      '[targets...]',
      'bundled dataset names, dataset folders, or files (with --kind); none = every bundled dataset',
    )
    .option('--kind <kind>', `kind of a single file: ${KIND_NAMES.join(', ')}`)
    .option(
      '--fail-on <when>',
      'exit 1 on an unexpected discrepancy, or never',
      choice(['discrepancy', 'never'] as const),
      'discrepancy',
    )
    .option(
      '--as-of <date>',
      'judge trial-registry statuses at this date (YYYY, YYYY-MM or YYYY-MM-DD); default: the date of each row’s latest source',
    )
    .option('--json', 'print { items, summary } as JSON')
    .option('--quiet', 'print only the summary line and the unexpected discrepancies')
    .addHelpText(
      'after',
      `
A discrepancy a dataset records as expected (column expected_check, explained in its
note) is shown but does not fail the run.

Examples:
  $ trialstat check
  $ trialstat check rapami --json
  $ trialstat check examples/my-percentages.csv --kind reported-percentage
  $ trialstat check myositis-trials-2025 --as-of 2026-12-01   # exit 1: recruiting trials past their end date`,
    )
    .action(
      async (
        targets: string[],
        options: {
          kind?: string;
          failOn: 'discrepancy' | 'never';
          json?: boolean;
          quiet?: boolean;
          asOf?: string;
        },
      ) => {
        const { io } = context;
        if (
          options.asOf !== undefined &&
          !/^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/.test(options.asOf)
        )
          throw new InputError('--as-of', options.asOf, 'a date YYYY, YYYY-MM or YYYY-MM-DD');
        if (options.kind !== undefined && !isKind(options.kind))
          throw new InputError('--kind', options.kind, `one of ${KIND_NAMES.join(', ')}`);
        const names = targets.length > 0 ? targets : bundledDatasetNames();
        const items: CheckItem[] = [];
        for (const target of names) {
          const input = await loadInput(target, {
            kind: options.kind as Kind | undefined,
            cwd: io.cwd,
            readStdin: io.readStdin,
          });
          const dataset =
            input.type === 'dataset' ? input.dataset : { name: target, tables: [input.table] };
          items.push(...checkDataset(dataset, { asOf: options.asOf }));
        }
        const summary = summarize(items);
        if (options.json) {
          io.stdout(formatJson({ items, summary }));
        } else {
          const shown = options.quiet
            ? items.filter((i) => i.status === 'discrepant' && !i.expected)
            : items;
          if (shown.length > 0)
            io.stdout(
              renderTable(
                shown,
                [
                  {
                    header: 'status',
                    text: (i) =>
                      i.status === 'reproduced' && !i.independent
                        ? 'derived'
                        : `${STATUS_MARK[i.status]}${i.status === 'discrepant' && i.expected ? ' (expected)' : ''}`,
                  },
                  { header: 'dataset', text: (i) => i.dataset },
                  { header: 'trial / study', text: (i) => i.trial },
                  { header: 'outcome', text: (i) => truncate(i.outcome, 48) },
                  { header: 'quantity', text: (i) => i.quantity },
                  { header: 'reported', text: (i) => i.reported ?? '', align: 'right' },
                  {
                    header: 'recomputed',
                    text: (i) =>
                      i.recomputed === null ? '' : formatNumber(i.recomputed, { digits: 4 }),
                    align: 'right',
                  },
                  { header: 'reason', text: (i) => i.reason },
                ],
                'table',
              ),
            );
          io.stdout(
            `${shown.length > 0 ? '\n' : ''}trialstat check: ${summary.reproduced} reproduced independently, ${summary.derived} consistent by construction (derived), ${summary.discrepant} discrepant (${summary.discrepant - summary.unexpected} expected; ${summary.discrepantFigures} distinct figure${summary.discrepantFigures === 1 ? '' : 's'}), ${summary.notCheckable} not checkable\n`,
          );
        }
        if (summary.unexpected > 0 && options.failOn === 'discrepancy') {
          io.stderr(
            `trialstat check: ${summary.unexpected} unexpected discrepanc${summary.unexpected === 1 ? 'y' : 'ies'}\n`,
          );
          context.setExitCode(1);
        }
      },
    );
}

function truncate(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}

import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { renderTable, type Column } from '../../format/table.js';
import { ADJUST_METHODS, adjustP, type AdjustMethod } from '../../stats/adjust.js';
import type { CliContext } from '../context.js';
import { explainNumber } from '../explain.js';
import { choice } from '../options.js';
import { formatJson } from '../../format/json.js';

interface AdjustOptions {
  method: AdjustMethod | 'all';
  json?: boolean;
}

/**
 * `trialstat adjust`: multiplicity-adjusted p-values, as R's `p.adjust(p, method)`
 * (bonferroni, holm, hochberg, hommel, BH, BY). `NA` marks a missing p-value: it stays
 * missing and does not count in m, as in R.
 */
export function registerAdjust(program: Command, context: CliContext): void {
  program
    .command('adjust')
    .description(
      'adjust p-values for multiple comparisons (R p.adjust): Bonferroni, Holm, Hochberg, Hommel, BH (FDR), BY',
    )
    .argument(
      '<p...>',
      'p-values (NA for a missing one), or - to read them from stdin (separated by spaces, commas or new lines)',
    )
    .option(
      '--method <method>',
      `${ADJUST_METHODS.join(', ')}, or all (default holm, as R)`,
      choice([...ADJUST_METHODS, 'all'] as const),
      'holm',
    )
    .option(
      '--json',
      'print { p, methods, adjusted: { <method>: [...] } } as JSON (missing values as null)',
    )
    .addHelpText(
      'after',
      `
Adjusted p-values are in the input order. holm, hochberg and hommel control the
family-wise error rate, BH and BY the false discovery rate (BY under any dependence).

Examples:
  $ trialstat adjust 0.01 0.02 0.04
  $ trialstat adjust 0.01 0.02 0.04 0.3 --method BH
  $ trialstat adjust 0.01 NA 0.03 --method all --json
  $ printf '0.001\\n0.02\\n0.2\\n' | trialstat adjust - --method hommel`,
    )
    .action(async (values: string[], options: AdjustOptions) => {
      const { io } = context;
      const p =
        values.length === 1 && values[0] === '-'
          ? parsePValues(await io.readStdin(), '<stdin>')
          : values.map((text, i) => parsePValue(text, `p-value ${i + 1}`));
      if (p.length === 0) throw new InputError('<stdin>', '', 'at least one p-value');
      const methods = options.method === 'all' ? [...ADJUST_METHODS] : [options.method];
      const adjusted = Object.fromEntries(
        methods.map((method) => [method, adjustP(p, method)]),
      ) as Record<AdjustMethod, (number | null)[]>;
      if (options.json) {
        io.stdout(formatJson({ p, n: p.filter((x) => x !== null).length, methods, adjusted }));
        return;
      }
      const show = (x: number | null) => (x === null ? 'NA' : explainNumber(x));
      const columns: Column<number>[] = [
        { header: 'p', text: (i) => show(p[i]), align: 'right' },
        ...methods.map((method) => ({
          header: method,
          text: (i: number) => show(adjusted[method][i]),
          align: 'right' as const,
        })),
      ];
      io.stdout(
        renderTable(
          p.map((_, i) => i),
          columns,
          'table',
        ),
      );
    });
}

/** One p-value as typed: a number in [0, 1], or NA for a missing one. */
function parsePValue(text: string, where: string): number | null {
  const trimmed = text.trim();
  if (trimmed === 'NA') return null;
  // Plain decimal notation only (Number('') is 0, Number('0x1') is 1).
  const value = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed) ? Number(trimmed) : NaN;
  if (!(value >= 0 && value <= 1)) {
    const hint = /^\d+,\d+$/.test(trimmed)
      ? ` (decimal comma? use ${trimmed.replace(',', '.')})`
      : '';
    throw new InputError(where, text, `a p-value in [0, 1] or NA${hint}`);
  }
  return value;
}

/** p-values separated by white space or commas; errors name the line and the position on it. */
function parsePValues(text: string, file: string): (number | null)[] {
  const p: (number | null)[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    const tokens = line.split(/[\s,;]+/).filter(Boolean);
    tokens.forEach((token, k) =>
      p.push(parsePValue(token, `${file}:${index + 1}: value ${k + 1}`)),
    );
  });
  return p;
}

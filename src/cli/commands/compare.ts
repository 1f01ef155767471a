import { Command } from 'commander';
import { KIND_NAMES, loadInput, type Kind } from '../../data/index.js';
import { InputError } from '../../errors.js';
import { formatLevel, formatNumber, formatP } from '../../format/number.js';
import { renderTable } from '../../format/table.js';
import { compareDataset, type ArmComparison } from '../../stats/compare/compare-dataset.js';
import type { CliContext } from '../context.js';
import { choice, level } from '../options.js';

/**
 * `trialstat compare <dataset|file>`: every comparison the arm tables allow, printed
 * the way a paper would.
 */
export function registerCompare(program: Command, context: CliContext): void {
  program
    .command('compare')
    .description('run every comparison a dataset\'s arm tables allow (per outcome and timepoint): MD and SMD, or RD, RR, OR and Fisher')
    .argument('<input>', 'a bundled dataset name, a dataset folder, or an arm-continuous / arm-binary file (with --kind)')
    .option('--kind <kind>', 'kind of a single file: arm-continuous or arm-binary')
    .option('--comparator <arm>', 'the comparator arm (default: the arm named like placebo or control, or the second of two arms)')
    .option('--var <variance>', 'unequal (Welch) or equal (Student) variances for MD', choice(['unequal', 'equal'] as const), 'unequal')
    .option('--level <level>', 'confidence level', level, 0.95)
    .option('--json', 'print { comparisons, notes } as JSON')
    .addHelpText('after', '\nExamples:\n  $ trialstat compare miles-lam\n  $ trialstat compare dazukibart --comparator placebo --json\n  $ trialstat compare my-arms.csv --kind arm-binary')
    .action(async (input: string, options: { kind?: string; comparator?: string; var: 'unequal' | 'equal'; level: number; json?: boolean }) => {
      const { io } = context;
      if (options.kind !== undefined && options.kind !== 'arm-continuous' && options.kind !== 'arm-binary') {
        throw new InputError('--kind', options.kind, `arm-continuous or arm-binary (kinds: ${KIND_NAMES.join(', ')})`);
      }
      const loaded = await loadInput(input, { kind: options.kind as Kind | undefined, cwd: io.cwd, readStdin: io.readStdin });
      const dataset = loaded.type === 'dataset' ? loaded.dataset : { name: input, tables: [loaded.table] };
      const result = compareDataset(dataset, { level: options.level, variance: options.var, comparator: options.comparator });
      if (options.json) {
        io.stdout(`${JSON.stringify(result, null, 2)}\n`);
        return;
      }
      if (result.comparisons.length === 0) io.stdout(`No comparison possible in ${dataset.name}.\n`);
      else {
        io.stdout(
          renderTable(
            result.comparisons,
            [
              { header: 'trial', text: (c) => c.trial },
              { header: 'outcome', text: (c) => [c.outcome, c.scale && c.scale !== 'value' ? `(${c.scale})` : '', c.timepoint ?? '', c.population ? `[${c.population}]` : ''].filter(Boolean).join(' ') },
              { header: 'comparison', text: (c) => `${c.arm} vs ${c.comparator}` },
              { header: 'result', text: line },
            ],
            'table',
          ),
        );
      }
      const warnings = [...new Set(result.comparisons.flatMap((c) => c.warnings.map((w) => `${c.trial}, ${c.outcome}, ${c.measure}: ${w}`)))];
      for (const text of [...warnings, ...result.notes]) io.stdout(`note: ${text}\n`);
    });
}

/** `MD 34.4 (95% CI 2.8 to 66.0); p = 0.034` */
function line(c: ArmComparison): string {
  if (c.estimate === null) return `${c.measure} not estimable`;
  const unit = c.unit && c.measure === 'MD' ? ` ${c.unit}` : '';
  const ci = c.ci && c.ci.lower !== null && c.ci.upper !== null ? ` (${formatLevel(c.ci.level)} CI ${formatNumber(c.ci.lower)} to ${formatNumber(c.ci.upper)})` : '';
  const p = c.p !== null && (c.measure === 'MD' || c.measure === 'RD') ? `; ${formatP(c.p)}${c.test ? ` (${c.test})` : ''}` : '';
  return `${c.measure} ${formatNumber(c.estimate)}${unit}${ci}${p}`;
}

import {
  SMD_METHODS,
  type SmdVariant,
} from '../../stats/continuous/standardized-mean-difference.js';
import type { Command } from 'commander';
import { closestName } from '../../data/closest-name.js';
import { KIND_NAMES, loadInput, type Kind } from '../../data/index.js';
import { InputError } from '../../errors.js';
import { formatLevel, formatNumber, formatP } from '../../format/number.js';
import { renderTable } from '../../format/table.js';
import { compareDataset, type ArmComparison } from '../../analysis/compare-dataset.js';
import { OR_INTERVALS } from '../../stats/binary/odds-ratio.js';
import { RD_INTERVALS } from '../../stats/binary/risk-difference.js';
import { RR_INTERVALS } from '../../stats/binary/risk-ratio.js';
import type { CliContext } from '../context.js';
import { writeNotes, writeWarnings } from '../messages.js';
import { explainNumber, formatExplain } from '../explain.js';
import { choice, level } from '../options.js';
import { formatJson } from '../../format/json.js';

/**
 * `trialstat compare <dataset|file>`: every comparison the arm tables allow, printed
 * the way a paper would.
 */
export function registerCompare(program: Command, context: CliContext): void {
  program
    .command('compare')
    .description(
      "run every comparison a dataset's arm tables allow (per outcome and timepoint): MD and SMD, or RD, RR, OR and Fisher",
    )
    .argument(
      '<input>',
      'a bundled dataset name, a dataset folder, or an arm-continuous / arm-binary file (with --kind)',
    )
    .option('--kind <kind>', 'kind of a single file: arm-continuous or arm-binary')
    .option(
      '--comparator <arm>',
      'the comparator arm (default: the arm named like placebo or control, or the second of two arms)',
    )
    .option(
      '--var <variance>',
      'unequal (Welch) or equal (Student) variances for MD',
      choice(['unequal', 'equal'] as const),
      'unequal',
    )
    .option(
      '--scale <scale>',
      'continuous rows: change, percent-change, value, all, or preferred (default: change, else percent-change, else value)',
      choice(['preferred', 'all', 'change', 'percent-change', 'value'] as const),
      'preferred',
    )
    .option(
      '--smd <variant>',
      `standardised mean difference: ${SMD_METHODS.ids.join(', ')}`,
      choice(SMD_METHODS.ids),
      SMD_METHODS.defaultId,
    )
    .option(
      '--no-sd-from-p',
      'do not derive a pooled SD from the published p when no SD is printed',
    )
    .option('--level <level>', 'confidence level', level, 0.95)
    .option('--json', 'print { comparisons, notes } as JSON')
    .option('--explain', 'show each formula with the numbers that went in (for students)')
    .addHelpText(
      'after',
      `
Arms are paired per trial, outcome, timepoint and population (analysis set); the
comparator is --comparator, else the one arm named like placebo/control/sham, else the
second of two arms. SDs not printed are derived from the SE, the arm's CI, a median with
quartiles or range, or the published p (each derivation is listed). See docs/analysis.md.

Examples:
  $ trialstat compare miles-lam
  $ trialstat compare miles-lam --scale all
  $ trialstat compare dazukibart --comparator placebo --json
  $ trialstat compare rapami --no-sd-from-p
  $ trialstat compare examples/my-binary-arms.csv --kind arm-binary`,
    )
    .action(
      async (
        input: string,
        options: {
          kind?: string;
          comparator?: string;
          var: 'unequal' | 'equal';
          scale: 'preferred' | 'all' | 'change' | 'percent-change' | 'value';
          sdFromP: boolean;
          smd: SmdVariant;
          level: number;
          json?: boolean;
          explain?: boolean;
        },
      ) => {
        const { io } = context;
        if (
          options.kind !== undefined &&
          options.kind !== 'arm-continuous' &&
          options.kind !== 'arm-binary'
        ) {
          throw new InputError(
            '--kind',
            options.kind,
            `arm-continuous or arm-binary (kinds: ${KIND_NAMES.join(', ')})`,
          );
        }
        const loaded = await loadInput(input, {
          kind: options.kind as Kind | undefined,
          cwd: io.cwd,
          readStdin: io.readStdin,
        });
        const dataset =
          loaded.type === 'dataset' ? loaded.dataset : { name: input, tables: [loaded.table] };
        if (options.comparator !== undefined) {
          // A comparator that names no arm would compare nothing and exit 0.
          const arms = [
            ...new Set(
              dataset.tables
                .filter((t) => t.kind === 'arm-continuous' || t.kind === 'arm-binary')
                .flatMap((t) => t.table.rows.map((r) => String((r as { arm: unknown }).arm))),
            ),
          ].sort();
          if (!arms.includes(options.comparator)) {
            const best = closestName(options.comparator, arms);
            throw new InputError(
              '--comparator',
              options.comparator,
              `an arm of ${dataset.name} (${arms.join(', ') || 'none'})`,
              best ? `did you mean "${best}"?` : undefined,
            );
          }
        }
        const result = compareDataset(dataset, {
          level: options.level,
          variance: options.var,
          comparator: options.comparator,
          scale: options.scale,
          sdFromP: options.sdFromP,
          smd: options.smd,
        });
        if (options.json) {
          io.stdout(formatJson(result));
          return;
        }
        if (result.comparisons.length === 0)
          io.stdout(`No comparison possible in ${dataset.name}.\n`);
        else {
          io.stdout(
            renderTable(
              result.comparisons,
              [
                { header: 'trial', text: (c) => c.trial },
                {
                  header: 'outcome',
                  text: (c) =>
                    [
                      c.outcome,
                      c.scale && c.scale !== 'value' ? `(${c.scale})` : '',
                      c.timepoint ?? '',
                      c.population ? `[${c.population}]` : '',
                    ]
                      .filter(Boolean)
                      .join(' '),
                },
                { header: 'comparison', text: (c) => `${c.arm} vs ${c.comparator}` },
                { header: 'result', text: line },
              ],
              'table',
            ),
          );
        }
        if (options.explain)
          for (const comparison of result.comparisons) io.stdout(`\n${explain(comparison)}\n`);
        writeWarnings(
          io,
          result.comparisons.flatMap((c) =>
            c.warnings.map((w) => `${c.trial}, ${c.outcome}, ${c.measure}: ${w}`),
          ),
        );
        writeNotes(io, result.notes);
      },
    );
}

/** Formula and intermediate numbers for one comparison (`--explain`). */
function explain(c: ArmComparison): string {
  const x = c.inputs;
  const title = `${c.trial}, ${c.outcome}${c.timepoint ? `, ${c.timepoint}` : ''}: ${c.arm} vs ${c.comparator}`;
  const q = c.ci ? normalOrT(c) : undefined;
  switch (c.measure) {
    case 'MD':
      return formatExplain(`${title}, mean difference (${c.test ?? 'no test: SDs missing'})`, [
        ...c.derivations.map((d) => ({
          label: `${d.quantity.replace(/\bsd\b/, 'SD')} of ${d.arms.join(' and ')} (derived, ${d.method})`,
          formula: d.formula,
          value: d.value,
        })),
        {
          label: 'MD',
          formula: `mean1 − mean2 = ${explainNumber(x.mean1)} − ${signed(x.mean2)}`,
          value: c.estimate ?? NaN,
        },
        ...(c.se !== undefined
          ? [
              {
                label: 'SE',
                formula: c.test?.startsWith('Welch')
                  ? `√(sd1²/n1 + sd2²/n2) = √(${explainNumber(x.sd1)}²/${x.n1} + ${explainNumber(x.sd2)}²/${x.n2})`
                  : `s_pooled·√(1/n1 + 1/n2)`,
                value: c.se,
              },
              {
                label: 'df',
                formula: c.test?.startsWith('Welch') ? 'Welch–Satterthwaite' : 'n1 + n2 − 2',
                value: c.df!,
              },
              { label: 't', formula: 'MD / SE', value: c.statistic! },
              {
                label: `${formatLevel(c.ci!.level)} CI`,
                formula: `MD ± t(${formatLevel((1 + c.ci!.level) / 2)}, df)·SE = MD ± ${explainNumber(q!)}·SE`,
                value: `${explainNumber(c.ci!.lower!)} to ${explainNumber(c.ci!.upper!)}`,
              },
              { label: 'p', formula: '2·P(T_df > |t|)', value: c.p! },
            ]
          : []),
      ]);
    case 'SMD': {
      // The variant's label and formula from its registry entry.
      const entry = SMD_METHODS.get(c.smd ?? SMD_METHODS.defaultId);
      const n = entry.id.startsWith('glass') ? 'n2' : 'n1 + n2';
      return formatExplain(`${title}, SMD (${entry.label})`, [
        {
          label: `SMD, ${entry.label}`,
          formula: `${entry.formula} (${entry.reference})`,
          value: c.estimate ?? NaN,
        },
        {
          label: `${formatLevel(c.ci!.level)} CI`,
          formula: `SMD ± z·√(1/n1 + 1/n2 + SMD²/(2(${n})))`,
          value: `${explainNumber(c.ci!.lower!)} to ${explainNumber(c.ci!.upper!)}`,
        },
      ]);
    }
    case 'RD': {
      const rd = interval(RD_INTERVALS, c);
      return formatExplain(`${title}, risk difference (${rd.label})`, [
        {
          label: 'p1, p2',
          formula: `${x.events1}/${x.n1}, ${x.events2}/${x.n2}`,
          value: `${explainNumber(x.events1 / x.n1)}, ${explainNumber(x.events2 / x.n2)}`,
        },
        { label: 'RD', formula: 'p1 − p2', value: c.estimate ?? NaN },
        {
          label: `${formatLevel(c.ci!.level)} CI`,
          formula: rd.formula,
          value: `${explainNumber(c.ci!.lower!)} to ${explainNumber(c.ci!.upper!)}`,
        },
        {
          label: 'p',
          formula:
            'Fisher exact: sum of the tables with these margins no more probable than the observed',
          value: c.p!,
        },
      ]);
    }
    case 'RR': {
      const rr = interval(RR_INTERVALS, c);
      return formatExplain(`${title}, risk ratio (${rr.label} interval)`, [
        {
          label: 'RR',
          formula: `(${x.events1}/${x.n1}) / (${x.events2}/${x.n2})`,
          value: c.estimate ?? NaN,
        },
        {
          label: `${formatLevel(c.ci!.level)} CI`,
          formula: rr.formula,
          value:
            c.ci!.lower === null
              ? 'not estimable'
              : `${explainNumber(c.ci!.lower)} to ${explainNumber(c.ci!.upper!)}`,
        },
      ]);
    }
    case 'OR': {
      const or = interval(OR_INTERVALS, c);
      return formatExplain(`${title}, odds ratio (${or.label} interval)`, [
        {
          label: 'OR',
          formula: `(a·d)/(b·c) = (${x.events1}·${x.n2 - x.events2})/(${x.n1 - x.events1}·${x.events2})`,
          value: c.estimate ?? NaN,
        },
        {
          label: `${formatLevel(c.ci!.level)} CI`,
          formula: or.formula,
          value:
            c.ci!.lower === null
              ? 'not estimable'
              : `${explainNumber(c.ci!.lower)} to ${explainNumber(c.ci!.upper!)}`,
        },
      ]);
    }
  }
}

/** The registry entry behind a comparison's interval (its default when the result names none). */
function interval(
  registry: typeof RD_INTERVALS | typeof RR_INTERVALS | typeof OR_INTERVALS,
  c: ArmComparison,
): { label: string; formula: string } {
  return registry.byResultMethod(c.ci?.method ?? '') ?? registry.get(registry.defaultId);
}

/** A number ready to follow a minus sign: negative ones in parentheses. */
function signed(x: number): string {
  return x < 0 ? `(${explainNumber(x)})` : explainNumber(x);
}

/** The critical value behind an MD interval, read off the result (half-width / SE), not recomputed. */
function normalOrT(c: ArmComparison): number {
  return c.se !== undefined && c.ci?.upper != null && c.estimate !== null
    ? (c.ci.upper - c.estimate) / c.se
    : NaN;
}

/** `MD 34.4 (95% CI 2.8 to 66.0); p = 0.034` */
function line(c: ArmComparison): string {
  if (c.estimate === null) return `${c.measure} not estimable`;
  const unit = c.unit && c.measure === 'MD' ? ` ${c.unit}` : '';
  const ci =
    c.ci && c.ci.lower !== null && c.ci.upper !== null
      ? ` (${formatLevel(c.ci.level)} CI ${formatNumber(c.ci.lower)} to ${formatNumber(c.ci.upper)})`
      : '';
  const p =
    c.p !== null && (c.measure === 'MD' || c.measure === 'RD')
      ? `; ${formatP(c.p)}${c.test ? ` (${c.test})` : ''}`
      : '';
  // A variant other than the default is named: "SMD (Glass's Δ) 0.52 …".
  const variant =
    c.smd && c.smd !== SMD_METHODS.defaultId ? ` (${SMD_METHODS.get(c.smd).label})` : '';
  return `${c.measure}${variant} ${formatNumber(c.estimate)}${unit}${ci}${p}`;
}

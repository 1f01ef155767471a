import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { formatFixed, formatLevel, formatNumber, formatP } from '../../format/number.js';
import { renderTable, type Column } from '../../format/table.js';
import { parseReported } from '../../stats/check/reported-value.js';
import { deriveHazardRatio, type HazardRatioResult, type HrDerivationWithRange } from '../../stats/survival/derive-hazard-ratio.js';
import type { HrField, HrReported } from '../../stats/survival/hr-derivation.js';
import { HR_METHODS } from '../../stats/survival/hr-methods.js';
import type { CliContext } from '../context.js';
import { explainNumber, formatEstimateLine, formatExplain, withOptionNames, type ExplainStep } from '../explain.js';
import { writeWarnings } from '../messages.js';
import { choice, level } from '../options.js';

/** CLI option → HrReported field. Values are read as printed text so their decimals count. */
const HR_OPTIONS: readonly { flag: string; field: HrField; help: string }[] = [
  { flag: 'hr', field: 'hr', help: 'hazard ratio, arm 1 vs arm 2' },
  { flag: 'lower', field: 'ciLower', help: 'lower end of its confidence interval' },
  { flag: 'upper', field: 'ciUpper', help: 'upper end of its confidence interval' },
  { flag: 'ci-level', field: 'ciLevel', help: 'level of the printed interval (default 0.95)' },
  { flag: 'p', field: 'p', help: 'exact two-sided p of the HR' },
  { flag: 'o-minus-e', field: 'oMinusE', help: 'log-rank observed minus expected events in arm 1' },
  { flag: 'v', field: 'v', help: 'log-rank variance V' },
  { flag: 'logrank-p', field: 'logrankP', help: 'two-sided log-rank p' },
  { flag: 'logrank-z', field: 'logrankZ', help: 'log-rank z (negative when arm 1 does better)' },
  { flag: 'logrank-chisq', field: 'logrankChiSq', help: 'log-rank χ² (1 df)' },
  { flag: 'events', field: 'events', help: 'total number of events' },
  { flag: 'events1', field: 'events1', help: 'events in arm 1' },
  { flag: 'events2', field: 'events2', help: 'events in arm 2' },
  { flag: 'n1', field: 'n1', help: 'patients randomised to arm 1' },
  { flag: 'n2', field: 'n2', help: 'patients randomised to arm 2' },
  { flag: 'ratio', field: 'allocationRatio', help: 'allocation ratio n1/n2 when the arm sizes are not given (default 1)' },
  { flag: 'median1', field: 'median1', help: 'median survival in arm 1 (exponential assumption)' },
  { flag: 'median2', field: 'median2', help: 'median survival in arm 2' },
];

const camel = (flag: string): string => flag.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const OPTION_NAMES: Record<string, string> = Object.fromEntries(HR_OPTIONS.map((o) => [o.field, `--${o.flag}`]));

/** `trialstat survival <hr>`: time-to-event outcomes. */
export function registerSurvival(program: Command, context: CliContext): void {
  const survival = program
    .command('survival')
    .description('time-to-event outcomes: log HR and its SE from what a paper prints (Tierney 2007), side by side');
  const hr = survival
    .command('hr')
    .description('log HR and SE from an HR with CI or p, log-rank O − E and V, log-rank p with events, events per arm, or medians; every applicable derivation side by side, disagreements beyond rounding flagged');
  for (const option of HR_OPTIONS) hr.option(`--${option.flag} <x>`, option.help);
  hr.option('--favours <arm>', 'arm with the lower hazard, for a log-rank p or χ² printed without an HR', choice(['arm1', 'arm2'] as const))
    .option('--method <ids>', `only these derivations (comma-separated): ${HR_METHODS.map((m) => m.id).join(', ')}`)
    .option('--level <L>', 'level of the intervals printed for each derivation', level, 0.95)
    .option('--json', 'print JSON')
    .option('--explain', 'show each derivation: formula, inputs, intermediate numbers, assumptions')
    .addHelpText(
      'after',
      `
Arm 1 vs arm 2 (HR < 1: fewer events in arm 1). Values are read as printed, so their
decimals set the rounding allowed when derivations are compared. Exit code 1 when two
derivations disagree beyond rounding (an approximation is allowed 0.05 on the log scale).

Examples:
  $ trialstat survival hr --hr 0.88 --lower 0.74 --upper 1.05 --o-minus-e -16.47 --v 128.81
  $ trialstat survival hr --hr 0.72 --lower 0.61 --upper 0.85 --p 0.0001 --events1 210 --events2 265
  $ trialstat survival hr --logrank-p 0.003 --events 320 --n1 300 --n2 150 --favours arm1 --explain
  $ trialstat survival hr --median1 14.2 --median2 9.8 --events1 120 --events2 131 --json
  $ trialstat survival hr --hr 1.32 --lower 1.05 --upper 1.66 --ci-level 0.90 --method ci

Methods (Tierney JF et al. Trials 2007;8:16; Parmar MKB et al. Stat Med 1998;17:2815–34):
${HR_METHODS.map((m) => `  ${m.id.padEnd(8)} ${m.label}: ${m.formula}`).join('\n')}`,
    )
    .action((options: Record<string, string | number | boolean | undefined>) => {
      const { io } = context;
      const reported: HrReported = {};
      const decimals: Partial<Record<HrField, number>> = {};
      for (const option of HR_OPTIONS) {
        const text = options[camel(option.flag)];
        if (text === undefined) continue;
        const value = printed(`--${option.flag}`, String(text));
        reported[option.field] = value.value;
        decimals[option.field] = value.decimals;
      }
      if (options.favours !== undefined) reported.favours = options.favours as 'arm1' | 'arm2';
      if (Object.keys(reported).length === 0) {
        throw new InputError('--hr', undefined, 'the figures the paper prints (e.g. --hr with --lower --upper, --o-minus-e with --v, --logrank-p with --events); see --help');
      }
      const methods = typeof options.method === 'string' ? options.method.split(',').map((m) => m.trim()) : undefined;
      const result = withOptionNames({ ...OPTION_NAMES, method: '--method', level: '--level' }, () =>
        deriveHazardRatio(reported, { level: options.level as number, decimals, ...(methods ? { methods } : {}) }),
      );
      if (!result.consistent) context.setExitCode(1);
      if (options.json) {
        io.stdout(`${JSON.stringify(hrJson(result), null, 2)}\n`);
        return;
      }
      const lines = [
        `${formatEstimateLine('HR', result.estimate, result.ci, result.test.p)}; SE(log HR) = ${formatNumber(result.se)}  [${result.derivations[0].label}]`,
        '',
        renderTable(result.derivations, hrColumns(result.ci.level), 'table').trimEnd(),
      ];
      const flagged = result.agreement.filter((a) => a.verdict !== 'consistent');
      if (result.derivations.length > 1) {
        lines.push('', flagged.length === 0 ? 'All derivations agree within the rounding of the printed figures.' : 'Agreement (beyond the rounding of the printed figures):');
        for (const a of flagged) lines.push(`  ${a.methods[0]} vs ${a.methods[1]}: ${a.verdict} (log HR gap ${formatNumber(a.logHrGap)}, SE gap ${formatNumber(100 * a.seGap, { digits: 2 })}%)`);
      }
      if (result.skipped.length > 0 && !methods) lines.push('', `Not derivable: ${result.skipped.map((s) => `${s.method} (${s.reason})`).join('; ')}`);
      if (options.explain) lines.push('', ...result.derivations.map(explainDerivation));
      io.stdout(`${lines.join('\n')}\n`);
      writeWarnings(io, result.warnings);
    });
}

/** A figure as printed: `0.50` keeps its two decimals; bounds such as `< 0.001` are not exact values. */
function printed(option: string, text: string): { value: number; decimals: number } {
  let value;
  try {
    value = parseReported(text);
  } catch {
    throw new InputError(option, text, 'a number as printed, e.g. 0.72 or -16.3');
  }
  if (value.relation !== '=') throw new InputError(option, text, 'an exact value (a bound such as "< 0.001" gives no SE)');
  return { value: value.value, decimals: value.decimals };
}

function hrColumns(level: number): Column<HrDerivationWithRange>[] {
  const d3 = (x: number): string => (Number.isFinite(x) ? formatFixed(x, 3) : formatNumber(x));
  return [
    { header: 'method', text: (d) => d.method },
    { header: 'HR', text: (d) => d3(d.hr), align: 'right' },
    { header: `${formatLevel(level)} CI`, text: (d) => `${d3(d.ci.lower)} to ${d3(d.ci.upper)}`, align: 'right' },
    { header: 'SE(log HR)', text: (d) => formatFixed(d.se, 4), align: 'right' },
    { header: 'p', text: (d) => formatP(d.p, { prefix: false }).replace(/^= /, ''), align: 'right' },
    { header: 'O − E', text: (d) => formatFixed(d.oMinusE, 2), align: 'right' },
    { header: 'V', text: (d) => formatFixed(d.v, 2), align: 'right' },
    { header: 'HR range from rounding', text: (d) => `${d3(Math.exp(d.rounding.logHr[0]))} to ${d3(Math.exp(d.rounding.logHr[1]))}`, align: 'right' },
    { header: 'note', text: (d) => (d.exact ? '' : d.method === 'medians' ? 'exponential assumption' : 'approximation') },
  ];
}

function explainDerivation(d: HrDerivationWithRange): string {
  const steps: ExplainStep[] = [
    { label: 'formula', value: d.derivation.formula },
    ...Object.entries(d.derivation.inputs).map(([key, value]) => ({ label: `input ${key}`, value })),
    ...Object.entries(d.derivation.intermediate).map(([key, value]) => ({ label: key, value })),
    { label: 'V', formula: '1/SE²', value: d.v },
    { label: 'O − E', formula: 'log HR × V', value: d.oMinusE },
    { label: `${formatLevel(d.ci.level)} CI`, formula: 'exp(log HR ± z × SE)', value: `${explainNumber(d.ci.lower)} to ${explainNumber(d.ci.upper)}` },
    { label: 'rounding range of log HR', value: `${explainNumber(d.rounding.logHr[0])} to ${explainNumber(d.rounding.logHr[1])}` },
    { label: 'rounding range of SE', value: `${explainNumber(d.rounding.se[0])} to ${explainNumber(d.rounding.se[1])}` },
    ...d.derivation.assumptions.map((a) => ({ label: 'assumes', value: a })),
    { label: 'reference', value: d.derivation.reference },
  ];
  return formatExplain(`${d.method}: ${d.label}`, steps);
}

/** The `--json` contract of `survival hr`. */
function hrJson(r: HazardRatioResult) {
  return {
    measure: r.measure,
    estimate: r.estimate,
    logHr: r.logHr,
    se: r.se,
    ci: r.ci,
    p: r.test.p,
    primary: r.primary,
    consistent: r.consistent,
    derivations: r.derivations.map((d) => ({
      method: d.method,
      label: d.label,
      exact: d.exact,
      hr: d.hr,
      logHr: d.logHr,
      se: d.se,
      ci: d.ci,
      p: d.p,
      oMinusE: d.oMinusE,
      v: d.v,
      rounding: d.rounding,
      derivation: d.derivation,
      warnings: d.warnings,
    })),
    agreement: r.agreement,
    skipped: r.skipped,
    warnings: r.warnings,
  };
}

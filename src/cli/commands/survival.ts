import type { Command } from 'commander';
import { formatJson } from '../../format/json.js';
import { InputError } from '../../errors.js';
import { formatFixed, formatLevel, formatNumber, formatP } from '../../format/number.js';
import { renderTable, type Column } from '../../format/table.js';
import { parseReported, type ReportedValue } from '../../stats/check/reported-value.js';
import {
  deriveHazardRatio,
  type HazardRatioResult,
  type HrDerivationWithRange,
} from '../../stats/survival/derive-hazard-ratio.js';
import type { HrField, HrReported } from '../../stats/survival/hr-derivation.js';
import { HR_METHODS } from '../../stats/survival/hr-methods.js';
import type { CliContext } from '../context.js';
import {
  explainNumber,
  formatEstimateLine,
  formatExplain,
  withOptionNames,
  type ExplainStep,
} from '../explain.js';
import { writeNotes, writeWarnings } from '../messages.js';
import { choice, level, numberList, positiveInteger, positiveNumber } from '../options.js';
import { registerSurvivalPower } from './survival-power.js';
import { kmPercent, type KmReachableValue } from '../../stats/survival/km-reachable.js';
import { loadInput } from '../../data/index.js';
import { compareSurvival, type SurvivalComparison } from '../../stats/survival/compare-survival.js';
import { COX_TIES, type CoxTies } from '../../stats/survival/cox-hazard-ratio.js';
import {
  kaplanMeier as kaplanMeierFn,
  KM_CONF_TYPES,
  type KmConfType,
  type KaplanMeierResult,
} from '../../stats/survival/kaplan-meier.js';
import {
  hrStudiesFrom,
  parseArmCounts,
  survivalInput,
  type SurvivalInput,
} from '../survival-input.js';
import { poolAndWriteHazardRatios } from './survival-meta.js';
import { TAU2_METHODS } from '../../stats/meta/estimate-tau2.js';
import type { MetaMethod } from '../../stats/meta/meta-analysis.js';

/** CLI option → HrReported field. Values are read as printed text so their decimals count. */
const HR_OPTIONS: readonly { flag: string; field: HrField; help: string }[] = [
  { flag: 'log-hr', field: 'logHr', help: 'log hazard ratio as printed (with --se)' },
  { flag: 'se', field: 'seLogHr', help: 'SE of the log hazard ratio' },
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
  {
    flag: 'ratio',
    field: 'allocationRatio',
    help: 'allocation ratio n1/n2 when the arm sizes are not given (default 1)',
  },
  { flag: 'median1', field: 'median1', help: 'median survival in arm 1 (exponential assumption)' },
  { flag: 'median2', field: 'median2', help: 'median survival in arm 2' },
];

const camel = (flag: string): string =>
  flag.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const OPTION_NAMES: Record<string, string> = Object.fromEntries(
  HR_OPTIONS.map((o) => [o.field, `--${o.flag}`]),
);

/** `trialstat survival <hr|compare|km>`: time-to-event outcomes. */
export function registerSurvival(program: Command, context: CliContext): void {
  const survival = program
    .command('survival')
    .description(
      'time-to-event outcomes: HR from what a paper prints (hr); KM, log-rank, Cox and RMST on patient-level data or on data reconstructed from a digitised KM curve (compare, km)',
    );
  registerCompareAndKm(survival, context);
  registerPercent(survival, context);
  registerPool(survival, context);
  registerSurvivalPower(survival, context, 'power');
  const hr = survival
    .command('hr')
    .description(
      'log HR and SE from an HR with CI or p, log-rank O − E and V, log-rank p with events, events per arm, or medians; every applicable derivation side by side, disagreements beyond rounding flagged',
    );
  for (const option of HR_OPTIONS) hr.option(`--${option.flag} <x>`, option.help);
  hr.option(
    '--favours <arm>',
    'arm with the lower hazard, for a log-rank p or χ² printed without an HR',
    choice(['arm1', 'arm2'] as const),
  )
    .option(
      '--method <ids>',
      `only these derivations (comma-separated): ${HR_METHODS.map((m) => m.id).join(', ')}`,
    )
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
        throw new InputError(
          '--hr',
          undefined,
          'the figures the paper prints (e.g. --hr with --lower --upper, --o-minus-e with --v, --logrank-p with --events); see --help',
        );
      }
      const methods =
        typeof options.method === 'string'
          ? options.method.split(',').map((m) => m.trim())
          : undefined;
      const result = withOptionNames(
        { ...OPTION_NAMES, method: '--method', level: '--level' },
        () =>
          deriveHazardRatio(reported, {
            level: options.level as number,
            decimals,
            ...(methods ? { methods } : {}),
          }),
      );
      if (!result.consistent) context.setExitCode(1);
      if (options.json) {
        io.stdout(formatJson(hrJson(result)));
        return;
      }
      const lines = [
        `${formatEstimateLine('HR', result.estimate, result.ci, result.test.p)}; SE(log HR) = ${formatNumber(result.se)}  [${result.derivations[0].label}]`,
        '',
        renderTable(result.derivations, hrColumns(result.ci.level), 'table').trimEnd(),
      ];
      const flagged = result.agreement.filter((a) => a.verdict !== 'consistent');
      if (result.derivations.length > 1) {
        lines.push(
          '',
          flagged.length === 0
            ? 'All derivations agree within the rounding of the printed figures.'
            : 'Agreement (beyond the rounding of the printed figures):',
        );
        for (const a of flagged)
          lines.push(
            `  ${a.methods[0]} vs ${a.methods[1]}: ${a.verdict} (log HR gap ${formatNumber(a.logHrGap)}, SE gap ${formatNumber(100 * a.seGap, { digits: 2 })}%)`,
          );
      }
      if (result.skipped.length > 0 && !methods)
        lines.push(
          '',
          `Not derivable: ${result.skipped.map((s) => `${s.method} (${s.reason})`).join('; ')}`,
        );
      if (options.explain) lines.push('', ...result.derivations.map(explainDerivation));
      io.stdout(`${lines.join('\n')}\n`);
      writeWarnings(io, result.warnings);
    });
}

/** A figure as printed: `0.50` keeps its two decimals; bounds such as `< 0.001` are not exact values. */
function printed(option: string, text: string): { value: number; decimals: number } {
  let value: ReportedValue;
  try {
    value = parseReported(text);
  } catch {
    throw new InputError(option, text, 'a number as printed, e.g. 0.72 or -16.3');
  }
  if (value.relation !== '=')
    throw new InputError(option, text, 'an exact value (a bound such as "< 0.001" gives no SE)');
  return { value: value.value, decimals: value.decimals };
}

function hrColumns(level: number): Column<HrDerivationWithRange>[] {
  const d3 = (x: number): string => (Number.isFinite(x) ? formatFixed(x, 3) : formatNumber(x));
  return [
    { header: 'method', text: (d) => d.method },
    { header: 'HR', text: (d) => d3(d.hr), align: 'right' },
    {
      header: `${formatLevel(level)} CI`,
      text: (d) => `${d3(d.ci.lower)} to ${d3(d.ci.upper)}`,
      align: 'right',
    },
    { header: 'SE(log HR)', text: (d) => formatFixed(d.se, 4), align: 'right' },
    {
      header: 'p',
      text: (d) => formatP(d.p, { prefix: false }).replace(/^= /, ''),
      align: 'right',
    },
    { header: 'O − E', text: (d) => formatFixed(d.oMinusE, 2), align: 'right' },
    { header: 'V', text: (d) => formatFixed(d.v, 2), align: 'right' },
    {
      header: 'HR range from rounding',
      text: (d) => `${d3(Math.exp(d.rounding.logHr[0]))} to ${d3(Math.exp(d.rounding.logHr[1]))}`,
      align: 'right',
    },
    {
      header: 'note',
      text: (d) =>
        d.exact ? '' : d.method === 'medians' ? 'exponential assumption' : 'approximation',
    },
  ];
}

export function explainDerivation(d: HrDerivationWithRange): string {
  const steps: ExplainStep[] = [
    { label: 'formula', value: d.derivation.formula },
    ...Object.entries(d.derivation.inputs).map(([key, value]) => ({
      label: `input ${key}`,
      value,
    })),
    ...Object.entries(d.derivation.intermediate).map(([key, value]) => ({ label: key, value })),
    { label: 'V', formula: '1/SE²', value: d.v },
    { label: 'O − E', formula: 'log HR × V', value: d.oMinusE },
    {
      label: `${formatLevel(d.ci.level)} CI`,
      formula: 'exp(log HR ± z × SE)',
      value: `${explainNumber(d.ci.lower)} to ${explainNumber(d.ci.upper)}`,
    },
    {
      label: 'rounding range of log HR',
      value: `${explainNumber(d.rounding.logHr[0])} to ${explainNumber(d.rounding.logHr[1])}`,
    },
    {
      label: 'rounding range of SE',
      value: `${explainNumber(d.rounding.se[0])} to ${explainNumber(d.rounding.se[1])}`,
    },
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

interface PatientOptions {
  trial?: string;
  outcome?: string;
  arms?: string;
  events?: string;
  fromCurve?: boolean;
  stratified?: boolean;
  ties: CoxTies;
  confType: KmConfType;
  level: number;
  times?: number[];
  tau?: number;
  json?: boolean;
  explain?: boolean;
  ipd?: boolean;
}

/** Options shared by `survival compare` and `survival km`. */
function patientOptions(command: Command): Command {
  return command
    .argument(
      '<input>',
      'a bundled dataset name, a dataset folder, or a patient-level / km-curve file (with --kind)',
    )
    .option(
      '--kind <kind>',
      'kind of a single file: patient-level or km-curve',
      choice(['patient-level', 'km-curve'] as const),
    )
    .option('--trial <name>', 'the trial, when the input holds several')
    .option('--outcome <name>', 'the outcome, when the input holds several')
    .option(
      '--arms <a,b>',
      'arm 1 (HR numerator) and arm 2, comma-separated; default the order of the input',
    )
    .option(
      '--events <arm=n,…>',
      'km-curve: total events per arm (else from an arm-time-to-event table, else none)',
    )
    .option(
      '--from-curve',
      "use the dataset's km-curve table even when it has patient-level data (to test the reconstruction)",
    )
    .option(
      '--stratified',
      'patient-level data with a stratum column: stratified log-rank and Cox (default: strata ignored)',
    )
    .option(
      '--conf-type <type>',
      `pointwise KM interval: ${KM_CONF_TYPES.join(', ')}`,
      choice(KM_CONF_TYPES),
      'log-log',
    )
    .option('--level <L>', 'confidence level', level, 0.95)
    .option('--times <t,…>', 'times at which to report S(t), comma-separated', numberList)
    .option('--json', 'print JSON');
}

function loadSurvival(context: CliContext) {
  return async (
    input: string,
    options: PatientOptions & { kind?: 'patient-level' | 'km-curve' },
  ): Promise<{ data: SurvivalInput; arms?: [string, string] }> => {
    const loaded = await loadInput(input, {
      kind: options.kind,
      cwd: context.io.cwd,
      readStdin: context.io.readStdin,
    });
    const data = survivalInput(loaded, {
      ...(options.trial ? { trial: options.trial } : {}),
      ...(options.outcome ? { outcome: options.outcome } : {}),
      ...(options.events ? { events: parseArmCounts(options.events) } : {}),
      fromCurve: Boolean(options.fromCurve),
    });
    if (!options.stratified) data.records = data.records.map(({ stratum: _stratum, ...r }) => r);
    else if (!data.records.some((r) => r.stratum !== undefined))
      throw new InputError(
        '--stratified',
        true,
        'records with a stratum (the patient-level stratum column)',
      );
    let arms: [string, string] | undefined;
    if (options.arms !== undefined) {
      const parts = options.arms.split(',').map((a) => a.trim());
      if (parts.length !== 2)
        throw new InputError('--arms', options.arms, 'two arm names separated by a comma');
      arms = [parts[0], parts[1]];
    }
    return { data, ...(arms ? { arms } : {}) };
  };
}

function registerCompareAndKm(survival: Command, context: CliContext): void {
  const load = loadSurvival(context);
  patientOptions(
    survival
      .command('compare')
      .description(
        'two arms on patient-level survival data (or reconstructed from a km-curve): KM medians, S(t), RMST, log-rank, Cox HR',
      ),
  )
    .option('--ties <method>', `Cox ties: ${COX_TIES.join(', ')}`, choice(COX_TIES), 'efron')
    .option('--tau <T>', "RMST horizon (default: the shorter arm's last follow-up)", positiveNumber)
    .option('--explain', 'show the formulas behind each number')
    .addHelpText(
      'after',
      `
Arm 1 vs arm 2. Records with a stratum give the stratified log-rank test and Cox model.
A km-curve input is first turned into pseudo patient-level data (Guyot et al. 2012).

Examples:
  $ trialstat survival compare veteran-lung --arms test,standard --times 180,365 --tau 500
  $ trialstat survival compare veteran-lung --from-curve --arms test,standard --json
  $ trialstat survival compare examples/curve.csv --kind km-curve --events A=119,B=127 --explain`,
    )
    .action(
      async (input: string, options: PatientOptions & { kind?: 'patient-level' | 'km-curve' }) => {
        const { io } = context;
        const { data, arms } = await load(input, options);
        const result = withOptionNames(
          { tau: '--tau', arms: '--arms', level: '--level', ties: '--ties' },
          () =>
            compareSurvival(data.records, {
              ...(arms ? { arms } : {}),
              level: options.level,
              confType: options.confType,
              ties: options.ties,
              times: options.times ?? [],
              ...(options.tau !== undefined ? { tau: options.tau } : {}),
            }),
        );
        const warnings = [
          ...(data.reconstruction ?? []).flatMap((r) =>
            r.result.warnings.map((w) => `${r.arm}: ${w}`),
          ),
          ...result.warnings,
        ];
        if (options.json) {
          io.stdout(formatJson(compareJson(data, result, warnings)));
          return;
        }
        io.stdout(`${compareText(data, result, Boolean(options.explain))}\n`);
        writeWarnings(io, warnings);
      },
    );

  patientOptions(
    survival
      .command('km')
      .description(
        'the Kaplan–Meier table of each arm (from patient-level data, or reconstructed from a km-curve); --ipd prints the pseudo patient-level data',
      ),
  )
    .option('--ipd', 'print the (reconstructed) patient-level data as a patient-level CSV instead')
    .addHelpText(
      'after',
      `
Examples:
  $ trialstat survival km veteran-lung --from-curve --ipd > reconstructed.csv
  $ trialstat survival km veteran-lung --conf-type log --times 90,180
  $ trialstat survival km examples/curve.csv --kind km-curve --events A=119,B=127 --json`,
    )
    .action(
      async (input: string, options: PatientOptions & { kind?: 'patient-level' | 'km-curve' }) => {
        const { io } = context;
        const { data, arms } = await load(input, options);
        const armNames = arms ?? [...new Set(data.records.map((r) => r.arm as string))];
        if (options.ipd) {
          const rows = data.records.map((r, i) => ({ ...r, patient: i + 1 }));
          io.stdout(
            renderTable(
              rows,
              [
                { header: 'trial', text: () => data.trial },
                { header: 'outcome', text: () => data.outcome },
                { header: 'arm', text: (r) => r.arm ?? '' },
                { header: 'patient', text: (r) => String(r.patient) },
                { header: 'stratum', text: (r) => r.stratum ?? '' },
                { header: 'time', text: (r) => String(r.time) },
                { header: 'event', text: (r) => (r.event ? '1' : '0') },
                { header: 'unit', text: () => data.unit ?? '' },
                {
                  header: 'source',
                  text: () =>
                    data.source === 'km-curve' ? 'guyot-reconstruction' : 'patient-level',
                },
              ],
              'csv',
            ),
          );
          writeNotes(io, data.notes);
          writeWarnings(
            io,
            (data.reconstruction ?? []).flatMap((r) =>
              r.result.warnings.map((w) => `${r.arm}: ${w}`),
            ),
          );
          return;
        }
        const fits = armNames.map((arm) => {
          const rs = data.records.filter((r) => r.arm === arm);
          if (rs.length === 0)
            throw new InputError(
              '--arms',
              arm,
              `an arm of the input (${[...new Set(data.records.map((r) => r.arm))].join(', ')})`,
            );
          return {
            arm,
            km: withOptionNames({ level: '--level' }, () => kaplanMeierOf(rs, options)),
          };
        });
        if (options.json) {
          io.stdout(
            formatJson({
              trial: data.trial,
              outcome: data.outcome,
              source: data.source,
              arms: fits.map((f) => ({
                arm: f.arm,
                n: f.km.n,
                events: f.km.events,
                median: f.km.median,
                level: f.km.level,
                confType: f.km.confType,
                steps: f.km.steps,
              })),
              notes: data.notes,
            }),
          );
          return;
        }
        const blocks = fits.map(({ arm, km }) =>
          [
            `${arm}: n = ${km.n}, events = ${km.events}, median ${medianText(km)}`,
            renderTable(
              km.steps.filter((s) => s.nEvent > 0),
              [
                { header: 'time', text: (s) => timeText(s.time), align: 'right' },
                { header: 'n.risk', text: (s) => String(s.nRisk), align: 'right' },
                { header: 'n.event', text: (s) => String(s.nEvent), align: 'right' },
                { header: 'survival', text: (s) => formatFixed(s.surv, 4), align: 'right' },
                {
                  header: 'std.err',
                  text: (s) => formatFixed(s.surv * s.stdErr, 4),
                  align: 'right',
                },
                {
                  header: `${formatLevel(km.level)} CI (${km.confType})`,
                  text: (s) => `${formatFixed(s.lower, 4)} to ${formatFixed(s.upper, 4)}`,
                  align: 'right',
                },
              ],
              'table',
            ).trimEnd(),
          ].join('\n'),
        );
        io.stdout(`${blocks.join('\n\n')}\n`);
        writeWarnings(
          io,
          fits.flatMap((f) => f.km.warnings.map((w) => `${f.arm}: ${w}`)),
        );
      },
    );
}

function kaplanMeierOf(
  records: SurvivalInput['records'],
  options: PatientOptions,
): KaplanMeierResult {
  return kaplanMeierFn(records, { level: options.level, confType: options.confType });
}

/** A time as given: 52.5 stays 52.5, 43 stays 43 (no padding to significant digits). */
const timeText = (x: number): string =>
  Number.isNaN(x) ? 'NR' : String(Number(x.toPrecision(6))).replace(/^-/, '\u2212');

function medianText(km: KaplanMeierResult): string {
  const f = timeText;
  return `${f(km.median.estimate)} (${formatLevel(km.level)} CI ${f(km.median.lower)} to ${f(km.median.upper)})`;
}

function compareText(data: SurvivalInput, r: SurvivalComparison, explain: boolean): string {
  const [a1, a2] = r.arms;
  const unit = data.unit ? ` ${data.unit}` : '';
  const lines = [
    `${data.trial} — ${data.outcome}: ${a1.arm} vs ${a2.arm}${data.source === 'km-curve' ? ' (patient-level data reconstructed from the digitised curve, Guyot 2012)' : ''}`,
    '',
    renderTable(
      r.arms,
      [
        { header: 'arm', text: (a) => a.arm },
        { header: 'n', text: (a) => String(a.km.n), align: 'right' },
        { header: 'events', text: (a) => String(a.km.events), align: 'right' },
        {
          header: `median${unit} (${formatLevel(a1.km.level)} CI)`,
          text: (a) => medianText(a.km).replace(/\(\d+(\.\d+)?% CI /, '('),
          align: 'right',
        },
        ...a1.at.map((at, i) => ({
          header: `S(${timeText(at.time)})`,
          text: (a: SurvivalComparison['arms'][number]) => `${formatFixed(100 * a.at[i].surv, 1)}%`,
          align: 'right' as const,
        })),
        {
          header: `RMST to ${timeText(r.rmst.tau)} (SE)`,
          text: (a) => `${formatNumber(a.rmst.rmst)} (${formatNumber(a.rmst.se)})`,
          align: 'right',
        },
      ],
      'table',
    ).trimEnd(),
    '',
    `Log-rank${r.logRank.stratified ? ` (stratified, ${r.logRank.strata} strata)` : ''}: χ² = ${formatNumber(r.logRank.chiSq)}, df = 1, ${formatP(r.logRank.p)}; O − E = ${formatNumber(r.logRank.oMinusE)}, V = ${formatNumber(r.logRank.v)} (${a1.arm})`,
    `${formatEstimateLine(`Cox HR (${r.cox.ties}${r.cox.stratified ? ', stratified' : ''}), ${a1.arm} vs ${a2.arm}:`, r.cox.estimate, r.cox.ci, r.cox.wald.p)} (Wald); score ${formatP(r.cox.score.p)}, likelihood ratio ${formatP(r.cox.likelihoodRatio.p)}`,
    `${formatEstimateLine(`RMST difference to ${timeText(r.rmst.tau)}${unit}:`, r.rmst.difference.estimate, r.rmst.difference.ci, r.rmst.difference.p)}; ratio ${formatNumber(r.rmst.ratio.estimate)} (${formatNumber(r.rmst.ratio.ci.lower)} to ${formatNumber(r.rmst.ratio.ci.upper)})`,
  ];
  if (data.notes.length > 0) lines.push('', ...data.notes.map((n) => `note: ${n}`));
  if (explain) {
    lines.push(
      '',
      formatExplain('two-arm survival comparison', [
        {
          label: 'Kaplan–Meier',
          formula: 'S(t) = Π_{tᵢ ≤ t} (1 − dᵢ/nᵢ); Var(log S) = Σ dᵢ/(nᵢ(nᵢ − dᵢ)) (Greenwood)',
        },
        {
          label: `pointwise CI (${a1.km.confType})`,
          formula:
            a1.km.confType === 'log-log'
              ? 'exp(−exp(log(−log S) ± z·SE/log S))'
              : a1.km.confType === 'log'
                ? 'exp(log S ± z·SE)'
                : 'S ± z·SE·S',
        },
        {
          label: 'median CI (Brookmeyer–Crowley)',
          formula: 'first times at which the upper and the lower pointwise limits reach ½',
        },
        {
          label: 'log-rank',
          formula: 'O − E = Σ (d₁ − d·n₁/n); V = Σ d(n − d)n₁n₂/(n²(n − 1)); χ² = (O − E)²/V',
        },
        { label: 'O − E', value: r.logRank.oMinusE },
        { label: 'V', value: r.logRank.v },
        {
          label: `β = log HR (Cox, ${r.cox.ties} ties)`,
          formula: 'maximises the partial likelihood (Newton–Raphson from 0)',
          value: r.cox.logHr,
        },
        { label: 'SE(β)', formula: '1/√I(β), I = observed information', value: r.cox.se },
        { label: 'iterations', value: r.cox.iterations },
        { label: 'score test', formula: 'U(0)²/I(0)', value: r.cox.score.chiSq },
        {
          label: 'likelihood-ratio test',
          formula: '2(ℓ(β) − ℓ(0))',
          value: r.cox.likelihoodRatio.chiSq,
        },
        {
          label: 'RMST',
          formula: '∫₀^τ S(t) dt; Var = Σ A(tᵢ)² dᵢ/(nᵢ(nᵢ − dᵢ)), A(tᵢ) = area from tᵢ to τ',
        },
        { label: 'RMST difference SE', formula: '√(SE₁² + SE₂²)', value: r.rmst.difference.se },
        {
          label: 'RMST ratio SE (log)',
          formula: '√((SE₁/RMST₁)² + (SE₂/RMST₂)²)',
          value: r.rmst.ratio.seLog,
        },
      ]),
    );
  }
  return lines.join('\n');
}

/** The `--json` contract of `survival compare`. */
function compareJson(data: SurvivalInput, r: SurvivalComparison, warnings: string[]) {
  return {
    trial: data.trial,
    outcome: data.outcome,
    unit: data.unit ?? null,
    source: data.source,
    arms: r.arms.map((a) => ({
      arm: a.arm,
      n: a.km.n,
      events: a.km.events,
      median: a.km.median,
      survival: a.at,
      rmst: a.rmst,
    })),
    logRank: {
      chiSq: r.logRank.chiSq,
      df: 1,
      p: r.logRank.p,
      oMinusE: r.logRank.oMinusE,
      v: r.logRank.v,
      observed: r.logRank.observed,
      expected: r.logRank.expected,
      stratified: r.logRank.stratified,
    },
    cox: {
      hr: r.cox.estimate,
      logHr: r.cox.logHr,
      se: r.cox.se,
      ci: r.cox.ci,
      wald: r.cox.wald,
      score: r.cox.score,
      likelihoodRatio: r.cox.likelihoodRatio,
      ties: r.cox.ties,
      stratified: r.cox.stratified,
      converged: r.cox.converged,
    },
    rmst: r.rmst,
    reconstruction:
      data.reconstruction?.map((x) => ({
        arm: x.arm,
        totalEvents: x.totalEvents ?? null,
        patients: x.result.records.length,
        events: x.result.records.filter((p) => p.event).length,
      })) ?? null,
    notes: data.notes,
    warnings,
  };
}

/** `survival percent`: is a printed KM percentage reachable with n patients? */
function registerPercent(survival: Command, context: CliContext): void {
  survival
    .command('percent')
    .description(
      'is a printed Kaplan–Meier survival percentage reachable with n patients (with or without censoring)? the reachable values near it',
    )
    .requiredOption('--percent <P>', 'the percentage as printed, e.g. 77 or 76.9')
    .requiredOption(
      '--n <N>',
      'patients at the start (at most 20: the values are enumerated exactly)',
      positiveInteger,
    )
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      `
Exit code 1 when no Kaplan–Meier estimate on n patients rounds to the printed value.

Examples:
  $ trialstat survival percent --percent 77 --n 7   # exit 1: not a KM value
  $ trialstat survival percent --percent 83 --n 7 --json`,
    )
    .action((options: { percent: string; n: number; json?: boolean }) => {
      const { io } = context;
      const r = withOptionNames({ percent: '--percent', n: '--n' }, () =>
        kmPercent(options.percent, options.n),
      );
      if (!r.possible) context.setExitCode(1);
      if (options.json) {
        io.stdout(formatJson(r));
        return;
      }
      const pct = (v: KmReachableValue): string =>
        `${formatNumber(100 * v.survival, { digits: 4 })}%`;
      const how = (v: KmReachableValue): string =>
        v.witness.length === 0
          ? 'no event'
          : `${v.withoutCensoring ? 'no censoring needed; ' : ''}${v.witness.map((w) => `${w.events} of ${w.atRisk} at risk`).join(', then ')}`;
      const lines = [
        r.possible
          ? `${options.percent}% with n = ${r.n}: possible${r.possibleWithoutCensoring ? '' : ' only with censoring'} — ${r.consistent.map((v) => `${pct(v)} (${how(v)})`).join('; ')}`
          : `${options.percent}% with n = ${r.n}: not a Kaplan–Meier value, with or without censoring`,
      ];
      if (r.below) lines.push(`  nearest below: ${pct(r.below)} (${how(r.below)})`);
      if (r.above) lines.push(`  nearest above: ${pct(r.above)} (${how(r.above)})`);
      io.stdout(`${lines.join('\n')}\n`);
    });
}

/** `survival meta`: pool HRs derived from whatever each study prints. */
function registerPool(survival: Command, context: CliContext): void {
  survival
    .command('meta')
    .description(
      'pool hazard ratios derived from whatever each study prints (reported-comparison HR rows: CI, p, O − E and V, log-rank p with events, events): generic inverse variance',
    )
    .argument(
      '<input>',
      'a bundled dataset, a dataset folder, or a reported-comparison file (with --kind reported-comparison)',
    )
    .option(
      '--kind <kind>',
      'kind of a single file: reported-comparison',
      choice(['reported-comparison'] as const),
    )
    .option('--outcome <name>', 'the outcome, when the HR rows hold several')
    .option(
      '--method <method>',
      'FE or a τ² estimator (default REML)',
      choice(['FE', ...TAU2_METHODS] as const),
      'REML',
    )
    .option('--hk', 'Hartung–Knapp(–Sidik–Jonkman) t-based CI')
    .option('--level <L>', 'confidence level', level, 0.95)
    .option('--json', 'print JSON')
    .option('--explain', "show each study's derivation")
    .addHelpText(
      'after',
      `
Each study's log HR and SE come from its preferred derivation (as in \`survival hr\`, in the
order ci, oe-v, p, logrank, events, medians); the forest table names it.

Examples:
  $ trialstat survival meta examples/hr-studies.csv --kind reported-comparison
  $ trialstat survival meta examples/hr-studies.csv --kind reported-comparison --method DL --hk --json`,
    )
    .action(
      async (
        input: string,
        options: {
          kind?: 'reported-comparison';
          outcome?: string;
          method: MetaMethod;
          hk?: boolean;
          level: number;
          json?: boolean;
          explain?: boolean;
        },
      ) => {
        const { io } = context;
        const loaded = await loadInput(input, {
          kind: options.kind,
          cwd: io.cwd,
          readStdin: io.readStdin,
        });
        poolAndWriteHazardRatios(
          context,
          hrStudiesFrom(loaded, options.outcome ? { outcome: options.outcome } : {}),
          options,
        );
      },
    );
}

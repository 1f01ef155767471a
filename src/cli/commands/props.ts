import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { formatFixed, formatLevel, formatNumber, formatP } from '../../format/number.js';
import type { BinaryEstimate } from '../../stats/binary/binary-estimate.js';
import {
  attributableFractions,
  type AttributableFractionsResult,
} from '../../stats/binary/attributable-fractions.js';
import {
  compareProportions,
  type CompareProportionsResult,
  type ExtraTest,
} from '../../stats/binary/compare-proportions.js';
import type { NntResult } from '../../stats/binary/number-needed-to-treat.js';
import { OR_INTERVALS, type OrMethod } from '../../stats/binary/odds-ratio.js';
import { RD_INTERVALS, type RdMethod } from '../../stats/binary/risk-difference.js';
import { RR_INTERVALS, type RrMethod } from '../../stats/binary/risk-ratio.js';
import { ON_REQUEST_TESTS, TWO_ARM_TESTS } from '../../stats/binary/two-arm-tests.js';
import type { Correction } from '../../stats/binary/table.js';
import type { Alternative } from '../../stats/types.js';
import type { CliContext } from '../context.js';
import { writeWarnings } from '../messages.js';
import {
  choice,
  level,
  nonNegativeInteger,
  nonNegativeNumber,
  positiveInteger,
} from '../options.js';
import { formatJson } from '../../format/json.js';

interface PropsOptions {
  events1: number;
  n1: number;
  events2: number;
  n2: number;
  rdCi: RdMethod;
  rrCi: RrMethod;
  orCi: OrMethod;
  correction: Correction;
  level: number;
  test: ExtraTest[];
  alternative: Alternative;
  eventsAre: 'harmful' | 'beneficial';
  json?: boolean;
  explain?: boolean;
  attributable?: boolean;
}

/** `--test` choices: the tests of the registry that run on request. */
const TESTS = ON_REQUEST_TESTS.map((entry) => entry.id);

function correction(text: string): Correction {
  return text === 'none' ? 'none' : nonNegativeNumber(text);
}

/** `--test` may repeat and may list several names: `--test barnard,midp`. */
function collectTests(text: string, previous: ExtraTest[] = []): ExtraTest[] {
  const parse = choice(TESTS);
  const names = text.split(',').map((part) => parse(part.trim()));
  return [...previous, ...names.filter((name) => !previous.includes(name))];
}

/** Ratios print with two decimals as papers do (more digits when tiny or huge). */
export function ratio(x: number): string {
  if (!Number.isFinite(x)) return formatNumber(x);
  if (x !== 0 && (x < 0.1 || x >= 1000)) return formatNumber(x);
  return formatFixed(x, 2);
}

export const difference = (x: number): string => formatFixed(x, 3);

/** " (one-sided, less)" after a test or interval that is not two-sided. */
function sidedLabel(alternative: Alternative): string {
  return alternative === 'two-sided' ? '' : ` (one-sided, ${alternative})`;
}

export function estimateLine(
  label: string,
  r: BinaryEstimate,
  format: (x: number) => string,
  alternative: Alternative,
): string {
  if (!r.estimable || r.estimate === null || r.ci.lower === null || r.ci.upper === null) {
    return `${label} not estimable [${r.ci.method}]`;
  }
  const level = `${formatLevel(r.ci.level)}${alternative === 'two-sided' ? '' : ' one-sided'}`;
  return `${label} ${format(r.estimate)} (${level} CI ${format(r.ci.lower)} to ${format(r.ci.upper)}) [${r.ci.method}]`;
}

function nntLine(nnt: NntResult): string {
  const n = (x: number) => (Number.isFinite(x) ? formatFixed(x, 1) : '∞');
  const level = formatLevel(nnt.ci.level);
  const head = nnt.kind === 'none' ? 'NNT ∞' : `${nnt.kind} ${n(nnt.estimate)}`;
  let interval: string;
  if (nnt.ci.disconnected)
    interval = `NNTB ${n(nnt.ci.nntb!.lower)} to ∞ to NNTH ${n(nnt.ci.nnth!.lower)}`;
  else if (nnt.ci.nntb) interval = `NNTB ${n(nnt.ci.nntb.lower)} to ${n(nnt.ci.nntb.upper)}`;
  else interval = `NNTH ${n(nnt.ci.nnth!.lower)} to ${n(nnt.ci.nnth!.upper)}`;
  return `${head} (${level} CI ${interval})`;
}

function humanLines(r: CompareProportionsResult, options: PropsOptions): string[] {
  const t = r.table;
  const pct = (x: number, n: number) => `${formatNumber((100 * x) / n)}%`;
  const lines = [
    `Arm 1: ${t.events1}/${t.n1} (${pct(t.events1, t.n1)}); arm 2: ${t.events2}/${t.n2} (${pct(t.events2, t.n2)})`,
    estimateLine('RD', r.rd, difference, r.alternative),
    estimateLine('RR', r.rr, ratio, r.alternative),
    estimateLine('OR', r.or, ratio, r.alternative),
    `${nntLine(r.nnt)} (events counted as ${options.eventsAre})`,
    `Fisher exact${sidedLabel(r.alternative)} ${formatP(r.tests.fisher.p)}`,
  ];
  const chi = (x: CompareProportionsResult['tests']['chisq']) =>
    x ? `X² = ${formatNumber(x.statistic)}, ${formatP(x.p)}` : 'not defined (a margin is zero)';
  lines.push(
    `Pearson chi-square ${chi(r.tests.chisq)}; with Yates correction ${chi(r.tests.chisqYates)}`,
  );
  if (r.tests.midp) lines.push(`Mid-p exact test ${formatP(r.tests.midp.p)}`);
  for (const test of [r.tests.barnard, r.tests.barnardUnpooled, r.tests.boschloo]) {
    if (test)
      lines.push(
        `${test.name}${sidedLabel(r.alternative)} ${formatP(test.p)} (nuisance π = ${formatNumber(test.nuisance)}; ${test.method})`,
      );
  }
  return lines;
}

const REGISTRIES = { RD: RD_INTERVALS, RR: RR_INTERVALS, OR: OR_INTERVALS } as const;

/** `RD, Newcombe hybrid score: <formula>` from the method's registry entry. */
function explainMethod(measure: 'RD' | 'RR' | 'OR', method: string): string {
  const entry = REGISTRIES[measure].byResultMethod(method);
  return entry
    ? `${measure}, ${entry.label}: ${entry.formula} (${entry.reference})`
    : `${measure}, ${method}`;
}

function attributableLines(a: AttributableFractionsResult): string[] {
  const line = (label: string, e: AttributableFractionsResult['paf']) =>
    e.estimate === null || e.ci.lower === null
      ? `${label} not estimable [${e.ci.method}]`
      : `${label} ${difference(e.estimate)} (${formatLevel(e.ci.level)} CI ${difference(e.ci.lower)} to ${difference(e.ci.upper!)}) [${e.ci.method}]`;
  return [
    line('AF among the exposed (arm 1)', a.afExposed),
    line('Population attributable risk', a.par),
    line('Population attributable fraction', a.paf),
  ];
}

function explainLines(r: CompareProportionsResult, tests: readonly ExtraTest[]): string[] {
  const [a, b, c, d] = [
    r.table.events1,
    r.table.n1 - r.table.events1,
    r.table.events2,
    r.table.n2 - r.table.events2,
  ];
  const lines = [
    '',
    'How it was computed:',
    `  cells: a = ${a}, b = ${b} (arm 1); c = ${c}, d = ${d} (arm 2)`,
  ];
  lines.push(
    `  p1 = a/n1 = ${formatNumber(a / r.table.n1, { digits: 6 })}, p2 = c/n2 = ${formatNumber(c / r.table.n2, { digits: 6 })}`,
  );
  for (const e of [r.rd, r.rr, r.or]) {
    lines.push(
      `  ${explainMethod(e.measure, e.ci.method)}${e.correction !== null ? ` (after adding ${e.correction} to every cell)` : ''}`,
    );
    if (e.se !== undefined)
      lines.push(
        `    SE${e.measure === 'RD' ? '' : ' (log scale)'} = ${formatNumber(e.se, { digits: 6 })}`,
      );
  }
  lines.push('  NNT: 1/|RD|, interval by inverting the RD limits (Altman 1998)');
  // The tests reported, as their registry entries describe them.
  for (const id of ['fisher', 'chisq', 'chisq-yates', ...tests] as const) {
    const entry = TWO_ARM_TESTS.get(id);
    lines.push(`  ${entry.label}: ${entry.formula} (${entry.reference})`);
  }
  return lines;
}

/** `trialstat props`: compare two proportions (RD, RR, OR, NNT, tests). */
export function registerProps(program: Command, context: CliContext): void {
  program
    .command('props')
    .description(
      'two proportions (a 2×2 table): risk difference, risk ratio, odds ratio, NNT, Fisher / chi-square / unconditional exact tests',
    )
    .requiredOption('--events1 <A>', 'events in arm 1 (experimental)', nonNegativeInteger)
    .requiredOption('--n1 <N>', 'patients in arm 1', positiveInteger)
    .requiredOption('--events2 <C>', 'events in arm 2 (comparator)', nonNegativeInteger)
    .requiredOption('--n2 <N>', 'patients in arm 2', positiveInteger)
    .option(
      '--rd-ci <method>',
      RD_INTERVALS.ids.join(' | '),
      choice(RD_INTERVALS.ids),
      RD_INTERVALS.defaultId,
    )
    .option(
      '--rr-ci <method>',
      RR_INTERVALS.ids.join(' | '),
      choice(RR_INTERVALS.ids),
      RR_INTERVALS.defaultId,
    )
    .option(
      '--or-ci <method>',
      OR_INTERVALS.ids.join(' | '),
      choice(OR_INTERVALS.ids),
      OR_INTERVALS.defaultId,
    )
    .option(
      '--correction <x>',
      "added to all four cells for Katz/Woolf when a cell is zero, or 'none'",
      correction,
      0.5 as Correction,
    )
    .option('--level <L>', 'confidence level', level, 0.95)
    .option(
      '--test <name>',
      `also run ${TESTS.join(' | ')} (repeat or comma-separate)`,
      collectTests,
      [] as ExtraTest[],
    )
    .option(
      '--alternative <kind>',
      'two-sided (default), less or greater (arm 1 vs arm 2): one-sided intervals and Fisher / Barnard / Boschloo p; chi-square and mid-p stay two-sided',
      choice(['two-sided', 'less', 'greater'] as const),
      'two-sided',
    )
    .option(
      '--events-are <kind>',
      'harmful (NNTB when arm 1 has fewer events) | beneficial',
      choice(['harmful', 'beneficial'] as const),
      'harmful',
    )
    .option(
      '--attributable',
      'also attributable fractions, arm 1 = exposed: AF among the exposed, PAR, PAF (epiR cohort.count)',
    )
    .option(
      '--json',
      'print JSON (Infinity written as the string "Infinity"; non-estimable values as null)',
    )
    .option('--explain', 'show the formulas used')
    .addHelpText(
      'after',
      `
Examples:
  $ trialstat props --events1 10 --n1 20 --events2 6 --n2 20
  $ trialstat props --events1 5 --n1 56 --events2 0 --n2 29 --rr-ci koopman --or-ci exact --test barnard,boschloo
  $ trialstat props --events1 56 --n1 70 --events2 48 --n2 80 --rd-ci mn --level 0.9 --json
  $ trialstat props --events1 7 --n1 12 --events2 1 --n2 10 --alternative greater --rr-ci koopman --test barnard`,
    )
    .action((options: PropsOptions) => {
      if (options.events1 > options.n1)
        throw new InputError('--events1', options.events1, `at most --n1 (${options.n1})`);
      if (options.events2 > options.n2)
        throw new InputError('--events2', options.events2, `at most --n2 (${options.n2})`);
      const result = compareProportions(
        { events1: options.events1, n1: options.n1, events2: options.events2, n2: options.n2 },
        {
          rdCi: options.rdCi,
          rrCi: options.rrCi,
          orCi: options.orCi,
          correction: options.correction,
          level: options.level,
          tests: options.test,
          events: options.eventsAre,
          alternative: options.alternative,
        },
      );
      const attributable = options.attributable
        ? attributableFractions(result.table, { level: options.level })
        : undefined;
      if (options.json) {
        context.io.stdout(formatJson(attributable ? { ...result, attributable } : result));
        return;
      }
      const lines = humanLines(result, options);
      if (attributable) lines.push(...attributableLines(attributable));
      if (options.explain) lines.push(...explainLines(result, options.test));
      context.io.stdout(`${lines.join('\n')}\n`);
      writeWarnings(context.io, [
        ...result.rd.warnings,
        ...result.rr.warnings,
        ...result.or.warnings,
        ...result.nnt.warnings,
        ...(attributable?.warnings ?? []),
      ]);
    });
}

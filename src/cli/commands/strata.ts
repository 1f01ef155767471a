import { InvalidArgumentError, type Command } from 'commander';
import { formatNumber, formatP } from '../../format/number.js';
import type { TwoByTwo } from '../../stats/binary/table.js';
import {
  stratifiedTwoByTwo,
  type MhRdVariance,
  type StratifiedTwoByTwoResult,
} from '../../stats/binary/stratified-two-by-two.js';
import type { CliContext } from '../context.js';
import { writeWarnings } from '../messages.js';
import { choice, level } from '../options.js';
import { difference, estimateLine, ratio } from './props.js';
import { formatJson } from '../../format/json.js';

interface StrataOptions {
  stratum: TwoByTwo[];
  level: number;
  rdVariance: MhRdVariance;
  correct: boolean;
  json?: boolean;
}

/** `--stratum 8/106,5/120`: events/n of arm 1, then of arm 2; repeat for each stratum. */
function collectStratum(text: string, previous: TwoByTwo[] = []): TwoByTwo[] {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*,\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!match)
    throw new InvalidArgumentError(
      `expected events1/n1,events2/n2 such as 8/106,5/120, found "${text}"`,
    );
  const [events1, n1, events2, n2] = match.slice(1).map(Number);
  if (n1 < 1 || n2 < 1)
    throw new InvalidArgumentError(`each arm needs at least one patient, found "${text}"`);
  if (events1 > n1 || events2 > n2)
    throw new InvalidArgumentError(`events cannot exceed patients, found "${text}"`);
  return [...previous, { events1, n1, events2, n2 }];
}

function humanLines(r: StratifiedTwoByTwoResult): string[] {
  const c = r.crude;
  const crude = (e: StratifiedTwoByTwoResult['crude']['rr'], f: (x: number) => string) =>
    e.estimable && e.estimate !== null
      ? `crude ${f(e.estimate)} (${f(e.ci.lower!)} to ${f(e.ci.upper!)}) [${e.ci.method}]`
      : 'crude not estimable';
  const t = r.tests;
  const homog = (x: typeof t.breslowDay) =>
    Number.isNaN(x.statistic)
      ? 'not defined (no MH OR)'
      : `X² = ${formatNumber(x.statistic)}, df = ${x.df}, ${formatP(x.p)}`;
  return [
    `${r.strata} strata; collapsed: arm 1 ${c.table.events1}/${c.table.n1}, arm 2 ${c.table.events2}/${c.table.n2}`,
    `${estimateLine('RR (MH)', r.rr, ratio, 'two-sided')}; ${crude(c.rr, ratio)}`,
    `${estimateLine('OR (MH)', r.or, ratio, 'two-sided')}; ${crude(c.or, ratio)}`,
    `${estimateLine('RD (MH)', r.rd, difference, 'two-sided')}; ${crude(c.rd, difference)}`,
    `${t.mantelHaenszel.name} X² = ${formatNumber(t.mantelHaenszel.statistic)}, ${formatP(t.mantelHaenszel.p)}`,
    `OR homogeneity: Breslow-Day ${homog(t.breslowDay)}; with Tarone correction ${homog(t.tarone)}`,
  ];
}

/** `trialstat strata`: Mantel–Haenszel analysis of stratified 2×2 tables (as epiR's epi.2by2). */
export function registerStrata(program: Command, context: CliContext): void {
  program
    .command('strata')
    .description(
      'stratified 2×2 tables: Mantel–Haenszel RR, OR, RD, CMH test, Breslow–Day / Tarone homogeneity (epiR epi.2by2, mantelhaen.test)',
    )
    .requiredOption(
      '--stratum <E1/N1,E2/N2>',
      'one stratum: events/patients in arm 1, then arm 2 (repeat per stratum)',
      collectStratum,
      [] as TwoByTwo[],
    )
    .option('--level <L>', 'confidence level', level, 0.95)
    .option(
      '--rd-variance <kind>',
      'sato (default) | greenland-robins (epiR ARisk.mh.green)',
      choice(['sato', 'greenland-robins'] as const),
      'sato',
    )
    .option(
      '--no-correct',
      'CMH test without the continuity correction (mantelhaen.test(correct = FALSE))',
    )
    .option(
      '--json',
      'print JSON (Infinity written as the string "Infinity"; non-estimable values as null)',
    )
    .addHelpText(
      'after',
      `
Examples:
  $ trialstat strata --stratum 8/106,5/120 --stratum 22/98,16/85
  $ trialstat strata --stratum 12/40,5/38 --stratum 7/25,9/30 --stratum 30/60,18/61 --level 0.9 --no-correct --json`,
    )
    .action((options: StrataOptions) => {
      const result = stratifiedTwoByTwo(options.stratum, {
        level: options.level,
        rdVariance: options.rdVariance,
        correct: options.correct,
      });
      if (options.json) {
        context.io.stdout(formatJson(result));
        return;
      }
      context.io.stdout(`${humanLines(result).join('\n')}\n`);
      writeWarnings(context.io, result.warnings);
    });
}

import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { formatNumber, formatLevel } from '../../format/number.js';
import { checkPValueCi } from '../../stats/check/p-value-from-ci.js';
import { checkTestStatistic, type StatisticKind } from '../../stats/check/check-test-statistic.js';
import { ciSymmetry } from '../../stats/check/ci-symmetry.js';
import { debit } from '../../stats/check/debit.js';
import { grim } from '../../stats/check/grim.js';
import { sprite } from '../../stats/check/sprite.js';
import { grimmer } from '../../stats/check/grimmer.js';
import { percentCounts, percentDenominators } from '../../stats/check/percent-counts.js';
import { parseReported, type ReportedValue } from '../../stats/check/reported-value.js';
import type { CliContext } from '../context.js';
import { deprecatedOption } from '../deprecated-option.js';
import {
  choice,
  integer,
  nonNegativeInteger,
  positiveInteger,
  positiveNumber,
} from '../options.js';
import { formatJson } from '../../format/json.js';

/**
 * `trialstat consistency <percent|grim|grimmer|p|statistic>`: is a single printed
 * figure possible? Values are taken as printed text so that their decimals count.
 */
export function registerConsistency(program: Command, context: CliContext): void {
  const { io } = context;
  // An impossible or inconsistent figure is a failed check: exit 1, so scripts can act on it.
  const out = (
    json: boolean,
    value: { consistent?: boolean; ns?: number[] },
    text: string,
  ): void => {
    io.stdout(json ? formatJson(value) : `${text}\n`);
    if (value.consistent === false || (value.ns !== undefined && value.ns.length === 0))
      context.setExitCode(1);
  };
  const consistency = program
    .command('consistency')
    .description(
      'check whether a single published figure is possible (percent ↔ count, GRIM, GRIMMER, DEBIT, SPRITE, CI symmetry, p ↔ CI, statistic ↔ p)',
    );

  consistency
    .command('percent')
    .description(
      'which whole counts give a printed percentage for denominator n (or which n admit it)',
    )
    .requiredOption('--percent <P>', 'the percentage as printed, e.g. 45 or 38.4')
    .option('--n <N>', 'the denominator', positiveInteger)
    .option('--n-range <A..B>', 'a range of denominators to search instead of --n')
    .option(
      '--decimals <D>',
      'decimals printed, when they differ from the text (e.g. 45 printed as 45.0)',
      nonNegativeInteger,
    )
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  $ trialstat consistency percent --percent 60 --n 11   # exit 1: impossible\n  $ trialstat consistency percent --percent 73 --n-range 10..20 --json',
    )
    .action(
      (options: {
        percent: string;
        n?: number;
        nRange?: string;
        decimals?: number;
        json?: boolean;
      }) => {
        const percent = reported('--percent', options.percent, options.decimals);
        if ((options.n === undefined) === (options.nRange === undefined)) {
          throw new InputError(
            '--n / --n-range',
            options.n ?? options.nRange ?? '',
            'exactly one of --n N or --n-range A..B',
          );
        }
        if (options.nRange !== undefined) {
          const [min, max] = parseRange(options.nRange);
          const result = percentDenominators(percent, min, max);
          out(
            Boolean(options.json),
            result,
            result.ns.length > 0
              ? `${options.percent}% is possible for n = ${compactList(result.ns)}`
              : `${options.percent}% is impossible for every n in ${min}..${max}`,
          );
          return;
        }
        const n = options.n!;
        const result = percentCounts(percent, n);
        const text = result.consistent
          ? `${options.percent}% of ${n}: consistent with ${result.counts.map((k) => `${k}/${n} = ${formatNumber((100 * k) / n, { digits: 4 })}%`).join(', ')}`
          : `${options.percent}% of ${n}: impossible — no whole count gives it (nearest: ${nearest(percent.value, n)})`;
        out(Boolean(options.json), result, text);
      },
    );

  consistency
    .command('grim')
    .description('GRIM: is a mean of integer-valued data possible for n (Brown & Heathers 2017)?')
    .requiredOption('--mean <M>', 'the mean as printed')
    .requiredOption('--n <N>', 'sample size', positiveInteger)
    .option('--items <K>', 'number of integer items averaged per participant', positiveInteger, 1)
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  $ trialstat consistency grim --mean 5.19 --n 28   # exit 1: impossible',
    )
    .action((options: { mean: string; n: number; items: number; json?: boolean }) => {
      const result = grim(reported('--mean', options.mean), options.n, { items: options.items });
      const note = result.informative
        ? ''
        : ' (not informative: n·items ≥ 10^decimals, every mean is possible)';
      out(
        Boolean(options.json),
        result,
        `mean ${options.mean} with n = ${options.n}${options.items > 1 ? `, ${options.items} items` : ''}: ${result.consistent ? 'consistent' : 'impossible (GRIM)'}${note}`,
      );
    });

  consistency
    .command('grimmer')
    .description(
      'GRIMMER: are a mean and SD of integer-valued data possible together for n (Anaya 2016)?',
    )
    .requiredOption('--mean <M>', 'the mean as printed')
    .requiredOption('--sd <S>', 'the SD as printed')
    .requiredOption('--n <N>', 'sample size', positiveInteger)
    .option('--items <K>', 'number of integer items per participant', positiveInteger, 1)
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  $ trialstat consistency grimmer --mean 3.44 --sd 2.47 --n 18   # exit 1: impossible',
    )
    .action((options: { mean: string; sd: string; n: number; items: number; json?: boolean }) => {
      const result = grimmer(
        reported('--mean', options.mean),
        reported('--sd', options.sd),
        options.n,
        { items: options.items },
      );
      const why = {
        grim: 'the mean fails GRIM',
        'sd-range': 'no whole sum of squares fits the SD',
        parity: 'the sum of squares has the wrong parity',
      } as const;
      out(
        Boolean(options.json),
        result,
        `mean ${options.mean}, SD ${options.sd}, n = ${options.n}: ${result.consistent ? 'consistent' : `impossible (${why[result.reason!]})`}`,
      );
    });

  consistency
    .command('p')
    .description(
      'is a reported p consistent with the estimate and CI (Altman & Bland 2011)? Which CI levels fit?',
    )
    .requiredOption('--estimate <E>', 'point estimate as printed (natural scale)')
    .requiredOption('--lower <L>', 'lower CI bound as printed')
    .requiredOption('--upper <U>', 'upper CI bound as printed')
    .requiredOption('--p <P>', 'reported p as printed')
    .option(
      '--relation <R>',
      'how p was reported: "=" or "<"',
      choice(['=', '<', '<=', '>'] as const),
      '=',
    )
    .option('--level <L>', 'CI level, or "unknown" to try 90/95/99 %', '0.95')
    .option(
      '--scale <S>',
      'natural, or log for ratios (RR, OR, HR)',
      choice(['natural', 'log'] as const),
      'natural',
    )
    .option('--df <DF>', 'degrees of freedom for a t-based CI (default: normal)', positiveNumber)
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  $ trialstat consistency p --estimate -16.3 --lower -20.4 --upper -12.1 --p 0.0001 --relation "<" --level unknown\n  $ trialstat consistency p --estimate 0.50 --lower 0.30 --upper 0.90 --p 0.013 --scale log',
    )
    .action(
      (options: {
        estimate: string;
        lower: string;
        upper: string;
        p: string;
        relation: ReportedValue['relation'];
        level: string;
        scale: 'natural' | 'log';
        df?: number;
        json?: boolean;
      }) => {
        const level = parseLevel(options.level);
        const parsedP = reported('--p', options.p);
        // A relation written into the value ("< 0.0001") wins over --relation.
        const p = /^\s*[<>=≤≥]/.test(options.p)
          ? parsedP
          : { ...parsedP, relation: options.relation };
        const result = checkPValueCi({
          estimate: reported('--estimate', options.estimate),
          lower: reported('--lower', options.lower),
          upper: reported('--upper', options.upper),
          p,
          level,
          scale: options.scale,
          df: options.df,
        });
        const lines = result.levels.map(
          (entry) =>
            `  ${formatLevel(entry.level).padStart(4)} CI: p = ${formatNumber(entry.pRecomputed, { digits: 3 })} (range ${formatNumber(entry.pRange.lower, { digits: 3 })} to ${formatNumber(entry.pRange.upper, { digits: 3 })}) — ${entry.consistent ? 'consistent' : 'inconsistent'}`,
        );
        const verdict = result.consistent ? 'consistent' : 'inconsistent';
        out(
          Boolean(options.json),
          result,
          [
            `p ${p.relation} ${p.value} with ${options.estimate} (${options.lower} to ${options.upper}): ${verdict}${level === null ? ' at some level' : ` at ${formatLevel(level)}`}`,
            ...lines,
            `  method: ${result.method}`,
          ].join('\n'),
        );
      },
    );

  consistency
    .command('debit')
    .description(
      'DEBIT: are a mean and SD possible for a binary (0/1) variable on n people (Heathers & Brown 2019)?',
    )
    .requiredOption('--mean <M>', 'the mean as printed: a proportion in [0, 1]')
    .requiredOption('--sd <S>', 'the SD as printed')
    .requiredOption('--n <N>', 'sample size', positiveInteger)
    .option('--json', 'print JSON')
    .option('--explain', 'show the formula and each count tried')
    .addHelpText(
      'after',
      '\nExamples:\n  $ trialstat consistency debit --mean 0.35 --sd 0.48 --n 20\n  $ trialstat consistency debit --mean 0.35 --sd 0.50 --n 20 --json   # exit 1: no count fits',
    )
    .action(
      (options: { mean: string; sd: string; n: number; json?: boolean; explain?: boolean }) => {
        const result = debit(
          reported('--mean', options.mean),
          reported('--sd', options.sd),
          options.n,
        );
        const head = `mean ${options.mean}, SD ${options.sd}, n = ${options.n}: ${
          result.consistent
            ? `consistent (${result.matches.map((m) => `${m.count}/${options.n}, ${m.formula} SD ${formatNumber(m.sd, { digits: 4 })}`).join('; ')})`
            : result.meanCounts.length === 0
              ? 'impossible: no count k gives the mean k/n'
              : `impossible: the SD of a 0/1 variable with that mean is ${result.sds.map((x) => `${formatNumber(x.sample, { digits: 4 })} (sample) or ${formatNumber(x.population, { digits: 4 })} (population) for k = ${x.count}`).join('; ')}`
        }`;
        const explain = options.explain
          ? [
              '  p = k/n; sample SD = √(n·p·(1 − p)/(n − 1)), population SD = √(p·(1 − p))',
              ...result.sds.map(
                (x) =>
                  `  k = ${x.count}: p = ${formatNumber(x.count / options.n, { digits: 4 })}, sample SD ${formatNumber(x.sample, { digits: 4 })}, population SD ${formatNumber(x.population, { digits: 4 })}`,
              ),
            ]
          : [];
        out(Boolean(options.json), result, [head, ...explain].join('\n'));
      },
    );

  consistency
    .command('sprite')
    .description(
      'SPRITE: one integer sample on a bounded scale with this mean and SD, if any (Heathers et al. 2018); seeded, bounded search',
    )
    .requiredOption('--mean <M>', 'the mean as printed')
    .requiredOption('--sd <S>', 'the SD as printed')
    .requiredOption('--n <N>', 'sample size', positiveInteger)
    .requiredOption('--min <A>', 'smallest possible score (integer)', integer)
    .requiredOption('--max <B>', 'largest possible score (integer)', integer)
    .option('--seed <S>', 'seed of the random search', nonNegativeInteger, 1)
    .option('--max-steps <K>', 'most moves per restart', positiveInteger, 20_000)
    .option('--restarts <R>', 'restarts from a fresh random sample', positiveInteger, 20)
    .option('--json', 'print JSON')
    .option('--explain', 'show how the search works and what a failure proves')
    .addHelpText(
      'after',
      '\nA found sample proves the figures possible. "Impossible" is a proof only when GRIM,\nGRIMMER or the SD bounds rule the figures out (exit 1); a search that runs out of steps\nproves nothing (exit 0, with a note).\n\nExamples:\n  $ trialstat consistency sprite --mean 4.50 --sd 1.90 --n 10 --min 1 --max 7\n  $ trialstat consistency sprite --mean 2.65 --sd 1.24 --n 20 --min 1 --max 5 --json   # exit 1: GRIMMER rules it out',
    )
    .action(
      (options: {
        mean: string;
        sd: string;
        n: number;
        min: number;
        max: number;
        seed: number;
        maxSteps: number;
        restarts: number;
        json?: boolean;
        explain?: boolean;
      }) => {
        const result = sprite(
          reported('--mean', options.mean),
          reported('--sd', options.sd),
          options.n,
          {
            min: options.min,
            max: options.max,
            seed: options.seed,
            maxSteps: options.maxSteps,
            restarts: options.restarts,
          },
        );
        const why = {
          grim: 'impossible: the mean fails GRIM on this scale',
          grimmer: 'impossible: no whole sum of squares fits the SD (GRIMMER)',
          'sd-bounds': `impossible: the SD is outside what the scale allows${result.maxSd !== null ? ` (at most ${formatNumber(result.maxSd, { digits: 4 })})` : ''}`,
          'search-exhausted': `no sample found in ${result.steps} steps — not a proof (try another --seed or more --max-steps)`,
        } as const;
        const head = `mean ${options.mean}, SD ${options.sd}, n = ${options.n} on [${options.min}, ${options.max}] (seed ${result.seed}): ${
          result.found
            ? `possible — e.g. ${result.sample!.join(', ')} (mean ${formatNumber(result.mean!, { digits: 5 })}, SD ${formatNumber(result.sd!, { digits: 5 })})`
            : why[result.reason!]
        }`;
        const explain = options.explain
          ? [
              '  GRIM fixes the total T = n·mean; GRIMMER needs a whole sum of squares for the SD; the SD of integers on [min, max] with total T is bounded;',
              '  then a random sample with total T is moved one unit at a time (the total stays), keeping moves that bring the SD closer, until it prints as reported.',
            ]
          : [];
        // Only a proof of impossibility fails the check; an exhausted search is not one.
        const verdict = { consistent: result.found || result.reason === 'search-exhausted' };
        io.stdout(options.json ? formatJson(result) : `${[head, ...explain].join('\n')}\n`);
        if (!verdict.consistent) context.setExitCode(1);
        if (!options.json && result.reason === 'search-exhausted')
          io.stderr(
            'note: the bounded search found no sample; this does not show the figures are impossible\n',
          );
      },
    );

  consistency
    .command('ci-symmetry')
    .description(
      'is a printed CI symmetric about its estimate on the linear or the log scale, and what does that say about the method?',
    )
    .requiredOption('--estimate <E>', 'point estimate as printed (natural scale)')
    .requiredOption('--lower <L>', 'lower bound as printed')
    .requiredOption('--upper <U>', 'upper bound as printed')
    .option('--json', 'print JSON')
    .option('--explain', 'show the symmetry test on each scale')
    .addHelpText(
      'after',
      '\nExit 1 when the estimate lies outside its interval.\n\nExamples:\n  $ trialstat consistency ci-symmetry --estimate 0.72 --lower 0.61 --upper 0.85\n  $ trialstat consistency ci-symmetry --estimate -16.3 --lower -20.4 --upper -12.1 --json',
    )
    .action(
      (options: {
        estimate: string;
        lower: string;
        upper: string;
        json?: boolean;
        explain?: boolean;
      }) => {
        const result = ciSymmetry(
          reported('--estimate', options.estimate),
          reported('--lower', options.lower),
          reported('--upper', options.upper),
        );
        const meaning = {
          'wald-linear':
            'symmetric on the linear scale only: a Wald interval on the natural scale (for a ratio, probably computed on the wrong scale)',
          'wald-log':
            'symmetric on the log scale only: a Wald interval for a ratio (log RR, OR or HR)',
          both: 'symmetric on both scales at this rounding: the printed digits cannot tell the scale',
          neither:
            'symmetric on neither scale: another method (exact, score, profile likelihood, bootstrap) or a typo',
          outside: 'the estimate lies outside its interval: a typo or a mislabelled figure',
        } as const;
        const head = `${options.estimate} (${options.lower} to ${options.upper}): ${meaning[result.reading]}`;
        const explain = options.explain
          ? [
              `  linear: (U − E)/(E − L) = ${formatNumber(result.ratioLinear, { digits: 4 })} — ${result.linear ? 'symmetric within rounding' : 'asymmetric'}`,
              `  log: (log U − log E)/(log E − log L) = ${result.ratioLog === null ? 'n/a (a value ≤ 0)' : formatNumber(result.ratioLog, { digits: 4 })} — ${result.log === null ? 'n/a' : result.log ? 'symmetric within rounding' : 'asymmetric'}`,
              '  each printed value stands for its rounding interval; symmetric when some values in them are exactly symmetric',
            ]
          : [];
        out(
          Boolean(options.json),
          { ...result, consistent: result.inside },
          [head, ...explain].join('\n'),
        );
      },
    );

  const statistic = consistency.command('statistic');
  deprecatedOption(statistic, context, {
    flags: '--one-tailed',
    replacement: { attribute: 'alternative', flag: '--alternative' },
    translate: () => 'one-sided',
  });
  statistic
    .description(
      "statcheck's check: does the reported p follow from a t, F, χ², z, r or Q statistic with its df?",
    )
    .requiredOption(
      '--test <T>',
      't, F, chisq, z, r or Q',
      choice(['t', 'F', 'chisq', 'z', 'r', 'Q'] as const),
    )
    .requiredOption('--value <X>', 'the statistic as printed')
    .option('--df <DF>', 'df (the first df for F)', positiveNumber)
    .option('--df2 <DF>', 'second df for F', positiveNumber)
    .requiredOption('--p <P>', 'reported p as printed, e.g. .03 or "< .001"')
    .option('--alpha <A>', 'significance level for decision errors', '0.05')
    .option(
      '--alternative <kind>',
      'two-sided (default), or one-sided: the reported p is one-tailed (t, z, r; as statcheck)',
      choice(['two-sided', 'one-sided'] as const),
      'two-sided',
    )
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  $ trialstat consistency statistic --test t --value 2.20 --df 28 --p .03   # exit 1: inconsistent\n  $ trialstat consistency statistic --test F --value 4.1 --df 2 --df2 57 --p "< .05"',
    )
    .action(
      (options: {
        test: StatisticKind;
        value: string;
        df?: number;
        df2?: number;
        p: string;
        alpha: string;
        alternative: 'two-sided' | 'one-sided';
        json?: boolean;
      }) => {
        const alpha = Number(options.alpha);
        if (!(alpha > 0 && alpha < 1))
          throw new InputError('--alpha', options.alpha, 'a level in (0, 1)');
        const result = checkTestStatistic({
          test: options.test,
          statistic: reported('--value', options.value),
          df: options.df,
          df2: options.df2,
          p: reported('--p', options.p),
          alpha,
          twoTailed: options.alternative === 'two-sided',
        });
        const verdict = !result.error
          ? 'consistent'
          : result.decisionError
            ? 'decision error (significance changes)'
            : 'inconsistent';
        out(
          Boolean(options.json),
          result,
          `recomputed p = ${formatNumber(result.pRecomputed, { digits: 3 })} (range ${formatNumber(result.pRange.lower, { digits: 3 })} to ${formatNumber(result.pRange.upper, { digits: 3 })}): ${verdict}\n  method: ${result.method}`,
        );
      },
    );
}

function reported(option: string, text: string, decimals?: number): ReportedValue {
  try {
    return parseReported(text, decimals);
  } catch {
    throw new InputError(option, text, 'a number as printed, e.g. 0.035 or -16.3');
  }
}

function parseLevel(text: string): number | null {
  if (text === 'unknown') return null;
  const value = Number(text);
  if (!(value > 0 && value < 1))
    throw new InputError('--level', text, 'a level in (0, 1) or "unknown"');
  return value;
}

function parseRange(text: string): [number, number] {
  const match = /^(\d+)\.\.(\d+)$/.exec(text.trim());
  if (!match || Number(match[1]) < 1 || Number(match[2]) < Number(match[1]))
    throw new InputError('--n-range', text, 'a range A..B with 1 ≤ A ≤ B');
  return [Number(match[1]), Number(match[2])];
}

function nearest(percent: number, n: number): string {
  const below = Math.floor((percent * n) / 100);
  return [below, below + 1]
    .filter((k) => k >= 0 && k <= n)
    .map((k) => `${k}/${n} = ${formatNumber((100 * k) / n, { digits: 3 })}%`)
    .join(', ');
}

/** `[1,2,3,5,6,9]` → `1–3, 5–6, 9`, trimmed to the first 40 entries. */
function compactList(values: number[]): string {
  const runs: string[] = [];
  let start = values[0];
  let previous = values[0];
  for (const value of [...values.slice(1), NaN]) {
    if (value === previous + 1) {
      previous = value;
      continue;
    }
    runs.push(start === previous ? `${start}` : `${start}–${previous}`);
    start = previous = value;
  }
  return runs.length > 40 ? `${runs.slice(0, 40).join(', ')}, …` : runs.join(', ');
}

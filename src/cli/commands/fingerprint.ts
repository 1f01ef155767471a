import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { formatLevel, formatNumber } from '../../format/number.js';
import { renderTable } from '../../format/table.js';
import { fingerprintBinary, type BinaryMethods } from '../../stats/check/fingerprint-binary.js';
import type {
  FingerprintMatch,
  FingerprintResult,
  ReportedFigures,
} from '../../stats/check/fingerprint-match.js';
import { fingerprintMeans, type MeansMethods } from '../../stats/check/fingerprint-means.js';
import { fingerprintSmd, type SmdMethods } from '../../stats/check/fingerprint-smd.js';
import { SMD_METHODS } from '../../stats/continuous/standardized-mean-difference.js';
import { fingerprintMeta, type MetaMethods } from '../../stats/check/fingerprint-meta.js';
import {
  fingerprintProportion,
  type ProportionMethods,
} from '../../stats/check/fingerprint-proportion.js';
import { PROPORTION_INTERVALS } from '../../stats/proportion/proportion-ci.js';
import { META_MEASURES, type MetaMeasure } from '../../stats/meta/compute-effect-sizes.js';
import { readMetaInput } from './meta.js';
import { parseReported, type ReportedValue } from '../../stats/check/reported-value.js';
import type { CliContext } from '../context.js';
import { writeNotes } from '../messages.js';
import { withOptionNames } from '../explain.js';
import { choice, nonNegativeInteger, number, positiveInteger, positiveNumber } from '../options.js';
import { formatJson } from '../../format/json.js';

interface ReportedOptions {
  reportedEstimate?: string;
  reportedLower?: string;
  reportedUpper?: string;
  reportedP?: string;
  reportedPiLower?: string;
  reportedPiUpper?: string;
  reportedTau2?: string;
  reportedI2?: string;
  json?: boolean;
  top: number;
}

/**
 * `trialstat fingerprint props|means`: which methods reproduce a published estimate,
 * CI and p from the arm data?
 */
export function registerFingerprint(program: Command, context: CliContext): void {
  const fingerprint = program
    .command('fingerprint')
    .description(
      'find which methods (CI method, level, test, Welch vs Student, ...) reproduce a published comparison',
    );

  const addReported = (command: Command): Command =>
    command
      .option('--reported-estimate <E>', 'the published estimate, as printed')
      .option('--reported-lower <L>', 'the published lower CI bound, as printed')
      .option('--reported-upper <U>', 'the published upper CI bound, as printed')
      .option('--reported-p <P>', 'the published p, as printed (e.g. 0.035 or "< 0.001")')
      .option('--top <N>', 'how many matches to list', positiveInteger, 10)
      .option('--json', 'print { matches, nearest, tried, skipped } as JSON');

  addReported(
    fingerprint
      .command('props')
      .description('two-arm binary: RD, RR or OR')
      .requiredOption('--events1 <A>', 'events in arm 1', nonNegativeInteger)
      .requiredOption('--n1 <N>', 'size of arm 1', positiveInteger)
      .requiredOption('--events2 <C>', 'events in arm 2', nonNegativeInteger)
      .requiredOption('--n2 <N>', 'size of arm 2', positiveInteger)
      .requiredOption('--measure <M>', 'RD, RR or OR', choice(['RD', 'RR', 'OR'] as const)),
  )
    .addHelpText(
      'after',
      '\nExamples:\n  $ trialstat fingerprint props --events1 36 --n1 40 --events2 16 --n2 80 --measure RR \\\n      --reported-estimate 4.50 --reported-lower 2.94 --reported-upper 7.15',
    )
    .action(
      (
        options: ReportedOptions & {
          events1: number;
          n1: number;
          events2: number;
          n2: number;
          measure: 'RD' | 'RR' | 'OR';
        },
      ) => {
        const figures = reportedFigures(options);
        const result = withOptionNames(
          { events1: '--events1', events2: '--events2', n1: '--n1', n2: '--n2' },
          () =>
            fingerprintBinary(
              {
                events1: options.events1,
                n1: options.n1,
                events2: options.events2,
                n2: options.n2,
              },
              options.measure,
              figures,
            ),
        );
        print(context, result, options, describeBinary);
      },
    );

  addReported(
    fingerprint
      .command('prop')
      .description(
        `single proportion: which interval (${PROPORTION_INTERVALS.ids.join(', ')}) and level, as proportion or percent`,
      )
      .requiredOption('--events <X>', 'number of events', nonNegativeInteger)
      .requiredOption('--n <N>', 'number of participants', positiveInteger),
  )
    .addHelpText(
      'after',
      '\nExamples:\n  $ trialstat fingerprint prop --events 9 --n 22 --reported-estimate 40.9 --reported-lower 23.3 --reported-upper 61.3',
    )
    .action((options: ReportedOptions & { events: number; n: number }) => {
      const figures = reportedFigures(options);
      const result = withOptionNames({ events: '--events', n: '--n' }, () =>
        fingerprintProportion(options.events, options.n, figures),
      );
      print(context, result, options, describeProportion);
    });

  addReported(
    fingerprint
      .command('means')
      .description('two-arm continuous: mean difference')
      .requiredOption('--n1 <N>', 'size of arm 1', positiveInteger)
      .requiredOption('--mean1 <M>', 'mean of arm 1', number)
      .requiredOption('--sd1 <S>', 'SD of arm 1', positiveNumber)
      .requiredOption('--n2 <N>', 'size of arm 2', positiveInteger)
      .requiredOption('--mean2 <M>', 'mean of arm 2', number)
      .requiredOption('--sd2 <S>', 'SD of arm 2', positiveNumber)
      .option(
        '--measure <M>',
        `MD (mean difference: Welch or Student, t or z, level, sides) or SMD (${SMD_METHODS.ids.join(', ')}, level)`,
        choice(['MD', 'SMD'] as const),
        'MD',
      ),
  )
    .addHelpText(
      'after',
      '\nExamples:\n  $ trialstat fingerprint means --n1 41 --mean1 19 --sd1 124 --n2 34 --mean2 -134 --sd2 182 --reported-p "< 0.001"\n  $ trialstat fingerprint means --n1 22 --mean1 -4.1 --sd1 52 --n2 22 --mean2 -38.5 --sd2 52 --measure SMD --reported-estimate 0.65 --reported-lower 0.04 --reported-upper 1.26',
    )
    .action(
      (
        options: ReportedOptions & {
          n1: number;
          mean1: number;
          sd1: number;
          n2: number;
          mean2: number;
          sd2: number;
          measure: 'MD' | 'SMD';
        },
      ) => {
        const figures = reportedFigures(options);
        const names = {
          'arm1.n': '--n1',
          'arm2.n': '--n2',
          'arm1.sd': '--sd1',
          'arm2.sd': '--sd2',
          figures: '--reported-*',
          'figures.p': '--reported-p',
        };
        const arm1 = { n: options.n1, mean: options.mean1, sd: options.sd1 };
        const arm2 = { n: options.n2, mean: options.mean2, sd: options.sd2 };
        if (options.measure === 'SMD') {
          const result = withOptionNames(names, () => fingerprintSmd(arm1, arm2, figures));
          print(context, result, options, describeSmd);
          return;
        }
        const result = withOptionNames(names, () => fingerprintMeans(arm1, arm2, figures));
        print(context, result, options, describeMeans);
      },
    );

  addReported(
    fingerprint
      .command('meta')
      .description(
        'meta-analysis: τ² estimator, Hartung–Knapp, MH vs IV, Peto, prediction interval, I² definition',
      )
      .argument(
        '<input>',
        'study-level CSV/JSON (as for trialstat meta), - for stdin, or a bundled single-arm dataset',
      )
      .requiredOption(
        '--measure <M>',
        `effect measure: ${META_MEASURES.join(', ')}`,
        choice(META_MEASURES),
      )
      .option('--outcome <outcome>', 'outcome to pool when a dataset holds several')
      .option(
        '--reported-pi-lower <L>',
        'the published lower prediction-interval bound (natural scale)',
      )
      .option(
        '--reported-pi-upper <U>',
        'the published upper prediction-interval bound (natural scale)',
      )
      .option('--reported-tau2 <T>', 'the published τ² (model scale)')
      .option('--reported-i2 <I>', 'the published I² in percent'),
  )
    .addHelpText(
      'after',
      '\nThe pooled estimate, CI and PI are on the natural scale (RR, OR, proportion), τ² on the model scale (log for ratios).\n\nExamples:\n  $ trialstat fingerprint meta examples/bcg.csv --measure RR --reported-estimate 0.49 --reported-lower 0.34 --reported-upper 0.70 --reported-tau2 0.313',
    )
    .action(
      async (
        input: string,
        options: ReportedOptions & { measure: MetaMeasure; outcome?: string },
      ) => {
        const figures = reportedFigures(options);
        const data = await readMetaInput(input, options, context);
        print(context, fingerprintMeta(data, options.measure, figures), options, describeMeta);
      },
    );
}

function reportedFigures(options: ReportedOptions): ReportedFigures {
  const parse = (option: string, text: string | undefined): ReportedValue | undefined => {
    if (text === undefined) return undefined;
    try {
      return parseReported(text);
    } catch {
      throw new InputError(option, text, 'a number as printed, e.g. 0.035 or "< 0.001"');
    }
  };
  const figures = {
    estimate: parse('--reported-estimate', options.reportedEstimate),
    lower: parse('--reported-lower', options.reportedLower),
    upper: parse('--reported-upper', options.reportedUpper),
    p: parse('--reported-p', options.reportedP),
    piLower: parse('--reported-pi-lower', options.reportedPiLower),
    piUpper: parse('--reported-pi-upper', options.reportedPiUpper),
    tau2: parse('--reported-tau2', options.reportedTau2),
    I2: parse('--reported-i2', options.reportedI2),
  };
  if (Object.values(figures).every((value) => value === undefined)) {
    throw new InputError(
      '--reported-*',
      '',
      'at least one of --reported-estimate, --reported-lower, --reported-upper, --reported-p',
    );
  }
  return figures;
}

function print<M>(
  context: CliContext,
  result: FingerprintResult<M>,
  options: ReportedOptions,
  describe: (methods: M, hasCi: boolean) => string,
): void {
  const { io } = context;
  const top = result.matches.slice(0, options.top);
  // Name the CI method and level only when a bound was printed: otherwise they decide nothing.
  const hasCi = options.reportedLower !== undefined || options.reportedUpper !== undefined;
  const label = (methods: M): string => describe(methods, hasCi);
  if (options.json) {
    io.stdout(formatJson({ ...result, matches: top }));
  } else if (top.length > 0) {
    io.stdout(
      `${result.matches.length} of ${result.tried} method combinations reproduce every printed figure${result.matches.length > top.length ? ` (best ${top.length} shown)` : ''}:\n`,
    );
    io.stdout(renderRows(top, label));
  } else {
    io.stdout(
      `No combination of the ${result.tried} tried reproduces every printed figure. Nearest:\n`,
    );
    io.stdout(renderRows(result.nearest, label));
  }
  if (!options.json) writeNotes(io, result.skipped);
  if (result.matches.length === 0) context.setExitCode(1);
}

function renderRows<M>(rows: FingerprintMatch<M>[], label: (methods: M) => string): string {
  const value = (x: number | null | undefined): string =>
    x === null || x === undefined ? '' : formatNumber(x, { digits: 4 });
  return renderTable(
    rows,
    [
      { header: 'methods', text: (m) => label(m.methods) },
      { header: 'estimate', text: (m) => value(m.estimate), align: 'right' },
      {
        header: 'CI',
        text: (m) => (m.ci ? `${value(m.ci.lower)} to ${value(m.ci.upper)}` : ''),
        align: 'right',
      },
      { header: 'p', text: (m) => value(m.p), align: 'right' },
      {
        header: 'checks',
        text: (m) =>
          Object.entries(m.checks)
            .map(([q, s]) => `${q} ${s === 'reproduced' ? 'ok' : s}`)
            .join(', '),
      },
    ],
    'table',
  );
}

function describeSmd(m: SmdMethods, hasCi: boolean): string {
  const label = SMD_METHODS.get(m.variant).label;
  return hasCi ? `${label}, ${formatLevel(m.level)} CI` : label;
}

function describeBinary(m: BinaryMethods, hasCi: boolean): string {
  const correction = m.correction === 'none' ? ', no zero-cell correction' : '';
  const parts = [
    hasCi ? `${m.ci} ${formatLevel(m.level)} CI${correction}` : '',
    m.test ? `${m.test} (${m.sided})` : '',
  ];
  return parts.filter(Boolean).join('; ');
}

function describeMeta(m: MetaMethods, hasCi: boolean): string {
  const model =
    m.model === 'IV'
      ? m.method === 'FE'
        ? 'common effect (IV)'
        : m.method
      : `${m.model} common effect`;
  const test =
    m.model === 'IV'
      ? { z: 'Wald', knha: 'HKSJ', adhoc: 'HKSJ never narrower', t: 't' }[m.test]
      : '';
  const parts = [
    model,
    test,
    hasCi ? `${formatLevel(m.level)} CI` : '',
    m.pi ? `PI ${m.pi}` : '',
    m.i2 ? `I² from ${m.i2 === 'Q' ? 'Q' : 'τ²'}` : '',
  ];
  return parts.filter(Boolean).join(', ');
}

function describeProportion(m: ProportionMethods, hasCi: boolean): string {
  const parts = [
    hasCi ? `${PROPORTION_INTERVALS.get(m.ci).label} ${formatLevel(m.level)} CI` : '',
    m.scale === 'percent' ? 'in percent' : 'as a proportion',
  ];
  return parts.filter(Boolean).join(', ');
}

function describeMeans(m: MeansMethods, hasCi: boolean): string {
  const parts = [
    `${m.variance === 'unequal' ? 'Welch' : 'Student'} ${m.distribution}`,
    hasCi ? `${formatLevel(m.level)} CI` : '',
    m.sided ? `${m.sided} p` : '',
  ];
  return parts.filter(Boolean).join(', ');
}

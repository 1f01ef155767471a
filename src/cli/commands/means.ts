import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { formatNumber } from '../../format/number.js';
import {
  meanDifference,
  type MeanDifferenceResult,
} from '../../stats/continuous/mean-difference.js';
import {
  meanFromMedian,
  type MeanFromMedianMethod,
} from '../../stats/continuous/mean-from-median.js';
import { sdFromMedian, type SdFromMedianMethod } from '../../stats/continuous/sd-from-median.js';
import { sdFromP } from '../../stats/continuous/sd-from-p.js';
import { sdFromSe } from '../../stats/continuous/sd-from-se.js';
import {
  SMD_METHODS,
  standardizedMeanDifference,
  type SmdVariant,
  type StandardizedMeanDifferenceResult,
} from '../../stats/continuous/standardized-mean-difference.js';
import type { ArmSummary, Derivation } from '../../stats/continuous/types.js';
import type { Alternative } from '../../stats/types.js';
import type { CliContext } from '../context.js';
import {
  explainNumber,
  formatEstimateLine,
  formatExplain,
  withOptionNames,
  type ExplainStep,
} from '../explain.js';
import { writeWarnings } from '../messages.js';
import { choice, level, number, positiveInteger } from '../options.js';
import { formatJson } from '../../format/json.js';

interface MeansOptions {
  n1: number;
  mean1?: number;
  sd1?: number;
  se1?: number;
  n2: number;
  mean2?: number;
  sd2?: number;
  se2?: number;
  /** Median-based summaries (commander's names for --median1, --q1-1, --q3-1, --min1, --max1, …). */
  median1?: number;
  q11?: number;
  q31?: number;
  min1?: number;
  max1?: number;
  median2?: number;
  q12?: number;
  q32?: number;
  min2?: number;
  max2?: number;
  meanMethod: MeanFromMedianMethod;
  sdMethod?: SdFromMedianMethod;
  var?: 'unequal' | 'equal';
  alternative: Alternative;
  level: number;
  smd: SmdVariant;
  p?: number;
  deriveSd?: boolean;
  json?: boolean;
  explain?: boolean;
}

const OPTION_NAMES: Record<string, string> = {
  'arm1.n': '--n1',
  'arm1.mean': '--mean1',
  'arm1.sd': '--sd1',
  'arm2.n': '--n2',
  'arm2.mean': '--mean2',
  'arm2.sd': '--sd2',
  level: '--level',
  md: '--mean1/--mean2',
  p: '--p',
  n1: '--n1',
  n2: '--n2',
};

/**
 * `trialstat means`: two-arm comparison of a continuous outcome from summary statistics
 * (mean difference with a Welch or Student t-test, and a standardised mean difference).
 */
export function registerMeans(program: Command, context: CliContext): void {
  program
    .command('means')
    .description(
      'compare two arms on a continuous outcome from n, mean and SD (or SE, or a reported p): MD with t-test, and SMD',
    )
    .requiredOption('--n1 <N>', 'arm 1 size', positiveInteger)
    .option(
      '--mean1 <M>',
      'arm 1 mean (negative values work: --mean1 -4.1 or --mean1=-4.1)',
      number,
    )
    .option('--sd1 <S>', 'arm 1 SD', number)
    .option('--se1 <SE>', 'arm 1 standard error of the mean, instead of --sd1 (SD = SE·√n)', number)
    .requiredOption('--n2 <N>', 'arm 2 size', positiveInteger)
    .option('--mean2 <M>', 'arm 2 mean', number)
    .option('--sd2 <S>', 'arm 2 SD', number)
    .option('--se2 <SE>', 'arm 2 standard error of the mean, instead of --sd2', number)
    .option(
      '--median1 <M>',
      'arm 1 median, instead of --mean1 and --sd1: with --q1-1 --q3-1 and/or --min1 --max1',
      number,
    )
    .option('--q1-1 <Q>', 'arm 1 first quartile', number)
    .option('--q3-1 <Q>', 'arm 1 third quartile', number)
    .option('--min1 <A>', 'arm 1 minimum', number)
    .option('--max1 <B>', 'arm 1 maximum', number)
    .option('--median2 <M>', 'arm 2 median (with --q1-2 --q3-2 and/or --min2 --max2)', number)
    .option('--q1-2 <Q>', 'arm 2 first quartile', number)
    .option('--q3-2 <Q>', 'arm 2 third quartile', number)
    .option('--min2 <A>', 'arm 2 minimum', number)
    .option('--max2 <B>', 'arm 2 maximum', number)
    .option(
      '--mean-method <m>',
      'mean from a median: luo (Luo 2018, default) or wan (Wan 2014)',
      choice(['luo', 'wan'] as const),
      'luo',
    )
    .option(
      '--sd-method <m>',
      'SD from a median: wan (Wan 2014) or shi (Shi 2020, needs all five numbers); default shi with range and quartiles, else wan',
      choice(['wan', 'shi'] as const),
    )
    .option(
      '--var <kind>',
      'unequal (Welch, default) or equal (Student; default with --derive-sd)',
      choice(['unequal', 'equal'] as const),
    )
    .option(
      '--alternative <kind>',
      'two-sided (default), less or greater: one-sided p and interval (the open end is null in JSON)',
      choice(['two-sided', 'less', 'greater'] as const),
      'two-sided',
    )
    .option('--level <L>', 'confidence level', level, 0.95)
    .option(
      '--smd <variant>',
      `standardised mean difference: ${SMD_METHODS.ids.join(', ')}`,
      choice(SMD_METHODS.ids),
      SMD_METHODS.defaultId,
    )
    .option('--p <P>', 'reported two-sided p-value of the difference (with --derive-sd)', number)
    .option('--derive-sd', 'derive a pooled SD for both arms from --p (Cochrane Handbook 6.5.2.3)')
    .option('--json', 'print JSON')
    .option('--explain', 'show the formulas and intermediate numbers')
    .addHelpText(
      'after',
      `
Arm 1 minus arm 2. The MD interval and p come from a t-test on the summary statistics
(as R's t.test); the SMD interval is the normal-theory interval of metafor's escalc.

Examples:
  $ trialstat means --n1 41 --mean1 19 --sd1 124 --n2 34 --mean2 -134 --sd2 182
  $ trialstat means --n1 22 --mean1 -4.1 --n2 22 --mean2=-38.5 --p 0.035 --derive-sd --explain
  $ trialstat means --n1 30 --mean1 5.1 --se1 0.4 --n2 30 --mean2 4.2 --se2 0.5 --var equal --json
  $ trialstat means --n1 30 --median1 10 --q1-1 7 --q3-1 14 --n2 32 --median2 13 --q1-2 9 --q3-2 18 --explain
  $ trialstat means --n1 25 --median1 4 --min1 1 --max1 12 --n2 25 --mean2 6.1 --sd2 2.9 --mean-method wan

A median with its quartiles and/or range is turned into a mean and SD first (Wan 2014,
Luo 2018, Shi 2020; all assume roughly normal data); the derivations are printed.`,
    )
    .action((options: MeansOptions) => {
      const { io } = context;
      const [arm1, arm2] = arms(options);
      const variance = options.var ?? (options.deriveSd ? 'equal' : 'unequal');
      const md = withOptionNames(OPTION_NAMES, () =>
        meanDifference(arm1, arm2, {
          variance,
          level: options.level,
          alternative: options.alternative,
        }),
      );
      const smd = withOptionNames(OPTION_NAMES, () =>
        standardizedMeanDifference(arm1, arm2, { variant: options.smd, level: options.level }),
      );
      if (options.json) {
        io.stdout(formatJson(meansJson(md, smd, [arm1, arm2])));
        return;
      }
      const lines = [
        formatEstimateLine('MD', md.estimate, md.ci, md.test.p),
        formatEstimateLine(`SMD (${SMD_METHODS.get(smd.variant).label})`, smd.estimate, smd.ci),
        `${md.test.name}: t = ${formatNumber(md.test.statistic)}, df = ${Number.isInteger(md.df) ? md.df : formatNumber(md.df, { digits: 4 })}`,
        ...md.derivation.map(describeDerivation),
      ];
      if (options.explain) lines.push('', explainMeans(arm1, arm2, md, smd));
      io.stdout(`${lines.join('\n')}\n`);
      writeWarnings(io, [...md.warnings, ...smd.warnings]);
    });
}

/** An arm mean, which every summary but a median-based one needs. */
function meanOf(options: MeansOptions, k: 1 | 2): number {
  const mean = options[`mean${k}`];
  if (mean === undefined) {
    throw new InputError(
      `--mean${k}`,
      undefined,
      `an arm mean (--mean${k}), or a median with quartiles and/or range (--median${k} with --q1-${k} --q3-${k} and/or --min${k} --max${k})`,
    );
  }
  return mean;
}

/**
 * An arm given as a median with quartiles and/or range: mean and SD estimated from them
 * (meanFromMedian, sdFromMedian), each recorded as a derivation. Undefined when no
 * median-based option was given.
 */
function medianArm(options: MeansOptions, k: 1 | 2): ArmSummary | undefined {
  const given = {
    median: options[`median${k}`],
    q1: options[`q1${k}`],
    q3: options[`q3${k}`],
    min: options[`min${k}`],
    max: options[`max${k}`],
  };
  const flags: Record<keyof typeof given, string> = {
    median: `--median${k}`,
    q1: `--q1-${k}`,
    q3: `--q3-${k}`,
    min: `--min${k}`,
    max: `--max${k}`,
  };
  const used = (Object.keys(given) as (keyof typeof given)[]).filter(
    (key) => given[key] !== undefined,
  );
  if (used.length === 0) return undefined;
  if (given.median === undefined)
    throw new InputError(flags[used[0]], given[used[0]], `to be used with --median${k}`);
  for (const option of [`mean${k}`, `sd${k}`, `se${k}`] as const) {
    if (options[option] !== undefined)
      throw new InputError(
        `--${option}`,
        options[option],
        `either --median${k} (with quartiles or range) or --mean${k} with an SD, not both`,
      );
  }
  const summary = {
    n: options[`n${k}`],
    median: given.median,
    q1: given.q1,
    q3: given.q3,
    min: given.min,
    max: given.max,
  };
  const names = { ...flags, n: `--n${k}`, summary: `--median${k}` };
  const mean = withOptionNames({ ...names, method: '--mean-method' }, () =>
    meanFromMedian(summary, { method: options.meanMethod }),
  );
  const sd = withOptionNames({ ...names, method: '--sd-method' }, () =>
    sdFromMedian(summary, options.sdMethod ? { method: options.sdMethod } : {}),
  );
  return {
    n: summary.n,
    mean: mean.value,
    sd: sd.value,
    derivations: [mean.derivation, sd.derivation],
  };
}

/** Builds both arms, deriving SDs from SEs or from the reported p where asked. */
function arms(options: MeansOptions): [ArmSummary, ArmSummary] {
  if (options.deriveSd) {
    if (options.p === undefined)
      throw new InputError('--p', undefined, 'a reported two-sided p-value with --derive-sd');
    for (const option of ['sd1', 'se1', 'sd2', 'se2'] as const) {
      if (options[option] !== undefined)
        throw new InputError(
          `--${option}`,
          options[option],
          'no SD or SE with --derive-sd (the pooled SD is derived from --p)',
        );
    }
    const [mean1, mean2] = [meanOf(options, 1), meanOf(options, 2)];
    const derived = withOptionNames(OPTION_NAMES, () =>
      sdFromP({ md: mean1 - mean2, p: options.p as number, n1: options.n1, n2: options.n2 }),
    );
    const derivations = [derived.derivation];
    return [
      { n: options.n1, mean: mean1, sd: derived.value, derivations },
      { n: options.n2, mean: mean2, sd: derived.value, derivations },
    ];
  }
  if (options.p !== undefined)
    throw new InputError('--p', options.p, 'to be used with --derive-sd');
  return [arm(options, 1), arm(options, 2)];
}

function arm(options: MeansOptions, k: 1 | 2): ArmSummary {
  const n = options[`n${k}`];
  const fromMedian = medianArm(options, k);
  if (fromMedian) return fromMedian;
  const mean = meanOf(options, k);
  const sd = options[`sd${k}`];
  const se = options[`se${k}`];
  if (sd !== undefined && se !== undefined)
    throw new InputError(`--se${k}`, se, `either --sd${k} or --se${k}, not both`);
  if (sd !== undefined) return { n, mean, sd };
  if (se !== undefined) {
    const derived = withOptionNames({ se: `--se${k}`, n: `--n${k}` }, () => sdFromSe(se, n));
    return { n, mean, sd: derived.value, derivations: [derived.derivation] };
  }
  throw new InputError(
    `--sd${k}`,
    undefined,
    `an SD (--sd${k}), a standard error (--se${k}), or --p with --derive-sd`,
  );
}

function describeDerivation(derivation: Derivation): string {
  const inputs = Object.entries(derivation.inputs)
    .map(([key, value]) => `${key} = ${explainNumber(value)}`)
    .join(', ');
  return `${derivation.quantity} derived by ${derivation.method} (${derivation.reference}) from ${inputs}; assumes ${derivation.assumptions.join('; ')}`;
}

/** `arms` (added): the n, mean and SD that went in, after any derivation (SE → SD, median → mean/SD). */
/** The `means --json` object (schema: schemas/means.schema.json). */
export function meansJson(
  md: MeanDifferenceResult,
  smd: StandardizedMeanDifferenceResult,
  arms: readonly ArmSummary[],
) {
  return {
    arms: arms.map(({ n, mean, sd }) => ({ n, mean, sd })),
    md: {
      estimate: md.estimate,
      se: md.se,
      df: md.df,
      statistic: md.test.statistic,
      p: md.test.p,
      test: md.test.name,
      alternative: md.test.alternative,
      ci: md.ci,
    },
    smd: {
      estimate: smd.estimate,
      se: smd.se,
      variance: smd.variance,
      variant: smd.variant,
      correction: smd.correction,
      standardizer: smd.standardizer,
      ci: smd.ci,
    },
    derivations: md.derivation,
    warnings: [...md.warnings, ...smd.warnings],
  };
}

function explainMeans(
  arm1: ArmSummary,
  arm2: ArmSummary,
  md: MeanDifferenceResult,
  smd: StandardizedMeanDifferenceResult,
): string {
  const steps: ExplainStep[] = [];
  const shown = new Set<Derivation>();
  [arm1, arm2].forEach((arm, index) => {
    for (const derivation of arm.derivations ?? []) {
      if (!shown.has(derivation)) {
        shown.add(derivation);
        steps.push({
          label: `${derivation.quantity} (${derivation.method})`,
          formula: derivation.formula,
        });
        for (const [key, value] of Object.entries(derivation.intermediate))
          steps.push({ label: `  ${key}`, value });
      }
      const isMean = derivation.quantity === 'mean';
      steps.push({
        label: `  ${isMean ? 'mean' : 'sd'}${index + 1}`,
        value: isMean ? arm.mean : arm.sd,
      });
    }
  });
  const f = explainNumber;
  const signed = (x: number): string => (x < 0 ? `(${f(x)})` : f(x));
  steps.push({
    label: 'MD',
    formula: `mean1 − mean2 = ${f(arm1.mean)} − ${signed(arm2.mean)}`,
    value: md.estimate,
  });
  if (md.ci.method === 'student-t') {
    steps.push({
      label: 'pooled SD',
      formula: 'sp = √{[(n1 − 1)sd1² + (n2 − 1)sd2²] / (n1 + n2 − 2)}',
      value: pooledSd(arm1, arm2),
    });
    steps.push({ label: 'SE', formula: 'sp × √(1/n1 + 1/n2)', value: md.se });
    steps.push({ label: 'df', formula: 'n1 + n2 − 2', value: md.df });
  } else {
    steps.push({ label: 'SE', formula: '√(sd1²/n1 + sd2²/n2)', value: md.se });
    steps.push({
      label: 'df (Welch–Satterthwaite)',
      formula: 'SE⁴ / [(sd1²/n1)²/(n1 − 1) + (sd2²/n2)²/(n2 − 1)]',
      value: md.df,
    });
  }
  steps.push({ label: 't', formula: 'MD / SE', value: md.test.statistic });
  const twoSided = md.test.alternative === 'two-sided';
  const pFormula = {
    'two-sided': '2 × P(T_df > |t|)',
    less: 'P(T_df < t)',
    greater: 'P(T_df > t)',
  }[md.test.alternative];
  steps.push({ label: 'p', formula: pFormula, value: md.test.p });
  const quantile = twoSided
    ? (md.ci.upper - md.estimate) / md.se
    : Number.isFinite(md.ci.upper)
      ? (md.ci.upper - md.estimate) / md.se
      : (md.estimate - md.ci.lower) / md.se;
  steps.push({
    label: 't quantile',
    formula: twoSided
      ? `t_{1 − α/2, df} with α = ${f(1 - md.ci.level)}`
      : `t_{level, df} (one-sided)`,
    value: quantile,
  });
  steps.push({
    label: 'CI',
    formula: twoSided
      ? 'MD ± quantile × SE'
      : md.test.alternative === 'less'
        ? '−∞ to MD + quantile × SE'
        : 'MD − quantile × SE to ∞',
    value: `${f(md.ci.lower)} to ${f(md.ci.upper)}`,
  });
  const nVariance = smd.variant.startsWith('glass') ? 'n2' : 'n1 + n2';
  steps.push({
    label: `standardiser (${smd.variant.startsWith('glass') ? 'sd2' : 'pooled SD'})`,
    value: smd.standardizer,
  });
  steps.push({
    label: 'correction J',
    formula: smd.correction === 1 ? 'none' : 'exp(lgamma(m/2) − log √(m/2) − lgamma((m − 1)/2))',
    value: smd.correction,
  });
  const entry = SMD_METHODS.get(smd.variant);
  steps.push({
    label: `SMD, ${entry.label}`,
    formula: `${entry.formula} = J × MD / standardiser (${entry.reference})`,
    value: smd.estimate,
  });
  steps.push({
    label: 'SMD variance',
    formula: `1/n1 + 1/n2 + SMD²/(2(${nVariance}))`,
    value: smd.variance,
  });
  steps.push({
    label: 'SMD CI',
    formula: 'SMD ± z_{1 − α/2} × √variance',
    value: `${f(smd.ci.lower)} to ${f(smd.ci.upper)}`,
  });
  return formatExplain(md.test.name, steps);
}

function pooledSd(arm1: ArmSummary, arm2: ArmSummary): number {
  return Math.sqrt(
    ((arm1.n - 1) * arm1.sd ** 2 + (arm2.n - 1) * arm2.sd ** 2) / (arm1.n + arm2.n - 2),
  );
}

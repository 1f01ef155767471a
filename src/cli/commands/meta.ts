import { Option, type Command } from 'commander';
import { resolve } from 'node:path';
import { statSync } from 'node:fs';
import { InputError } from '../../errors.js';
import {
  defineSchema,
  ordered,
  parseTable,
  readTableFile,
  loadDataset,
  type ColumnSpecs,
  type Schema,
} from '../../data/index.js';
import { formatFixed, formatLevel, formatNumber, formatP } from '../../format/number.js';
import { renderTable, type Column } from '../../format/table.js';
import { ratioJson, ratioPresetComparison } from './meta-ratio-json.js';
import { comparePresets, type PresetComparison } from '../../stats/meta/compare-presets.js';
import {
  computeEffectSizes,
  inputKind,
  META_MEASURES,
  type MetaInput,
  type MetaMeasure,
} from '../../stats/meta/compute-effect-sizes.js';
import type { BinaryStudy } from '../../stats/meta/binary-effect-sizes.js';
import { TAU2_ESTIMATORS } from '../../stats/meta/estimate-tau2.js';
import type { FixedEffectResult } from '../../stats/meta/fixed-effect-result.js';
import { mantelHaenszel } from '../../stats/meta/mantel-haenszel.js';
import {
  metaAnalysis,
  type MetaAnalysisOptions,
  type MetaAnalysisResult,
  type MetaMethod,
  type PredictionType,
} from '../../stats/meta/meta-analysis.js';
import { peto } from '../../stats/meta/peto.js';
import { PRESETS, PRESET_NAMES, presetOptions, type PresetName } from '../../stats/meta/presets.js';
import { subgroupAnalysis, type SubgroupResult } from '../../stats/meta/subgroup-analysis.js';
import { backTransform } from '../../stats/meta/back-transform.js';
import {
  datasetTables,
  isAlternative,
  rowsOfKind,
  tablesOfKind,
} from '../../analysis/dataset-tables.js';
import { binaryPairs, continuousPairs } from '../../analysis/pair-arms.js';
import { derivationNotes } from '../../analysis/compare-dataset.js';
import type { CliContext } from '../context.js';
import { writeNotes, writeWarnings } from '../messages.js';
import { DIAGNOSTIC_FLAGS, META_DIAGNOSTICS, metaDiagnostic } from './meta-diagnostics.js';
import { formatJson } from '../../format/json.js';
import { REGTEST_PREDICTORS, type RegtestPredictor } from '../../stats/meta/egger-test.js';
import {
  choice,
  level as levelOption,
  nonNegativeInteger,
  number as numberOption,
  positiveInteger,
  positiveNumber,
  probability as probabilityOption,
} from '../options.js';
import { FAIL_SAFE_TYPES, type FailSafeType } from '../../stats/meta/fail-safe-n.js';
import {
  commonTau2Text,
  runMetaRegression,
  type MetaRegressionCliOptions,
} from './meta-regression-output.js';
import type { WarningCode } from '../../stats/warnings.js';
import { runHazardRatioMeta } from './survival-meta.js';
import type { MetaTest } from '../../stats/meta/meta-analysis.js';
import type { GlmmModel } from '../../stats/meta/glmm-meta-analysis.js';
import type { ProportionStudy } from '../../stats/meta/proportion-effect-sizes.js';
import { runGlmm } from './meta-glmm-output.js';
import { runBayes } from './meta-bayes-output.js';
import { rateStudies } from './meta-rate-input.js';
import { explainDiagnostic, explainMetaAnalysis, explainRegression } from './meta-explain.js';

const study = { type: 'text', required: true } as const;
const SCHEMAS = {
  binary: defineSchema({
    name: 'meta-binary',
    columns: {
      study,
      events1: { type: 'integer', required: true, min: 0 },
      n1: { type: 'integer', required: true, min: 1 },
      events2: { type: 'integer', required: true, min: 0 },
      n2: { type: 'integer', required: true, min: 1 },
    },
    checks: [ordered('events1', 'n1'), ordered('events2', 'n2')],
    extraColumns: 'keep',
  }),
  continuous: defineSchema({
    name: 'meta-continuous',
    columns: {
      study,
      n1: { type: 'integer', required: true, min: 1 },
      mean1: { type: 'number', required: true },
      sd1: { type: 'number', required: true, min: 0 },
      n2: { type: 'integer', required: true, min: 1 },
      mean2: { type: 'number', required: true },
      sd2: { type: 'number', required: true, min: 0 },
    },
    extraColumns: 'keep',
  }),
  proportion: defineSchema({
    name: 'meta-proportion',
    columns: {
      study,
      events: { type: 'integer', required: true, min: 0 },
      n: { type: 'integer', required: true, min: 1 },
    },
    checks: [ordered('events', 'n')],
    extraColumns: 'keep',
  }),
  rate: defineSchema({
    name: 'meta-rate',
    columns: {
      study,
      events1: { type: 'integer', required: true, min: 0 },
      time1: { type: 'number', required: true, min: 0, minExclusive: true },
      events2: { type: 'integer', required: true, min: 0 },
      time2: { type: 'number', required: true, min: 0, minExclusive: true },
    },
    extraColumns: 'keep',
  }),
  'single-rate': defineSchema({
    name: 'meta-single-rate',
    columns: {
      study,
      events: { type: 'integer', required: true, min: 0 },
      time: { type: 'number', required: true, min: 0, minExclusive: true },
    },
    extraColumns: 'keep',
  }),
  generic: defineSchema({
    name: 'meta-generic',
    columns: {
      study,
      yi: { type: 'number', required: true },
      vi: { type: 'number', min: 0, minExclusive: true },
      sei: { type: 'number', min: 0, minExclusive: true },
    },
    checks: [
      (row, report) => {
        if (row.vi === undefined && row.sei === undefined)
          report({ column: 'vi', expected: 'vi or sei', found: 'neither' });
      },
    ],
    extraColumns: 'keep',
  }),
};

interface MetaCliOptions extends Partial<MetaRegressionCliOptions> {
  measure: MetaMeasure;
  method?: MetaMethod;
  mh?: boolean;
  peto?: boolean;
  hk?: boolean;
  hkNeverNarrower?: boolean;
  pi?: PredictionType;
  preset?: PresetName;
  comparePresets?: boolean;
  subgroup?: string;
  outcome?: string;
  comparator?: string;
  level: number;
  json?: boolean;
  leaveOneOut?: boolean;
  cumulative?: boolean;
  orderBy?: string;
  influence?: boolean;
  egger?: boolean;
  eggerModel: 'rma' | 'lm';
  eggerPredictor?: RegtestPredictor;
  funnel?: boolean;
  commonTau2?: boolean;
  bias?: boolean;
  ranktest?: boolean;
  trimfill?: boolean;
  estimator?: 'L0' | 'R0';
  side?: 'left' | 'right';
  fsn?: boolean;
  fsnType?: FailSafeType;
  fsnTarget?: number;
  fsnWeighted?: boolean;
  alpha?: number;
  harbord?: boolean;
  peters?: boolean;
  test?: MetaTest;
  tol?: number;
  maxIter?: number;
  tau2Max?: number;
  model?: 'normal' | 'glmm';
  glmmModel?: Exclude<GlmmModel, 'PLO'>;
  points?: number;
  explain?: boolean;
  bayes?: boolean;
  tauPrior?: string;
  muPrior?: string;
  interval?: 'shortest' | 'central';
}

/** Registers `trialstat meta`. */
export function registerMeta(program: Command, context: CliContext): void {
  program
    .command('meta')
    .description(
      'meta-analysis of study-level data: per-study effects, common and random effects (metafor-compatible)',
    )
    .argument(
      '<input>',
      'CSV/JSON file, - for stdin, or a dataset (bundled name or folder) of single-arm proportions or arm rows',
    )
    .addOption(
      new Option('--measure <measure>', 'effect measure')
        // HR: log hazard ratios derived per study from what it prints (survival-meta.ts).
        .argParser(choice([...META_MEASURES, 'HR'] as const))
        .makeOptionMandatory(),
    )
    .addOption(
      new Option(
        '--method <method>',
        `FE or a τ² estimator: ${TAU2_ESTIMATORS.entries.map((e) => `${e.id} (${e.label})`).join(', ')}; default ${TAU2_ESTIMATORS.defaultId}`,
      ).argParser(choice(['FE', ...TAU2_ESTIMATORS.ids] as const)),
    )
    .option('--mh', 'Mantel–Haenszel common effect (RR, OR, RD)')
    .option('--peto', 'Peto common-effect odds ratio (OR)')
    .option('--hk', 'Hartung–Knapp(–Sidik–Jonkman) t-based CI')
    .option(
      '--hk-never-narrower',
      'as --hk, but the CI is never narrower than the Wald CI (q = max(1, q))',
    )
    .addOption(
      new Option(
        '--test <test>',
        'test and CI of the pooled effect: z (normal, default), t (unadjusted, t with k − 1 df), knha (= --hk), adhoc (= --hk-never-narrower)',
      ).argParser(choice(['z', 't', 'knha', 'adhoc'] as const)),
    )
    .addOption(
      new Option(
        '--pi <type>',
        'prediction interval: t (k − 1 df; the default, even with the z test — metafor uses z: --pi z or --preset metafor), z, hts (k − 2 df), none',
      ).argParser(choice(['z', 't', 'hts', 'none'] as const)),
    )
    .option(
      '--tol <x>',
      'convergence threshold of the iterative τ² estimators: Fisher-scoring change (metafor threshold, default 1e-5) and PM root tolerance',
      positiveNumber,
    )
    .option(
      '--max-iter <n>',
      'iteration limit of the iterative τ² estimators (metafor maxiter, default 100)',
      positiveInteger,
    )
    .option(
      '--tau2-max <x>',
      'upper bound for τ² (metafor tau2.max): end of the PM search (default max(100, 10·mad²)), cap on Fisher scoring',
      positiveNumber,
    )
    .addOption(
      new Option(
        '--model <model>',
        'normal (inverse variance on yᵢ, vᵢ; default) or glmm (exact binomial likelihood: PLO for proportions, OR for tables)',
      ).argParser(choice(['normal', 'glmm'] as const)),
    )
    .addOption(
      new Option(
        '--glmm-model <model>',
        'with --model glmm --measure OR: UM.FS (fixed study intercepts, default) or CM.EL (conditional, non-central hypergeometric)',
      ).argParser(choice(['UM.FS', 'CM.EL'] as const)),
    )
    .option(
      '--points <n>',
      'with --model glmm: adaptive Gauss–Hermite points per study (default 7, as metafor nAGQ)',
      positiveInteger,
    )
    .option(
      '--bayes',
      'Bayesian random effects by exact numerical integration (bayesmeta): posterior of μ and τ, predictive, shrinkage',
    )
    .option(
      '--tau-prior <prior>',
      'with --bayes: half-normal:<scale>, half-cauchy:<scale>, exponential:<scale> or uniform (default half-normal:0.5 for RR, OR, ROM)',
    )
    .option('--mu-prior <mean,sd>', 'with --bayes: normal prior for μ (default uniform)')
    .addOption(
      new Option(
        '--interval <type>',
        'with --bayes: shortest (default, as bayesmeta) or central credible intervals',
      ).argParser(choice(['shortest', 'central'] as const)),
    )
    .option('--explain', 'show the formulas with the numbers that went in')
    .addOption(new Option('--preset <name>', 'bundle of defaults').argParser(choice(PRESET_NAMES)))
    .option('--compare-presets', 'run every preset and list where and why results differ')
    .option(
      '--subgroup <column>',
      'pool per subgroup (an extra column) and test subgroup differences',
    )
    .option('--outcome <outcome>', 'outcome to pool when a dataset holds several')
    .option(
      '--comparator <arm>',
      'with a dataset of arm rows: the comparator arm (default: the arm named like placebo or control, or the second of two)',
    )
    .addOption(
      new Option('--level <level>', 'confidence level').argParser(levelOption).default(0.95),
    )
    .option('--leave-one-out', 'refit without each study in turn (metafor leave1out)')
    .option(
      '--cumulative',
      'add studies one at a time, in input order or --order-by (metafor cumul)',
    )
    .option('--order-by <column>', 'with --cumulative: an extra column to sort by, e.g. year')
    .option(
      '--influence',
      "case-deletion diagnostics: rstudent, dffits, Cook's D, hat, dfbetas (metafor influence)",
    )
    .option('--egger', 'regression test for funnel-plot asymmetry (metafor regtest)')
    .addOption(
      new Option(
        '--egger-model <model>',
        'with --egger: rma (meta-regression on the SE) or lm (Egger 1997)',
      )
        .argParser(choice(['rma', 'lm'] as const))
        .default('rma'),
    )
    .addOption(
      new Option(
        '--egger-predictor <predictor>',
        'with --egger: regressor sei (Egger), vi, ni, ninv (Peters-type 1/n), sqrtni, sqrtninv',
      ).argParser(choice(REGTEST_PREDICTORS)),
    )
    .option(
      '--funnel',
      'funnel plot data: each estimate with its SE and the pseudo-confidence region',
    )
    .option(
      '--bias',
      'small-study effects: Egger, rank correlation, Harbord and Peters (binary), trim and fill',
    )
    .option(
      '--ranktest',
      'Begg & Mazumdar rank correlation test (metafor ranktest; exact Kendall without ties)',
    )
    .option('--trimfill', 'trim and fill (metafor trimfill)')
    .addOption(
      new Option('--estimator <k0>', 'with --trimfill: L0 or R0 (default L0)').argParser(
        choice(['L0', 'R0'] as const),
      ),
    )
    .addOption(
      new Option(
        '--side <side>',
        'with --trimfill: side of the missing studies, left or right (default estimated)',
      ).argParser(choice(['left', 'right'] as const)),
    )
    .option('--fsn', 'fail-safe N (metafor fsn)')
    .addOption(
      new Option(
        '--fsn-type <type>',
        'with --fsn: Rosenthal (default), Orwin or Rosenberg',
      ).argParser(choice(FAIL_SAFE_TYPES)),
    )
    .option(
      '--fsn-target <x>',
      'with --fsn --fsn-type Orwin: target effect (default half the mean effect)',
      numberOption,
    )
    .option('--fsn-weighted', 'with --fsn --fsn-type Orwin: inverse-variance weighted mean effect')
    .option('--alpha <a>', 'with --fsn: significance level (default 0.05)', probabilityOption)
    .option('--harbord', "Harbord's score test for small-study effects (binary input)")
    .option('--peters', "Peters' regression test on 1/N (binary input)")
    .option(
      '--mods <columns>',
      'meta-regression on extra columns, comma-separated (non-numeric ones are categorical)',
    )
    .option(
      '--factor <columns>',
      'with --mods: treat these columns as categorical even when numeric',
    )
    .option(
      '--reference <column=level>',
      'with --mods: reference level of a categorical moderator (comma-separated pairs)',
    )
    .option('--no-intercept', 'with --mods: fit without an intercept')
    .option(
      '--permutations <n>',
      'with --mods: permutation test with n permutations (exhaustive when there are no more distinct ones)',
      positiveInteger,
    )
    .option(
      '--seed <s>',
      'with --permutations: seed of the random permutations (printed; default: random)',
      nonNegativeInteger,
    )
    .option(
      '--predict <values>',
      'with --mods: predicted effect at moderator values, e.g. ablat=30 (repeatable)',
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .option(
      '--common-tau2',
      'with --subgroup: also the mixed-effects model with one τ² and its test for subgroup differences',
    )
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      `
CSV columns: binary study,events1,n1,events2,n2; continuous study,n1,mean1,sd1,n2,mean2,sd2;
proportions study,events,n; generic study,yi,vi or study,yi,sei; incidence rates (IRR, IRD)
study,events1,time1,events2,time2 and single rates (IRLN, IRS) study,events,time, with
person-time in any unit (rates are per that unit); HR study plus log_hr,se or
hr,ci_lower,ci_upper[,ci_level] or hr,p or o_minus_e,v or logrank_p,events[,n1,n2] or
hr,events1,events2 (each study's derivation is shown, as trialstat survival hr). Extra columns are kept.
The table shows each study on the model scale (log for RR/OR/ROM, logit for PLO, ...) with
the natural scale beside it; the pooled line gives RR, OR, ROM and proportions on the natural
scale first. With --json, ratio measures have estimate, ci and pi as ratios and the log-scale
values under logEstimate, logCi, logPi (and each study's yi, logCi).
A dataset's arm rows are paired as in trialstat compare (docs/analysis.md): one study per
trial, arm vs comparator, for the --outcome given.

Examples:
  $ trialstat meta examples/bcg.csv --measure RR
  $ trialstat meta examples/bcg.csv --measure OR --mh
  $ trialstat meta examples/bcg.csv --measure RR --preset cochrane-2025 --json
  $ trialstat meta examples/bcg.csv --measure RR --compare-presets
  $ trialstat meta sirolimus-cytopenia --measure PFT --outcome "complete response"
  $ trialstat meta bcg-vaccine --measure RR --comparator control
  $ trialstat meta examples/studies.csv --measure GEN --method DL --hk --subgroup region
  $ trialstat meta examples/hr-studies.csv --measure HR --method DL --hk
  $ trialstat meta examples/bcg.csv --measure RR --leave-one-out
  $ trialstat meta examples/bcg.csv --measure RR --cumulative --order-by year --json
  $ trialstat meta examples/bcg.csv --measure RR --influence
  $ trialstat meta examples/bcg.csv --measure RR --egger --egger-model lm
  $ trialstat meta examples/bcg.csv --measure RR --funnel --json
  $ trialstat meta examples/bcg.csv --measure RR --mods ablat,year --predict ablat=20,year=1950
  $ trialstat meta examples/bcg.csv --measure RR --mods alloc --reference alloc=random --hk
  $ trialstat meta examples/bcg.csv --measure RR --mods ablat --permutations 1000 --seed 42
  $ trialstat meta examples/bcg.csv --measure RR --subgroup alloc --common-tau2
  $ trialstat meta examples/bcg.csv --measure OR --bias
  $ trialstat meta examples/bcg.csv --measure RR --trimfill --estimator R0 --json
  $ trialstat meta examples/bcg.csv --measure RR --ranktest
  $ trialstat meta examples/bcg.csv --measure RR --fsn --fsn-type Orwin --fsn-target 0.1
  $ trialstat meta examples/bcg.csv --measure OR --harbord
  $ trialstat meta examples/bcg.csv --measure RR --egger --egger-predictor ninv --egger-model lm
  $ trialstat meta examples/bcg.csv --measure RR --test t --explain
  $ trialstat meta examples/bcg.csv --measure RR --method PM --tol 1e-10 --max-iter 1000 --tau2-max 50
  $ trialstat meta examples/props.csv --measure PLO --model glmm
  $ trialstat meta examples/bcg.csv --measure OR --model glmm --glmm-model CM.EL --points 15 --json
  $ trialstat meta examples/hart.csv --measure IRR --method DL
  $ trialstat meta examples/bcg.csv --measure OR --bayes --tau-prior half-normal:0.5
  $ trialstat meta examples/studies.csv --measure GEN --bayes --tau-prior half-cauchy:1 --mu-prior 0,10 --explain

Defaults: REML τ², z test, and a t prediction interval with k − 1 df (as meta and the
Cochrane Handbook; metafor's default is a normal one: --pi z, or --preset metafor).`,
    )
    .action(async (input: string, options: MetaCliOptions) => {
      if ((options.measure as string) === 'HR') {
        await runHazardRatioMeta(input, options, context);
        return;
      }
      const data = await readMetaInput(input, options, context);
      const out = context.io.stdout;
      const diagnosticFlag = META_DIAGNOSTICS.find((kind) => options[kind]);
      // Options that choose another analysis than a model with --mods or --model glmm.
      const exclusive: [unknown, string][] = [
        [options.mh, '--mh'],
        [options.peto, '--peto'],
        [options.subgroup, '--subgroup'],
        [diagnosticFlag, diagnosticFlag ? DIAGNOSTIC_FLAGS[diagnosticFlag] : ''],
      ];
      if (options.comparePresets && diagnosticFlag)
        throw new InputError(
          '--compare-presets',
          true,
          `not with ${DIAGNOSTIC_FLAGS[diagnosticFlag]}`,
        );
      if (options.comparePresets) {
        const comparison = comparePresets(data, options.measure, { level: options.level });
        out(
          options.json
            ? formatJson(ratioPresetComparison(comparison))
            : formatComparison(comparison),
        );
        return;
      }
      const preset = options.preset ? PRESETS[options.preset] : undefined;
      const analysis: MetaAnalysisOptions = {
        ...(preset?.options ?? {}),
        level: options.level,
        ...(options.method ? { method: options.method } : {}),
        ...(options.hk ? { test: 'knha' as const } : {}),
        ...(options.hkNeverNarrower ? { test: 'adhoc' as const } : {}),
        ...(options.pi ? { pi: options.pi } : {}),
        ...(options.test ? { test: options.test } : {}),
        ...(options.tol !== undefined ||
        options.maxIter !== undefined ||
        options.tau2Max !== undefined
          ? {
              control: {
                ...(options.tol !== undefined ? { threshold: options.tol, tol: options.tol } : {}),
                ...(options.maxIter !== undefined ? { maxiter: options.maxIter } : {}),
                ...(options.tau2Max !== undefined ? { tau2Max: options.tau2Max } : {}),
              },
            }
          : {}),
      };
      if (options.test && (options.hk || options.hkNeverNarrower)) {
        const implied = options.hk ? 'knha' : 'adhoc';
        if (options.test !== implied)
          throw new InputError(
            '--test',
            options.test,
            `${implied} with ${options.hk ? '--hk' : '--hk-never-narrower'} (or leave one out)`,
          );
      }
      for (const [flag, given] of [
        ['--glmm-model', options.glmmModel],
        ['--points', options.points],
      ] as const)
        if (given !== undefined && options.model !== 'glmm')
          throw new InputError(flag, given, 'to be used with --model glmm');
      for (const [flag, given] of [
        ['--tau-prior', options.tauPrior],
        ['--mu-prior', options.muPrior],
        ['--interval', options.interval],
      ] as const)
        if (given !== undefined && !options.bayes)
          throw new InputError(flag, given, 'to be used with --bayes');
      if (options.bayes) {
        const other = firstSet(
          ...exclusive,
          [options.mods, '--mods'],
          [options.model === 'glmm' ? true : undefined, '--model glmm'],
          [options.method, '--method'],
          [options.test ?? options.hk ?? options.hkNeverNarrower, '--test/--hk'],
          [options.preset, '--preset'],
        );
        if (other) throw new InputError('--bayes', true, `not with ${other}`);
        const run = runBayes(computeEffectSizes(data, options.measure), {
          level: options.level,
          ...(options.tauPrior !== undefined ? { tauPrior: options.tauPrior } : {}),
          ...(options.muPrior !== undefined ? { muPrior: options.muPrior } : {}),
          ...(options.interval ? { interval: options.interval } : {}),
          explain: options.explain === true,
        });
        out(options.json ? formatJson(run.json) : run.text);
        if (!options.json) writeWarnings(context.io, run.warnings);
        return;
      }
      if (options.model === 'glmm') {
        const other = firstSet(
          ...exclusive,
          [options.mods, '--mods'],
          [options.method, '--method'],
          [options.test ?? options.hk ?? options.hkNeverNarrower, '--test/--hk'],
        );
        if (other)
          throw new InputError(
            '--model',
            'glmm',
            `not with ${other} (GLMMs are fitted by ML with a z test)`,
          );
        if (options.measure !== 'PLO' && options.measure !== 'OR')
          throw new InputError('--measure', options.measure, 'PLO or OR with --model glmm');
        if (options.glmmModel && options.measure !== 'OR')
          throw new InputError('--glmm-model', options.glmmModel, 'to be used with --measure OR');
        const run = runGlmm(data as readonly ProportionStudy[] | readonly BinaryStudy[], {
          level: options.level,
          ...(options.measure === 'OR'
            ? { model: options.glmmModel ?? 'UM.FS' }
            : { model: 'PLO' as const }),
          ...(options.points !== undefined ? { points: options.points } : {}),
          explain: options.explain === true,
        });
        out(options.json ? formatJson(run.json) : run.text);
        if (!options.json) writeWarnings(context.io, run.warnings);
        return;
      }
      const effects = computeEffectSizes(data, options.measure);
      const regressionOnly =
        (['factor', 'reference', 'permutations', 'predict'] as const).find(
          (o) =>
            options[o] !== undefined && !(Array.isArray(options[o]) && options[o].length === 0),
        ) ?? (options.intercept === false ? 'intercept' : undefined);
      if (regressionOnly && !options.mods)
        throw new InputError(
          regressionOnly === 'intercept' ? '--no-intercept' : `--${regressionOnly}`,
          true,
          'to be used with --mods',
        );
      if (options.seed !== undefined && options.permutations === undefined)
        throw new InputError('--seed', options.seed, 'to be used with --permutations');
      if (options.commonTau2 && !options.subgroup)
        throw new InputError('--common-tau2', true, 'to be used with --subgroup');
      for (const [flag, given, parent] of [
        ['--estimator', options.estimator, 'trimfill'],
        ['--side', options.side, 'trimfill'],
        ['--fsn-type', options.fsnType, 'fsn'],
        ['--fsn-target', options.fsnTarget, 'fsn'],
        ['--fsn-weighted', options.fsnWeighted, 'fsn'],
        ['--alpha', options.alpha, 'fsn'],
        ['--egger-predictor', options.eggerPredictor, 'egger'],
      ] as const) {
        if (given !== undefined && !options[parent])
          throw new InputError(flag, given, `to be used with --${parent}`);
      }
      if (options.mods) {
        const other = firstSet(...exclusive);
        if (other) throw new InputError('--mods', options.mods, `not with ${other}`);
        const seed = options.seed ?? Math.floor(Math.random() * 2 ** 32);
        const run = runMetaRegression(effects, analysis, { ...options, mods: options.mods, seed });
        out(
          options.json
            ? formatJson(run.json)
            : run.text + (options.explain ? `\n${explainRegression()}\n` : ''),
        );
        if (!options.json) writeWarnings(context.io, [...run.warnings]);
        return;
      }
      const diagnostics = META_DIAGNOSTICS.filter((kind) => options[kind]);
      if (options.orderBy !== undefined && !options.cumulative)
        throw new InputError('--order-by', options.orderBy, 'to be used with --cumulative');
      if (diagnostics.length > 0) {
        const flags = diagnostics.map((kind) => DIAGNOSTIC_FLAGS[kind]);
        if (diagnostics.length > 1)
          throw new InputError(flags[1], true, `one diagnostic per run (also given: ${flags[0]})`);
        const other = options.mh
          ? '--mh'
          : options.peto
            ? '--peto'
            : options.subgroup
              ? '--subgroup'
              : undefined;
        if (other)
          throw new InputError(
            other,
            true,
            `not with ${flags[0]} (diagnostics refit the inverse-variance model)`,
          );
        const run = metaDiagnostic(diagnostics[0], effects, analysis, {
          orderBy: options.orderBy,
          eggerModel: options.eggerModel,
          ...(options.eggerPredictor ? { eggerPredictor: options.eggerPredictor } : {}),
          bias: {
            ...(inputKind(options.measure) === 'binary' ? { tables: data as BinaryStudy[] } : {}),
            ...(options.estimator ? { estimator: options.estimator } : {}),
            ...(options.side ? { side: options.side } : {}),
            ...(options.fsnType ? { fsnType: options.fsnType } : {}),
            ...(options.fsnTarget !== undefined ? { fsnTarget: options.fsnTarget } : {}),
            ...(options.fsnWeighted ? { fsnWeighted: true } : {}),
            ...(options.alpha !== undefined ? { alpha: options.alpha } : {}),
          },
        });
        out(
          options.json
            ? formatJson(run.json)
            : run.text +
                (options.explain ? `\n${explainDiagnostic(diagnostics[0], run.json)}\n` : ''),
        );
        if (!options.json) writeWarnings(context.io, [...effects.warnings, ...run.warnings]);
        return;
      }
      const binary = inputKind(options.measure) === 'binary';
      if ((options.mh || options.peto) && !binary)
        throw new InputError('--mh/--peto', options.measure, 'a binary measure (RR, OR, RD)');
      if (options.peto && options.measure !== 'OR')
        throw new InputError('--peto', options.measure, 'the OR measure');
      if (options.mh && options.peto)
        throw new InputError('--mh', '--peto', 'only one of --mh and --peto');
      const useMh =
        options.mh || (binary && preset?.binaryFixed === 'MH' && analysis.method === 'FE');
      if (options.subgroup) {
        const column = options.subgroup;
        const missing = effects.studies.filter((s) => s.extra?.[column] === undefined);
        if (missing.length > 0)
          throw new InputError(
            '--subgroup',
            column,
            `a column present for every study (missing for ${missing[0].study})`,
          );
        const result = subgroupAnalysis(effects, (s) => String(s.extra![column]), {
          ...analysis,
          commonTau2: options.commonTau2 === true,
        });
        out(
          options.json
            ? formatJson({
                ...result,
                groups: result.groups.map((g) => ({ ...g, result: ratioJson(g.result) })),
              })
            : formatSubgroups(result) + commonTau2Text(result),
        );
        if (!options.json) writeWarnings(context.io, result.warnings);
        return;
      }
      if (useMh || options.peto) {
        const fixed = options.peto
          ? peto(data as BinaryStudy[], { level: options.level })
          : mantelHaenszel(data as BinaryStudy[], options.measure as 'RR' | 'OR' | 'RD', {
              level: options.level,
            });
        const result = metaAnalysis(effects, { ...analysis, method: 'FE', pi: 'none' });
        out(
          options.json
            ? formatJson(ratioJson(fixedJson(fixed, result)))
            : formatResult(result, fixed) +
                (options.explain ? `\n${explainMetaAnalysis(result, fixed)}\n` : ''),
        );
        if (!options.json) writeWarnings(context.io, textWarnings(result, fixed));
        return;
      }
      // A preset's Q centre (RevMan 5: the MH estimate) applies to the pooled fit of all studies.
      const qCenter = options.preset
        ? presetOptions(options.preset, data, options.measure).qCenter
        : undefined;
      const result = metaAnalysis(effects, {
        ...analysis,
        ...(qCenter !== undefined ? { qCenter } : {}),
      });
      out(
        options.json
          ? formatJson(ratioJson(result))
          : formatResult(result) + (options.explain ? `\n${explainMetaAnalysis(result)}\n` : ''),
      );
      if (!options.json) writeWarnings(context.io, textWarnings(result));
    });
}

/**
 * Reads study-level data for a meta-analysis: a CSV/JSON file, stdin, or a dataset (bundled
 * name or folder): single-arm proportions, or arm rows paired by the analysis core.
 */
export async function readMetaInput(
  input: string,
  options: Pick<MetaCliOptions, 'measure' | 'outcome' | 'comparator'>,
  context: CliContext,
): Promise<MetaInput> {
  const kind = inputKind(options.measure);
  const schema = SCHEMAS[kind] as unknown as Schema<ColumnSpecs>;
  const toStudies = (rows: readonly Record<string, unknown>[]): MetaInput =>
    rows.map((row) => {
      const {
        $line: _line,
        $printed: _printed,
        $extra,
        ...values
      } = row as Record<string, unknown> & { $extra?: Record<string, string> };
      return { ...values, ...($extra ? { extra: $extra } : {}) };
    }) as unknown as MetaInput;
  if (input === '-') {
    const text = await context.io.readStdin();
    return toStudies(
      parseTable(text, schema, {
        file: '<stdin>',
        format: text.trimStart().startsWith('[') ? 'json' : 'csv',
      }).rows,
    );
  }
  const path = resolve(context.io.cwd, input);
  // A .csv/.json name that is not there: "no such file" from the reader, not "unknown dataset".
  if (statSync(path, { throwIfNoEntry: false })?.isFile() || /\.(csv|json)$/i.test(input))
    return toStudies((await readTableFile(path, schema, { file: input })).rows);
  const dataset = await loadDataset(input, { cwd: context.io.cwd });
  const tables = datasetTables(dataset);
  // The notes of a dataset's pairing on stderr, then its studies (none is an input error).
  const pooledStudies = (studies: readonly unknown[], notes: string[], outcome: string) => {
    writeNotes(context.io, [...new Set(notes)]);
    if (studies.length === 0)
      throw new InputError(
        'input',
        input,
        `a dataset with at least one pair of arms for "${outcome}"`,
      );
    return studies as unknown as MetaInput;
  };
  const has = (
    k: 'single-arm-proportion' | 'arm-binary' | 'arm-continuous' | 'arm-rate',
  ): boolean => tablesOfKind(tables, k).length > 0;
  if ((kind === 'rate' || kind === 'single-rate') && has('arm-rate')) {
    const outcome = pickOutcome(rowsOfKind(tables, 'arm-rate'), options.outcome, dataset.name);
    const notes: string[] = [];
    const all = rowsOfKind(tables, 'arm-rate', { readings: 'all' }).filter(
      (r) => r.outcome === outcome,
    );
    for (const r of all.filter(isAlternative))
      notes.push(`${r.trial}, ${r.arm}: alternative reading left out`);
    const studies = rateStudies(
      all.filter((r) => !isAlternative(r)),
      kind === 'rate',
      options.comparator,
      notes,
    );
    return pooledStudies(studies, notes, outcome);
  }
  const source =
    kind === 'proportion'
      ? 'single-arm-proportion'
      : kind === 'binary'
        ? 'arm-binary'
        : kind === 'continuous'
          ? 'arm-continuous'
          : undefined;
  if (!source || !has(source)) {
    throw new InputError(
      'input',
      input,
      'a CSV/JSON file, or a dataset with single-arm-proportion rows (--measure PLO, PFT, PR), arm-binary rows (RR, OR, RD), arm-continuous rows (MD, SMD, ROM) or arm-rate rows (IRR, IRD, IRLN, IRS)',
    );
  }
  const outcome = pickOutcome(rowsOfKind(tables, source), options.outcome, dataset.name);
  if (source === 'single-arm-proportion') {
    const all = rowsOfKind(tables, source, { readings: 'all' }).filter(
      (r) => r.outcome === outcome,
    );
    // Alternative readings of a study already pooled would count its patients twice.
    const skipped = all.filter(isAlternative);
    if (skipped.length > 0) {
      const names = skipped.map((r) => (r.group ? `${r.study} (${r.group})` : r.study)).join('; ');
      writeNotes(context.io, [
        `left out ${skipped.length} alternative reading${skipped.length === 1 ? '' : 's'} of studies already pooled (reading = alternative in ${dataset.name}): ${names}`,
      ]);
    }
    return all
      .filter((r) => !isAlternative(r))
      .map((r) => ({
        study: r.study + (r.group ? ` (${r.group})` : ''),
        events: r.events,
        n: r.n,
        extra: { group: r.group ?? '', outcome: r.outcome },
      }));
  }
  // Two-arm rows: one study per pair of the analysis core (population join, comparator rule, derived SDs).
  const selection = {
    outcomes: outcome,
    ...(options.comparator !== undefined ? { comparator: options.comparator } : {}),
  };
  const pairing =
    source === 'arm-binary' ? binaryPairs(tables, selection) : continuousPairs(tables, selection);
  const notes = [
    ...pairing.alternatives.map((r) => `${r.trial}, ${r.arm}: alternative reading left out`),
    ...pairing.unpaired
      .filter((u) => u.reason !== 'other-scale')
      .map(
        (u) =>
          `${u.trial}: not pooled (${u.reason === 'one-arm' ? 'one arm' : u.reason === 'ambiguous-comparator' ? `no single control arm among ${u.arms.join(', ')}: name one with --comparator` : `no arm ${options.comparator ?? ''}`})`,
      ),
  ];
  const studyName = (pair: {
    trial: string;
    timepoint: string | null;
    population: string | null;
    arm: { name: string };
  }): string => {
    const same = pairing.pairs.filter((q) => q.trial === pair.trial);
    if (same.length === 1) return pair.trial;
    notes.push(
      `${pair.trial} gives ${same.length} comparisons; they share arms, so patients are counted more than once`,
    );
    return [pair.trial, pair.arm.name, pair.timepoint, pair.population].filter(Boolean).join(', ');
  };
  const studies: Record<string, unknown>[] = [];
  for (const pair of pairing.pairs) {
    const extra = {
      outcome,
      arm: pair.arm.name,
      comparator: pair.comparator.name,
      ...(pair.timepoint ? { timepoint: pair.timepoint } : {}),
      ...(pair.population ? { population: pair.population } : {}),
    };
    if (pair.kind === 'binary') {
      studies.push({
        study: studyName(pair),
        events1: pair.arm.events,
        n1: pair.arm.n,
        events2: pair.comparator.events,
        n2: pair.comparator.n,
        extra,
      });
      continue;
    }
    const { arm, comparator } = pair;
    if (
      arm.mean === null ||
      comparator.mean === null ||
      arm.sd === null ||
      comparator.sd === null
    ) {
      notes.push(
        `${pair.trial}: not pooled (no ${arm.mean === null || comparator.mean === null ? 'mean' : 'SD'} printed or derivable)`,
      );
      continue;
    }
    notes.push(...derivationNotes(pair.derivations).map((d) => `${pair.trial}: ${d}`));
    studies.push({
      study: studyName(pair),
      n1: arm.n,
      mean1: arm.mean,
      sd1: arm.sd,
      n2: comparator.n,
      mean2: comparator.mean,
      sd2: comparator.sd,
      extra,
    });
  }
  return pooledStudies(studies, notes, outcome);
}

/** The outcome to pool: the one given, or the dataset's only one. */
function pickOutcome(
  rows: readonly { outcome: string }[],
  wanted: string | undefined,
  name: string,
): string {
  const outcomes = [
    ...new Set(rows.filter((r) => !isAlternative(r as { reading?: string })).map((r) => r.outcome)),
  ];
  const outcome = wanted ?? (outcomes.length === 1 ? outcomes[0] : undefined);
  if (outcome === undefined || !outcomes.includes(outcome)) {
    throw new InputError(
      '--outcome',
      wanted,
      `one of the outcomes of ${name}: ${outcomes.map((o) => `"${o}"`).join(', ')}`,
    );
  }
  return outcome;
}

const num = (x: number): string => formatNumber(x, { digits: 3 });
const interval = (lo: number, hi: number): string => `${num(lo)} to ${num(hi)}`;

function fixedJson(fixed: FixedEffectResult, result: MetaAnalysisResult) {
  const tf = backTransform(result);
  return {
    ...result,
    method: fixed.method,
    estimate: fixed.estimate,
    se: fixed.se,
    ci: fixed.ci,
    statistic: fixed.test.statistic,
    p: fixed.test.p,
    Q: fixed.Q,
    Qp: fixed.Qp,
    I2: fixed.I2,
    H2: fixed.H2,
    transformed: {
      estimate: tf.apply(fixed.estimate),
      ci: tf.interval(fixed.ci.lower, fixed.ci.upper),
      pi: null,
      transform: tf.name,
    },
    warnings: [
      ...withoutCodes(result, ['tau2-at-boundary']),
      ...fixed.warnings.filter((w) => !result.warnings.includes(w)),
    ],
  };
}

/** The warnings printed with a text result (a common-effect fit has no τ², so none about it). */
function textWarnings(result: MetaAnalysisResult, fixed?: FixedEffectResult): string[] {
  return fixed
    ? [...withoutCodes(result, ['tau2-at-boundary', 'tau2-not-estimable']), ...fixed.warnings]
    : [...result.warnings];
}

/** A fit's warning messages without those of the given codes (a common-effect fit has no τ²). */
function withoutCodes(result: MetaAnalysisResult, codes: readonly WarningCode[]): string[] {
  return result.codedWarnings.filter((w) => !codes.includes(w.code)).map((w) => w.message);
}

/** Per-study rows with weights, the pooled row and a heterogeneity line, like a paper or RevMan. */
function formatResult(result: MetaAnalysisResult, fixed?: FixedEffectResult): string {
  const tf = backTransform(result);
  const natural = tf.name !== 'identity';
  type Row = { study: string; est: string; ci: string; nat: string; weight: string };
  const rows: Row[] = result.studies.map((s) => ({
    study: s.study,
    est: num(s.yi),
    ci: interval(s.ci.lower, s.ci.upper),
    nat: natural
      ? `${num(tf.apply(s.yi))} (${(({ lower, upper }) => interval(lower, upper))(tf.interval(s.ci.lower, s.ci.upper))})`
      : '',
    weight: fixed ? '' : `${formatFixed(s.weight, 1)}%`,
  }));
  const estimate = fixed?.estimate ?? result.estimate;
  const ci = fixed?.ci ?? result.ci;
  const label = fixed
    ? `${fixed.method} common effect`
    : result.method === 'FE'
      ? 'Common effect (IV)'
      : `Random effects (${result.method}${result.test === 'z' ? '' : `, ${result.test}`})`;
  const pooledNat = tf.interval(ci.lower, ci.upper);
  rows.push({
    study: label,
    est: num(estimate),
    ci: interval(ci.lower, ci.upper),
    nat: natural
      ? `${num(tf.apply(estimate))} (${interval(pooledNat.lower, pooledNat.upper)})`
      : '',
    weight: '100%',
  });
  const lvl = formatLevel(ci.level);
  const columns: Column<Row>[] = [
    { header: 'Study', text: (r) => r.study },
    { header: scaleName(result), text: (r) => r.est, align: 'right' },
    { header: `${lvl} CI`, text: (r) => r.ci, align: 'right' },
    ...(natural
      ? [{ header: naturalName(result), text: (r: Row) => r.nat, align: 'right' as const }]
      : []),
    ...(fixed ? [] : [{ header: 'Weight', text: (r: Row) => r.weight, align: 'right' as const }]),
  ];
  const lines = [renderTable(rows, columns, 'table').trimEnd()];
  const p = fixed ? fixed.test.p : result.p;
  // Ratio measures (and transformed proportions) on their natural scale; the model scale beside it, named as such.
  const modelScale = `${scaleName(result)} ${num(estimate)} (${interval(ci.lower, ci.upper)})`;
  lines.push(
    natural
      ? `${label}: ${naturalName(result)} ${num(tf.apply(estimate))} (${lvl} CI ${interval(pooledNat.lower, pooledNat.upper)}); ${formatP(p)}; ${modelScale}`
      : `${label}: ${result.measure} ${num(estimate)} (${lvl} CI ${interval(ci.lower, ci.upper)}); ${formatP(p)}`,
  );
  const Q = fixed ?? result;
  const het = [
    `Heterogeneity: Q = ${formatFixed(Q.Q, 2)}, df = ${Q.Qdf}, ${formatP(Q.Qp)}`,
    `I² = ${formatFixed(Q.I2, 1)}%${fixed || result.i2Method === 'Q' ? '' : ' (from τ²)'}`,
  ];
  if (!fixed && result.method !== 'FE') {
    het.push(
      `τ² = ${num(result.tau2)}${result.tau2Ci ? ` (${interval(result.tau2Ci.lower, result.tau2Ci.upper)}, Q-profile)` : ''}`,
    );
  }
  lines.push(het.join('; '));
  if (!fixed && result.pi) {
    const pi = result.pi;
    const piNat = result.transformed.pi;
    lines.push(
      `Prediction interval (${pi.type === 'z' ? 'normal' : `t, ${pi.df} df`}): ${interval(pi.lower, pi.upper)}${natural && piNat ? `; ${naturalName(result)}: ${interval(piNat.lower, piNat.upper)}` : ''}`,
    );
  }
  return lines.join('\n') + '\n';
}

function naturalName(result: MetaAnalysisResult): string {
  if (result.measure === 'IRLN' || result.measure === 'IRS') return 'rate';
  return result.measure === 'PLO' || result.measure === 'PFT' ? 'proportion' : result.measure;
}

function scaleName(result: MetaAnalysisResult): string {
  const m = result.measure;
  if (m === 'RR' || m === 'OR' || m === 'ROM' || m === 'IRR') return `log ${m}`;
  if (m === 'IRLN') return 'log rate';
  if (m === 'IRS') return '√rate';
  if (m === 'PLO') return 'logit p';
  if (m === 'PFT') return 'double arcsine';
  return m;
}

function formatSubgroups(result: SubgroupResult): string {
  const lines = result.groups.map((g) => {
    const r = g.result;
    const tf = backTransform(r);
    const nat = tf.interval(r.ci.lower, r.ci.upper);
    const pooled =
      tf.name === 'identity'
        ? `${num(r.estimate)} (${formatLevel(r.ci.level)} CI ${interval(r.ci.lower, r.ci.upper)})`
        : `${naturalName(r)} ${num(tf.apply(r.estimate))} (${formatLevel(r.ci.level)} CI ${interval(nat.lower, nat.upper)}); ${scaleName(r)} ${num(r.estimate)} (${interval(r.ci.lower, r.ci.upper)})`;
    return `${g.name} (k = ${r.k}): ${pooled}; τ² = ${num(r.tau2)}; I² = ${formatFixed(r.I2, 1)}%`;
  });
  const b = result.between;
  lines.push(
    `Test for subgroup differences: Q = ${formatFixed(b.Q, 2)}, df = ${b.Qdf}, ${formatP(b.Qp)}`,
  );
  return lines.join('\n') + '\n';
}

function formatComparison(c: PresetComparison): string {
  type Row = PresetComparison['rows'][number];
  const first = c.rows[0]?.result;
  const tf = first ? backTransform(first) : undefined;
  // Ratio measures and transformed proportions: the model scale named as such, the natural scale beside it.
  const natural: Column<Row>[] =
    first && tf && tf.name !== 'identity'
      ? [
          {
            header: `${naturalName(first)} (CI)`,
            text: (r) =>
              `${num(tf.apply(r.result.estimate))} (${(({ lower, upper }) => interval(lower, upper))(tf.interval(r.result.ci.lower, r.result.ci.upper))})`,
            align: 'right',
          },
        ]
      : [];
  const columns: Column<Row>[] = [
    { header: 'Preset', text: (r) => r.preset },
    {
      header: first ? scaleName(first) : 'Estimate',
      text: (r) => num(r.result.estimate),
      align: 'right',
    },
    { header: 'CI', text: (r) => interval(r.result.ci.lower, r.result.ci.upper), align: 'right' },
    ...natural,
    { header: 'τ²', text: (r) => num(r.result.tau2), align: 'right' },
    { header: 'I²', text: (r) => `${formatFixed(r.result.I2, 1)}%`, align: 'right' },
    {
      header: 'PI',
      text: (r) => (r.result.pi ? interval(r.result.pi.lower, r.result.pi.upper) : '—'),
      align: 'right',
    },
    {
      header: first && natural.length > 0 ? `Common effect (${scaleName(first)})` : 'Common effect',
      text: (r) => `${num(r.fixed.estimate)} (${r.fixed.method})`,
      align: 'right',
    },
    { header: 'Settings', text: (r) => r.settings },
  ];
  const lines = [renderTable(c.rows, columns, 'table').trimEnd(), ''];
  if (c.differences.length === 0) lines.push('All presets agree.');
  for (const d of c.differences) lines.push(`${d.quantity} differs: ${d.reason}`);
  return lines.join('\n') + '\n';
}

/** The first option given (a set value), by its flag: for "not with …" messages. */
function firstSet(...candidates: [unknown, string][]): string | undefined {
  return candidates.find(([value]) => value !== undefined && value !== false)?.[1];
}

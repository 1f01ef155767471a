import {
  any,
  array,
  bool,
  document,
  either,
  int,
  nullable,
  num,
  object,
  oneOf,
  optional,
  record,
  schemaOf,
  str,
  type JsonSchema,
  type Schema,
} from '../format/json-schema.js';
import type { BinaryEstimate } from '../stats/binary/binary-estimate.js';
import type { CompareProportionsResult } from '../stats/binary/compare-proportions.js';
import type { CheckItem, CheckSummary } from '../analysis/check-dataset.js';
import type { TestStatisticResult } from '../stats/check/check-test-statistic.js';
import type { GrimResult } from '../stats/check/grim.js';
import type { GrimmerResult } from '../stats/check/grimmer.js';
import type { CiSymmetryResult } from '../stats/check/ci-symmetry.js';
import type { DebitResult } from '../stats/check/debit.js';
import type { SpriteResult } from '../stats/check/sprite.js';
import type { PValueCiResult } from '../stats/check/p-value-from-ci.js';
import type {
  PercentCountsResult,
  PercentDenominatorsResult,
} from '../stats/check/percent-counts.js';
import type { FingerprintResult } from '../stats/check/fingerprint-match.js';
import type { CompareDatasetResult } from '../analysis/compare-dataset.js';
import type { ExactBinomialPowerResult } from '../stats/design/exact-binomial-power.js';
import type { MarginPowerResult } from '../stats/design/margin-power.js';
import type { PowerPropTestResult } from '../stats/design/power-prop-test.js';
import type { PowerTTestResult } from '../stats/design/power-t-test.js';
import { POWER_METHODS } from '../stats/design/power-methods.js';
import type { SolvePowerResult } from '../stats/design/solve-power.js';
import type { SimonTwoStageResult } from '../stats/design/simon-two-stage.js';
import type { CrmJson, DoseFindingJson } from './commands/design-dose-finding.js';
import type { FragilityResult } from '../stats/binary/fragility-index.js';
import type { TwoArmBetaResult } from '../stats/bayes/two-arm-beta.js';
import type { BayesMeansJson, BayesSingleJson } from './commands/bayes.js';
import type { MetaAnalysisResult } from '../stats/meta/meta-analysis.js';
import type { StratifiedTwoByTwoResult } from '../stats/binary/stratified-two-by-two.js';
import type { PairedMeanDifferenceResult } from '../stats/continuous/paired-mean-difference.js';
import type { KmPercentResult } from '../stats/survival/km-reachable.js';
import type { SurvivalPower, SurvivalSampleSize } from '../stats/survival/survival-design.js';
import type { ThreePlusThreeResult } from '../stats/design/three-plus-three.js';
import type { ScanResult } from '../scan/types.js';
import type { VerifyResult } from '../report/verify.js';
import type { meansJson } from './commands/means.js';
import type { propJson } from './commands/prop.js';

/**
 * The JSON Schema of every command's `--json` output. Each schema is checked against the
 * command's TypeScript result type by the compiler (`schemaOf<T>()`), written to
 * schemas/<id>.schema.json by scripts/write-json-schemas.mjs, and validated against the real
 * output of `example` in test/cli/json-schema.test.ts. Objects are open: fields may be added.
 */
export interface CommandSchema {
  /** File name stem: schemas/<id>.schema.json. */
  id: string;
  title: string;
  /** A command line whose output the test validates (argv after `trialstat`). */
  example: readonly string[];
  schema: Schema<unknown>;
}

const warnings = array(str(), 'Recoverable problems, one sentence each.');
const codedWarnings = array(
  object({
    code: str('A code of the warnings catalogue (src/stats/warnings.ts).'),
    message: str(),
  }),
  'The warnings with their codes.',
);
const interval = object(
  { lower: num(), upper: num(), level: num(), method: str() },
  'Confidence interval; method as the registry names it.',
);
const openInterval = object(
  { lower: nullable(num()), upper: nullable(num()), level: num(), method: str() },
  'null limits: not estimable.',
);
const _test = object({
  name: str(),
  statistic: optional(num()),
  df: optional(num()),
  p: num(),
  alternative: optional(oneOf(['two-sided', 'less', 'greater'])),
});

const binaryEstimate = schemaOf<BinaryEstimate>()(
  object({
    measure: oneOf(['RD', 'RR', 'OR']),
    estimable: bool(),
    estimate: nullable(num('Natural scale (ratios as ratios); null when not estimable.')),
    se: optional(num('Analysis scale: log for RR and OR.')),
    seLog: optional(num('RR and OR: SE of the log ratio (the same as se, named for its scale).')),
    ci: openInterval,
    correction: nullable(num()),
    warnings,
    codedWarnings,
  }),
);

const props = schemaOf<CompareProportionsResult>()(
  object({
    table: object({ events1: int(), n1: int(), events2: int(), n2: int() }),
    rd: binaryEstimate,
    rr: binaryEstimate,
    or: binaryEstimate,
    nnt: object({ kind: oneOf(['NNTB', 'NNTH', 'none']), estimate: num(), warnings }),
    tests: object({
      fisher: object({ p: num() }),
      chisq: nullable(object({ statistic: num(), p: num() })),
      chisqYates: nullable(object({ statistic: num(), p: num() })),
    }),
  }),
);

const prop = schemaOf<ReturnType<typeof propJson>>()(
  object({
    estimate: num(),
    events: int(),
    n: int(),
    ci: interval,
    test: nullable(object({ name: str(), p: num(), p0: optional(num()) })),
    warnings,
  }),
);

const means = schemaOf<ReturnType<typeof meansJson>>()(
  object({
    arms: array(object({ n: num(), mean: num(), sd: num() })),
    md: object({
      estimate: num(),
      se: num(),
      df: num(),
      statistic: num(),
      p: num(),
      test: str(),
      alternative: oneOf(['two-sided', 'less', 'greater']),
      ci: interval,
    }),
    smd: object({
      estimate: num(),
      se: num(),
      variance: num(),
      variant: str(),
      correction: num(),
      standardizer: num(),
      ci: interval,
    }),
    derivations: array(
      object({ quantity: str(), method: str(), formula: str(), reference: str() }),
    ),
    warnings,
  }),
);

const compare = schemaOf<CompareDatasetResult>()(
  object({
    comparisons: array(
      object({
        dataset: str(),
        trial: str(),
        outcome: str(),
        timepoint: nullable(str()),
        population: nullable(str()),
        scale: nullable(str()),
        arm: str(),
        comparator: str(),
        measure: oneOf(['MD', 'SMD', 'RD', 'RR', 'OR']),
        estimate: nullable(num()),
        ci: nullable(openInterval),
        p: nullable(num()),
        test: nullable(str()),
        inputs: record(num()),
        unit: nullable(str()),
        fragility: optional(
          object(
            {
              kind: oneOf(['fragility', 'reverse']),
              index: nullable(int()),
              quotient: nullable(num()),
              arm: nullable(int()),
              change: nullable(int()),
            },
            'Binary outcomes: fragility index (Walsh 2014) under Fisher at α 0.05; reverse index when not significant.',
          ),
        ),
        warnings,
      }),
    ),
    notes: array(str()),
  }),
);

const check = schemaOf<{ items: CheckItem[]; summary: CheckSummary }>()(
  object({
    items: array(
      object({
        dataset: str(),
        file: str(),
        line: int(),
        trial: str(),
        outcome: str(),
        quantity: str(),
        reported: nullable(str()),
        recomputed: nullable(num()),
        status: oneOf(['reproduced', 'rounding', 'discrepant', 'not-checkable']),
        method: str(),
        reason: str(),
        expected: bool(),
      }),
    ),
    summary: object({
      reproduced: int(),
      discrepant: int(),
      notCheckable: int(),
      unexpected: int(),
    }),
  }),
);

const meta = schemaOf<MetaAnalysisResult>()(
  object({
    measure: str(),
    method: str(),
    test: oneOf(['z', 'knha', 'adhoc', 't']),
    k: int(),
    estimate: num(
      'Ratio measures (RR/OR/ROM): the ratio, its log under logEstimate. Others: the model scale (logit for PLO), natural scale under transformed.',
    ),
    se: num(),
    ci: interval,
    statistic: num(),
    df: nullable(num()),
    p: num(),
    tau2: num(),
    tau: num(),
    I2: num(),
    Q: num(),
    Qdf: num(),
    Qp: num(),
    pi: nullable(
      object({ lower: num(), upper: num(), type: oneOf(['z', 't', 'hts']), df: nullable(num()) }),
    ),
    transformed: object({
      estimate: num(),
      ci: object({ lower: num(), upper: num() }),
      transform: str(),
    }),
    studies: array(
      object({
        study: str(),
        yi: num(),
        vi: num(),
        weight: num(),
        ci: object({ lower: num(), upper: num() }),
      }),
    ),
    warnings,
    codedWarnings,
  }),
);

const fingerprintMatch = object({
  methods: record(any('The method combination; its fields depend on the subcommand.')),
  estimate: nullable(num()),
  ci: nullable(openInterval),
  p: nullable(num()),
  preference: num(),
  checks: record(str()),
  distance: num(),
});
const fingerprint = schemaOf<FingerprintResult<Record<string, unknown>>>()(
  object({
    matches: array(fingerprintMatch),
    nearest: array(fingerprintMatch),
    tried: int(),
    skipped: array(str()),
  }),
);

const twoArmSize = {
  n: num(),
  nPerArm: int(),
  nPerArm2: int(),
  nTotal: int(),
  power: num(),
  targetPower: optional(num()),
  alpha: num(),
  ratio: num(),
  dropout: num(),
  method: str(),
  warnings,
};
const powerMeans = schemaOf<PowerTTestResult>()(
  object({
    ...twoArmSize,
    solved: oneOf(['n', 'power', 'delta', 'sd', 'alpha']),
    type: oneOf(['two-sample', 'one-sample', 'paired']),
    delta: num(),
    sd: num(),
    sided: oneOf([1, 2]),
    df: num(),
    ncp: num(),
  }),
);
const powerProps = schemaOf<PowerPropTestResult>()(
  object({
    ...twoArmSize,
    solved: oneOf(['n', 'power', 'p2']),
    p1: num(),
    p2: num(),
    sided: oneOf([1, 2]),
    strict: bool(),
  }),
);
const powerMargin = schemaOf<MarginPowerResult>()(
  object({
    ...twoArmSize,
    hypothesis: oneOf(['non-inferiority', 'equivalence']),
    outcome: oneOf(['means', 'props']),
    solved: oneOf(['n', 'power']),
    difference: num(),
    margin: num(),
  }),
);
const powerBinomial = schemaOf<ExactBinomialPowerResult>()(
  object({
    n: int(),
    p0: num(),
    p1: num(),
    alpha: num(),
    alternative: oneOf(['greater', 'less']),
    critical: int(),
    actualAlpha: num(),
    power: num(),
    warnings,
  }),
);

const powerMenu = schemaOf<SolvePowerResult>()(
  object({
    method: str('The id of the power-registry entry (the subcommand).'),
    label: str(),
    solved: str('`power`, or the name of the input solved for'),
    values: record(num()),
    choices: record(str()),
    power: num(),
    targetPower: optional(num()),
    rounded: optional(object({ parameter: str(), value: num(), power: num() })),
    formula: str(),
    reference: str(),
    warnings,
  }),
);

const simonDesign = object({
  r1: int(),
  n1: int(),
  r: int(),
  n: int(),
  en0: num(),
  pet0: num(),
  alpha: num(),
  power: num(),
});
const simon = schemaOf<SimonTwoStageResult>()(
  object({
    p0: num(),
    p1: num(),
    alpha: num(),
    power: num(),
    optimal: simonDesign,
    minimax: simonDesign,
    admissible: array(
      object({ r1: int(), n1: int(), r: int(), n: int(), en0: num(), qFrom: num(), qTo: num() }),
      'Admissible designs (Jung et al. 2004), minimax first: each best for q·n + (1 − q)·EN0 with q in [qFrom, qTo].',
    ),
    nMax: int(),
    warnings,
  }),
);

// Dose finding (design boin | mtpi2 | i3+3 | crm): the decision table and the scenarios' OCs.
const doseOc = object({
  pSelect: array(num(), 'P(select dose j as the MTD), lowest dose first.'),
  pNone: num('P(no dose selected).'),
  pStopEarly: num(),
  expectedNPerDose: array(num()),
  expectedN: num(),
  pSelectOverdose: num('P(the selected dose is above the target).'),
  overdoseShare: num('Expected share of patients treated above the target.'),
  method: str('exact enumeration or simulation'),
});
const doseScenarios = array(
  object({
    dlt: array(num()),
    design: doseOc,
    threePlusThree: object({
      pSelect: array(num()),
      pNone: num(),
      expectedNPerDose: array(num()),
      expectedN: num(),
    }),
  }),
  'Operating characteristics per scenario, the design beside 3+3 (exact).',
);
const decisionTableSchema = object({
  design: str(),
  target: num(),
  maxN: int(),
  decisions: array(array(str()), 'decisions[n − 1][y]: E, S, D or DU.'),
});
const doseFinding = schemaOf<DoseFindingJson>()(
  object({
    design: str(),
    label: str(),
    target: num(),
    table: decisionTableSchema,
    cohortSize: int(),
    cohorts: int(),
    scenarios: doseScenarios,
  }),
);
const crmSchema = schemaOf<CrmJson>()(
  object({
    design: str(),
    model: str(),
    target: num(),
    skeleton: array(num()),
    priorSd: num(),
    posterior: optional(
      object({
        betaMean: num(),
        betaSd: num(),
        ptox: array(num()),
        ptoxMean: array(num()),
        pOverTarget: array(num()),
        recommended: int('0-based dose index.'),
      }),
    ),
    nextDose: optional(int('1-based.')),
    cohortSize: int(),
    cohorts: int(),
    scenarios: doseScenarios,
  }),
);

const twoByTwo = object({ events1: int(), n1: int(), events2: int(), n2: int() });
const fragility = schemaOf<FragilityResult>()(
  object({
    table: twoByTwo,
    test: str(),
    alpha: num(),
    p: num(),
    significant: bool(),
    kind: oneOf(['fragility', 'reverse']),
    index: nullable(int('Changes of event status that flip significance; null: not reachable.')),
    quotient: nullable(num('index / (n1 + n2).')),
    arm: nullable(int()),
    change: nullable(int('+1 events added, −1 removed.')),
    modified: nullable(twoByTwo),
    pModified: nullable(num()),
  }),
);

const credible = object(
  { lower: num(), upper: num(), level: num() },
  'Equal-tailed credible interval.',
);
const bayesSingle = schemaOf<BayesSingleJson>()(
  object({
    posterior: object({
      a: num(),
      b: num(),
      mean: num(),
      credible,
      pAbove: num('P(p > p0 | data).'),
      p0: num(),
    }),
    predictive: optional(
      object({ nMax: int(), thetaT: num(), probability: num('Lee & Liu predictive probability.') }),
    ),
    design: optional(
      object({
        nMax: int(),
        finalSuccess: int(),
        boundaries: array(
          object({ n: int(), futility: int('stop when x ≤ this; −1 never'), efficacy: int() }),
        ),
      }),
    ),
    oc: optional(
      array(
        object({
          p: num(),
          pSuccess: num(),
          pStopFutility: num(),
          pStopEfficacy: num(),
          expectedN: num(),
        }),
      ),
    ),
  }),
);
const betaArm = object({ a: num(), b: num(), mean: num() });
const bayesProps = schemaOf<TwoArmBetaResult>()(
  object({
    arm1: betaArm,
    arm2: betaArm,
    delta: num(),
    probability: num('P(p1 > p2 + δ | data).'),
  }),
);
const bayesMeans = schemaOf<BayesMeansJson>()(
  object({
    estimate: num(),
    se: num(),
    posteriors: array(
      object({
        prior: object({ kind: str(), mean: num(), sd: num('"Infinity" for the reference prior.') }),
        mean: num(),
        sd: num(),
        credible,
        above: array(object({ threshold: num(), probability: num() })),
      }),
    ),
  }),
);

const adjust = schemaOf<{
  p: (number | null)[];
  n: number;
  methods: string[];
  adjusted: Record<string, (number | null)[]>;
}>()(
  object({
    p: array(nullable(num())),
    n: int(),
    methods: array(str()),
    adjusted: record(array(nullable(num()))),
  }),
);

const datasets = array(
  object({ name: str(), title: str(), kinds: array(str()), rows: int(), sources: int() }),
);

const simulate = object({
  power: num(),
  mcse: num(),
  reps: int(),
  seed: either(int(), str()),
  rejections: int(),
  test: str(),
});

const consistencyPercent = schemaOf<PercentDenominatorsResult>()(
  object({
    ns: array(int()),
    percent: num(),
    decimals: int(),
    range: object({ min: int(), max: int() }),
  }),
);
const consistencyPercentN = schemaOf<PercentCountsResult>()(
  object({
    consistent: bool(),
    counts: array(int()),
    percent: num(),
    decimals: int(),
    n: int(),
    exact: array(int()),
  }),
);
const grim = schemaOf<GrimResult>()(
  object({
    consistent: bool(),
    informative: bool(),
    totals: array(int()),
    mean: num(),
    decimals: int(),
    n: int(),
    items: int(),
  }),
);
const grimmer = schemaOf<GrimmerResult>()(
  object({
    consistent: bool(),
    reason: nullable(str()),
    candidates: array(object({ total: int(), sumsOfSquares: array(int()) })),
    n: int(),
    items: int(),
  }),
);
const debitSchema = schemaOf<DebitResult>()(
  object({
    consistent: bool(),
    meanCounts: array(int()),
    matches: array(object({ count: int(), sd: num(), formula: str() })),
    sds: array(object({ count: int(), sample: num(), population: num() })),
    n: int(),
  }),
);
const spriteSchema = schemaOf<SpriteResult>()(
  object({
    found: bool(),
    sample: nullable(array(int())),
    mean: nullable(num()),
    sd: nullable(num()),
    reason: nullable(str('grim, grimmer, sd-bounds (proofs) or search-exhausted (not a proof)')),
    maxSd: nullable(num()),
    steps: int(),
    seed: int(),
  }),
);
const ciSymmetrySchema = schemaOf<CiSymmetryResult & { consistent: boolean }>()(
  object({
    linear: bool(),
    log: nullable(bool()),
    inside: bool(),
    ratioLinear: num(),
    ratioLog: nullable(num()),
    reading: str('wald-linear, wald-log, both, neither or outside'),
    consistent: bool('The estimate lies inside its interval.'),
  }),
);
const pRange = object({ lower: num(), upper: num() });
const consistencyP = schemaOf<PValueCiResult>()(
  object({
    consistent: bool(),
    pRecomputed: num(),
    pRange,
    levels: array(object({ level: num(), pRecomputed: num(), pRange, consistent: bool() })),
    consistentLevels: array(num()),
    method: str(),
  }),
);
const consistencyStatistic = schemaOf<TestStatisticResult>()(
  object({
    pRecomputed: num(),
    pRange,
    error: bool(),
    decisionError: bool(),
    consistent: bool(),
    method: str(),
  }),
);

const hypothesisTest = object({ name: str(), statistic: num(), df: num(), p: num() });
const strata = schemaOf<StratifiedTwoByTwoResult>()(
  object({
    strata: int(),
    rr: binaryEstimate,
    or: binaryEstimate,
    rd: binaryEstimate,
    crude: object({
      table: object({ events1: int(), n1: int(), events2: int(), n2: int() }),
      rr: binaryEstimate,
      or: binaryEstimate,
      rd: binaryEstimate,
    }),
    tests: object({
      mantelHaenszel: object({
        name: str(),
        statistic: num(),
        df: oneOf([1]),
        p: num(),
        correct: bool(),
      }),
      breslowDay: hypothesisTest,
      tarone: hypothesisTest,
    }),
    warnings,
  }),
);

const pairedProps = object({
  table: object({ both: int(), firstOnly: int(), secondOnly: int(), neither: int() }),
  test: object({
    name: str(),
    p: num(),
    statistic: optional(num()),
    discordant: object({ firstOnly: int(), secondOnly: int() }),
    warnings,
  }),
  rd: binaryEstimate,
});

const pairedMeans = schemaOf<PairedMeanDifferenceResult>()(
  object({
    measure: oneOf(['MD']),
    estimate: num(),
    se: num(),
    df: num(),
    sdDifference: num(),
    ci: interval,
    test: object({
      name: str(),
      statistic: num(),
      df: num(),
      p: num(),
      alternative: oneOf(['two-sided', 'less', 'greater']),
    }),
    warnings,
  }),
);

const scan = schemaOf<ScanResult & { file: string }>()(
  object({
    file: str(),
    locale: oneOf(['en', 'fr']),
    format: oneOf(['text', 'markdown', 'html']),
    findings: array(
      object({
        kind: str(),
        start: int(),
        end: int(),
        text: str(),
        line: int(),
        column: int(),
      }),
    ),
    summary: object({
      findings: int(),
      consistent: int(),
      rounding: int(),
      inconsistent: int(),
      notChecked: int(),
    }),
  }),
);

const survivalHr = object({
  measure: oneOf(['HR']),
  estimate: num('The hazard ratio (natural scale); its log under logHr.'),
  logHr: num(),
  se: num('SE of the log HR.'),
  ci: interval,
  p: nullable(num()),
  primary: str(),
  consistent: bool(),
  derivations: array(
    object({ method: str(), label: str(), hr: num(), logHr: num(), se: num(), warnings }),
  ),
  skipped: array(object({ method: str(), reason: str() })),
  warnings,
});

const medianCi = object({
  estimate: nullable(num()),
  lower: nullable(num()),
  upper: nullable(num()),
});
const survivalCompare = object({
  trial: str(),
  outcome: str(),
  source: str(),
  arms: array(object({ arm: str(), n: int(), events: int(), median: medianCi })),
  logRank: object({ chiSq: num(), df: int(), p: num(), oMinusE: num(), v: num() }),
  cox: object({ hr: num(), logHr: num(), se: num(), ci: interval }),
  notes: array(str()),
  warnings,
});

const survivalKm = object({
  trial: str(),
  outcome: str(),
  source: str(),
  arms: array(
    object({
      arm: str(),
      n: int(),
      events: int(),
      median: medianCi,
      level: num(),
      confType: str(),
      steps: array(object({ time: num(), nRisk: int(), nEvent: int(), surv: num() })),
    }),
  ),
  notes: array(str()),
});

const kmWitness = object({
  survival: num(),
  witness: array(object({ atRisk: int(), events: int() })),
  withoutCensoring: bool(),
});
const survivalPercent = schemaOf<KmPercentResult>()(
  object({
    n: int(),
    reported: object({
      value: num(),
      decimals: int(),
      relation: oneOf(['=', '<', '<=', '>', '>=']),
      text: optional(str()),
    }),
    consistent: array(kmWitness),
    below: optional(kmWitness),
    above: optional(kmWitness),
    possible: bool(),
    possibleWithoutCensoring: bool(),
  }),
);

const survivalMeta = object({
  outcome: nullable(str()),
  studies: array(
    object({
      study: str(),
      derivation: str(),
      hr: num(),
      logHr: num(),
      se: num(),
      ci: interval,
      weight: num(),
      consistent: bool(),
    }),
  ),
  pooled: object({
    hr: num(),
    ci: object({ lower: num(), upper: num() }),
    logHr: num(),
    se: num(),
    p: num(),
    tau2: num(),
    I2: num(),
    method: str(),
    test: str(),
  }),
  notes: array(str()),
  warnings,
});

const survivalSize = schemaOf<SurvivalSampleSize>()(
  object({ events: num(), power: num(), method: str(), formula: str(), reference: str() }),
);
const survivalPowerSchema = schemaOf<SurvivalPower>()(
  object({ power: num(), events: num(), method: str(), formula: str() }),
);

const threePlusThree = schemaOf<ThreePlusThreeResult>()(
  object({
    variant: str(),
    dlt: array(num()),
    pNone: num(),
    pSelect: array(num()),
    expectedN: num(),
    expectedDLT: num(),
    expectedNPerDose: array(num()),
    method: str(),
    warnings,
  }),
);

const exitProbabilities = object({
  drift: num(),
  reject: array(num()),
  futility: array(num()),
  rejectTotal: num(),
  averageSampleNumber: num(),
});
const groupSequential = object({
  design: object({
    type: str(),
    label: str(),
    formula: str(),
    reference: str(),
    alpha: num(),
    beta: num(),
    sided: oneOf([1, 2]),
    kMax: int(),
    informationRates: array(num()),
    criticalValues: array(num()),
    nominalAlpha: array(num()),
    alphaSpent: array(num()),
    inflationFactor: num(),
    underH0: exitProbabilities,
    underH1: exitProbabilities,
    warnings,
  }),
  interim: optional(
    object({
      look: int(),
      informationRate: num(),
      estimate: num(),
      se: num(),
      z: num(),
      criticalValue: num(),
      decision: str(),
      repeatedCi: object({ lower: num(), upper: num(), level: num() }),
    }),
  ),
});

const report = object({
  reports: array(object({ name: str(), title: str(), file: str(), warnings })),
  index: str(),
});

const verifyOne = schemaOf<VerifyResult & { file: string }>()(
  object({
    file: str(),
    verified: bool(),
    numbers: int(),
    drifts: array(any('A number that changed: where, printed and rebuilt.')),
    structure: nullable(str()),
    builtWith: str(),
    verifiedWith: str(),
  }),
);
const verifyMany = array(verifyOne, 'One result per page verified (several pages given).');

const metaRows = object({
  measure: str(),
  method: str(),
  test: str(),
  level: num(),
  rows: array(
    object({
      study: str(),
      k: optional(int()),
      estimate: optional(num()),
      logEstimate: optional(num()),
      ci: optional(object({ lower: num(), upper: num() })),
      logCi: optional(object({ lower: num(), upper: num() })),
    }),
  ),
});
const metaEgger = object({
  measure: str(),
  model: oneOf(['rma', 'lm']),
  predictor: str(),
  statistic: num(),
  p: num(),
  slope: num(),
  limitEstimate: nullable(num()),
  logLimitEstimate: optional(num()),
  ci: nullable(object({ lower: num(), upper: num(), level: num() })),
  warnings,
});
const metaFunnel = object({
  measure: str(),
  points: array(object({ study: str(), yi: num(), sei: num() })),
  centre: num(),
  region: array(object({ se: num(), lower: num(), upper: num() })),
});

const rankTest = object({ tau: num(), p: num(), method: str(), k: int(), warnings });
const smallStudy = object({
  statistic: num(),
  df: num(),
  p: num(),
  slope: num(),
  k: int(),
  warnings,
});
const trimFillProps = {
  estimator: oneOf(['L0', 'R0']),
  side: oneOf(['left', 'right']),
  sideEstimated: bool(),
  k0: int(),
  filled: array(object({ study: str(), yi: num(), vi: num() })),
  result: meta,
  observed: meta,
};
const trimFill = object(trimFillProps);
const metaBias = object({
  measure: str(),
  k: int(),
  egger: object({ statistic: num(), p: num(), slope: num(), limitEstimate: nullable(num()) }),
  ranktest: rankTest,
  harbord: nullable(smallStudy),
  peters: nullable(smallStudy),
  trimfill: trimFill,
});
const metaFsn = object({
  measure: str(),
  type: oneOf(['Rosenthal', 'Orwin', 'Rosenberg']),
  fsn: num(),
  k: int(),
  warnings,
});
const metaSubgroup = object({
  groups: array(object({ name: str(), result: meta })),
  between: object({ Q: num(), Qdf: num(), Qp: num() }),
  warnings,
});
const metaPresets = object({
  measure: str(),
  rows: array(
    object({
      preset: str(),
      settings: str(),
      result: meta,
      fixed: object({ method: str(), estimate: num(), ci: object({ lower: num(), upper: num() }) }),
    }),
  ),
  differences: array(object({ quantity: str(), values: record(nullable(num())), reason: str() })),
});
const metaRegressionSchema = object({
  measure: str(),
  k: int(),
  coefficients: array(
    object({
      name: str(),
      estimate: num('On the model scale (log for RR/OR/ROM): a regression coefficient.'),
      se: num(),
      p: num(),
    }),
  ),
  QM: object({ statistic: num(), p: num(), distribution: str() }),
  QE: object({ Q: num(), df: int(), p: num() }),
  tau2: num(),
  predictions: array(
    object({ estimate: num(), ci: object({ lower: num(), upper: num() }), transformed: any() }),
  ),
  warnings,
});

export const COMMAND_SCHEMAS: readonly CommandSchema[] = [
  // One schema per power-registry subcommand, run on the entry's own example.
  ...POWER_METHODS.entries.map((entry) => ({
    id: `power-${entry.id}`,
    title: `trialstat power ${entry.id} --json`,
    example: ['power', entry.id, ...entry.example, '--json'],
    schema: powerMenu,
  })),
  {
    id: 'props',
    title: 'trialstat props --json',
    example: [
      'props',
      '--events1',
      '5',
      '--n1',
      '56',
      '--events2',
      '0',
      '--n2',
      '29',
      '--rr-ci',
      'koopman',
      '--json',
    ],
    schema: props,
  },
  {
    id: 'prop',
    title: 'trialstat prop --json',
    example: ['prop', '--events', '0', '--n', '15', '--p0', '0.2', '--json'],
    schema: prop,
  },
  {
    id: 'means',
    title: 'trialstat means --json',
    example: [
      'means',
      '--n1',
      '22',
      '--mean1',
      '-4.1',
      '--sd1',
      '52',
      '--n2',
      '22',
      '--mean2',
      '-38.5',
      '--sd2',
      '52',
      '--alternative',
      'greater',
      '--json',
    ],
    schema: means,
  },
  {
    id: 'compare',
    title: 'trialstat compare --json',
    example: ['compare', 'rapami', '--json'],
    schema: compare,
  },
  {
    id: 'check',
    title: 'trialstat check --json',
    example: ['check', 'rapami', '--json'],
    schema: check,
  },
  {
    id: 'meta',
    title: 'trialstat meta --json',
    example: ['meta', 'sirolimus-cytopenia', '--measure', 'PLO', '--outcome', 'response', '--json'],
    schema: meta,
  },
  {
    id: 'fingerprint',
    title: 'trialstat fingerprint props|means|prop|meta --json',
    example: [
      'fingerprint',
      'props',
      '--events1',
      '36',
      '--n1',
      '40',
      '--events2',
      '16',
      '--n2',
      '80',
      '--measure',
      'RR',
      '--reported-estimate',
      '4.50',
      '--reported-lower',
      '2.94',
      '--reported-upper',
      '7.15',
      '--json',
    ],
    schema: fingerprint,
  },
  {
    id: 'power-means',
    title: 'trialstat power means --json',
    example: ['power', 'means', '--sd', '10', '--n', '50', '--power', '0.8', '--json'],
    schema: powerMeans,
  },
  {
    id: 'power-props',
    title: 'trialstat power props --json',
    example: [
      'power',
      'props',
      '--p1',
      '0.65',
      '--p2',
      '0.45',
      '--power',
      '0.8',
      '--method',
      'arcsine',
      '--json',
    ],
    schema: powerProps,
  },
  {
    id: 'power-margin',
    title: 'trialstat power margin --json',
    example: [
      'power',
      'margin',
      '--hypothesis',
      'equivalence',
      '--p1',
      '0.8',
      '--p2',
      '0.8',
      '--margin',
      '0.1',
      '--n',
      '400',
      '--json',
    ],
    schema: powerMargin,
  },
  {
    id: 'power-binomial',
    title: 'trialstat power binomial --json',
    example: ['power', 'binomial', '--p0', '0.2', '--p1', '0.4', '--power', '0.8', '--json'],
    schema: powerBinomial,
  },
  {
    id: 'fragility',
    title: 'trialstat fragility --json',
    example: [
      'fragility',
      '--events1',
      '1',
      '--n1',
      '100',
      '--events2',
      '9',
      '--n2',
      '100',
      '--json',
    ],
    schema: fragility,
  },
  {
    id: 'bayes-single',
    title: 'trialstat bayes single --json',
    example: [
      'bayes',
      'single',
      '--x',
      '3',
      '--n',
      '8',
      '--p0',
      '0.2',
      '--n-max',
      '20',
      '--table',
      '--p1',
      '0.4',
      '--json',
    ],
    schema: bayesSingle,
  },
  {
    id: 'bayes-props',
    title: 'trialstat bayes props --json',
    example: ['bayes', 'props', '--x1', '12', '--n1', '20', '--x2', '6', '--n2', '20', '--json'],
    schema: bayesProps,
  },
  {
    id: 'bayes-means',
    title: 'trialstat bayes means --json',
    example: ['bayes', 'means', '--estimate', '34.4', '--se', '16.1', '--delta-a', '20', '--json'],
    schema: bayesMeans,
  },
  {
    id: 'design-boin',
    title: 'trialstat design boin --json',
    example: [
      'design',
      'boin',
      '--target',
      '0.3',
      '--scenarios',
      '0.1,0.3,0.5',
      '--cohorts',
      '4',
      '--json',
    ],
    schema: doseFinding,
  },
  {
    id: 'design-mtpi2',
    title: 'trialstat design mtpi2 --json',
    example: ['design', 'mtpi2', '--scenarios', '0.1,0.3,0.5', '--cohorts', '4', '--json'],
    schema: doseFinding,
  },
  {
    id: 'design-i3plus3',
    title: 'trialstat design i3+3 --json',
    example: ['design', 'i3+3', '--scenarios', '0.1,0.3,0.5', '--cohorts', '4', '--json'],
    schema: doseFinding,
  },
  {
    id: 'design-crm',
    title: 'trialstat design crm --json',
    example: [
      'design',
      'crm',
      '--skeleton',
      '0.05,0.12,0.25,0.4',
      '--data',
      '0/3,0/3,1/3,0/0',
      '--scenarios',
      '0.05,0.1,0.25,0.4',
      '--reps',
      '50',
      '--seed',
      '1',
      '--json',
    ],
    schema: crmSchema,
  },
  {
    id: 'design-simon',
    title: 'trialstat design simon --json',
    example: [
      'design',
      'simon',
      '--p0',
      '0.2',
      '--p1',
      '0.4',
      '--alpha',
      '0.05',
      '--power',
      '0.9',
      '--json',
    ],
    schema: simon,
  },
  {
    id: 'adjust',
    title: 'trialstat adjust --json',
    example: ['adjust', '0.01', 'NA', '0.03', '--method', 'all', '--json'],
    schema: adjust,
  },
  {
    id: 'datasets',
    title: 'trialstat datasets --json',
    example: ['datasets', '--json'],
    schema: datasets,
  },
  {
    id: 'simulate-power',
    title: 'trialstat simulate power --json',
    example: [
      'simulate',
      'power',
      '--test',
      'fisher',
      '--n',
      '20',
      '--p1',
      '0.2',
      '--p2',
      '0.5',
      '--reps',
      '2000',
      '--seed',
      '1',
      '--json',
    ],
    schema: simulate,
  },
  {
    id: 'consistency-percent',
    title: 'trialstat consistency percent --n-range --json',
    example: ['consistency', 'percent', '--percent', '73', '--n-range', '10..20', '--json'],
    schema: consistencyPercent,
  },
  {
    id: 'consistency-percent-n',
    title: 'trialstat consistency percent --n --json',
    example: ['consistency', 'percent', '--percent', '60', '--n', '11', '--json'],
    schema: consistencyPercentN,
  },
  {
    id: 'consistency-grim',
    title: 'trialstat consistency grim --json',
    example: ['consistency', 'grim', '--mean', '5.19', '--n', '28', '--json'],
    schema: grim,
  },
  {
    id: 'consistency-grimmer',
    title: 'trialstat consistency grimmer --json',
    example: ['consistency', 'grimmer', '--mean', '3.44', '--sd', '2.47', '--n', '18', '--json'],
    schema: grimmer,
  },
  {
    id: 'consistency-debit',
    title: 'trialstat consistency debit --json',
    example: ['consistency', 'debit', '--mean', '0.35', '--sd', '0.48', '--n', '20', '--json'],
    schema: debitSchema,
  },
  {
    id: 'consistency-sprite',
    title: 'trialstat consistency sprite --json',
    example: [
      'consistency',
      'sprite',
      '--mean',
      '4.50',
      '--sd',
      '1.90',
      '--n',
      '10',
      '--min',
      '1',
      '--max',
      '7',
      '--json',
    ],
    schema: spriteSchema,
  },
  {
    id: 'consistency-ci-symmetry',
    title: 'trialstat consistency ci-symmetry --json',
    example: [
      'consistency',
      'ci-symmetry',
      '--estimate',
      '0.72',
      '--lower',
      '0.61',
      '--upper',
      '0.85',
      '--json',
    ],
    schema: ciSymmetrySchema,
  },
  {
    id: 'consistency-p',
    title: 'trialstat consistency p --json',
    example: [
      'consistency',
      'p',
      '--estimate',
      '0.50',
      '--lower',
      '0.30',
      '--upper',
      '0.90',
      '--p',
      '0.013',
      '--scale',
      'log',
      '--json',
    ],
    schema: consistencyP,
  },
  {
    id: 'consistency-statistic',
    title: 'trialstat consistency statistic --json',
    example: [
      'consistency',
      'statistic',
      '--test',
      't',
      '--value',
      '2.20',
      '--df',
      '28',
      '--p',
      '.03',
      '--json',
    ],
    schema: consistencyStatistic,
  },
  {
    id: 'fingerprint-prop',
    title: 'trialstat fingerprint prop --json (as fingerprint)',
    example: [
      'fingerprint',
      'prop',
      '--events',
      '9',
      '--n',
      '22',
      '--reported-lower',
      '23.3',
      '--reported-upper',
      '61.3',
      '--json',
    ],
    schema: fingerprint,
  },
  {
    id: 'fingerprint-means',
    title: 'trialstat fingerprint means --json (as fingerprint)',
    example: [
      'fingerprint',
      'means',
      '--n1',
      '41',
      '--mean1',
      '19',
      '--sd1',
      '124',
      '--n2',
      '34',
      '--mean2',
      '-134',
      '--sd2',
      '182',
      '--reported-p',
      '< 0.001',
      '--json',
    ],
    schema: fingerprint,
  },
  {
    id: 'strata',
    title: 'trialstat strata --json',
    example: ['strata', '--stratum', '8/106,5/120', '--stratum', '22/98,16/85', '--json'],
    schema: strata,
  },
  {
    id: 'paired-props',
    title: 'trialstat paired props --json',
    example: [
      'paired',
      'props',
      '--both',
      '794',
      '--first-only',
      '150',
      '--second-only',
      '86',
      '--neither',
      '570',
      '--json',
    ],
    schema: pairedProps,
  },
  {
    id: 'paired-means',
    title: 'trialstat paired means --json',
    example: ['paired', 'means', '--n', '10', '--mean-diff', '1.58', '--sd-diff', '1.23', '--json'],
    schema: pairedMeans,
  },
  {
    id: 'scan',
    title: 'trialstat scan --json',
    example: ['scan', 'documents/rapami-final-results.txt', '--json'],
    schema: scan,
  },
  {
    id: 'fingerprint-meta',
    title: 'trialstat fingerprint meta --json (as fingerprint)',
    example: [
      'fingerprint',
      'meta',
      'examples/bcg.csv',
      '--measure',
      'RR',
      '--reported-estimate',
      '0.49',
      '--reported-lower',
      '0.34',
      '--reported-upper',
      '0.70',
      '--json',
    ],
    schema: fingerprint,
  },
  {
    id: 'survival-hr',
    title: 'trialstat survival hr --json',
    example: [
      'survival',
      'hr',
      '--hr',
      '0.72',
      '--lower',
      '0.61',
      '--upper',
      '0.85',
      '--p',
      '0.0001',
      '--events1',
      '210',
      '--events2',
      '265',
      '--json',
    ],
    schema: survivalHr,
  },
  {
    id: 'survival-compare',
    title: 'trialstat survival compare --json',
    example: [
      'survival',
      'compare',
      'veteran-lung',
      '--arms',
      'test,standard',
      '--times',
      '180,365',
      '--tau',
      '500',
      '--json',
    ],
    schema: survivalCompare,
  },
  {
    id: 'survival-km',
    title: 'trialstat survival km --json',
    example: [
      'survival',
      'km',
      'veteran-lung',
      '--conf-type',
      'log',
      '--times',
      '90,180',
      '--json',
    ],
    schema: survivalKm,
  },
  {
    id: 'survival-percent',
    title: 'trialstat survival percent --json',
    example: ['survival', 'percent', '--percent', '83', '--n', '7', '--json'],
    schema: survivalPercent,
  },
  {
    id: 'survival-meta',
    title: 'trialstat survival meta --json',
    example: [
      'survival',
      'meta',
      'examples/hr-studies.csv',
      '--kind',
      'reported-comparison',
      '--json',
    ],
    schema: survivalMeta,
  },
  {
    id: 'power-survival',
    title: 'trialstat power survival --json (also survival power), solving for events',
    example: [
      'power',
      'survival',
      '--hr',
      '0.7',
      '--power',
      '0.8',
      '--median2',
      '12',
      '--accrual',
      '24',
      '--follow-up',
      '12',
      '--json',
    ],
    schema: survivalSize,
  },
  {
    id: 'power-survival-power',
    title: 'trialstat power survival --events --json (also survival power), solving for power',
    example: ['survival', 'power', '--hr', '0.75', '--events', '300', '--json'],
    schema: survivalPowerSchema,
  },
  {
    id: 'design-three-plus-three',
    title: 'trialstat design three-plus-three --json',
    example: ['design', 'three-plus-three', '--dlt', '0.05,0.1,0.2', '--json'],
    schema: threePlusThree,
  },
  {
    id: 'design-group-sequential',
    title: 'trialstat design group-sequential --json',
    example: [
      'design',
      'group-sequential',
      '--k',
      '3',
      '--look',
      '2',
      '--estimate',
      '4.1',
      '--se',
      '1.5',
      '--json',
    ],
    schema: groupSequential,
  },
  {
    id: 'meta-leave-one-out',
    title: 'trialstat meta --leave-one-out|--cumulative --json',
    example: ['meta', 'examples/bcg.csv', '--measure', 'RR', '--leave-one-out', '--json'],
    schema: metaRows,
  },
  {
    id: 'meta-cumulative',
    title: 'trialstat meta --cumulative --json (as meta-leave-one-out)',
    example: [
      'meta',
      'examples/bcg.csv',
      '--measure',
      'RR',
      '--cumulative',
      '--order-by',
      'year',
      '--json',
    ],
    schema: metaRows,
  },
  {
    id: 'meta-influence',
    title: 'trialstat meta --influence --json',
    example: ['meta', 'examples/bcg.csv', '--measure', 'RR', '--influence', '--json'],
    schema: metaRows,
  },
  {
    id: 'meta-egger',
    title: 'trialstat meta --egger --json',
    example: ['meta', 'examples/bcg.csv', '--measure', 'RR', '--egger', '--json'],
    schema: metaEgger,
  },
  {
    id: 'meta-funnel',
    title: 'trialstat meta --funnel --json',
    example: ['meta', 'examples/bcg.csv', '--measure', 'RR', '--funnel', '--json'],
    schema: metaFunnel,
  },
  {
    id: 'report',
    title: 'trialstat report --json',
    example: ['report', 'reports/rapami.yaml', '--out', '<tmp>', '--quiet', '--json'],
    schema: report,
  },
  {
    id: 'verify',
    title: 'trialstat verify PAGE --json',
    example: ['verify', '<tmp>/rapami.html', '--json'],
    schema: verifyOne,
  },
  {
    id: 'verify-many',
    title: 'trialstat verify PAGE... --json',
    example: ['verify', '<tmp>/rapami.html', '<tmp>/index.html', '--json'],
    schema: verifyMany,
  },
  {
    id: 'meta-bias',
    title: 'trialstat meta --bias --json',
    example: ['meta', 'examples/bcg.csv', '--measure', 'OR', '--bias', '--json'],
    schema: metaBias,
  },
  {
    id: 'meta-trimfill',
    title: 'trialstat meta --trimfill --json',
    example: ['meta', 'examples/bcg.csv', '--measure', 'RR', '--trimfill', '--json'],
    schema: object({ measure: str(), ...trimFillProps }),
  },
  {
    id: 'meta-ranktest',
    title: 'trialstat meta --ranktest --json',
    example: ['meta', 'examples/bcg.csv', '--measure', 'RR', '--ranktest', '--json'],
    schema: rankTest,
  },
  {
    id: 'meta-fsn',
    title: 'trialstat meta --fsn --json',
    example: ['meta', 'examples/bcg.csv', '--measure', 'RR', '--fsn', '--json'],
    schema: metaFsn,
  },
  {
    id: 'meta-harbord',
    title: 'trialstat meta --harbord|--peters --json',
    example: ['meta', 'examples/bcg.csv', '--measure', 'OR', '--harbord', '--json'],
    schema: smallStudy,
  },
  {
    id: 'meta-peters',
    title: 'trialstat meta --peters --json (as meta-harbord)',
    example: ['meta', 'examples/bcg.csv', '--measure', 'OR', '--peters', '--json'],
    schema: smallStudy,
  },
  {
    id: 'meta-subgroup',
    title: 'trialstat meta --subgroup --json',
    example: ['meta', 'examples/bcg.csv', '--measure', 'RR', '--subgroup', 'alloc', '--json'],
    schema: metaSubgroup,
  },
  {
    id: 'meta-compare-presets',
    title: 'trialstat meta --compare-presets --json',
    example: ['meta', 'examples/bcg.csv', '--measure', 'RR', '--compare-presets', '--json'],
    schema: metaPresets,
  },
  {
    id: 'meta-mods',
    title: 'trialstat meta --mods --json',
    example: [
      'meta',
      'examples/bcg.csv',
      '--measure',
      'RR',
      '--mods',
      'year',
      '--predict',
      'year=1960',
      '--json',
    ],
    schema: metaRegressionSchema,
  },
];

/** The schema documents, keyed by file name. */
export function schemaDocuments(): Record<string, JsonSchema> {
  return Object.fromEntries(
    COMMAND_SCHEMAS.map((c) => [`${c.id}.schema.json`, document(c.id, c.title, c.schema)]),
  );
}

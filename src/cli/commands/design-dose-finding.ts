import { type Command, Option } from 'commander';
import { InputError } from '../../errors.js';
import { formatJson } from '../../format/json.js';
import { boinBoundaries, boinDecisionTable } from '../../stats/design/boin.js';
import {
  type CrmModel,
  type CrmOc,
  type CrmPosterior,
  crmOc,
  crmPosterior,
  crmSkeleton,
} from '../../stats/design/crm.js';
import {
  type DoseDecisionTable,
  defaultEi,
  tableRule,
} from '../../stats/design/dose-decision-table.js';
import { i3plus3Table } from '../../stats/design/i3plus3.js';
import { type IntervalOcResult, intervalDesignOc } from '../../stats/design/interval-design-oc.js';
import { mtpi2Table } from '../../stats/design/mtpi2.js';
import { type ThreePlusThreeResult, threePlusThree } from '../../stats/design/three-plus-three.js';
import type { CliContext } from '../context.js';
import { type ExplainStep, explainNumber, formatExplain } from '../explain.js';
import { nonNegativeInteger, numberList, positiveInteger, probability } from '../options.js';

/** One scenario's operating characteristics, the design beside 3+3 on the same DLT rates. */
export interface DoseFindingScenario {
  dlt: number[];
  design: IntervalOcResult | CrmOc;
  threePlusThree: ThreePlusThreeResult;
}

/** `trialstat design boin | mtpi2 | i3+3 --json`. */
export interface DoseFindingJson {
  design: 'boin' | 'mtpi2' | 'i3+3';
  label: string;
  target: number;
  /** BOIN: λe and λd; mTPI-2 / i3+3: the equivalence interval. */
  lambdaE?: number;
  lambdaD?: number;
  ei?: number[];
  table: DoseDecisionTable;
  cohortSize: number;
  cohorts: number;
  scenarios: DoseFindingScenario[];
}

/** `trialstat design crm --json`. */
export interface CrmJson {
  design: 'crm';
  model: CrmModel;
  target: number;
  skeleton: number[];
  priorSd: number;
  posterior?: CrmPosterior;
  /** The next cohort's dose (1-based) under no skipping and no escalation after a DLT, when --data is given. */
  nextDose?: number;
  cohortSize: number;
  cohorts: number;
  scenarios: DoseFindingScenario[];
}

interface CommonOptions {
  target: number;
  maxN: number;
  scenarios: string[];
  cohortSize: number;
  cohorts: number;
  startDose: number;
  simulate?: number;
  seed?: number;
  json?: boolean;
  explain?: boolean;
}

const collect = (value: string, previous: string[]) => [...previous, value];

function parseScenario(text: string): number[] {
  const dlt = numberList(text);
  for (const q of dlt)
    if (!(q >= 0 && q <= 1))
      throw new InputError('--scenarios', text, 'DLT probabilities in [0, 1], lowest dose first');
  return dlt;
}

function commonOptions(command: Command, defaultTarget: number): Command {
  return command
    .option('--target <p>', 'target DLT rate', probability, defaultTarget)
    .option('--max-n <n>', 'largest number of patients at a dose in the table', positiveInteger, 12)
    .option(
      '--scenarios <dlt>',
      'true DLT rates per dose for operating characteristics, beside 3+3 (repeatable): 0.05,0.1,0.2',
      collect,
      [] as string[],
    )
    .option('--cohort-size <n>', 'patients per cohort', positiveInteger, 3)
    .option(
      '--cohorts <n>',
      'number of cohorts (maximum sample size = cohorts × size)',
      positiveInteger,
      10,
    )
    .option('--start-dose <d>', 'starting dose (1 = lowest)', positiveInteger, 1)
    .option(
      '--simulate <reps>',
      'simulate this many trials instead of exact enumeration',
      positiveInteger,
    )
    .option('--seed <s>', 'seed for simulation (printed; default: random)', nonNegativeInteger)
    .option('--json', 'print the result as JSON')
    .option('--explain', 'show the rules and formulas');
}

const LETTERS =
  'E escalate, S stay, D de-escalate, DU de-escalate and exclude this and higher doses';

/** The table as papers print it: a row per number of DLTs, a column per number of patients. */
export function formatDecisionTable(table: DoseDecisionTable, fromN = 1): string {
  const ns = Array.from({ length: table.maxN - fromN + 1 }, (_, i) => fromN + i);
  const w = 3;
  const lines = [`  ${'patients'.padEnd(9)}${ns.map((n) => String(n).padStart(w)).join('')}`];
  for (let y = 0; y <= table.maxN; y += 1) {
    const cells = ns.map((n) => (y <= n ? table.decisions[n - 1][y] : '').padStart(w));
    if (y > ns[ns.length - 1]) break;
    lines.push(`  ${`DLTs ${y}`.padEnd(9)}${cells.join('')}`);
  }
  return `Decision table (${LETTERS}):\n${lines.join('\n')}`;
}

function pct(x: number): string {
  return `${(100 * x).toFixed(1)}%`.padStart(7);
}

/** Operating characteristics side by side: per dose P(select) and E[patients], then P(no MTD), E[N]. */
export function formatScenarios(scenarios: readonly DoseFindingScenario[], name: string): string {
  const out: string[] = [];
  scenarios.forEach((s, i) => {
    const d = s.design;
    const how =
      d.method === 'simulation'
        ? `simulation, ${d.reps} trials, seed ${d.seed}`
        : 'exact enumeration';
    out.push(
      `Scenario ${i + 1}: DLT ${s.dlt.map((q) => explainNumber(q)).join(', ')} (${name}: ${how}; 3+3: exact)`,
    );
    out.push(
      `  ${'dose'.padEnd(8)}${'DLT'.padStart(7)}${`P(MTD) ${name}`.padStart(16)}${'3+3'.padStart(8)}${'E[n] '.padStart(10)}${name.padStart(0)}${'3+3'.padStart(8)}`,
    );
    s.dlt.forEach((q, j) => {
      out.push(
        `  ${String(j + 1).padEnd(8)}${explainNumber(q).padStart(7)}${pct(d.pSelect[j]).padStart(16)}${pct(s.threePlusThree.pSelect[j]).padStart(8)}${d.expectedNPerDose[j].toFixed(2).padStart(10)}${s.threePlusThree.expectedNPerDose[j].toFixed(2).padStart(8 + name.length)}`,
      );
    });
    out.push(
      `  ${'no MTD'.padEnd(15)}${pct(d.pNone).padStart(16)}${pct(s.threePlusThree.pNone).padStart(8)}${d.expectedN.toFixed(2).padStart(10)}${s.threePlusThree.expectedN.toFixed(2).padStart(8 + name.length)}  (total patients)`,
    );
    out.push(
      `  P(select a dose above the target) ${pct(d.pSelectOverdose).trim()}; share of patients above it ${pct(d.overdoseShare).trim()}; P(stop early) ${pct(d.pStopEarly).trim()}`,
    );
  });
  return out.join('\n');
}

function runScenarios(
  table: DoseDecisionTable,
  o: CommonOptions,
  context: CliContext,
): DoseFindingScenario[] {
  const rule = tableRule(table);
  return o.scenarios.map((text) => {
    const dlt = parseScenario(text);
    if (o.startDose > dlt.length)
      throw new InputError('--start-dose', o.startDose, `a dose in 1..${dlt.length}`);
    const common = { cohortSize: o.cohortSize, cohorts: o.cohorts, startDose: o.startDose };
    let design: IntervalOcResult;
    const simulate = (reps: number) => {
      const seed = o.seed ?? Math.floor(Math.random() * 2 ** 32);
      return intervalDesignOc(rule, dlt, table.target, {
        ...common,
        method: 'simulate',
        reps,
        seed,
      });
    };
    if (o.simulate !== undefined) design = simulate(o.simulate);
    else {
      try {
        design = intervalDesignOc(rule, dlt, table.target, common);
      } catch (e) {
        if (!(e instanceof InputError && /enumerate/.test(e.message))) throw e;
        context.io.stderr('note: too many states to enumerate; simulating 100000 trials instead\n');
        design = simulate(100_000);
      }
    }
    return { dlt, design, threePlusThree: threePlusThree(dlt) };
  });
}

function checkTableSize(o: CommonOptions): void {
  if (o.seed !== undefined && o.simulate === undefined && o.scenarios.length > 0)
    throw new InputError('--seed', o.seed, '--seed together with --simulate');
}

function intervalCommand(
  design: Command,
  context: CliContext,
  id: 'boin' | 'mtpi2' | 'i3+3',
  description: string,
  build: (o: CommonOptions & Record<string, unknown>) => {
    table: DoseDecisionTable;
    extra: Pick<DoseFindingJson, 'lambdaE' | 'lambdaD' | 'ei'>;
    explain: string;
  },
  configure: (c: Command) => Command,
  example: string,
): void {
  const command = configure(commonOptions(design.command(id).description(description), 0.3));
  command.addHelpText('after', `\nExamples:\n${example}`);
  command.action((o: CommonOptions & Record<string, unknown>) => {
    checkTableSize(o);
    const { table, extra, explain } = build(o);
    // The OCs need the table to cover every patient a dose can receive.
    const needN = o.scenarios.length > 0 ? o.cohortSize * o.cohorts : 0;
    const full = needN > table.maxN ? build({ ...o, maxN: needN }).table : table;
    const scenarios = runScenarios(full, o, context);
    const result: DoseFindingJson = {
      design: id,
      label: table.design,
      target: table.target,
      ...extra,
      table,
      cohortSize: o.cohortSize,
      cohorts: o.cohorts,
      scenarios,
    };
    if (o.json) {
      context.io.stdout(formatJson(result));
      return;
    }
    const head =
      id === 'boin'
        ? `BOIN, target ${explainNumber(table.target)}: escalate if the observed rate ≤ λe = ${extra.lambdaE?.toFixed(4)}, de-escalate if ≥ λd = ${extra.lambdaD?.toFixed(4)}`
        : `${table.design.replace(/ \(.*/, '')}, target ${explainNumber(table.target)}, equivalence interval [${extra.ei?.map((x) => explainNumber(x)).join(', ')}]`;
    const parts = [head, formatDecisionTable(table)];
    if (scenarios.length > 0)
      parts.push(
        formatScenarios(scenarios, id === 'boin' ? 'BOIN' : table.design.replace(/ \(.*/, '')),
      );
    if (o.explain) parts.push(explain);
    context.io.stdout(`${parts.join('\n\n')}\n`);
  });
}

function eiOption(c: Command): Command {
  return c.option('--ei <lower,upper>', 'equivalence interval (default target ± 0.05)', numberList);
}

function eiOf(o: CommonOptions & Record<string, unknown>): [number, number] {
  const ei = o.ei as number[] | undefined;
  if (ei === undefined) return defaultEi(o.target);
  if (ei.length !== 2) throw new InputError('--ei', ei.join(','), 'two numbers: lower,upper');
  return [ei[0], ei[1]];
}

/** The build step of an equivalence-interval design (mTPI-2, i3+3). */
function eiBuild(
  make: (target: number, o: { ei: [number, number]; maxN: number }) => DoseDecisionTable,
  title: string,
  steps: ExplainStep[],
) {
  return (o: CommonOptions & Record<string, unknown>) => {
    const ei = eiOf(o);
    return {
      table: make(o.target, { ei, maxN: o.maxN }),
      extra: { ei },
      explain: formatExplain(title, steps),
    };
  };
}

/** `trialstat design boin | mtpi2 | i3+3 | crm`. */
export function registerDoseFinding(design: Command, context: CliContext): void {
  intervalCommand(
    design,
    context,
    'boin',
    'BOIN dose finding (Liu & Yuan 2015): boundaries, decision table, operating characteristics',
    (o) => {
      const b = boinBoundaries(o.target, {
        phi1: o.phi1 as number | undefined,
        phi2: o.phi2 as number | undefined,
        maxN: o.maxN,
      });
      return {
        table: boinDecisionTable(b),
        extra: { lambdaE: b.lambdaE, lambdaD: b.lambdaD },
        explain: formatExplain('BOIN, Liu & Yuan 2015', [
          {
            label: 'φ1, φ2',
            formula: '0.6φ, 1.4φ unless given',
            value: `${explainNumber(b.phi1)}, ${explainNumber(b.phi2)}`,
          },
          {
            label: 'λe',
            formula: 'log((1 − φ1)/(1 − φ)) / log(φ(1 − φ1)/(φ1(1 − φ)))',
            value: b.lambdaE,
          },
          {
            label: 'λd',
            formula: 'log((1 − φ)/(1 − φ2)) / log(φ2(1 − φ)/(φ(1 − φ2)))',
            value: b.lambdaD,
          },
          { label: 'E', formula: 'y ≤ ⌊nλe⌋' },
          { label: 'D', formula: 'y ≥ ⌊nλd⌋ + 1' },
          { label: 'DU', formula: 'n ≥ 3 and P(p > φ | y, n) > 0.95 under beta(1, 1)' },
          {
            label: 'MTD',
            formula: 'isotonic regression of (y + 0.05)/(n + 0.1), dose closest to φ',
          },
        ]),
      };
    },
    (c) =>
      c
        .option(
          '--phi1 <p>',
          'highest sub-therapeutic DLT rate (default 0.6 × target)',
          probability,
        )
        .option('--phi2 <p>', 'lowest overly toxic DLT rate (default 1.4 × target)', probability),
    '  $ trialstat design boin --target 0.3\n  $ trialstat design boin --target 0.25 --scenarios 0.05,0.1,0.2 --scenarios 0.1,0.25,0.4 --cohorts 6',
  );
  intervalCommand(
    design,
    context,
    'mtpi2',
    'mTPI-2 dose finding (Guo et al. 2017): decision table, operating characteristics',
    eiBuild(mtpi2Table, 'mTPI-2, Guo et al. 2017', [
      {
        label: 'intervals',
        formula: 'the EI and intervals of its width below and above it, cut at 0 and 1',
      },
      {
        label: 'UPM',
        formula: 'P(p ∈ interval | y, n) / length, p | y, n ~ beta(1 + y, 1 + n − y)',
      },
      {
        label: 'decision',
        formula: 'E / S / D as the largest UPM lies below / is / lies above the EI',
      },
      { label: 'DU', formula: 'n ≥ 3 and P(p > pT | y, n) > 0.95' },
    ]),
    eiOption,
    '  $ trialstat design mtpi2 --target 0.3\n  $ trialstat design mtpi2 --target 0.25 --ei 0.2,0.3 --scenarios 0.1,0.25,0.4',
  );
  intervalCommand(
    design,
    context,
    'i3+3',
    'i3+3 dose finding (Liu, Wang & Ji 2020): decision table, operating characteristics',
    eiBuild(i3plus3Table, 'i3+3, Liu, Wang & Ji 2020', [
      { label: 'E', formula: 'y/n below the EI' },
      { label: 'S', formula: 'y/n inside the EI, or above it with (y − 1)/n below it' },
      { label: 'D', formula: 'y/n above the EI and (y − 1)/n not below it' },
      { label: 'DU', formula: 'n ≥ 3 and P(p > pT | y, n) > 0.95 under beta(1, 1)' },
    ]),
    eiOption,
    '  $ trialstat design i3+3 --target 0.3\n  $ trialstat design i3+3 --target 0.25 --scenarios 0.1,0.25,0.4',
  );
  registerCrm(design, context);
}

function parseData(text: string, levels: number): { n: number[]; y: number[] } {
  const parts = text.split(',');
  if (parts.length !== levels)
    throw new InputError('--data', text, `${levels} entries y/n, one per dose: 0/3,1/3,0/0`);
  const n: number[] = [];
  const y: number[] = [];
  for (const p of parts) {
    const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(p);
    if (!m || Number(m[1]) > Number(m[2]))
      throw new InputError('--data', p, 'DLTs/patients with DLTs ≤ patients, e.g. 1/3');
    y.push(Number(m[1]));
    n.push(Number(m[2]));
  }
  return { n, y };
}

function registerCrm(design: Command, context: CliContext): void {
  design
    .command('crm')
    .description(
      "Continual reassessment method (O'Quigley et al. 1990): skeleton, posterior and next dose, simulated operating characteristics",
    )
    .option('--target <p>', 'target DLT rate', probability, 0.25)
    .option('--skeleton <list>', 'prior DLT rates per dose, increasing', numberList)
    .option(
      '--halfwidth <d>',
      'skeleton from indifference intervals θ ± d (dfcrm getprior)',
      probability,
    )
    .option(
      '--prior-mtd <d>',
      'with --halfwidth: the prior guess of the MTD (1-based)',
      positiveInteger,
    )
    .option('--levels <k>', 'with --halfwidth: number of doses', positiveInteger)
    .addOption(
      new Option('--model <m>', 'empiric (power) or logistic')
        .choices(['empiric', 'logistic'])
        .default('empiric'),
    )
    .option('--prior-sd <s>', 'prior SD of β (default √1.34, as dfcrm)', Number)
    .option('--data <list>', 'DLTs/patients per dose so far: 0/3,1/3,0/0,0/0,0/0')
    .option(
      '--scenarios <dlt>',
      'true DLT rates per dose for simulated operating characteristics, beside 3+3 (repeatable)',
      collect,
      [] as string[],
    )
    .option('--cohort-size <n>', 'patients per cohort', positiveInteger, 3)
    .option('--cohorts <n>', 'number of cohorts', positiveInteger, 10)
    .option('--start-dose <d>', 'starting dose (1 = lowest)', positiveInteger, 1)
    .option(
      '--stop-cutoff <p>',
      'stop for safety when P(p1 > target) exceeds this (default: never)',
      probability,
    )
    .option('--reps <n>', 'simulated trials per scenario', positiveInteger, 2000)
    .option('--seed <s>', 'seed for the simulation (printed; default: random)', nonNegativeInteger)
    .option('--json', 'print the result as JSON')
    .option('--explain', 'show the model and formulas')
    .addHelpText(
      'after',
      '\nExamples:\n  $ trialstat design crm --halfwidth 0.05 --prior-mtd 3 --levels 5 --data 0/3,0/3,1/3,0/0,0/0\n  $ trialstat design crm --skeleton 0.05,0.12,0.25,0.4,0.55 --scenarios 0.05,0.1,0.25,0.4,0.55 --seed 1',
    )
    .action(
      (o: {
        target: number;
        skeleton?: number[];
        halfwidth?: number;
        priorMtd?: number;
        levels?: number;
        model: CrmModel;
        priorSd?: number;
        data?: string;
        scenarios: string[];
        cohortSize: number;
        cohorts: number;
        startDose: number;
        stopCutoff?: number;
        reps: number;
        seed?: number;
        json?: boolean;
        explain?: boolean;
      }) => {
        let skeleton: number[];
        if (o.skeleton) {
          if (o.halfwidth !== undefined)
            throw new InputError(
              '--halfwidth',
              o.halfwidth,
              'either --skeleton or --halfwidth, not both',
            );
          skeleton = o.skeleton;
        } else {
          if (o.halfwidth === undefined || o.priorMtd === undefined || o.levels === undefined)
            throw new InputError(
              '--skeleton',
              undefined,
              '--skeleton, or --halfwidth with --prior-mtd and --levels',
            );
          skeleton = crmSkeleton(o.halfwidth, o.target, o.priorMtd, o.levels, { model: o.model });
        }
        const priorSd = o.priorSd ?? Math.sqrt(1.34);
        const model = { model: o.model, priorSd };
        let posterior: CrmPosterior | undefined;
        let nextDose: number | undefined;
        if (o.data !== undefined) {
          const { n, y } = parseData(o.data, skeleton.length);
          posterior = crmPosterior(skeleton, o.target, n, y, model);
          // The current dose: the highest dose tried; no skipping beyond it.
          let current = 0;
          n.forEach((nj, j) => {
            if (nj > 0) current = j;
          });
          nextDose = Math.min(posterior.recommended, current + 1) + 1;
        }
        const seed = o.seed ?? Math.floor(Math.random() * 2 ** 32);
        const scenarios = o.scenarios.map((text) => {
          const dlt = parseScenario(text);
          return {
            dlt,
            design: crmOc(dlt, skeleton, o.target, {
              ...model,
              cohortSize: o.cohortSize,
              cohorts: o.cohorts,
              startDose: o.startDose,
              stopCutoff: o.stopCutoff,
              reps: o.reps,
              seed,
            }),
            threePlusThree: threePlusThree(dlt),
          };
        });
        const result: CrmJson = {
          design: 'crm',
          model: o.model,
          target: o.target,
          skeleton,
          priorSd,
          ...(posterior ? { posterior, nextDose } : {}),
          cohortSize: o.cohortSize,
          cohorts: o.cohorts,
          scenarios,
        };
        if (o.json) {
          context.io.stdout(formatJson(result));
          return;
        }
        const parts = [
          `CRM (${o.model} model), target ${explainNumber(o.target)}, β ~ N(0, ${explainNumber(priorSd ** 2)})\n  skeleton ${skeleton.map((s) => s.toFixed(4)).join(', ')}`,
        ];
        if (posterior) {
          const rows = posterior.ptox.map(
            (p, j) =>
              `  dose ${j + 1}  p(β̂) ${p.toFixed(4)}  E[p] ${posterior.ptoxMean[j].toFixed(4)}  P(p > ${explainNumber(o.target)}) ${posterior.pOverTarget[j].toFixed(4)}`,
          );
          parts.push(
            `Posterior: β mean ${posterior.betaMean.toFixed(4)}, SD ${posterior.betaSd.toFixed(4)}\n${rows.join('\n')}\nRecommended dose ${posterior.recommended + 1}; next cohort at dose ${nextDose} (no skipping)`,
          );
        }
        if (scenarios.length > 0) parts.push(formatScenarios(scenarios, 'CRM'));
        if (o.explain)
          parts.push(
            formatExplain("CRM, O'Quigley, Pepe & Fisher 1990", [
              {
                label: 'model',
                formula:
                  o.model === 'empiric'
                    ? 'p_j(β) = s_j^exp(β)'
                    : 'p_j(β) = 1/(1 + exp(−3 − exp(β)·x_j)), x_j = logit(s_j) − 3',
              },
              {
                label: 'posterior',
                formula: 'π(β | data) ∝ φ(β/σ) Π_j p_j^y_j (1 − p_j)^(n_j − y_j), by quadrature',
              },
              {
                label: 'recommendation',
                formula: 'argmin_j |p_j(E[β | data]) − θ| (as dfcrm crm)',
              },
              {
                label: 'trial',
                formula: 'no skipping when escalating; no escalation right after a DLT',
              },
            ]),
          );
        context.io.stdout(`${parts.join('\n\n')}\n`);
      },
    );
}

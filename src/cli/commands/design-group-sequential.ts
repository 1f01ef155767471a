import { resolve } from 'node:path';
import { formatJson } from '../../format/json.js';
import { type Command, Option } from 'commander';
import { InputError } from '../../errors.js';
import { writeFileAtomic } from '../../io/write-atomic.js';
import {
  groupSequentialDesign,
  type GroupSequentialDesign,
} from '../../stats/design/group-sequential-design.js';
import {
  groupSequentialInterim,
  type GroupSequentialInterim,
} from '../../stats/design/group-sequential-interim.js';
import {
  groupSequentialSampleSize,
  type GroupSequentialEndpoint,
  type GroupSequentialSampleSize,
} from '../../stats/design/group-sequential-sample-size.js';
import {
  BETA_SPENDING_TYPES,
  GROUP_SEQUENTIAL_TYPES,
  spendingFunction,
  type BetaSpendingType,
  type GroupSequentialType,
} from '../../stats/design/group-sequential-types.js';
import type { CliContext } from '../context.js';
import { explainNumber, formatExplain, type ExplainStep } from '../explain.js';
import { writeWarnings } from '../messages.js';
import {
  level,
  number,
  numberList,
  positiveInteger,
  positiveNumber,
  probability,
} from '../options.js';

interface GsOptions {
  k?: number;
  info?: number[];
  alpha: number;
  power: number;
  alternative: 'one-sided' | 'two-sided';
  type: GroupSequentialType;
  parameter?: number;
  hpBound: number;
  futility?: BetaSpendingType;
  futilityParameter?: number;
  endpoint?: 'means' | 'rates' | 'survival';
  delta?: number;
  sd?: number;
  p1?: number;
  p2?: number;
  p0?: number;
  hr?: number;
  groups: number;
  ratio: number;
  look?: number;
  estimate?: number;
  se?: number;
  svg?: string;
  json?: boolean;
  explain?: boolean;
}

const fixed = (x: number, d: number) =>
  Number.isFinite(x) ? x.toFixed(d).replace(/^-/, '\u2212') : String(x);
/** Nominal p-values span 1e-6 … 0.5: four significant digits. */
const pText = (p: number) => (p < 1e-4 ? p.toExponential(2) : p.toPrecision(4));

function endpointOf(o: GsOptions): GroupSequentialEndpoint | undefined {
  if (!o.endpoint) {
    for (const [flag, v] of [
      ['--delta', o.delta],
      ['--sd', o.sd],
      ['--p1', o.p1],
      ['--p2', o.p2],
      ['--p0', o.p0],
      ['--hr', o.hr],
    ] as const) {
      if (v !== undefined)
        throw new InputError(flag, v, `--endpoint means|rates|survival together with ${flag}`);
    }
    return undefined;
  }
  const need = (flag: string, v: number | undefined): number => {
    if (v === undefined)
      throw new InputError(flag, 'nothing', `${flag} for --endpoint ${o.endpoint}`);
    return v;
  };
  const allocation = 1 / o.ratio; // --ratio is n2/n1 as in `power`; the maths takes n1/n2
  if (o.groups !== 1 && o.groups !== 2) throw new InputError('--groups', o.groups, '1 or 2');
  if (o.endpoint === 'means')
    return {
      kind: 'means',
      groups: o.groups as 1 | 2,
      delta: need('--delta', o.delta),
      sd: need('--sd', o.sd),
      allocation,
    };
  if (o.endpoint === 'rates') {
    return o.groups === 1
      ? { kind: 'rates', groups: 1, p1: need('--p1', o.p1), p0: need('--p0', o.p0) }
      : { kind: 'rates', groups: 2, p1: need('--p1', o.p1), p2: need('--p2', o.p2), allocation };
  }
  if (o.groups !== 2) throw new InputError('--groups', o.groups, '2 for --endpoint survival');
  return { kind: 'survival', hazardRatio: need('--hr', o.hr), allocation };
}

function designLines(d: GroupSequentialDesign): string[] {
  const sidedText =
    d.sided === 2
      ? `two-sided α ${explainNumber(d.alpha)}`
      : `one-sided α ${explainNumber(d.alpha)}`;
  const kind = spendingFunction(d.type) ? 'α-spending' : 'boundary';
  const param =
    d.parameter !== undefined
      ? ` (${d.type === 'WT' ? 'Δ' : d.type === 'asHSD' ? 'γ' : 'ρ'} = ${explainNumber(d.parameter)})`
      : '';
  const lines = [
    `Group-sequential design: ${d.label}${param} ${kind}, ${d.kMax} looks, ${sidedText}, power ${explainNumber(1 - d.beta)}`,
  ];
  if (d.futility)
    lines.push(
      `Futility: ${d.futility.label}${d.futility.parameter !== undefined ? ` (${explainNumber(d.futility.parameter)})` : ''}, non-binding`,
    );
  const header = [
    'look',
    'info',
    d.sided === 2 ? '|z| ≥' : 'z ≥',
    'nominal p',
    'α spent',
    ...(d.futility ? ['futility z ≤', 'β spent'] : []),
    'P(reject|H1)',
    'cum. power',
  ];
  const rows = d.informationRates.map((t, k) => [
    String(k + 1),
    fixed(t, 3),
    fixed(d.criticalValues[k], 4),
    pText(d.nominalAlpha[k]),
    pText(d.alphaSpent[k]),
    ...(d.futility
      ? [k < d.kMax - 1 ? fixed(d.futility.bounds[k], 4) : '', fixed(d.futility.betaSpent[k], 4)]
      : []),
    fixed(d.underH1.rejectUpper[k], 4),
    fixed(d.power[k], 4),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  lines.push(`  ${header.map((h, i) => h.padStart(widths[i])).join('  ')}`);
  for (const r of rows) lines.push(`  ${r.map((c, i) => c.padStart(widths[i])).join('  ')}`);
  lines.push(
    `Inflation factor ${fixed(d.inflationFactor, 4)} (drift θ ${fixed(d.drift, 4)} vs ${fixed(Math.sqrt(d.fixedShift), 4)} for one look)`,
  );
  lines.push(
    `Expected sample size / fixed design: H0 ${fixed(d.underH0.averageSampleNumber, 4)}, θ/2 ${fixed(d.underHalf.averageSampleNumber, 4)}, H1 ${fixed(d.underH1.averageSampleNumber, 4)}`,
  );
  if (d.futility)
    lines.push(
      `Under H0 with the futility bound followed: P(reject) ${pText(d.underH0.rejectTotal)}, P(stop for futility) ${fixed(
        d.underH0.futility.slice(0, -1).reduce((s, x) => s + x, 0),
        4,
      )}`,
    );
  return lines;
}

function sizeLines(s: GroupSequentialSampleSize): string[] {
  const e = s.endpoint;
  const what =
    e.kind === 'means'
      ? `means, δ ${explainNumber(e.delta)}, SD ${explainNumber(e.sd)}, ${e.groups ?? 2} group(s)`
      : e.kind === 'rates'
        ? e.groups === 1
          ? `one rate, p1 ${explainNumber(e.p1)} vs p0 ${explainNumber(e.p0)}`
          : `two rates, p1 ${explainNumber(e.p1)} vs p2 ${explainNumber(e.p2)}`
        : `survival, HR ${explainNumber(e.hazardRatio)}`;
  const unit = s.unit === 'events' ? 'events' : 'subjects';
  return [
    `Sample size (${what}): fixed design ${fixed(s.nFixed, 1)} ${unit}; maximum ${fixed(s.nMax, 1)} (round up to ${Math.ceil(s.nMax - 1e-9)})`,
    `  cumulative ${unit} at each look: ${s.perLook.map((n) => fixed(n, 1)).join(', ')}`,
    `  expected ${unit}: H0 ${fixed(s.expectedH0, 1)}, θ/2 ${fixed(s.expectedHalf, 1)}, H1 ${fixed(s.expectedH1, 1)}`,
  ];
}

function interimLines(r: GroupSequentialInterim): string[] {
  return [
    `Look ${r.look} (information ${fixed(r.informationRate, 3)}): estimate ${explainNumber(r.estimate)}, SE ${explainNumber(r.se)}, z ${fixed(r.z, 4)} vs critical ${fixed(r.criticalValue, 4)}${r.futilityBound !== undefined ? ` (futility ${fixed(r.futilityBound, 4)})` : ''}: ${r.decision}`,
    `  repeated ${explainNumber(r.repeatedCi.level * 100)}% CI ${explainNumber(r.repeatedCi.lower)} to ${explainNumber(r.repeatedCi.upper)}; stage-wise adjusted p ${pText(r.stagewiseP)} (naive ${pText(r.naiveP)})`,
  ];
}

function explainSteps(
  d: GroupSequentialDesign,
  s?: GroupSequentialSampleSize,
  r?: GroupSequentialInterim,
): string {
  const steps: ExplainStep[] = [];
  const sf = spendingFunction(d.type);
  if (sf) {
    steps.push({
      label: 'spending function',
      formula: `${sf.formula}, spending ${d.sided === 2 ? 'α/2 on each side' : 'α'}`,
    });
    steps.push({
      label: 'critical values',
      formula: `c_k solves P₀(continue to look k, ${d.sided === 2 ? '|Z_k|' : 'Z_k'} ≥ c_k) = f(t_k) − f(t_{k−1})`,
    });
  } else {
    steps.push({ label: 'boundary shape', formula: d.formula });
    steps.push({ label: 'constant', formula: 'C solves Σ_k P₀(exit at look k) = α' });
  }
  steps.push({
    label: 'joint law',
    formula: `Z_k = S_k/√t_k, S_k − S_{k−1} ~ N(θΔ_k, Δ_k); probabilities by recursive numerical integration on a Simpson grid with r = ${d.gridR} (Jennison & Turnbull 2000, ch. 19)`,
  });
  if (d.futility)
    steps.push({
      label: 'futility',
      formula:
        'a_k solves P_θ(continue to k, Z_k ≤ a_k) = g(t_k) − g(t_{k−1}); θ chosen so that a_K = c_K (non-binding: c_k ignore a_k)',
    });
  steps.push({
    label: 'fixed-design drift',
    formula: `z_{1−α${d.sided === 2 ? '/2' : ''}} + z_{1−β}`,
    value: Math.sqrt(d.fixedShift),
  });
  steps.push({
    label: 'drift for power 1 − β',
    formula: 'θ with P_θ(reject by look K) = 1 − β',
    value: d.drift,
  });
  steps.push({
    label: 'inflation factor',
    formula: `θ² / (z_{1−α} + z_{1−β})² = ${explainNumber(d.shift)} / ${explainNumber(d.fixedShift)}`,
    value: d.inflationFactor,
  });
  steps.push({
    label: 'expected sample size under H1',
    formula: `IF × Σ_k t_k P_θ(stop at k) = ${explainNumber(d.inflationFactor)} × ${explainNumber(d.underH1.expectedInformationRate)}`,
    value: d.underH1.averageSampleNumber,
  });
  if (s) {
    steps.push({ label: 'fixed sample size', formula: s.formula, value: s.nFixed });
    steps.push({
      label: 'maximum sample size',
      formula: `IF × N_fixed = ${explainNumber(d.inflationFactor)} × ${explainNumber(s.nFixed)}`,
      value: s.nMax,
    });
  }
  if (r) {
    steps.push({
      label: 'repeated CI',
      formula: `estimate ± c_k × SE = ${explainNumber(r.estimate)} ± ${explainNumber(r.criticalValue)} × ${explainNumber(r.se)}`,
    });
    steps.push({
      label: 'stage-wise p',
      formula: 'Σ_{j<k} P₀(exit at j) + P₀(continue to k, Z_k ≥ z_obs)',
      value: r.stagewiseP,
    });
  }
  return formatExplain(`${d.label}, ${d.kMax} looks`, steps);
}

/** `trialstat design group-sequential`: boundaries, characteristics, sample size, interim analysis. */
export function registerGroupSequential(design: Command, context: CliContext): void {
  design
    .command('group-sequential')
    .description(
      'Group-sequential boundaries (α-/β-spending, OBF, Pocock, Haybittle–Peto), characteristics, sample size and interim analysis',
    )
    .option('--k <n>', 'number of looks, equally spaced (default 3)', positiveInteger)
    .option(
      '--info <list>',
      'information fractions of the looks, the last 1: 0.3,0.6,1 (instead of --k)',
      numberList,
    )
    .option(
      '--alpha <a>',
      'overall type I error (one-sided, or two-sided with --alternative two-sided)',
      level,
      0.025,
    )
    .option('--power <p>', 'power at the alternative (1 − β)', level, 0.8)
    .addOption(
      new Option(
        '--alternative <kind>',
        'one-sided (efficacy in the direction of the effect), or two-sided with symmetric bounds',
      )
        .choices(['one-sided', 'two-sided'])
        .default('one-sided'),
    )
    .addOption(
      new Option(
        '--type <t>',
        "asOF asP asHSD asKD: Lan–DeMets α-spending (OBF-type, Pocock-type, Hwang–Shih–DeCani, Kim–DeMets power); OF P WT HP: classical O'Brien–Fleming, Pocock, Wang–Tsiatis, Haybittle–Peto",
      )
        .choices(GROUP_SEQUENTIAL_TYPES)
        .default('asOF'),
    )
    .option(
      '--parameter <x>',
      'γ for asHSD (default −4), ρ for asKD (default 1), Δ for WT (default 0.25)',
      number,
    )
    .option('--hp-bound <z>', 'Haybittle–Peto interim critical value', positiveNumber, 3)
    .addOption(
      new Option(
        '--futility <t>',
        'non-binding futility bound by β-spending (one-sided designs)',
      ).choices(BETA_SPENDING_TYPES),
    )
    .option('--futility-parameter <x>', 'γ for bsHSD (default −4), ρ for bsKD (default 1)', number)
    .addOption(
      new Option(
        '--endpoint <kind>',
        'also give the maximum and expected sample size (events for survival)',
      ).choices(['means', 'rates', 'survival']),
    )
    .option('--delta <d>', 'means: difference to detect', number)
    .option('--sd <s>', 'means: standard deviation', positiveNumber)
    .option('--p1 <p>', 'rates: rate in arm 1 (or the single arm)', probability)
    .option('--p2 <p>', 'rates: rate in arm 2', probability)
    .option('--p0 <p>', 'rates, one group: rate under H0', probability)
    .option('--hr <h>', 'survival: hazard ratio arm 1 / arm 2', positiveNumber)
    .option('--groups <g>', 'means or rates: 1 (single arm) or 2 groups', positiveInteger, 2)
    .option('--ratio <r>', 'allocation ratio n2/n1 (as in power)', positiveNumber, 1)
    .option(
      '--look <k>',
      'interim analysis at this look: decision, repeated CI, stage-wise adjusted p (with --estimate, --se)',
      positiveInteger,
    )
    .option(
      '--estimate <x>',
      'observed effect estimate at --look (positive = in the direction of the effect)',
      number,
    )
    .option('--se <s>', 'its standard error', positiveNumber)
    .option('--svg <file>', 'write the boundary chart (z and nominal p per look) as SVG')
    .option('--json', 'print the result as JSON')
    .option('--explain', 'show the formulas with the numbers that went in')
    .addHelpText(
      'after',
      `
Examples:
  $ trialstat design group-sequential --k 3
  $ trialstat design group-sequential --info 0.3,0.6,1 --type asHSD --parameter -2 --futility bsOF --endpoint means --delta 5 --sd 12
  $ trialstat design group-sequential --k 5 --type P --alternative two-sided --alpha 0.05 --endpoint survival --hr 0.7
  $ trialstat design group-sequential --k 3 --look 2 --estimate 4.1 --se 1.5 --json`,
    )
    .action(async (o: GsOptions) => {
      if (o.k !== undefined && o.info !== undefined)
        throw new InputError('--k', o.k, '--k or --info, not both');
      const sided = o.alternative === 'two-sided' ? 2 : 1;
      if (o.parameter !== undefined && !['asHSD', 'asKD', 'WT'].includes(o.type))
        throw new InputError(
          '--parameter',
          o.parameter,
          '--type asHSD, asKD or WT (the others have no parameter)',
        );
      if (o.futilityParameter !== undefined && !(o.futility === 'bsHSD' || o.futility === 'bsKD'))
        throw new InputError(
          '--futility-parameter',
          o.futilityParameter,
          '--futility bsHSD or bsKD',
        );
      const interimGiven = [o.look, o.estimate, o.se].filter((v) => v !== undefined).length;
      if (interimGiven !== 0 && interimGiven !== 3)
        throw new InputError('--look', o.look ?? 'missing', '--look, --estimate and --se together');
      const endpoint = endpointOf(o);
      const d = groupSequentialDesign({
        ...(o.info ? { informationRates: o.info } : { kMax: o.k ?? 3 }),
        alpha: o.alpha,
        beta: 1 - o.power,
        sided,
        type: o.type,
        ...(o.parameter !== undefined ? { parameter: o.parameter } : {}),
        haybittlePeto: o.hpBound,
        ...(o.futility
          ? {
              futility: {
                type: o.futility,
                ...(o.futilityParameter !== undefined ? { parameter: o.futilityParameter } : {}),
              },
            }
          : {}),
      });
      const size = endpoint ? groupSequentialSampleSize(d, endpoint) : undefined;
      const interim =
        interimGiven === 3
          ? groupSequentialInterim(d, { look: o.look!, estimate: o.estimate!, se: o.se! })
          : undefined;
      if (o.svg) {
        // Rendering pulls in vega: loaded only when a chart is asked for.
        const [{ groupSequentialBoundaries }, { renderSvg }] = await Promise.all([
          import('../../report/charts/group-sequential-boundaries.js'),
          import('../../report/render.js'),
        ]);
        const chart = groupSequentialBoundaries({
          title: `${d.label}: ${d.kMax} looks`,
          subtitle: `${sided === 2 ? 'two-sided' : 'one-sided'} α ${explainNumber(d.alpha)}, power ${explainNumber(1 - d.beta)}`,
          twoSided: sided === 2,
          looks: d.informationRates.map((t, k) => ({
            informationRate: t,
            critical: d.criticalValues[k],
            nominalP: d.nominalAlpha[k],
            ...(d.futility && k < d.kMax - 1 ? { futility: d.futility.bounds[k] } : {}),
          })),
          ...(interim
            ? {
                observed: Array.from({ length: interim.look }, (_, k) =>
                  k === interim.look - 1 ? interim.z : NaN,
                ),
              }
            : {}),
        });
        const rendered = await renderSvg(chart.spec, {
          idPrefix: 'gs',
          title: `${d.label}: ${d.kMax} looks`,
          description: chart.description,
        });
        writeFileAtomic(resolve(context.io.cwd, o.svg), `${rendered.svg}\n`);
      }
      if (o.json) {
        context.io.stdout(
          formatJson({
            design: d,
            ...(size ? { sampleSize: size } : {}),
            ...(interim ? { interim } : {}),
          }),
        );
        return;
      }
      const lines = designLines(d);
      if (size) lines.push(...sizeLines(size));
      if (interim) lines.push(...interimLines(interim));
      context.io.stdout(`${lines.join('\n')}\n`);
      if (o.explain) context.io.stdout(`\n${explainSteps(d, size, interim)}\n`);
      writeWarnings(context.io, d.warnings);
    });
}

import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { formatJson } from '../../format/json.js';
import { type BetaPosterior, betaBinomialPosterior } from '../../stats/bayes/beta-binomial.js';
import {
  type NormalPosterior,
  type NormalPriorKind,
  normalPosterior,
  normalPrior,
} from '../../stats/bayes/normal-normal.js';
import {
  type PpDesign,
  type PpOc,
  ppDesign,
  ppDesignOc,
  predictiveProbability,
} from '../../stats/bayes/predictive-probability.js';
import { type TwoArmBetaResult, twoArmBeta } from '../../stats/bayes/two-arm-beta.js';
import { normalQuantile } from '../../stats/dist/index.js';
import type { CliContext } from '../context.js';
import { explainNumber, formatExplain } from '../explain.js';
import {
  level,
  nonNegativeInteger,
  number,
  numberList,
  positiveInteger,
  positiveNumber,
  probability,
} from '../options.js';

/** `trialstat bayes single --json`. */
export interface BayesSingleJson {
  posterior: BetaPosterior;
  predictive?: { nMax: number; thetaT: number; probability: number };
  design?: PpDesign;
  oc?: PpOc[];
}

/** `trialstat bayes means --json`. */
export interface BayesMeansJson {
  estimate: number;
  se: number;
  posteriors: NormalPosterior[];
}

const f4 = (x: number) => x.toFixed(4);

function registerSingle(bayes: Command, context: CliContext): void {
  bayes
    .command('single')
    .description(
      'Single-arm binary end point: beta posterior, predictive probability and a Lee & Liu (2008) stopping table',
    )
    .requiredOption('--x <k>', 'responses so far', nonNegativeInteger)
    .requiredOption('--n <n>', 'patients so far', nonNegativeInteger)
    .requiredOption('--p0 <p>', 'response rate of no interest', probability)
    .option('--a <a>', 'prior beta(a, b): a', positiveNumber, 1)
    .option('--b <b>', 'prior beta(a, b): b', positiveNumber, 1)
    .option('--level <l>', 'credible level', level, 0.95)
    .option(
      '--n-max <N>',
      'planned maximum: adds the predictive probability of success',
      positiveInteger,
    )
    .option('--theta-t <p>', 'success at Nmax: P(p > p0 | data) > θT', probability, 0.9)
    .option('--theta-l <p>', 'with --table: stop for futility when PP < θL', probability, 0.05)
    .option(
      '--theta-u <p>',
      'with --table: stop for efficacy when PP > θU (default never)',
      probability,
    )
    .option(
      '--first-look <n>',
      'with --table: first interim after this many patients',
      positiveInteger,
      1,
    )
    .option('--table', 'print the stopping table for n = first look .. Nmax')
    .option('--p1 <p>', 'with --table: operating characteristics at p0 and this rate', probability)
    .option('--json', 'print the result as JSON')
    .option('--explain', 'show the formulas')
    .addHelpText(
      'after',
      '\nExamples:\n  $ trialstat bayes single --x 16 --n 23 --p0 0.6 --a 0.6 --b 0.4 --n-max 40   # Lee & Liu 2008: PP 0.5656\n  $ trialstat bayes single --x 0 --n 0 --p0 0.6 --a 0.6 --b 0.4 --n-max 40 --table --theta-l 0.001 --first-look 10 --p1 0.8',
    )
    .action(
      (o: {
        x: number;
        n: number;
        p0: number;
        a: number;
        b: number;
        level: number;
        nMax?: number;
        thetaT: number;
        thetaL: number;
        thetaU?: number;
        firstLook: number;
        table?: boolean;
        p1?: number;
        json?: boolean;
        explain?: boolean;
      }) => {
        if ((o.table || o.p1 !== undefined) && o.nMax === undefined)
          throw new InputError('--table', true, '--n-max with --table or --p1');
        const posterior = betaBinomialPosterior(o.x, o.n, o.p0, { a: o.a, b: o.b }, o.level);
        const result: BayesSingleJson = { posterior };
        if (o.nMax !== undefined) {
          result.predictive = {
            nMax: o.nMax,
            thetaT: o.thetaT,
            probability: predictiveProbability(o.x, o.n, o.nMax, o.p0, {
              a: o.a,
              b: o.b,
              thetaT: o.thetaT,
            }),
          };
          if (o.table || o.p1 !== undefined) {
            const design = ppDesign(o.nMax, o.p0, {
              a: o.a,
              b: o.b,
              thetaT: o.thetaT,
              thetaL: o.thetaL,
              thetaU: o.thetaU,
              firstLook: o.firstLook,
            });
            result.design = design;
            result.oc = [o.p0, ...(o.p1 !== undefined ? [o.p1] : [])].map((p) =>
              ppDesignOc(design, p),
            );
          }
        }
        if (o.json) {
          context.io.stdout(formatJson(result));
          return;
        }
        const lines = [
          `Posterior beta(${explainNumber(posterior.a)}, ${explainNumber(posterior.b)}) from beta(${explainNumber(o.a)}, ${explainNumber(o.b)}) and ${o.x}/${o.n}: mean ${f4(posterior.mean)} (${explainNumber(o.level * 100)}% credible interval ${f4(posterior.credible.lower)} to ${f4(posterior.credible.upper)}); P(p > ${explainNumber(o.p0)}) = ${f4(posterior.pAbove)}`,
        ];
        if (result.predictive)
          lines.push(
            `Predictive probability of success at N = ${o.nMax} (P(p > ${explainNumber(o.p0)}) > ${explainNumber(o.thetaT)} at the end): ${f4(result.predictive.probability)}`,
          );
        if (result.design) {
          const d = result.design;
          lines.push(
            `Stopping table (stop for futility when PP < ${explainNumber(d.thetaL)}${d.thetaU !== null ? `, for efficacy when PP > ${explainNumber(d.thetaU)}` : ''}); success at N = ${d.nMax} with ≥ ${d.finalSuccess} responses:`,
          );
          const stops = d.boundaries.filter((b) => b.futility >= 0 || b.efficacy <= b.n);
          for (const b of stops)
            lines.push(
              `  n ${String(b.n).padStart(3)}: ${b.futility >= 0 ? `stop if ≤ ${b.futility}` : ''}${b.efficacy <= b.n ? `${b.futility >= 0 ? '; ' : ''}efficacy if ≥ ${b.efficacy}` : ''}`,
            );
          if (stops.length === 0) lines.push('  (no early stopping before N)');
          for (const oc of result.oc ?? [])
            lines.push(
              `At p = ${explainNumber(oc.p)}: P(success) ${f4(oc.pSuccess)}, P(stop for futility) ${f4(oc.pStopFutility)}, P(stop for efficacy) ${f4(oc.pStopEfficacy)}, E[N] ${oc.expectedN.toFixed(2)}`,
            );
        }
        if (o.explain)
          lines.push(
            '',
            formatExplain('beta–binomial; Lee & Liu 2008', [
              { label: 'posterior', formula: 'beta(a + x, b + n − x)' },
              {
                label: 'predictive',
                formula:
                  'PP = Σ_y P(Y = y | x) 1[P(p > p0 | x + y, Nmax) > θT], Y ~ beta-binomial(Nmax − n, a + x, b + n − x)',
              },
              { label: 'OCs', formula: 'exact: the distribution of x carried patient by patient' },
            ]),
          );
        context.io.stdout(`${lines.join('\n')}\n`);
      },
    );
}

function registerProps(bayes: Command, context: CliContext): void {
  bayes
    .command('props')
    .description('Two arms, binary: P(p1 > p2 + δ) under independent beta posteriors')
    .requiredOption('--x1 <k>', 'events in arm 1', nonNegativeInteger)
    .requiredOption('--n1 <n>', 'patients in arm 1', positiveInteger)
    .requiredOption('--x2 <k>', 'events in arm 2', nonNegativeInteger)
    .requiredOption('--n2 <n>', 'patients in arm 2', positiveInteger)
    .option('--delta <d>', 'margin δ', number, 0)
    .option('--a <a>', 'prior beta(a, b) for each arm: a', positiveNumber, 1)
    .option('--b <b>', 'prior beta(a, b): b', positiveNumber, 1)
    .option('--json', 'print the result as JSON')
    .option('--explain', 'show the formula')
    .addHelpText(
      'after',
      '\nExamples:\n  $ trialstat bayes props --x1 12 --n1 20 --x2 6 --n2 20\n  $ trialstat bayes props --x1 12 --n1 20 --x2 6 --n2 20 --delta 0.1 --json',
    )
    .action(
      (o: {
        x1: number;
        n1: number;
        x2: number;
        n2: number;
        delta: number;
        a: number;
        b: number;
        json?: boolean;
        explain?: boolean;
      }) => {
        const r: TwoArmBetaResult = twoArmBeta(
          { x1: o.x1, n1: o.n1, x2: o.x2, n2: o.n2 },
          o.delta,
          { a: o.a, b: o.b },
        );
        if (o.json) {
          context.io.stdout(formatJson(r));
          return;
        }
        const lines = [
          `Arm 1 beta(${explainNumber(r.arm1.a)}, ${explainNumber(r.arm1.b)}), mean ${f4(r.arm1.mean)}; arm 2 beta(${explainNumber(r.arm2.a)}, ${explainNumber(r.arm2.b)}), mean ${f4(r.arm2.mean)}`,
          `P(p1 > p2${o.delta !== 0 ? ` + ${explainNumber(o.delta)}` : ''}) = ${f4(r.probability)}`,
        ];
        if (o.explain)
          lines.push(
            '',
            formatExplain('two beta posteriors', [
              {
                label: 'P',
                formula: 'F2(−δ) + ∫ f2(p) S1(p + δ) dp (tanh-sinh quadrature)',
                value: r.probability,
              },
            ]),
          );
        context.io.stdout(`${lines.join('\n')}\n`);
      },
    );
}

function registerMeans(bayes: Command, context: CliContext): void {
  bayes
    .command('means')
    .description(
      'Reanalyse a published difference with normal priors (Spiegelhalter et al. 2004): reference, sceptical, enthusiastic',
    )
    .option('--estimate <x>', 'published difference', number)
    .option('--se <s>', 'its standard error', positiveNumber)
    .option('--lower <l>', 'or: lower confidence limit (with --upper, normal interval)', number)
    .option('--upper <u>', 'upper confidence limit', number)
    .option('--level <l>', 'level of that interval and of the credible intervals', level, 0.95)
    .option('--n1 <n>', 'or from arm summaries: n, mean and SD of arm 1 and arm 2', positiveInteger)
    .option('--mean1 <m>', 'mean of arm 1', number)
    .option('--sd1 <s>', 'SD of arm 1', positiveNumber)
    .option('--n2 <n>', 'patients in arm 2', positiveInteger)
    .option('--mean2 <m>', 'mean of arm 2', number)
    .option('--sd2 <s>', 'SD of arm 2', positiveNumber)
    .option('--delta-a <d>', 'alternative δA for the sceptical and enthusiastic priors', number)
    .option(
      '--gamma <g>',
      'prior probability beyond δA (sceptical) or below 0 (enthusiastic)',
      probability,
      0.05,
    )
    .option('--prior-mean <m>', 'a custom normal prior: mean (with --prior-sd)', number)
    .option('--prior-sd <s>', 'a custom normal prior: SD', positiveNumber)
    .option('--threshold <list>', 'report P(θ > t) for these t (default 0 and δA)', numberList)
    .option('--json', 'print the result as JSON')
    .option('--explain', 'show the formulas')
    .addHelpText(
      'after',
      '\nExamples:\n  $ trialstat bayes means --estimate 34.4 --lower 2.8 --upper 66.0 --delta-a 20 --threshold 0,20\n  $ trialstat bayes means --n1 22 --mean1 -4.1 --sd1 52 --n2 22 --mean2 -38.5 --sd2 52 --delta-a 30 --json',
    )
    .action(
      (o: {
        estimate?: number;
        se?: number;
        lower?: number;
        upper?: number;
        level: number;
        n1?: number;
        mean1?: number;
        sd1?: number;
        n2?: number;
        mean2?: number;
        sd2?: number;
        deltaA?: number;
        gamma: number;
        priorMean?: number;
        priorSd?: number;
        threshold?: number[];
        json?: boolean;
        explain?: boolean;
      }) => {
        let estimate: number;
        let se: number;
        let source: string;
        const arms = [o.n1, o.mean1, o.sd1, o.n2, o.mean2, o.sd2];
        if (arms.every((v) => v !== undefined)) {
          estimate = o.mean1! - o.mean2!;
          se = Math.sqrt(o.sd1! ** 2 / o.n1! + o.sd2! ** 2 / o.n2!);
          source = 'mean1 − mean2, SE √(sd1²/n1 + sd2²/n2)';
        } else if (o.lower !== undefined && o.upper !== undefined) {
          if (!(o.upper > o.lower))
            throw new InputError('--upper', o.upper, `a limit above --lower ${o.lower}`);
          estimate = o.estimate ?? (o.lower + o.upper) / 2;
          se = (o.upper - o.lower) / (2 * normalQuantile((1 + o.level) / 2));
          source = `SE = (upper − lower) / (2 z), ${explainNumber(o.level * 100)}% interval`;
        } else if (o.estimate !== undefined && o.se !== undefined) {
          estimate = o.estimate;
          se = o.se;
          source = 'as given';
        } else
          throw new InputError(
            '--estimate',
            o.estimate,
            '--estimate with --se, --lower and --upper, or all six arm summaries (--n1 --mean1 --sd1 --n2 --mean2 --sd2)',
          );
        const kinds: NormalPriorKind[] = ['reference'];
        if (o.deltaA !== undefined) kinds.push('sceptical', 'enthusiastic');
        if (o.priorMean !== undefined || o.priorSd !== undefined) {
          if (o.priorMean === undefined || o.priorSd === undefined)
            throw new InputError('--prior-sd', o.priorSd, '--prior-mean and --prior-sd together');
          kinds.push('custom');
        }
        const thresholds = o.threshold ?? [0, ...(o.deltaA !== undefined ? [o.deltaA] : [])];
        const posteriors = kinds.map((k) =>
          normalPosterior(
            estimate,
            se,
            k === 'custom'
              ? { kind: 'custom', mean: o.priorMean!, sd: o.priorSd! }
              : normalPrior(k, o.deltaA ?? 0, o.gamma),
            thresholds,
            o.level,
          ),
        );
        const result: BayesMeansJson = { estimate, se, posteriors };
        if (o.json) {
          context.io.stdout(formatJson(result));
          return;
        }
        const lines = [
          `Likelihood: estimate ${explainNumber(estimate)}, SE ${explainNumber(se)} (${source})`,
        ];
        for (const p of posteriors) {
          const prior =
            p.prior.kind === 'reference'
              ? 'reference (flat)'
              : `${p.prior.kind} N(${explainNumber(p.prior.mean)}, ${explainNumber(p.prior.sd)}²)`;
          lines.push(
            `${prior.padEnd(34)} posterior mean ${explainNumber(p.mean)} (${explainNumber(o.level * 100)}% CrI ${explainNumber(p.credible.lower)} to ${explainNumber(p.credible.upper)}); ${p.above.map((a) => `P(θ > ${explainNumber(a.threshold)}) ${f4(a.probability)}`).join(', ')}`,
          );
        }
        if (o.explain)
          lines.push(
            '',
            formatExplain('normal–normal, Spiegelhalter, Abrams & Myles 2004', [
              { label: 'sceptical', formula: 'N(0, σ²), σ = δA / z_{1−γ}: P(θ > δA) = γ' },
              { label: 'enthusiastic', formula: 'N(δA, σ²), same σ: P(θ < 0) = γ' },
              {
                label: 'posterior',
                formula: 'mean (μ0/σ0² + y/s²)/(1/σ0² + 1/s²), variance 1/(1/σ0² + 1/s²)',
              },
              { label: 'P(θ > t)', formula: 'Φ((mean − t)/sd)' },
            ]),
          );
        context.io.stdout(`${lines.join('\n')}\n`);
      },
    );
}

/** `trialstat bayes single | props | means`: Bayesian decision rules from summary data. */
export function registerBayes(program: Command, context: CliContext): void {
  const bayes = program
    .command('bayes')
    .description(
      'Bayesian decision rules: single-arm beta posterior and predictive probability, two-arm P(p1 > p2 + δ), normal priors for a published difference',
    );
  registerSingle(bayes, context);
  registerProps(bayes, context);
  registerMeans(bayes, context);
}

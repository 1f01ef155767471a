import { InputError } from '../../errors.js';
import { formatLevel, formatNumber } from '../../format/number.js';
import { renderTable, type Column } from '../../format/table.js';
import {
  bayesianMetaAnalysis,
  type BayesianMetaResult,
  type TauPrior,
} from '../../stats/meta/bayesian-meta-analysis.js';
import type { EffectSizes } from '../../stats/meta/effect-sizes.js';
import { formatExplain } from '../explain.js';
import { expInterval, isRatioMeasure } from './meta-ratio-json.js';

const num = (x: number): string => formatNumber(x, { digits: 3 });
const interval = (i: { lower: number; upper: number }): string =>
  `${num(i.lower)} to ${num(i.upper)}`;

/**
 * Parses `--tau-prior`: `half-normal:0.5`, `half-cauchy:1`, `exponential:2` or `uniform`.
 * Without one, ratio measures (log scale) get half-normal(0.5) (Friede et al. 2017); other
 * measures have no scale-free default, so one must be given.
 */
export function parseTauPrior(text: string | undefined, measure: string): TauPrior {
  if (text === undefined) {
    if (isRatioMeasure(measure)) return { type: 'half-normal', scale: 0.5 };
    throw new InputError(
      '--tau-prior',
      undefined,
      `a prior for τ on the ${measure} scale, e.g. half-normal:<scale> (half-normal:0.5 is the default only for log RR, OR, ROM)`,
    );
  }
  if (text === 'uniform') return { type: 'uniform' };
  const match = /^(half-normal|half-cauchy|exponential):(.+)$/.exec(text);
  const scale = match ? Number(match[2]) : Number.NaN;
  if (!match || !(scale > 0 && Number.isFinite(scale)))
    throw new InputError(
      '--tau-prior',
      text,
      'half-normal:<scale>, half-cauchy:<scale>, exponential:<scale> (scale > 0) or uniform',
    );
  return { type: match[1] as 'half-normal' | 'half-cauchy' | 'exponential', scale };
}

/** Parses `--mu-prior mean,sd`. */
export function parseMuPrior(text: string | undefined): { mean: number; sd: number } | null {
  if (text === undefined) return null;
  const [mean, sd, ...rest] = text.split(',').map((s) => Number(s.trim()));
  if (rest.length > 0 || !Number.isFinite(mean) || !(sd > 0 && Number.isFinite(sd)))
    throw new InputError('--mu-prior', text, 'mean,sd of a normal prior for μ (sd > 0)');
  return { mean, sd };
}

const priorText = (p: TauPrior): string =>
  p.type === 'uniform' ? 'uniform (improper)' : `${p.type}(scale ${p.scale})`;

/** `--json` of a Bayesian fit: ratio measures on the natural scale, log-scale values beside. */
export function bayesJson(r: BayesianMetaResult): Record<string, unknown> {
  if (!isRatioMeasure(r.measure)) return { ...r };
  const nat = <
    S extends { median: number; mean: number; interval: { lower: number; upper: number } },
  >(
    s: S,
  ) => ({ median: Math.exp(s.median), interval: expInterval(s.interval) });
  return {
    ...r,
    estimate: Math.exp(r.estimate),
    ci: expInterval(r.ci),
    logEstimate: r.estimate,
    logCi: r.ci,
    natural: { mu: nat(r.mu), predictive: nat(r.predictive) },
  };
}

/** Runs `trialstat meta … --bayes`. */
export function runBayes(
  effects: EffectSizes,
  options: {
    level: number;
    tauPrior?: string;
    muPrior?: string;
    interval?: 'shortest' | 'central';
    explain?: boolean;
  },
): { result: BayesianMetaResult; text: string; json: Record<string, unknown>; warnings: string[] } {
  const tauPrior = parseTauPrior(options.tauPrior, effects.measure);
  const muPrior = parseMuPrior(options.muPrior);
  const result = bayesianMetaAnalysis(effects, {
    level: options.level,
    tauPrior,
    muPrior,
    ...(options.interval ? { interval: options.interval } : {}),
  });
  const lvl = formatLevel(result.level);
  const ratio = isRatioMeasure(result.measure);
  const scale = ratio ? `log ${result.measure}` : result.measure;
  type Row = BayesianMetaResult['studies'][number];
  const columns: Column<Row>[] = [
    { header: 'Study', text: (r) => r.study },
    { header: scale, text: (r) => num(r.yi), align: 'right' },
    { header: 'SE', text: (r) => num(r.sei), align: 'right' },
    { header: 'shrunken (median)', text: (r) => num(r.median), align: 'right' },
    { header: `${lvl} interval`, text: (r) => interval(r.interval), align: 'right' },
  ];
  const kind = result.intervalType === 'shortest' ? 'shortest' : 'central';
  const natural = ratio
    ? `; ${result.measure} ${num(result.transformed.estimate)} (${interval(result.transformed.ci)})`
    : '';
  const lines = [
    renderTable(result.studies, columns, 'table').trimEnd(),
    `Bayesian random effects (k = ${result.k}; τ prior ${priorText(tauPrior)}, μ prior ${muPrior ? `normal(${muPrior.mean}, ${muPrior.sd})` : 'uniform (improper)'}):`,
    `  μ: median ${num(result.mu.median)} (${lvl} ${kind} interval ${interval(result.mu.interval)}); mean ${num(result.mu.mean)}, sd ${num(result.mu.sd)}${natural}`,
    `  P(μ > 0) = ${formatNumber(result.mu.probabilityPositive, { digits: 3 })}`,
    `  τ: median ${num(result.tau.median)} (${interval(result.tau.interval)}); mean ${num(result.tau.mean)}`,
    `  θ in a new study (predictive): median ${num(result.predictive.median)} (${interval(result.predictive.interval)})${ratio ? `; ${result.measure} ${interval(result.transformed.predictive)}` : ''}`,
  ];
  if (options.explain)
    lines.push(
      '',
      formatExplain('Bayesian random effects, exact numerical integration (Röver 2020)', [
        { label: 'model', formula: 'yᵢ ~ N(θᵢ, σᵢ²), θᵢ ~ N(μ, τ²)' },
        {
          label: 'μ | τ, y',
          formula: 'N(μ̂(τ), 1/W), wᵢ = 1/(σᵢ² + τ²), W = Σwᵢ (+ 1/s₀² with a normal μ prior)',
        },
        { label: 'p(τ | y)', formula: 'p(τ) ∏ wᵢ^½ · W^−½ · exp(−½ Σwᵢ(yᵢ − μ̂)²), normalised' },
        {
          label: 'integration',
          formula: `adaptive Gauss–Kronrod (7/15) on τ = c·u/(1 − u), ${result.integration.intervals} subintervals, relative error`,
          value: result.integration.relativeError,
        },
        {
          label: 'μ posterior',
          formula: 'mixture of the N(μ̂(τ), 1/W) over p(τ | y); median',
          value: result.mu.median,
        },
        { label: 'predictive', formula: 'mixture of N(μ̂(τ), 1/W + τ²)' },
        {
          label: 'shrinkage',
          formula: 'θᵢ | τ ~ N(bᵢμ̂ + (1 − bᵢ)yᵢ, σᵢ²(1 − bᵢ) + bᵢ²/W), bᵢ = σᵢ²/(σᵢ² + τ²)',
        },
        {
          label: 'intervals',
          formula:
            kind === 'shortest'
              ? 'shortest: equal density at both ends (or from τ = 0)'
              : 'central: 2.5% and 97.5% quantiles',
        },
      ]),
    );
  return {
    result,
    text: `${lines.join('\n')}\n`,
    json: bayesJson(result),
    warnings: [...result.warnings],
  };
}

import { formatFixed, formatLevel, formatNumber, formatP } from '../../format/number.js';
import { renderTable, type Column } from '../../format/table.js';
import type { BinaryStudy } from '../../stats/meta/binary-effect-sizes.js';
import {
  glmmMetaAnalysis,
  type GlmmModel,
  type GlmmResult,
} from '../../stats/meta/glmm-meta-analysis.js';
import type { ProportionStudy } from '../../stats/meta/proportion-effect-sizes.js';
import { formatExplain } from '../explain.js';
import { ratioEstimate } from './meta-ratio-json.js';

const num = (x: number): string => formatNumber(x, { digits: 3 });
const interval = (i: { lower: number; upper: number }): string =>
  `${num(i.lower)} to ${num(i.upper)}`;

/**
 * `--json` of a GLMM fit: as the pooled fit, an odds ratio has `estimate`, `ci` and `pi` as
 * ratios and the log-scale values under `logEstimate`, `logCi`, `logPi`; a proportion keeps
 * the logit with the proportion under `transformed` (as `meta --measure PLO`).
 */
export function glmmJson(result: GlmmResult): Record<string, unknown> {
  return { ...ratioEstimate(result.measure, result) };
}

/** Runs `trialstat meta … --model glmm`. */
export function runGlmm(
  data: readonly ProportionStudy[] | readonly BinaryStudy[],
  options: { model?: GlmmModel; points?: number; level: number; explain?: boolean },
): { result: GlmmResult; text: string; json: Record<string, unknown>; warnings: string[] } {
  const result = glmmMetaAnalysis(data, {
    level: options.level,
    ...(options.model ? { model: options.model } : {}),
    ...(options.points !== undefined ? { points: options.points } : {}),
    stabilityPoints: [options.points === 15 ? 21 : 15],
  });
  const proportion = result.measure === 'PLO';
  const scale = proportion ? 'logit p' : 'log OR';
  const natural = proportion ? 'proportion' : 'OR';
  const lvl = formatLevel(result.ci.level);
  const lines: string[] = [];
  if (proportion) {
    type Row = GlmmResult['studies'][number];
    const columns: Column<Row>[] = [
      { header: 'Study', text: (r) => r.study },
      { header: scale, text: (r) => num(r.yi), align: 'right' },
      {
        header: `proportion (${lvl} CI, Clopper–Pearson)`,
        text: (r) =>
          r.ci && r.proportion !== undefined ? `${num(r.proportion)} (${interval(r.ci)})` : '',
        align: 'right',
      },
    ];
    lines.push(renderTable(result.studies, columns, 'table').trimEnd());
  }
  const t = result.transformed;
  lines.push(
    `GLMM (${result.model}, ML, ${result.points}-point adaptive Gauss–Hermite, k = ${result.k}): ${natural} ${num(t.estimate)} (${lvl} CI ${interval(t.ci)}); ${formatP(result.p)}; ${scale} ${num(result.estimate)} (${interval(result.ci)})`,
    `τ² = ${num(result.tau2)}; prediction interval (normal): ${natural} ${interval(t.pi)}`,
  );
  for (const s of result.stability)
    lines.push(
      `Quadrature check: with ${s.points} points ${scale} ${formatNumber(s.estimate, { digits: 6 })} (change ${formatNumber(Math.abs(s.estimate - result.estimate), { digits: 2 })}), τ² ${formatNumber(s.tau2, { digits: 6 })}`,
    );
  if (options.explain) lines.push('', explainGlmm(result));
  return {
    result,
    text: `${lines.join('\n')}\n`,
    json: glmmJson(result),
    warnings: [...result.warnings],
  };
}

function explainGlmm(r: GlmmResult): string {
  const model = {
    PLO: 'xᵢ ~ Binomial(nᵢ, expit(μ + uᵢ)), uᵢ ~ N(0, τ²)',
    'UM.FS':
      'aᵢ ~ Bin(n₁ᵢ, expit(αᵢ + μ + uᵢ/2)), cᵢ ~ Bin(n₂ᵢ, expit(αᵢ − uᵢ/2)), uᵢ ~ N(0, τ²), αᵢ fixed',
    'CM.EL': 'aᵢ | aᵢ + cᵢ ~ non-central hypergeometric(log ψᵢ = μ + uᵢ), uᵢ ~ N(0, τ²)',
  }[r.model];
  const crit = (r.ci.upper - r.estimate) / r.se;
  return formatExplain(`GLMM ${r.model}, Stijnen et al. 2010`, [
    { label: 'model', formula: model },
    {
      label: 'likelihood',
      formula: `Σᵢ log ∫ f(dataᵢ | μ, τ, z) φ(z) dz by ${r.points}-point adaptive Gauss–Hermite (centred at each study's mode)${r.model === 'UM.FS' ? ', each αᵢ maximised out' : ''}`,
      value: r.logLik,
    },
    { label: 'μ̂ (maximum likelihood)', value: r.estimate },
    { label: 'τ̂²', value: r.tau2 },
    {
      label: 'se(μ̂)',
      formula: '√[(−H)⁻¹]_μμ, H the Hessian of the profile log-likelihood in (μ, τ)',
      value: r.se,
    },
    { label: 'z', formula: 'μ̂ / se', value: r.statistic },
    { label: 'p', formula: '2 × P(Z > |z|)', value: r.p },
    {
      label: 'CI',
      formula: `μ̂ ± ${formatFixed(crit, 4)} × se`,
      value: `${formatNumber(r.ci.lower, { digits: 6 })} to ${formatNumber(r.ci.upper, { digits: 6 })}`,
    },
    {
      label: 'PI',
      formula: `μ̂ ± ${formatFixed(crit, 4)} × √(se² + τ̂²)`,
      value: `${formatNumber(r.pi.lower, { digits: 6 })} to ${formatNumber(r.pi.upper, { digits: 6 })}`,
    },
  ]);
}

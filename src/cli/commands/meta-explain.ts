import { formatNumber } from '../../format/number.js';
import { TAU2_ESTIMATORS } from '../../stats/meta/estimate-tau2.js';
import type { FixedEffectResult } from '../../stats/meta/fixed-effect-result.js';
import type { MetaAnalysisResult } from '../../stats/meta/meta-analysis.js';
import { formatExplain, type ExplainStep } from '../explain.js';

const six = (x: number): string => formatNumber(x, { digits: 6 });
const range = (i: { lower: number; upper: number }): string => `${six(i.lower)} to ${six(i.upper)}`;

/**
 * `meta --explain`: the inverse-variance model's formulas with the numbers that went in —
 * τ² (the estimator's registry formula), weights, μ̂, se, test, CI, Q, I², the prediction
 * interval — or the common-effect method's when `--mh`/`--peto` gave the pooled line.
 */
export function explainMetaAnalysis(r: MetaAnalysisResult, fixed?: FixedEffectResult): string {
  const steps: ExplainStep[] = [];
  if (fixed) {
    steps.push(
      { label: `${fixed.method} common effect`, value: fixed.estimate },
      { label: 'se', value: fixed.se },
      { label: 'CI', formula: 'estimate ± z × se', value: range(fixed.ci) },
    );
    return formatExplain(`${fixed.method} common effect`, steps);
  }
  if (r.method !== 'FE') {
    const estimator = TAU2_ESTIMATORS.get(r.method);
    steps.push({
      label: `τ² (${estimator.label})`,
      formula: estimator.formula,
      value: r.tau2,
    });
    if (r.convergence)
      steps.push({
        label: '  iterations',
        value: `${r.convergence.iterations}${r.convergence.converged ? '' : ' (not converged)'}`,
      });
  }
  const sumW = r.studies.reduce((s, x) => s + 1 / (x.vi + r.tau2), 0);
  steps.push(
    {
      label: 'Σwᵢ',
      formula: r.method === 'FE' ? 'Σ 1/vᵢ' : 'Σ 1/(vᵢ + τ²)',
      value: sumW,
    },
    { label: 'μ̂', formula: 'Σwᵢyᵢ / Σwᵢ', value: r.estimate },
  );
  const plainSe = 1 / Math.sqrt(sumW);
  if (r.test === 'knha' || r.test === 'adhoc') {
    const q = (r.se / plainSe) ** 2;
    steps.push({
      label: 'se',
      formula: `√(q / Σwᵢ), q = Σwᵢ(yᵢ − μ̂)²/(k − 1)${r.test === 'adhoc' ? ' floored at 1' : ''} = ${six(q)}`,
      value: r.se,
    });
  } else steps.push({ label: 'se', formula: '1/√Σwᵢ', value: r.se });
  const dist = r.df === null ? 'Z' : `T_${r.df}`;
  steps.push(
    { label: r.df === null ? 'z' : 't', formula: 'μ̂ / se', value: r.statistic },
    { label: 'p', formula: `2 × P(${dist} > |${r.df === null ? 'z' : 't'}|)`, value: r.p },
  );
  const crit = (r.ci.upper - r.estimate) / r.se;
  steps.push({
    label: `${Math.round(r.ci.level * 1000) / 10}% CI`,
    formula: `μ̂ ± ${six(crit)} × se (${r.df === null ? 'normal' : `t, ${r.df} df`})`,
    value: range(r.ci),
  });
  steps.push({
    label: 'Q',
    formula: `Σ(yᵢ − μ̂_FE)²/vᵢ, df = k − 1 = ${r.Qdf}, p = P(χ²_${r.Qdf} > Q)`,
    value: `${six(r.Q)} (p ${six(r.Qp)})`,
  });
  steps.push(
    r.i2Method === 'Q'
      ? { label: 'I²', formula: '100% × (Q − df)/Q, floored at 0', value: r.I2 }
      : {
          label: 'I²',
          formula: `100% × τ²/(τ² + ṽ) with ṽ = (k − 1)/tr P (${six(r.vt)})`,
          value: r.I2,
        },
  );
  if (r.pi) {
    const piCrit = (r.pi.upper - r.estimate) / Math.sqrt(r.se ** 2 + r.tau2);
    steps.push({
      label: 'prediction interval',
      formula: `μ̂ ± ${six(piCrit)} × √(se² + τ²) (${r.pi.df === null ? 'normal' : `t, ${r.pi.df} df`})`,
      value: range(r.pi),
    });
  }
  const title =
    r.method === 'FE'
      ? 'common effect, inverse variance'
      : `random effects, ${r.method}${r.test === 'z' ? '' : `, ${r.test}`}`;
  return formatExplain(title, steps);
}

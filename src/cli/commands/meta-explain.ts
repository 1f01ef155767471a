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

/** The formulas behind each `meta` diagnostic (`--explain` with a diagnostic flag). */
const DIAGNOSTIC_FORMULAS: Record<
  string,
  { title: string; steps: ExplainStep[]; numbers?: readonly string[] }
> = {
  leaveOneOut: {
    title: 'leave-one-out, metafor leave1out',
    steps: [
      {
        label: 'row i',
        formula: 'the model refitted without study i (same τ² estimator, test, level)',
      },
    ],
  },
  cumulative: {
    title: 'cumulative meta-analysis, metafor cumul',
    steps: [
      {
        label: 'row j',
        formula: 'the model fitted to studies 1 … j, in input or --order-by order',
      },
    ],
  },
  influence: {
    title: 'case-deletion diagnostics, Viechtbauer & Cheung 2010',
    steps: [
      { label: 'rstudent', formula: '(yᵢ − μ̂₍₋ᵢ₎)/√(vᵢ + τ̂²₍₋ᵢ₎ + se²₍₋ᵢ₎)' },
      { label: 'dffits', formula: '(ŷᵢ − ŷᵢ₍₋ᵢ₎)/√(hᵢ(vᵢ + τ̂²₍₋ᵢ₎))' },
      { label: "Cook's D", formula: '(μ̂ − μ̂₍₋ᵢ₎)² / se²(μ̂)' },
      { label: 'hat', formula: 'hᵢ = wᵢ/Σwⱼ' },
      { label: 'dfbetas', formula: '(μ̂ − μ̂₍₋ᵢ₎)/se₍₋ᵢ₎(μ̂)' },
    ],
  },
  egger: {
    title: 'regression test for funnel-plot asymmetry, metafor regtest',
    steps: [
      {
        label: 'model',
        formula:
          'yᵢ = β₀ + β₁·xᵢ + uᵢ + εᵢ, xᵢ the predictor (sei, vi, ni, …), weights 1/(vᵢ + τ²)',
      },
      {
        label: 'test',
        formula: 'H₀: β₁ = 0 (z, or t(k − 2) with --egger-model lm); the limit estimate is β₀',
      },
    ],
    numbers: ['statistic', 'p', 'limitEstimate'],
  },
  funnel: {
    title: 'funnel plot data',
    steps: [{ label: 'region', formula: 'μ̂ ± z_{1−α/2}·SE for SE from 0 to max √vᵢ' }],
  },
  ranktest: {
    title: 'Begg & Mazumdar rank correlation, metafor ranktest',
    steps: [
      {
        label: 'standardised',
        formula: 'yᵢ* = (yᵢ − θ̂)/√(vᵢ − v̂), θ̂ the common effect with variance v̂',
      },
      { label: 'test', formula: "Kendall's τ between yᵢ* and vᵢ; exact p without ties" },
    ],
    numbers: ['tau', 'p'],
  },
  trimfill: {
    title: 'trim and fill, Duval & Tweedie 2000',
    steps: [
      {
        label: 'L0',
        formula: '[4S_r − k(k + 1)]/(2k − 1), S_r the sum of positive signed ranks of yᵢ − θ̂',
      },
      { label: 'R0', formula: 'γ* − 1, γ* the rightmost run of positive ranks' },
      {
        label: 'iterate',
        formula: 'trim the k0 most extreme studies, refit θ̂, until k0 is stable',
      },
      { label: 'fill', formula: 'add k0 mirror images 2θ̂ − yᵢ with the same vᵢ and refit' },
    ],
    numbers: ['k0'],
  },
  fsn: {
    title: 'fail-safe N, metafor fsn',
    steps: [
      { label: 'Rosenthal', formula: 'k(z̄/z_α)² − k, z̄ = |Σzᵢ|/√k, zᵢ = yᵢ/√vᵢ' },
      { label: 'Orwin', formula: 'k(ȳ − target)/target' },
      { label: 'Rosenberg', formula: 'k[(Σwᵢyᵢ/z_{α/2})² − Σwᵢ]/Σwᵢ, wᵢ = 1/vᵢ' },
    ],
    numbers: ['fsn'],
  },
  harbord: {
    title: 'Harbord score test, Harbord et al. 2006',
    steps: [
      { label: 'score', formula: 'Z = a − n₁(a + c)/N, V = n₁n₂(a + c)(b + d)/(N²(N − 1))' },
      { label: 'test', formula: 'regress Z/√V on √V; intercept tested with t(k − 2)' },
    ],
    numbers: ['statistic', 'p'],
  },
  peters: {
    title: 'Peters regression test, Peters et al. 2006',
    steps: [
      { label: 'model', formula: 'log ORᵢ on 1/Nᵢ, weights 1/(1/(a + c) + 1/(b + d))' },
      { label: 'test', formula: 'slope tested with t(k − 2)' },
    ],
    numbers: ['statistic', 'p'],
  },
};

/**
 * `--explain` for a diagnostic: its formulas, then the numbers of its JSON that a reader
 * checks first (statistic, p, k0, N).
 */
export function explainDiagnostic(kind: string, json: Record<string, unknown>): string {
  const kinds = kind === 'bias' ? ['egger', 'ranktest', 'harbord', 'peters', 'trimfill'] : [kind];
  const blocks = kinds.map((k) => {
    const entry = DIAGNOSTIC_FORMULAS[k];
    const source = (kind === 'bias' ? json[k] : json) as Record<string, unknown> | undefined;
    const numbers: ExplainStep[] = (entry.numbers ?? [])
      .filter((key) => typeof source?.[key] === 'number')
      .map((key) => ({ label: key, value: source?.[key] as number }));
    return formatExplain(entry.title, [...entry.steps, ...numbers]);
  });
  return blocks.join('\n');
}

/** `--explain` for `--mods`: the mixed-effects meta-regression's formulas. */
export function explainRegression(): string {
  return formatExplain('mixed-effects meta-regression, metafor rma(mods = …)', [
    {
      label: 'model',
      formula:
        'yᵢ = xᵢ′β + uᵢ + εᵢ, uᵢ ~ N(0, τ²), εᵢ ~ N(0, vᵢ); τ² by the chosen estimator on the residuals',
    },
    {
      label: 'β̂',
      formula: '(X′WX)⁻¹X′Wy, W = diag(1/(vᵢ + τ̂²)); Var(β̂) = (X′WX)⁻¹ (× s² with Knapp–Hartung)',
    },
    {
      label: 'QM',
      formula: 'β̂′Var(β̂)⁻¹β̂ over the moderator coefficients, χ²(m) (or F(m, k − p) with --hk)',
    },
    { label: 'QE', formula: 'Σ(yᵢ − xᵢ′β̂_FE)²/vᵢ, χ²(k − p): residual heterogeneity' },
    { label: 'R²', formula: '100% × (τ̂²_RE − τ̂²_ME)/τ̂²_RE, floored at 0' },
    {
      label: 'permutation',
      formula:
        'QM and each coefficient test recomputed over permutations of the moderator rows (exact when all distinct ones are few)',
    },
    {
      label: 'prediction',
      formula: 'x₀′β̂ ± z·√(x₀′Var(β̂)x₀) (CI), ± crit·√(x₀′Var(β̂)x₀ + τ̂²) (PI)',
    },
  ]);
}

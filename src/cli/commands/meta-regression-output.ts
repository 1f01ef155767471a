import { ratioEstimate } from './meta-ratio-json.js';
import { InputError } from '../../errors.js';
import { formatFixed, formatLevel, formatNumber, formatP } from '../../format/number.js';
import { renderTable, type Column } from '../../format/table.js';
import { backTransform } from '../../stats/meta/back-transform.js';
import type { EffectSizes } from '../../stats/meta/effect-sizes.js';
import type { MetaAnalysisOptions } from '../../stats/meta/meta-analysis.js';
import { metaRegression, type MetaRegressionResult } from '../../stats/meta/meta-regression.js';
import { moderatorRow, type ModeratorSpec } from '../../stats/meta/moderator-design.js';
import { permutationTest, type PermutationTestResult } from '../../stats/meta/permutation-test.js';
import {
  predictMetaRegression,
  type MetaRegressionPrediction,
} from '../../stats/meta/predict-meta-regression.js';
import type { SubgroupResult } from '../../stats/meta/subgroup-analysis.js';

/** The `trialstat meta` options that shape a meta-regression. */
export interface MetaRegressionCliOptions {
  /** Comma-separated moderator columns. */
  mods: string;
  /** Columns among `mods` to treat as categorical even when numeric. */
  factor?: string;
  /** `column=level` pairs, comma-separated. */
  reference?: string;
  /** commander's `--no-intercept` sets this false. */
  intercept?: boolean;
  permutations?: number;
  seed?: number;
  /** `column=value,…` per prediction. */
  predict?: string[];
}

const list = (text: string | undefined): string[] =>
  (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

function pairs(text: string, flag: string): [string, string][] {
  return list(text).map((part) => {
    const eq = part.indexOf('=');
    if (eq <= 0 || eq === part.length - 1) throw new InputError(flag, part, 'column=value');
    return [part.slice(0, eq).trim(), part.slice(eq + 1).trim()];
  });
}

/** Moderator specifications from `--mods`, `--factor` and `--reference`. */
export function moderatorSpecs(
  options: Pick<MetaRegressionCliOptions, 'mods' | 'factor' | 'reference'>,
): ModeratorSpec[] {
  const columns = list(options.mods);
  if (columns.length === 0)
    throw new InputError('--mods', options.mods, 'one or more comma-separated columns');
  const factors = list(options.factor);
  for (const f of factors)
    if (!columns.includes(f))
      throw new InputError('--factor', f, `a column named in --mods (${columns.join(', ')})`);
  const references = new Map(options.reference ? pairs(options.reference, '--reference') : []);
  for (const column of references.keys())
    if (!columns.includes(column))
      throw new InputError(
        '--reference',
        column,
        `a column named in --mods (${columns.join(', ')})`,
      );
  return columns.map((column) => ({
    column,
    ...(factors.includes(column) || references.has(column) ? { type: 'categorical' as const } : {}),
    ...(references.has(column) ? { reference: references.get(column)! } : {}),
  }));
}

export interface MetaRegressionRun {
  fit: MetaRegressionResult;
  permutation: PermutationTestResult | null;
  predictions: (MetaRegressionPrediction & {
    values: Record<string, string>;
    transformed: {
      estimate: number;
      ci: { lower: number; upper: number };
      pi: { lower: number; upper: number } | null;
    };
  })[];
  text: string;
  json: Record<string, unknown>;
  warnings: string[];
}

/**
 * Runs `trialstat meta … --mods`: the meta-regression with the pooled fit's τ² estimator,
 * test and level, the optional permutation test (seed chosen by the caller and printed)
 * and predictions at given moderator values.
 */
export function runMetaRegression(
  effects: EffectSizes,
  analysis: MetaAnalysisOptions,
  options: MetaRegressionCliOptions & { seed: number },
): MetaRegressionRun {
  const moderators = moderatorSpecs(options);
  const fit = metaRegression(effects, moderators, {
    method: analysis.method ?? 'REML',
    test: analysis.test ?? 'z',
    level: analysis.level ?? 0.95,
    intercept: options.intercept !== false,
    ...(analysis.pi && analysis.pi !== 'hts' && analysis.pi !== 'none' ? { pi: analysis.pi } : {}),
    ...(analysis.control ? { control: analysis.control } : {}),
  });
  const warnings = [...fit.warnings];
  if (analysis.pi === 'hts')
    warnings.push(
      '--pi hts is for the pooled model; meta-regression prediction intervals use t with k − p df',
    );
  const permutation =
    options.permutations !== undefined
      ? permutationTest(fit, { iterations: options.permutations, seed: options.seed })
      : null;
  if (permutation) warnings.push(...permutation.warnings);
  const tf = backTransform(effects);
  const predictions = (options.predict ?? []).map((text) => {
    const values = Object.fromEntries(pairs(text, '--predict'));
    const [p] = predictMetaRegression(fit, [moderatorRow(fit.design, values)]);
    return {
      values,
      ...p,
      transformed: {
        estimate: tf.apply(p.estimate),
        ci: tf.interval(p.ci.lower, p.ci.upper),
        pi: p.pi ? tf.interval(p.pi.lower, p.pi.upper) : null,
      },
    };
  });
  // The permutation distribution (iterations × p numbers) stays out of the JSON.
  const permutationJson = permutation
    ? (({ distribution: _distribution, ...rest }) => rest)(permutation)
    : null;
  const json = {
    ...fit,
    transform: tf.name,
    permutation: permutationJson,
    predictions: predictions.map((p) => ratioEstimate(fit.measure, p)),
  };
  return {
    fit,
    permutation,
    predictions,
    text: regressionText(fit, permutation, predictions, tf),
    json,
    warnings,
  };
}

const num = (x: number): string => formatNumber(x, { digits: 3 });
const interval = (lo: number, hi: number): string => `${num(lo)} to ${num(hi)}`;
const pText = (p: number): string => formatP(p, { prefix: false }).replace(/^= /, '');

function regressionText(
  fit: MetaRegressionResult,
  perm: PermutationTestResult | null,
  predictions: MetaRegressionRun['predictions'],
  tf: ReturnType<typeof backTransform>,
): string {
  const lvl = formatLevel(fit.level);
  const stat = fit.df === null ? 'z' : 't';
  type Row = MetaRegressionResult['coefficients'][number];
  const columns: Column<Row>[] = [
    { header: 'Coefficient', text: (c) => c.name },
    { header: 'Estimate', text: (c) => num(c.estimate), align: 'right' },
    { header: 'SE', text: (c) => num(c.se), align: 'right' },
    { header: stat, text: (c) => formatFixed(c.statistic, 3), align: 'right' },
    { header: 'p', text: (c) => pText(c.p), align: 'right' },
    { header: `${lvl} CI`, text: (c) => interval(c.ci.lower, c.ci.upper), align: 'right' },
    ...(perm
      ? [
          {
            header: 'perm. p',
            text: (c: Row) => pText(perm.coefficients.find((pc) => pc.name === c.name)!.p),
            align: 'right' as const,
          },
        ]
      : []),
  ];
  const model =
    fit.method === 'FE'
      ? 'Fixed-effects meta-regression'
      : `Mixed-effects meta-regression (${fit.method})`;
  const tests = {
    z: 'z tests',
    knha: `Knapp–Hartung t(${fit.df}) tests`,
    adhoc: `Knapp–Hartung t(${fit.df}) tests, s² ≥ 1`,
    t: `t(${fit.df}) tests`,
  }[fit.test];
  const scale = ['RR', 'OR', 'ROM'].includes(fit.measure)
    ? `log ${fit.measure}`
    : fit.measure === 'PLO'
      ? 'logit p'
      : fit.measure === 'PFT'
        ? 'double arcsine'
        : fit.measure;
  const lines = [
    `${model}; k = ${fit.k}; ${tests}; coefficients on the ${scale} scale`,
    renderTable(fit.coefficients, columns, 'table').trimEnd(),
  ];
  const qm = fit.QM;
  const qmText =
    qm.distribution === 'F'
      ? `F(${qm.df1}, ${qm.df2}) = ${formatFixed(qm.statistic, 3)}`
      : `QM = ${formatFixed(qm.statistic, 3)}, df = ${qm.df1}`;
  lines.push(
    `Test of moderators (${qm.coefficients.join(', ')}): ${qmText}, ${formatP(qm.p)}${perm ? `; permutation ${formatP(perm.QMp)}` : ''}`,
  );
  const het = [
    `Residual heterogeneity: QE = ${formatFixed(fit.QE.Q, 2)}, df = ${fit.QE.df}, ${formatP(fit.QE.p)}`,
  ];
  if (fit.method !== 'FE') het.push(`τ² = ${num(fit.tau2)}`);
  het.push(`I² = ${formatFixed(fit.I2, 1)}%`);
  if (fit.R2 !== null) het.push(`R² = ${formatFixed(fit.R2, 1)}%`);
  lines.push(het.join('; '));
  if (perm) {
    const how = perm.exact
      ? `all ${perm.iterations} distinct permutations (exact)`
      : `${perm.iterations} permutations, seed ${perm.seed}; Monte Carlo SE of p ${formatFixed(perm.mcse, 4)}`;
    lines.push(
      `Permutation test (${perm.scheme === 'signs' ? 'sign flips' : 'moderator rows permuted'}): ${how}`,
    );
  }
  if (predictions.length > 0) {
    const natural = tf.name !== 'identity';
    lines.push('Predicted effects:');
    for (const p of predictions) {
      const at = Object.entries(p.values)
        .map(([k, v]) => `${k} = ${v}`)
        .join(', ');
      const pi = p.pi ? `; PI ${interval(p.pi.lower, p.pi.upper)}` : '';
      const nat = natural
        ? ` [${fit.measure} ${num(p.transformed.estimate)} (${interval(p.transformed.ci.lower, p.transformed.ci.upper)})${p.transformed.pi ? `; PI ${interval(p.transformed.pi.lower, p.transformed.pi.upper)}` : ''}]`
        : '';
      lines.push(
        `  ${at}: ${num(p.estimate)} (${lvl} CI ${interval(p.ci.lower, p.ci.upper)}${pi})${nat}`,
      );
    }
  }
  return lines.join('\n') + '\n';
}

/** Lines for `--subgroup … --common-tau2`: subgroup estimates under one τ² and the mixed-effects test. */
export function commonTau2Text(result: SubgroupResult): string {
  const c = result.common;
  if (!c) return '';
  const lines = [
    `Common τ² = ${num(c.tau2)} (${c.method}, mixed-effects model with the subgroup as moderator):`,
  ];
  for (const g of c.groups)
    lines.push(
      `  ${g.name} (k = ${g.k}): ${num(g.estimate)} (${formatLevel(g.ci.level)} CI ${interval(g.ci.lower, g.ci.upper)})`,
    );
  const qm = c.QM;
  const stat =
    qm.distribution === 'F'
      ? `F(${qm.df1}, ${qm.df2}) = ${formatFixed(qm.statistic, 3)}`
      : `QM = ${formatFixed(qm.statistic, 2)}, df = ${qm.df1}`;
  lines.push(`Test for subgroup differences (common τ²): ${stat}, ${formatP(qm.p)}`);
  return lines.join('\n') + '\n';
}

import { InputError } from '../../errors.js';
import { freeze } from '../types.js';
import type { EffectSizes, StudyEffect } from './effect-sizes.js';
import { qStatistics, type QStatistics } from './fixed-effect-result.js';
import {
  metaAnalysis,
  type MetaAnalysisOptions,
  type MetaAnalysisResult,
} from './meta-analysis.js';
import { metaRegression, type MetaRegressionResult } from './meta-regression.js';

export interface SubgroupOptions extends MetaAnalysisOptions {
  /**
   * Also fit the mixed-effects model with the subgroup as a categorical moderator: one τ²
   * common to all subgroups, subgroup estimates with that τ², and the test for subgroup
   * differences Q_M (χ², or F with Knapp–Hartung). Default false.
   */
  commonTau2?: boolean;
}

/** Subgroups under a common τ² (metafor rma(mods = ~ factor(group)); meta's tau.common = TRUE). */
export interface CommonTau2Subgroups {
  method: MetaRegressionResult['method'];
  test: MetaRegressionResult['test'];
  tau2: number;
  /** Subgroup estimates with the common τ² (the model without intercept), model scale. */
  groups: {
    name: string;
    k: number;
    estimate: number;
    se: number;
    ci: { lower: number; upper: number; level: number };
    p: number;
  }[];
  /** Test for subgroup differences from the mixed-effects model (all level contrasts). */
  QM: MetaRegressionResult['QM'];
  /** Residual heterogeneity within subgroups. */
  QE: MetaRegressionResult['QE'];
}

export interface SubgroupResult {
  groups: { name: string; result: MetaAnalysisResult }[];
  /** Test for subgroup differences: Q_between = Σ (μ̂_g − μ̄)²/se_g² on G − 1 df. */
  between: QStatistics;
  /** The common-τ² analysis when `commonTau2` was asked for, else null. */
  common: CommonTau2Subgroups | null;
  warnings: string[];
}

/**
 * Separate pooled estimates per subgroup (each with its own τ²) and the test for subgroup
 * differences, treating the subgroup estimates as independent with variances se_g²
 * (Borenstein M et al. 2009, Introduction to Meta-Analysis, ch. 19, "separate τ²";
 * Cochrane Handbook §10.11.3.1, as RevMan and meta's `subgroup` with common τ² = FALSE);
 * with `commonTau2`, also the mixed-effects model with one τ² (Borenstein et al. 2009, ch. 19,
 * "pooled τ²"; metafor rma(mods = ~ factor(group)); meta's tau.common = TRUE).
 * @example subgroupAnalysis(binaryEffectSizes(bcg, 'RR'), (s) => String(s.extra?.alloc)).between.Q // 1.8614461412311956 (dat.bcg by allocation)
 */
export function subgroupAnalysis(
  effects: EffectSizes,
  groupOf: (study: StudyEffect) => string,
  options: SubgroupOptions = {},
): SubgroupResult {
  const { commonTau2 = false, ...analysis } = options;
  const names: string[] = [];
  const members = new Map<string, StudyEffect[]>();
  for (const s of effects.studies) {
    const g = groupOf(s);
    if (!members.has(g)) {
      members.set(g, []);
      names.push(g);
    }
    members.get(g)!.push(s);
  }
  if (names.length < 2)
    throw new InputError('subgroup', names.join(', '), 'at least two subgroups');
  const groups = names.map((name) => ({
    name,
    result: metaAnalysis(
      { ...effects, studies: members.get(name)!, warnings: [], codedWarnings: [] },
      analysis,
    ),
  }));
  const w = groups.map((g) => 1 / g.result.se ** 2);
  const sumW = w.reduce((a, b) => a + b, 0);
  const mean = groups.reduce((acc, g, i) => acc + w[i] * g.result.estimate, 0) / sumW;
  const Q = groups.reduce((acc, g, i) => acc + w[i] * (g.result.estimate - mean) ** 2, 0);
  const warnings = [...effects.warnings];
  for (const g of groups) if (g.result.k === 1) warnings.push(`subgroup "${g.name}" has one study`);
  let common: CommonTau2Subgroups | null = null;
  if (commonTau2) {
    // The subgroup as the moderator; the study order fixes nothing, the level names do.
    const tagged: EffectSizes = {
      ...effects,
      warnings: [],
      studies: effects.studies.map((s) => ({
        ...s,
        extra: { ...s.extra, '\u0000group': groupOf(s) },
      })),
    };
    const reg = {
      method: analysis.method ?? 'REML',
      test: analysis.test ?? 'z',
      level: analysis.level ?? 0.95,
      control: analysis.control,
    };
    const spec = [{ column: '\u0000group', type: 'categorical' as const, reference: names[0] }];
    const withIntercept = metaRegression(tagged, spec, reg);
    const cellMeans = metaRegression(tagged, spec, { ...reg, intercept: false });
    const level = cellMeans.design.terms[0].levels!;
    common = {
      method: withIntercept.method,
      test: withIntercept.test,
      tau2: withIntercept.tau2,
      groups: names.map((name) => {
        const c = cellMeans.coefficients[level.indexOf(name)];
        return {
          name,
          k: members.get(name)!.length,
          estimate: c.estimate,
          se: c.se,
          ci: { ...c.ci, level: reg.level },
          p: c.p,
        };
      }),
      QM: withIntercept.QM,
      QE: withIntercept.QE,
    };
    warnings.push(...withIntercept.warnings);
  }
  return freeze({ groups, between: qStatistics(Q, groups.length - 1), common, warnings });
}

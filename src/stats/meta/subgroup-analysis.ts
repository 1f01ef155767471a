import { InputError } from '../../errors.js';
import { freeze } from '../types.js';
import type { EffectSizes, StudyEffect } from './effect-sizes.js';
import { qStatistics, type QStatistics } from './fixed-effect-result.js';
import { metaAnalysis, type MetaAnalysisOptions, type MetaAnalysisResult } from './meta-analysis.js';

export interface SubgroupResult {
  groups: { name: string; result: MetaAnalysisResult }[];
  /** Test for subgroup differences: Q_between = Σ (μ̂_g − μ̄)²/se_g² on G − 1 df. */
  between: QStatistics;
  warnings: string[];
}

/**
 * Separate pooled estimates per subgroup (each with its own τ²) and the test for subgroup
 * differences, treating the subgroup estimates as independent with variances se_g²
 * (Borenstein M et al. 2009, Introduction to Meta-Analysis, ch. 19, "separate τ²";
 * Cochrane Handbook §10.11.3.1, as RevMan and meta's `subgroup` with common τ² = FALSE).
 * @example subgroupAnalysis(binaryEffectSizes(bcg, 'RR'), (s) => String(s.extra?.alloc)).between.Q // 1.8614461412311956 (dat.bcg by allocation)
 */
export function subgroupAnalysis(
  effects: EffectSizes,
  groupOf: (study: StudyEffect) => string,
  options: MetaAnalysisOptions = {},
): SubgroupResult {
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
  if (names.length < 2) throw new InputError('subgroup', names.join(', '), 'at least two subgroups');
  const groups = names.map((name) => ({ name, result: metaAnalysis({ ...effects, studies: members.get(name)!, warnings: [], codedWarnings: [] }, options) }));
  const w = groups.map((g) => 1 / g.result.se ** 2);
  const sumW = w.reduce((a, b) => a + b, 0);
  const mean = groups.reduce((acc, g, i) => acc + w[i] * g.result.estimate, 0) / sumW;
  const Q = groups.reduce((acc, g, i) => acc + w[i] * (g.result.estimate - mean) ** 2, 0);
  const warnings = [...effects.warnings];
  for (const g of groups) if (g.result.k === 1) warnings.push(`subgroup "${g.name}" has one study`);
  return freeze({ groups, between: qStatistics(Q, groups.length - 1), warnings });
}

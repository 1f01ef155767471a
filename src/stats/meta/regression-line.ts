import { InputError } from '../../errors.js';
import { freeze } from '../types.js';
import type { MetaRegressionResult } from './meta-regression.js';
import { predictMetaRegression } from './predict-meta-regression.js';

export interface RegressionLine {
  column: string;
  /** Each study: moderator value, effect, weight (%) — the bubbles. */
  points: { study: string; x: number; yi: number; vi: number; weight: number }[];
  /** Predicted effect with CI and PI over the moderator's range (model scale). */
  line: {
    x: number;
    estimate: number;
    ci: { lower: number; upper: number };
    pi: { lower: number; upper: number } | null;
  }[];
  /** Values at which the other model-matrix columns were held (their means, as metafor's regplot). */
  heldAt: Record<string, number>;
  level: number;
}

/**
 * The data of a bubble plot (metafor `regplot`): observed effects against one numeric
 * moderator, bubble area proportional to the weight, and the fitted line x'β̂ with its
 * confidence and prediction bands on an even grid over the observed range; other columns
 * of the model matrix are held at their means (or at `at`).
 * @example regressionLine(metaRegression(bcgRR, [{ column: 'ablat' }]), 'ablat').line[0].x // 13 (lowest latitude)
 */
export function regressionLine(
  fit: MetaRegressionResult,
  column: string,
  options: { points?: number; at?: Readonly<Record<string, number>> } = {},
): RegressionLine {
  const { points = 61, at = {} } = options;
  if (!(Number.isInteger(points) && points >= 2))
    throw new InputError('points', points, 'a whole number ≥ 2');
  const term = fit.design.terms.find((t) => t.column === column);
  if (term?.type !== 'numeric')
    throw new InputError(
      'column',
      column,
      `a numeric moderator of the model (${
        fit.design.terms
          .filter((t) => t.type === 'numeric')
          .map((t) => t.column)
          .join(', ') || 'none'
      })`,
    );
  const j = term.columns[0];
  const names = fit.design.names;
  for (const name of Object.keys(at))
    if (!names.includes(name) || name === column)
      throw new InputError(
        'at',
        name,
        `another column of the model matrix (${names.filter((n) => n !== column).join(', ')})`,
      );
  const means = names.map(
    (name, c) => at[name] ?? fit.studies.reduce((s, st) => s + st.x[c], 0) / fit.k,
  );
  const xs = fit.studies.map((s) => s.x[j]);
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  const grid = Array.from({ length: points }, (_, i) =>
    i === points - 1 ? hi : lo + ((hi - lo) * i) / (points - 1),
  );
  const rows = grid.map((x) => means.map((m, c) => (c === j ? x : m)));
  const line = predictMetaRegression(fit, rows).map((p, i) => ({
    x: grid[i],
    estimate: p.estimate,
    ci: { lower: p.ci.lower, upper: p.ci.upper },
    pi: p.pi ? { lower: p.pi.lower, upper: p.pi.upper } : null,
  }));
  const heldAt = Object.fromEntries(
    names.map((n, c) => [n, means[c]]).filter(([n]) => n !== column && n !== 'intrcpt'),
  );
  return freeze({
    column,
    points: fit.studies.map((s) => ({
      study: s.study,
      x: s.x[j],
      yi: s.yi,
      vi: s.vi,
      weight: s.weight,
    })),
    line,
    heldAt,
    level: fit.level,
  });
}

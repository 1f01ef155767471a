import type { Alternative } from '../types.js';
import { freeze } from '../types.js';
import type { UnconditionalExactResult } from './barnard-exact.js';
import { conditionalSupport, dnhyper } from './noncentral-hypergeometric.js';
import { checkEnumerable, maximiseOverNuisance, type NuisanceOptions } from './nuisance-maximum.js';
import { validateTable, type TwoByTwo } from './table.js';

/**
 * One-sided Fisher p-value of every table with the given arm sizes, indexed x1·(n2 + 1) + x2:
 * P[X1 ≤ x1 | margins] (`less`) or P[X1 ≥ x1 | margins] (`greater`).
 */
function fisherPValues(n1: number, n2: number, side: 'less' | 'greater'): Float64Array {
  const out = new Float64Array((n1 + 1) * (n2 + 1));
  for (let m = 0; m <= n1 + n2; m++) {
    const lo = Math.max(0, m - n2);
    const hi = Math.min(n1, m);
    const s = conditionalSupport({ events1: lo, n1, events2: m - lo, n2 });
    const d = dnhyper(s, 1);
    let cumulative = 0;
    if (side === 'less') {
      for (let x1 = lo; x1 <= hi; x1++) {
        cumulative += d[x1 - lo];
        out[x1 * (n2 + 1) + (m - x1)] = Math.min(1, cumulative);
      }
    } else {
      for (let x1 = hi; x1 >= lo; x1--) {
        cumulative += d[x1 - lo];
        out[x1 * (n2 + 1) + (m - x1)] = Math.min(1, cumulative);
      }
    }
  }
  return out;
}

function oneSided(
  table: TwoByTwo,
  side: 'less' | 'greater',
  nuisance: NuisanceOptions | undefined,
): { statistic: number; p: number; pi: number; method: string } {
  const { n1, n2 } = table;
  const pv = fisherPValues(n1, n2, side);
  const observed = pv[table.events1 * (n2 + 1) + table.events2];
  const region = new Uint8Array(pv.length);
  // Ties within 1e−7 (relative) count as "as extreme", as in fisher.test.
  for (let i = 0; i < pv.length; i++) region[i] = pv[i] <= observed * (1 + 1e-7) ? 1 : 0;
  const max = maximiseOverNuisance(n1, n2, region, nuisance);
  return { statistic: observed, p: max.p, pi: max.pi, method: max.method };
}

/**
 * Boschloo's unconditional exact test (Boschloo 1970, Statistica Neerlandica 24:1), as
 * scipy.stats.boschloo_exact: the statistic is Fisher's one-sided p; p = max over π of
 * P_π[Fisher p ≤ observed]. Two-sided: twice the smaller one-sided p, capped at 1 (scipy's rule).
 * See nuisance-maximum.ts for the maximisation.
 * @example boschlooExact({ events1: 7, n1: 12, events2: 1, n2: 10 }).p // 0.021972074495088 (scipy, n = 4096: 0.021972074495087958)
 */
export function boschlooExact(
  table: TwoByTwo,
  options: { alternative?: Alternative; nuisance?: NuisanceOptions } = {},
): UnconditionalExactResult {
  validateTable(table);
  const { alternative = 'two-sided' } = options;
  checkEnumerable(table.n1, table.n2, "Boschloo's test");
  const name = 'Boschloo exact';
  if (alternative !== 'two-sided') {
    const r = oneSided(table, alternative, options.nuisance);
    return freeze({
      name,
      statistic: r.statistic,
      p: r.p,
      alternative,
      nuisance: r.pi,
      method: r.method,
    });
  }
  const less = oneSided(table, 'less', options.nuisance);
  const greater = oneSided(table, 'greater', options.nuisance);
  const r = less.p < greater.p ? less : greater;
  return freeze({
    name,
    statistic: r.statistic,
    p: Math.min(1, 2 * r.p),
    alternative,
    nuisance: r.pi,
    method: r.method,
  });
}

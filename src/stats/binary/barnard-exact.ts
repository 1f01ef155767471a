import type { Alternative } from '../types.js';
import { freeze } from '../types.js';
import { checkEnumerable, maximiseOverNuisance, type NuisanceOptions } from './nuisance-maximum.js';
import { validateTable, type TwoByTwo } from './table.js';

export interface UnconditionalExactResult {
  name: string;
  /** Observed statistic: the pooled or unpooled Wald z (Barnard) or the one-sided Fisher p (Boschloo). */
  statistic: number;
  p: number;
  alternative: Alternative;
  /** The common proportion π at which the p-value is maximal. */
  nuisance: number;
  /** How the nuisance parameter was maximised over. */
  method: string;
}

/** Pooled Wald z for x1 of n1 vs x2 of n2, computed exactly as scipy (0 when p1 = p2). */
function pooledWald(x1: number, n1: number, x2: number, n2: number): number {
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  if (p1 === p2) return 0;
  const p = (x1 + x2) / (n1 + n2);
  return (p1 - p2) / Math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2));
}

/**
 * Unpooled Wald z, (p̂1 − p̂2)/√(p̂1(1 − p̂1)/n1 + p̂2(1 − p̂2)/n2), exactly as scipy
 * (0 when p1 = p2, ±Infinity when both arms are all or nothing but differ).
 */
function unpooledWald(x1: number, n1: number, x2: number, n2: number): number {
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  if (p1 === p2) return 0;
  return (p1 - p2) / Math.sqrt((p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2);
}

/**
 * Barnard's unconditional exact test (Barnard 1945, Nature 156:177) as
 * scipy.stats.barnard_exact: with `pooled` (default true) the statistic is the pooled Wald
 * T = (p̂1 − p̂2)/√(p̂(1 − p̂)(1/n1 + 1/n2)); with `pooled: false` the unpooled Wald
 * T = (p̂1 − p̂2)/√(p̂1q̂1/n1 + p̂2q̂2/n2) (scipy pooled=False; Suissa & Shuster 1985, JRSS A 148:317).
 * p = max over π of P_π[T ≥ T_obs] (`greater`: arm 1 higher), P_π[T ≤ T_obs] (`less`) or
 * P_π[|T| ≥ |T_obs|] (two-sided). See nuisance-maximum.ts for the maximisation and its
 * `nuisance` options (grid size, refinement).
 * @example barnardExact({ events1: 7, n1: 12, events2: 1, n2: 10 }).p // 0.02082099925869387 (scipy, n = 4096: 0.020820999258693858)
 */
export function barnardExact(
  table: TwoByTwo,
  options: { alternative?: Alternative; pooled?: boolean; nuisance?: NuisanceOptions } = {},
): UnconditionalExactResult {
  validateTable(table);
  const { alternative = 'two-sided', pooled = true } = options;
  checkEnumerable(table.n1, table.n2, "Barnard's test");
  const { n1, n2 } = table;
  const wald = pooled ? pooledWald : unpooledWald;
  const observed = wald(table.events1, n1, table.events2, n2);
  const region = new Uint8Array((n1 + 1) * (n2 + 1));
  for (let x1 = 0; x1 <= n1; x1++) {
    for (let x2 = 0; x2 <= n2; x2++) {
      const t = wald(x1, n1, x2, n2);
      const inside =
        alternative === 'two-sided'
          ? Math.abs(t) >= Math.abs(observed)
          : alternative === 'less'
            ? t <= observed
            : t >= observed;
      region[x1 * (n2 + 1) + x2] = inside ? 1 : 0;
    }
  }
  const max = maximiseOverNuisance(n1, n2, region, options.nuisance);
  return freeze({
    name: `Barnard exact (${pooled ? 'pooled' : 'unpooled'} Wald)`,
    statistic: observed,
    p: max.p,
    alternative,
    nuisance: max.pi,
    method: max.method,
  });
}

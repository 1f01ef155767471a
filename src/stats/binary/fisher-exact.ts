import type { Alternative } from '../types.js';
import { freeze } from '../types.js';
import {
  conditionalSupport,
  dnhyper,
  mnhyper,
  pnhyper,
  type ConditionalSupport,
} from './noncentral-hypergeometric.js';
import { validateLevel, validateTable, type TwoByTwo } from './table.js';
import { zeroin } from '../numeric/zeroin.js';

export interface FisherExactResult {
  /** Conditional maximum-likelihood odds ratio (0 or Infinity at the edges of the support). */
  estimate: number;
  ci: { lower: number; upper: number; level: number; method: 'conditional-exact' };
  test: { name: 'Fisher exact'; p: number; alternative: Alternative };
  warnings: string[];
}

const DBL_EPSILON = Number.EPSILON;

/**
 * Fisher's exact test with the conditional MLE of the odds ratio and its exact interval,
 * reproducing R's `fisher.test` for 2×2 tables step for step (same root finder and
 * tolerance): two-sided p = Σ P(tables with probability ≤ P(observed) × (1 + 1e−7));
 * limits solve P[X ≥ x; ψ] = α and P[X ≤ x; ψ] = α (α = (1 − level)/2 two-sided).
 * Reference: Fisher (1935) J R Stat Soc 98:39; Agresti (2002) Categorical Data Analysis §3.5.
 * @example fisherExact({ events1: 7, n1: 12, events2: 1, n2: 10 }).test.p // 0.030959752321981414 (R: 0.03095975232)
 */
export function fisherExact(
  table: TwoByTwo,
  options: { alternative?: Alternative; level?: number } = {},
): FisherExactResult {
  validateTable(table);
  const { alternative = 'two-sided', level = 0.95 } = options;
  validateLevel(level);
  const s = conditionalSupport(table);
  const warnings: string[] = [];
  if (s.lo === s.hi)
    warnings.push(
      'a margin of the table is degenerate: only one table is possible, p = 1 and the odds ratio is not estimable',
    );
  const p = fisherP(s, alternative);
  const estimate = conditionalMle(s);
  let lower: number;
  let upper: number;
  if (alternative === 'less') {
    lower = 0;
    upper = ncpUpper(s, 1 - level);
  } else if (alternative === 'greater') {
    lower = ncpLower(s, 1 - level);
    upper = Infinity;
  } else {
    const alpha = (1 - level) / 2;
    lower = ncpLower(s, alpha);
    upper = ncpUpper(s, alpha);
  }
  return freeze({
    estimate,
    ci: { lower, upper, level, method: 'conditional-exact' as const },
    test: { name: 'Fisher exact' as const, p, alternative },
    warnings,
  });
}

/** Fisher p-value for the null odds ratio 1. */
export function fisherP(s: ConditionalSupport, alternative: Alternative): number {
  if (alternative === 'less') return pnhyper(s, s.x, 1);
  if (alternative === 'greater') return pnhyper(s, s.x, 1, true);
  const d = dnhyper(s, 1);
  const limit = d[s.x - s.lo] * (1 + 1e-7);
  let sum = 0;
  for (let i = 0; i < d.length; i++) if (d[i] <= limit) sum += d[i];
  return Math.min(1, sum);
}

function rootOf(f: (t: number) => number, a: number, b: number): number {
  return zeroin(f, a, b).root;
}

function conditionalMle(s: ConditionalSupport): number {
  if (s.x === s.lo) return 0;
  if (s.x === s.hi) return Infinity;
  const mu = mnhyper(s, 1);
  if (mu > s.x) return rootOf((t) => mnhyper(s, t) - s.x, 0, 1);
  if (mu < s.x) return 1 / rootOf((t) => mnhyper(s, 1 / t) - s.x, DBL_EPSILON, 1);
  return 1;
}

function ncpUpper(s: ConditionalSupport, alpha: number): number {
  if (s.x === s.hi) return Infinity;
  const p = pnhyper(s, s.x, 1);
  if (p < alpha) return rootOf((t) => pnhyper(s, s.x, t) - alpha, 0, 1);
  if (p > alpha) return 1 / rootOf((t) => pnhyper(s, s.x, 1 / t) - alpha, DBL_EPSILON, 1);
  return 1;
}

function ncpLower(s: ConditionalSupport, alpha: number): number {
  if (s.x === s.lo) return 0;
  const p = pnhyper(s, s.x, 1, true);
  if (p > alpha) return rootOf((t) => pnhyper(s, s.x, t, true) - alpha, 0, 1);
  if (p < alpha) return 1 / rootOf((t) => pnhyper(s, s.x, 1 / t, true) - alpha, DBL_EPSILON, 1);
  return 1;
}

import { chiSquareSf, normalQuantile, normalSf } from '../dist/index.js';
import type { ConfidenceInterval, Measure, TestResult } from '../types.js';
import type { StudyEffect } from './effect-sizes.js';

/** Heterogeneity statistics derived from Cochran's Q. */
export interface QStatistics {
  /** Cochran's Q. */
  Q: number;
  Qdf: number;
  /** P[χ²(Qdf) > Q]; 1 when Qdf = 0. */
  Qp: number;
  /** I² in percent from Q: max(0, 100 (Q − df)/Q) (Higgins & Thompson 2002, Stat Med 21:1539). */
  I2: number;
  /** H² = Q/df. */
  H2: number;
}

/** A common-effect result from Mantel–Haenszel or Peto (model scale: log for RR/OR). */
export interface FixedEffectResult extends QStatistics {
  measure: Measure;
  method: 'MH' | 'Peto';
  k: number;
  estimate: number;
  se: number;
  ci: ConfidenceInterval;
  test: TestResult;
  warnings: string[];
}

/**
 * Q, I², H² from Q and its degrees of freedom; k ≤ 1 gives Q = 0, p = 1, I² = 0, H² = 1 (as metafor).
 * @example qStatistics(24, 12) // { Q: 24, Qdf: 12, Qp: 0.020341029416928363, I2: 50, H2: 2 }
 */
export function qStatistics(Q: number, df: number): QStatistics {
  if (df < 1) return { Q: 0, Qdf: 0, Qp: 1, I2: 0, H2: 1 };
  const q = Math.max(0, Q);
  return {
    Q: q,
    Qdf: df,
    Qp: chiSquareSf(q, df),
    I2: Math.max(0, (100 * (q - df)) / q),
    H2: q / df,
  };
}

/**
 * Cochran's Q about a given centre with inverse-variance weights, Q = Σ (yᵢ − centre)²/vᵢ,
 * on k − 1 df (Cochran 1954, Biometrics 10:101), as rma.mh computes it.
 * @example heterogeneity([{ study: 'a', yi: 0, vi: 1 }, { study: 'b', yi: 2, vi: 1 }], 1).Q // 2
 */
export function heterogeneity(studies: readonly StudyEffect[], centre: number): QStatistics {
  const Q = studies.reduce((s, st) => s + (st.yi - centre) ** 2 / st.vi, 0);
  return qStatistics(Q, studies.length - 1);
}

/**
 * Wald z summary of an estimate and its standard error: estimate ± z_{1−α/2}·se and the two-sided p.
 * @example waldSummary(0.5, 0.25, 0.95).ci.lower // 0.010009003864986488
 */
export function waldSummary(
  estimate: number,
  se: number,
  level: number,
): Pick<FixedEffectResult, 'estimate' | 'se' | 'ci' | 'test'> {
  const z = normalQuantile(1 - (1 - level) / 2);
  return {
    estimate,
    se,
    ci: { lower: estimate - z * se, upper: estimate + z * se, level, method: 'wald-z' },
    test: { name: 'z', statistic: estimate / se, p: 2 * normalSf(Math.abs(estimate / se)) },
  };
}

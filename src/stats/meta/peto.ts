import { uncoded } from '../warnings.js';
import { InputError } from '../../errors.js';
import { freeze } from '../types.js';
import { binaryEffectSizes, type BinaryStudy } from './binary-effect-sizes.js';
import { qStatistics, waldSummary, type FixedEffectResult } from './fixed-effect-result.js';

/**
 * Peto's one-step log odds ratio, as metafor `rma.peto`:
 *   log OR = Σ(Oᵢ − Eᵢ) / ΣVᵢ,  se = 1/√ΣVᵢ,  Eᵢ = (aᵢ + cᵢ) n₁ᵢ/Nᵢ,
 *   Vᵢ = (aᵢ + cᵢ)(bᵢ + dᵢ) n₁ᵢ n₂ᵢ / (Nᵢ² (Nᵢ − 1));
 *   Q = Σ(Oᵢ − Eᵢ)²/Vᵢ − (Σ(Oᵢ − Eᵢ))²/ΣVᵢ over tables with Vᵢ > 0, on k − 1 df
 *   (k = tables that are not double-zero).
 * No continuity correction is needed. Reference: Yusuf S et al. (1985), Prog Cardiovasc Dis 27:335;
 * Fleiss JL (1993), Stat Methods Med Res 2:121.
 * @example peto(bcg).estimate // -0.47444631094063655 (dat.bcg, log OR)
 */
export function peto(
  studies: readonly BinaryStudy[],
  options: { level?: number } = {},
): FixedEffectResult {
  const { level = 0.95 } = options;
  if (!(level > 0 && level < 1)) throw new InputError('level', level, 'a level in (0, 1)');
  const effects = binaryEffectSizes(studies, 'OR', { dropDoubleZero: true }); // validates; k for Q's df
  let sumOE = 0;
  let sumV = 0;
  let sumOE2V = 0;
  for (const s of studies) {
    const N = s.n1 + s.n2;
    const xt = s.events1 + s.events2;
    const E = (xt * s.n1) / N;
    const V = (xt * (N - xt) * (s.n1 / N) * (s.n2 / N)) / (N - 1);
    sumOE += s.events1 - E;
    sumV += V;
    if (V > 0) sumOE2V += (s.events1 - E) ** 2 / V;
  }
  if (!(sumV > 0))
    throw new InputError(
      'studies',
      `${studies.length} tables`,
      'at least one table with both outcomes for Peto’s method',
    );
  const estimate = sumOE / sumV;
  const se = Math.sqrt(1 / sumV);
  return freeze({
    measure: 'OR',
    method: 'Peto',
    k: effects.studies.length,
    ...waldSummary(estimate, se, level),
    ...qStatistics(sumOE2V - sumOE ** 2 / sumV, effects.studies.length - 1),
    // Peto needs no zero-cell correction: drop that warning of the effect sizes, by its code.
    warnings: (effects.codedWarnings ?? uncoded(effects.warnings))
      .filter((w) => w.code !== 'studies-zero-cell-corrected')
      .map((w) => w.message),
  });
}

import { InputError } from '../../errors.js';
import { freeze } from '../types.js';
import { binaryEffectSizes, type BinaryStudy } from './binary-effect-sizes.js';
import { heterogeneity, waldSummary, type FixedEffectResult } from './fixed-effect-result.js';

/**
 * Mantel–Haenszel common-effect estimate for RR, OR or RD on the uncorrected tables, as
 * metafor `rma.mh` (which also takes the Q test from escalc's corrected yi/vi):
 *   OR = ΣRᵢ/ΣSᵢ, Rᵢ = aᵢdᵢ/Nᵢ, Sᵢ = bᵢcᵢ/Nᵢ; var log OR: Robins, Breslow & Greenland 1986 (Biometrics 42:311)
 *   RR = Σaᵢn₂ᵢ/Nᵢ / Σcᵢn₁ᵢ/Nᵢ;                var log RR: Greenland & Robins 1985 (Biometrics 41:55)
 *   RD = Σ(aᵢn₂ᵢ − cᵢn₁ᵢ)/Nᵢ / Σn₁ᵢn₂ᵢ/Nᵢ;       var: Sato, Greenland & Robins 1989 (Biometrics 45:1323)
 * Estimate, ci and pi are on the model scale (log for RR/OR).
 * @example mantelHaenszel(bcg, 'RR').estimate // -0.45370960468375404 (dat.bcg, log RR)
 */
export function mantelHaenszel(
  studies: readonly BinaryStudy[],
  measure: 'RR' | 'OR' | 'RD',
  options: { level?: number } = {},
): FixedEffectResult {
  const { level = 0.95 } = options;
  if (!(level > 0 && level < 1)) throw new InputError('level', level, 'a level in (0, 1)');
  const effects = binaryEffectSizes(studies, measure, { dropDoubleZero: true });
  const warnings = [...effects.warnings];
  let estimate: number;
  let se: number;
  const t = studies.map((s) => ({
    a: s.events1,
    b: s.n1 - s.events1,
    c: s.events2,
    d: s.n2 - s.events2,
    n1: s.n1,
    n2: s.n2,
    N: s.n1 + s.n2,
  }));
  if (measure === 'OR') {
    let R = 0,
      S = 0,
      PR = 0,
      PSQR = 0,
      QS = 0;
    for (const { a, b, c, d, N } of t) {
      const P = (a + d) / N;
      const Q = (b + c) / N;
      const Ri = (a / N) * d;
      const Si = (b / N) * c;
      R += Ri;
      S += Si;
      PR += P * Ri;
      PSQR += P * Si + Q * Ri;
      QS += Q * Si;
    }
    estimate = Math.log(R / S);
    se = Math.sqrt(0.5 * (PR / R ** 2 + PSQR / (R * S) + QS / S ** 2));
  } else if (measure === 'RR') {
    let R = 0,
      S = 0,
      V = 0;
    for (const { a, c, n1, n2, N } of t) {
      R += a * (n2 / N);
      S += c * (n1 / N);
      V += (n1 / N) * (n2 / N) * (a + c) - (a / N) * c;
    }
    estimate = Math.log(R / S);
    se = Math.sqrt(V / (R * S));
  } else {
    let num = 0,
      den = 0,
      s1 = 0,
      s2 = 0;
    for (const { a, c, n1, n2, N } of t) {
      num += a * (n2 / N) - c * (n1 / N);
      den += n1 * (n2 / N);
      s1 += c * (n1 / N) ** 2 - a * (n2 / N) ** 2 + ((n1 / N) * (n2 / N) * (n2 - n1)) / 2;
      s2 += (a * (n2 - c)) / N + (c * (n1 - a)) / N;
    }
    estimate = num / den;
    se = Math.sqrt((estimate * s1 + s2 / 2) / den ** 2);
  }
  if (!Number.isFinite(estimate) || !(se > 0)) {
    throw new InputError(
      'studies',
      `${studies.length} tables`,
      `at least one event in each arm overall for the MH ${measure}`,
    );
  }
  return freeze({
    measure,
    method: 'MH',
    k: effects.studies.length,
    ...waldSummary(estimate, se, level),
    ...heterogeneity(effects.studies, estimate),
    warnings,
  });
}

import { InputError } from '../../errors.js';
import { freeze } from '../types.js';
import type { BinaryStudy } from './binary-effect-sizes.js';

/**
 * Percentage weights of the studies in a Mantel–Haenszel or Peto pooled estimate, as metafor
 * `weights.rma.mh` and `weights.rma.peto` (RevMan's weight column):
 *   MH OR: wᵢ = bᵢcᵢ/Nᵢ    MH RR: wᵢ = cᵢn₁ᵢ/Nᵢ    MH RD: wᵢ = n₁ᵢn₂ᵢ/Nᵢ
 *   Peto:  wᵢ = Vᵢ = n₁ᵢn₂ᵢmᵢ(Nᵢ − mᵢ)/(Nᵢ²(Nᵢ − 1)), mᵢ = aᵢ + cᵢ
 * each as 100 wᵢ/Σw (a = events and b = non-events of arm 1, c of arm 2, Nᵢ = n₁ᵢ + n₂ᵢ).
 * Reference: Greenland S, Robins JM (1985), Biometrics 41:55; Yusuf S et al. (1985), Prog
 * Cardiovasc Dis 27:335 (Peto); Cochrane Handbook 10.4.
 * @example mantelHaenszelWeights(bcg, 'RR')[0] // 0.6562954… (dat.bcg, Aronson 1948)
 */
export function mantelHaenszelWeights(
  studies: readonly BinaryStudy[],
  method: 'MH-RR' | 'MH-OR' | 'MH-RD' | 'Peto',
): number[] {
  if (!['MH-RR', 'MH-OR', 'MH-RD', 'Peto'].includes(method))
    throw new InputError('method', method, 'MH-RR, MH-OR, MH-RD or Peto');
  const raw = studies.map((s) => {
    const a = s.events1;
    const c = s.events2;
    const b = s.n1 - a;
    const N = s.n1 + s.n2;
    if (method === 'MH-OR') return (b * c) / N;
    if (method === 'MH-RR') return (c * s.n1) / N;
    if (method === 'MH-RD') return (s.n1 * s.n2) / N;
    const m = a + c;
    return N > 1 ? (s.n1 * s.n2 * m * (N - m)) / (N * N * (N - 1)) : 0;
  });
  const total = raw.reduce((acc, w) => acc + w, 0);
  if (!(total > 0))
    throw new InputError('studies', studies.length, 'studies with a positive total weight');
  return freeze(raw.map((w) => (100 * w) / total));
}

import { freeze } from '../types.js';
import type { Derived } from './types.js';
import { assertCount, assertPositive } from './validate.js';

/**
 * SD of one arm from the standard error of its mean: SD = SE·√n.
 *
 * Reference: Higgins JPT et al. (eds). Cochrane Handbook for Systematic Reviews of
 * Interventions, version 6.4, 2023, section 6.5.2.2.
 *
 * @example sdFromSe(1.2, 25).value // 6
 */
export function sdFromSe(se: number, n: number): Derived {
  assertPositive('se', se);
  assertCount('n', n, 1);
  const value = se * Math.sqrt(n);
  return freeze({
    value,
    derivation: {
      quantity: 'sd',
      method: 'sd-from-se',
      formula: 'SD = SE × √n',
      assumptions: ['the SE is the standard error of this arm’s mean (not of a difference)'],
      inputs: { se, n },
      intermediate: { sqrtN: Math.sqrt(n) },
      reference: 'Cochrane Handbook 6.4, section 6.5.2.2',
    },
    warnings: [],
  });
}

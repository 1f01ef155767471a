import { InputError } from '../../errors.js';
import { binomialPmf } from '../dist/index.js';
import type { Alternative } from '../types.js';
import { fisherRejectionRegion } from './fisher-rejection-region.js';
import { checkOpenUnit } from './inflate-for-dropout.js';

/**
 * Exact power of Fisher's exact test by enumeration: Σ over all outcomes (x1, x2) of
 * P(X1 = x1) P(X2 = x2) · 1[p(x1, x2) ≤ α], X1 ~ Bin(n1, p1), X2 ~ Bin(n2, p2), p from
 * {@link fisherRejectionRegion}. (Casagrande, Pike & Smith 1978, Applied Statistics 27:176-180.)
 * The power is not monotone in n (saw-tooth) because the test is discrete.
 * @example fisherExactPower({ n1: 20, n2: 20, p1: 0.2, p2: 0.5 }) // 0.409457  (R: enumeration with fisher.test, test/reference/design.R)
 */
export function fisherExactPower(options: { n1: number; n2: number; p1: number; p2: number; alpha?: number; alternative?: Alternative }): number {
  const { n1, n2, p1, p2, alpha = 0.05, alternative = 'two-sided' } = options;
  checkOpenUnit('alpha', alpha);
  for (const [name, p] of [['p1', p1], ['p2', p2]] as const) {
    if (!(p >= 0 && p <= 1)) throw new InputError(name, p, 'a probability in [0, 1]');
  }
  const region = fisherRejectionRegion(n1, n2, alpha, alternative);
  const b2 = Array.from({ length: n2 + 1 }, (_, x) => binomialPmf(x, n2, p2));
  let power = 0;
  for (let x1 = 0; x1 <= n1; x1 += 1) {
    let row = 0;
    for (let x2 = 0; x2 <= n2; x2 += 1) if (region[x1 * (n2 + 1) + x2]) row += b2[x2];
    if (row > 0) power += binomialPmf(x1, n1, p1) * row;
  }
  return power;
}

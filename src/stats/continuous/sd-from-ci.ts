import { normalQuantile } from '../dist/normal.js';
import { tQuantile } from '../dist/student-t.js';
import { InputError } from '../../errors.js';
import { freeze } from '../types.js';
import type { Derived } from './types.js';
import { assertChoice, assertCount, assertFinite, assertLevel } from './validate.js';

export interface SdFromCiInput {
  lower: number;
  upper: number;
  n: number;
  /** Level of the reported interval, default 0.95. */
  level?: number;
  /**
   * `t` (default): the interval was built with t_{n−1} (advisable for small arms; the
   * Cochrane Handbook suggests t below 60 per arm); `z`: with the normal quantile.
   */
  distribution?: 't' | 'z';
}

/**
 * SD of one arm from a confidence interval for its mean:
 * SE = (upper − lower) / (2·q), SD = SE·√n, with q = t_{1−α/2, n−1} or z_{1−α/2}.
 * The interval's midpoint (the mean) is reported in `intermediate.mean`.
 *
 * Reference: Cochrane Handbook 6.4, section 6.5.2.2.
 *
 * @example sdFromCi({ lower: 10.1, upper: 14.3, n: 30 }).value // 5.62390
 */
export function sdFromCi(input: SdFromCiInput): Derived {
  const { lower, upper, n, level = 0.95, distribution = 't' } = input;
  assertFinite('lower', lower);
  assertFinite('upper', upper);
  if (!(upper > lower))
    throw new InputError('upper', upper, `a number greater than lower (${lower})`);
  assertLevel('level', level);
  assertChoice('distribution', distribution, ['t', 'z']);
  assertCount('n', n, distribution === 't' ? 2 : 1);
  const p = 1 - (1 - level) / 2;
  const q = distribution === 't' ? tQuantile(p, n - 1) : normalQuantile(p);
  const se = (upper - lower) / (2 * q);
  const value = se * Math.sqrt(n);
  return freeze({
    value,
    derivation: {
      quantity: 'sd',
      method: distribution === 't' ? 'sd-from-ci-t' : 'sd-from-ci-z',
      formula:
        distribution === 't'
          ? 'SD = √n × (upper − lower) / (2 × t_{1−α/2, n−1})'
          : 'SD = √n × (upper − lower) / (2 × z_{1−α/2})',
      assumptions: [
        'the interval is a symmetric interval for this arm’s mean',
        distribution === 't'
          ? 'it was built with the t distribution on n − 1 df'
          : 'it was built with the normal quantile',
      ],
      inputs: { lower, upper, n, level },
      intermediate: { quantile: q, se, mean: (lower + upper) / 2 },
      reference: 'Cochrane Handbook 6.4, section 6.5.2.2',
    },
    warnings: [],
  });
}

import { normalQuantile } from '../dist/normal.js';
import { tQuantile } from '../dist/student-t.js';
import { InputError } from '../../errors.js';
import { freeze } from '../types.js';
import { pooledSdFromSe } from './sd-from-t.js';
import type { Derived } from './types.js';
import { assertChoice, assertCount, assertFinite, assertLevel } from './validate.js';

export interface SdFromDifferenceCiInput {
  /** Reported interval for the mean difference. */
  lower: number;
  upper: number;
  n1: number;
  n2: number;
  /** Level of the reported interval, default 0.95. */
  level?: number;
  /** `t` (default): t with n₁ + n₂ − 2 df; `z`: normal quantile. */
  distribution?: 't' | 'z';
}

/**
 * Pooled SD implied by a reported confidence interval for a two-arm mean difference
 * (Cochrane Handbook 6.5.2.3): SE = (upper − lower) / (2·q), q = t_{1−α/2, n₁+n₂−2} or
 * z_{1−α/2}; SD = SE / √(1/n₁ + 1/n₂). The midpoint is the MD (`intermediate.md`).
 *
 * Reference: Cochrane Handbook 6.4, section 6.5.2.3.
 *
 * @example sdFromDifferenceCi({ lower: 2.5, upper: 66.3, n1: 22, n2: 22 }).value // 52.4262
 */
export function sdFromDifferenceCi(input: SdFromDifferenceCiInput): Derived {
  const { lower, upper, n1, n2, level = 0.95, distribution = 't' } = input;
  assertFinite('lower', lower);
  assertFinite('upper', upper);
  if (!(upper > lower))
    throw new InputError('upper', upper, `a number greater than lower (${lower})`);
  assertLevel('level', level);
  assertChoice('distribution', distribution, ['t', 'z']);
  assertCount('n1', n1, 1);
  assertCount('n2', n2, 1);
  if (n1 + n2 < 3) throw new InputError('n2', n2, 'arm sizes with n1 + n2 ≥ 3');
  const df = n1 + n2 - 2;
  const q =
    distribution === 't' ? -tQuantile((1 - level) / 2, df) : -normalQuantile((1 - level) / 2);
  const md = (lower + upper) / 2;
  return freeze(
    pooledSdFromSe((upper - lower) / (2 * q), n1, n2, {
      method: distribution === 't' ? 'cochrane-ci-to-sd-t' : 'cochrane-ci-to-sd-z',
      formula:
        distribution === 't'
          ? 'SE = (upper − lower) / (2 × t_{1−α/2, n1+n2−2}); SD = SE / √(1/n1 + 1/n2)'
          : 'SE = (upper − lower) / (2 × z_{1−α/2}); SD = SE / √(1/n1 + 1/n2)',
      inputs: { lower, upper, n1, n2, level },
      intermediate: { quantile: q, md, ...(distribution === 't' ? { df } : {}) },
      assumptions: [
        'the interval is symmetric around the mean difference and was built from a pooled-variance SE',
      ],
    }),
  );
}

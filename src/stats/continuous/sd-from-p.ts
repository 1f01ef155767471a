import { tQuantile } from '../dist/student-t.js';
import { InputError } from '../../errors.js';
import { freeze } from '../types.js';
import { pooledSdFromSe } from './sd-from-t.js';
import type { Derived } from './types.js';
import { assertCount, assertFinite } from './validate.js';

/**
 * Pooled SD implied by a reported two-sided p-value for a mean difference (Cochrane
 * Handbook 6.5.2.3): t = t_{1−p/2, n₁+n₂−2}, SE = |MD| / t, SD = SE / √(1/n₁ + 1/n₂).
 * Assumes the p-value came from a Student two-sample t-test; a p printed as a bound
 * (p < 0.001) or rounded gives only an approximate SD.
 *
 * Published check: Rapami 6MWD (sirolimus −4.1 m vs placebo −38.5 m, n = 22 per arm,
 * p = 0.035) implies a pooled SD of about 52 m.
 *
 * @example sdFromP({ md: 34.4, p: 0.035, n1: 22, n2: 22 }).value // 52.3622
 */
export function sdFromP(input: { md: number; p: number; n1: number; n2: number }): Derived {
  const { md, p, n1, n2 } = input;
  assertFinite('md', md);
  if (md === 0)
    throw new InputError(
      'md',
      md,
      'a non-zero mean difference (an MD of 0 carries no information on the SD)',
    );
  if (typeof p !== 'number' || !(p > 0 && p < 1))
    throw new InputError('p', p, 'a two-sided p-value in (0, 1)');
  assertCount('n1', n1, 1);
  assertCount('n2', n2, 1);
  if (n1 + n2 < 3) throw new InputError('n2', n2, 'arm sizes with n1 + n2 ≥ 3');
  const df = n1 + n2 - 2;
  // Upper-tail quantile as −q(p/2): 1 − p/2 would lose the digits of a tiny p.
  const t = -tQuantile(p / 2, df);
  return freeze(
    pooledSdFromSe(Math.abs(md) / t, n1, n2, {
      method: 'cochrane-p-to-sd',
      formula: 't = t_{1−p/2, n1+n2−2}; SE = |MD| / t; SD = SE / √(1/n1 + 1/n2)',
      inputs: { md, p, n1, n2 },
      intermediate: { df, t },
      assumptions: ['the p-value is two-sided and exact (not rounded or a bound)'],
    }),
  );
}

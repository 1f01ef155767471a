import { InputError } from '../../errors.js';
import { freeze } from '../types.js';
import type { Derived } from './types.js';
import { assertCount, assertFinite } from './validate.js';

/**
 * Pooled SD implied by a reported two-sample t statistic for a mean difference:
 * SE = |MD| / |t|, SD = SE / √(1/n₁ + 1/n₂). Assumes a Student (pooled-variance) t-test.
 *
 * Reference: Cochrane Handbook 6.4, section 6.5.2.3.
 *
 * @example sdFromT({ md: 34.4, t: 2.18, n1: 22, n2: 22 }).value // 52.3357
 */
export function sdFromT(input: { md: number; t: number; n1: number; n2: number }): Derived {
  const { md, t, n1, n2 } = input;
  assertFinite('md', md);
  if (md === 0)
    throw new InputError(
      'md',
      md,
      'a non-zero mean difference (an MD of 0 carries no information on the SD)',
    );
  assertFinite('t', t);
  if (t === 0) throw new InputError('t', t, 'a non-zero t statistic');
  assertCount('n1', n1, 1);
  assertCount('n2', n2, 1);
  if (n1 + n2 < 3) throw new InputError('n2', n2, 'arm sizes with n1 + n2 ≥ 3');
  return freeze(
    pooledSdFromSe(Math.abs(md) / Math.abs(t), n1, n2, {
      method: 'cochrane-t-to-sd',
      formula: 'SE = |MD| / |t|; SD = SE / √(1/n1 + 1/n2)',
      inputs: { md, t, n1, n2 },
      intermediate: {},
    }),
  );
}

/** Shared by the two-arm derivations (t, p, CI of the difference): pooled SD from the SE of the MD. */
export function pooledSdFromSe(
  se: number,
  n1: number,
  n2: number,
  parts: {
    method: string;
    formula: string;
    inputs: Record<string, number>;
    intermediate: Record<string, number>;
    assumptions?: string[];
  },
): Derived {
  const value = se / Math.sqrt(1 / n1 + 1 / n2);
  return {
    value,
    derivation: {
      quantity: 'pooled sd',
      method: parts.method,
      formula: parts.formula,
      assumptions: [
        'the comparison was a two-sample t-test with pooled variance (equal SDs in both arms)',
        ...(parts.assumptions ?? []),
      ],
      inputs: parts.inputs,
      intermediate: { ...parts.intermediate, se },
      reference: 'Cochrane Handbook 6.4, section 6.5.2.3',
    },
    warnings: [],
  };
}

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { fisherExactPower } from '../../../src/stats/design/fisher-exact-power.js';
import { fisherRejectionRegion } from '../../../src/stats/design/fisher-rejection-region.js';
import { powerPropTest } from '../../../src/stats/design/power-prop-test.js';
import { binomialPmf } from '../../../src/stats/dist/index.js';
import { expectClose } from '../../support/close.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const fx = JSON.parse(
  readFileSync(new URL('../../reference/fixtures/design_sequential.json', import.meta.url), 'utf8'),
) as Record<string, any>;

/** The full enumeration over the rejection region (the pre-bounded implementation). */
function fullPower(
  n1: number,
  n2: number,
  p1: number,
  p2: number,
  alpha: number,
  alternative: 'two-sided' | 'greater' | 'less',
): number {
  const region = fisherRejectionRegion(n1, n2, alpha, alternative);
  let power = 0;
  for (let x1 = 0; x1 <= n1; x1 += 1)
    for (let x2 = 0; x2 <= n2; x2 += 1)
      if (region[x1 * (n2 + 1) + x2]) power += binomialPmf(x1, n1, p1) * binomialPmf(x2, n2, p2);
  return power;
}

describe('fisherExactPower: bounded enumeration', () => {
  it('equals the full enumeration (tail 0: to rounding; default tail: within 1e-16)', () => {
    const alternatives = ['two-sided', 'greater', 'less'] as const;
    let seed = 7;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let i = 0; i < 120; i += 1) {
      const n1 = 1 + Math.floor(rnd() * 45);
      const n2 = 1 + Math.floor(rnd() * 45);
      const p1 = Math.round(rnd() * 100) / 100;
      const p2 = Math.round(rnd() * 100) / 100;
      const alternative = alternatives[i % 3];
      const alpha = [0.05, 0.01, 0.1][i % 3];
      const full = fullPower(n1, n2, p1, p2, alpha, alternative);
      const label = `${n1}/${n2} ${p1}/${p2} ${alternative} α ${alpha}`;
      expectClose(
        fisherExactPower({ n1, n2, p1, p2, alpha, alternative, tail: 0 }),
        full,
        1e-12,
        1e-15,
        label,
      );
      expect(
        Math.abs(fisherExactPower({ n1, n2, p1, p2, alpha, alternative }) - full),
        label,
      ).toBeLessThanOrEqual(1e-15);
    }
  });
  for (const c of fx.fisherLarge) {
    it(`n ${c.n1} vs ${c.n2}, p ${c.p1} vs ${c.p2}: R fisher.test over every non-negligible outcome (design_sequential.R)`, () => {
      expectClose(
        fisherExactPower({ n1: c.n1, n2: c.n2, p1: c.p1, p2: c.p2, alpha: c.alpha }),
        c.power,
        1e-10,
        1e-12,
      );
    });
  }
});

describe('powerPropTest --method fisher: bounded, fast search', () => {
  it('p 0.02 vs 0.04, power 0.8: n = 1202 per arm (R: power 0.79965 at 1201, 0.80001 at 1202)', () => {
    let evaluations = 0;
    const r = powerPropTest({
      p1: 0.02,
      p2: 0.04,
      power: 0.8,
      method: 'fisher',
      onProgress: () => (evaluations += 1),
    });
    expect(r.n).toBe(1202);
    expect(evaluations).toBeLessThan(400);
  });
  it('the strided search finds the same n as the one-by-one scan from half the normal n', () => {
    for (const [p1, p2, power] of [
      [0.1, 0.15, 0.8],
      [0.3, 0.4, 0.9],
      [0.05, 0.1, 0.9],
    ] as const) {
      const r = powerPropTest({ p1, p2, power, method: 'fisher' });
      const approximate = powerPropTest({ p1, p2, power }).n;
      let n = Math.max(1, Math.floor(approximate / 2));
      while (fisherExactPower({ n1: n, n2: n, p1, p2 }) < power) n += 1;
      expect(r.n, `${p1} vs ${p2}`).toBe(n);
    }
  });
  it('stops at nMax with a clear error instead of running on', () => {
    expect(() =>
      powerPropTest({ p1: 0.02, p2: 0.04, power: 0.8, method: 'fisher', nMax: 1000 }),
    ).toThrow(/not reached within n ≤ 1000/);
    expect(() =>
      powerPropTest({ p1: 0.02, p2: 0.04, power: 0.8, method: 'fisher', nMax: 1000 }),
    ).toThrow(InputError);
  });
});

import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/stats/design/create-rng.js';
import { InputError } from '../../../src/errors.js';

describe('createRng (xoshiro128** seeded by splitmix64)', () => {
  it('reproduces the reference sequence (independent Python port of the C reference code)', () => {
    const rng = createRng(42);
    expect([rng.nextUint32(), rng.nextUint32(), rng.nextUint32(), rng.nextUint32()]).toEqual([
      825760943, 2622800619, 310231447, 2495256757,
    ]);
    const big = createRng(2n ** 64n - 1n, 7);
    expect([big.nextUint32(), big.nextUint32(), big.nextUint32()]).toEqual([
      3475554413, 2090711418, 775318934,
    ]);
  });

  it('gives different streams for different chunk indices', () => {
    expect(createRng(1, 0).nextUint32()).not.toBe(createRng(1, 1).nextUint32());
  });

  it('draws with the right first two moments (normal, gamma, chi-square, binomial)', () => {
    const rng = createRng(2026);
    const m = 200_000;
    const moments = (draw: () => number) => {
      let s = 0;
      let s2 = 0;
      for (let i = 0; i < m; i += 1) {
        const x = draw();
        s += x;
        s2 += x * x;
      }
      const mean = s / m;
      return { mean, variance: s2 / m - mean * mean };
    };
    const u = moments(() => rng.nextDouble());
    expect(Math.abs(u.mean - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / m));
    const z = moments(() => rng.normal());
    expect(Math.abs(z.mean)).toBeLessThan(4 / Math.sqrt(m));
    expect(Math.abs(z.variance - 1)).toBeLessThan(4 * Math.sqrt(2 / m));
    for (const shape of [0.5, 1, 4.5]) {
      const g = moments(() => rng.gamma(shape));
      expect(Math.abs(g.mean - shape)).toBeLessThan(4 * Math.sqrt(shape / m));
      expect(Math.abs(g.variance - shape)).toBeLessThan(0.03 * shape);
    }
    const c = moments(() => rng.chiSquare(7));
    expect(Math.abs(c.mean - 7)).toBeLessThan(4 * Math.sqrt(14 / m));
    for (const [n, p] of [
      [10, 0.3],
      [40, 0.9],
      [5, 0],
    ]) {
      const b = moments(() => rng.binomial(n, p));
      expect(Math.abs(b.mean - n * p)).toBeLessThan(4 * Math.sqrt((n * p * (1 - p)) / m) + 1e-12);
    }
  });

  it('rejects bad seeds', () => {
    expect(() => createRng(-1)).toThrow(InputError);
    expect(() => createRng(1.5)).toThrow(InputError);
    expect(() => createRng(2n ** 64n)).toThrow(InputError);
  });
});

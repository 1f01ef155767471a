import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { debit } from '../../../src/stats/check/debit.js';
import { sprite } from '../../../src/stats/check/sprite.js';

/** Fixtures from test/reference/consistency_extra.R: DEBIT from R's sd() on every 0/1 vector, SPRITE's question by enumerating every multiset. */
const fixture = JSON.parse(
  readFileSync(
    join(import.meta.dirname, '..', '..', 'reference', 'fixtures', 'consistency_extra.json'),
    'utf8',
  ),
) as {
  debit: {
    mean: string;
    sd: string;
    n: number;
    consistent: boolean;
    matches: number[];
    meanCounts: number[];
  }[];
  sprite: {
    mean: string;
    sd: string;
    n: number;
    min: number;
    max: number;
    exists: boolean;
    count: number;
  }[];
};

const decimals = (text: string): number => (text.includes('.') ? text.split('.')[1].length : 0);
const printsAs = (x: number, text: string): boolean =>
  Math.abs(x - Number(text)) <= 0.5 * 10 ** -decimals(text) + 1e-12;

describe('debit (Heathers & Brown 2019) against R enumeration', () => {
  it.each(fixture.debit.map((c) => [`${c.mean} (${c.sd}), n = ${c.n}`, c] as const))(
    '%s',
    (_label, c) => {
      const result = debit(c.mean, c.sd, c.n);
      expect(result.consistent).toBe(c.consistent);
      expect(result.matches.map((m) => m.count)).toEqual(c.matches);
      expect(result.meanCounts).toEqual(c.meanCounts);
    },
  );

  it('says which SD formula fits', () => {
    expect(debit('0.35', '0.48', 20).matches).toEqual([
      { count: 7, sd: expect.closeTo(Math.sqrt(0.35 * 0.65), 12), formula: 'population' },
    ]);
    expect(debit('0.35', '0.49', 20).matches[0].formula).toBe('sample');
  });

  it('rejects a mean that is not a proportion', () => {
    expect(() => debit('1.5', '0.5', 20)).toThrow(/proportion/);
    expect(() => debit('0.5', '0.5', 1)).toThrow(/n/);
  });
});

describe('sprite (Heathers et al. 2018) against exhaustive enumeration in R', () => {
  it.each(
    fixture.sprite.map(
      (c) => [`${c.mean} (${c.sd}), n = ${c.n} on ${c.min}..${c.max}`, c] as const,
    ),
  )('%s', (_label, c) => {
    const result = sprite(c.mean, c.sd, c.n, { min: c.min, max: c.max, seed: 7 });
    expect(result.found).toBe(c.exists);
    if (result.found) {
      const sample = result.sample!;
      expect(sample).toHaveLength(c.n);
      expect(sample.every((x) => Number.isInteger(x) && x >= c.min && x <= c.max)).toBe(true);
      const mean = sample.reduce((a, b) => a + b, 0) / c.n;
      const sd = Math.sqrt(sample.reduce((a, b) => a + (b - mean) ** 2, 0) / (c.n - 1));
      expect(printsAs(mean, c.mean) && printsAs(sd, c.sd)).toBe(true);
    } else {
      expect(['grim', 'grimmer', 'sd-bounds', 'search-exhausted']).toContain(result.reason);
    }
  });

  it('names GRIM, GRIMMER and SD-bound failures as proofs, not search failures', () => {
    expect(sprite('2.65', '1.24', 8, { min: 1, max: 5 }).reason).toBe('grim');
    expect(sprite('2.65', '1.24', 20, { min: 1, max: 5 }).reason).toBe('grimmer'); // Σx² would have to lie in (169.43, 169.90)
    expect(sprite('3.00', '2.20', 8, { min: 1, max: 5 }).reason).toBe('sd-bounds');
  });

  it('is deterministic for a seed and finds larger samples', () => {
    const a = sprite('3.45', '1.28', 20, { min: 1, max: 5, seed: 3 });
    const b = sprite('3.45', '1.28', 20, { min: 1, max: 5, seed: 3 });
    expect(a.found).toBe(true);
    expect(a.sample).toEqual(b.sample);
    const big = sprite('27.4', '4.6', 150, { min: 0, max: 40, seed: 1 });
    expect(big.found).toBe(true);
    expect(printsAs(big.sd!, '4.6')).toBe(true);
  });

  it('rejects a bad scale', () => {
    expect(() => sprite('3', '1', 10, { min: 5, max: 1 })).toThrow(/max/);
  });
});

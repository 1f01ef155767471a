import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { armSplits } from '../../../src/stats/check/arm-splits.js';

const fixture = JSON.parse(
  readFileSync(new URL('../../reference/fixtures/arm_splits.json', import.meta.url), 'utf8'),
) as {
  cases: { percents: string[]; total: number; splits: { sizes: number[]; counts: number[][] }[] }[];
};

describe('armSplits (against an exact Fraction brute force in Python)', () => {
  for (const c of fixture.cases) {
    it(`${c.percents.join(' % / ')} % of ${c.total}`, () => {
      const result = armSplits(c.percents, c.total);
      expect(result.splits.map((s) => ({ sizes: s.sizes, counts: s.counts }))).toEqual(c.splits);
      expect(result.consistent).toBe(c.splits.length > 0);
    });
  }

  it('RAY121 (seed 001): 60 % vs 30 % among 40 volunteers fits only 10 + 30, 20 + 20 or 30 + 10', () => {
    expect(armSplits(['60', '30'], 40).splits.map((s) => s.sizes)).toEqual([
      [10, 30],
      [20, 20],
      [30, 10],
    ]);
  });

  it('rejects one arm, too many arms, a total smaller than the arms', () => {
    expect(() => armSplits(['60'], 40)).toThrow(/percents/);
    expect(() => armSplits(['1', '2', '3', '4', '5'], 40)).toThrow(/percents/);
    expect(() => armSplits(['60', '30'], 1)).toThrow(/total/);
  });
});

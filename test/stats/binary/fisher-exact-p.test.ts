import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fisherExactP } from '../../../src/stats/binary/fisher-exact.js';

// R fisher.test p-values (test/reference/fisher_p.R): every table with n1, n2 ≤ 10 and large
// tables up to 1e5 per arm. fisherExactP truncates terms below 1e−17 of the mode and of the
// observed term, so it agrees with R to rounding.
const fixture = JSON.parse(
  readFileSync(new URL('../../reference/fixtures/fisher_p.json', import.meta.url), 'utf8'),
) as { small: number[][]; large: number[][] };

function close(actual: number, expected: number, rel: number): boolean {
  return Math.abs(actual - expected) <= rel * Math.abs(expected) + 1e-300;
}

describe('fisherExactP matches R fisher.test', () => {
  it(`every table with n1, n2 ≤ 10 (${fixture.small.length} tables × 3 alternatives) to 1e-12`, () => {
    const bad: string[] = [];
    for (const [x1, n1, x2, n2, two, less, greater] of fixture.small) {
      const t = { events1: x1, n1, events2: x2, n2 };
      const got = [fisherExactP(t), fisherExactP(t, 'less'), fisherExactP(t, 'greater')];
      [two, less, greater].forEach((want, i) => {
        if (!close(got[i], want, 1e-12))
          bad.push(`${x1}/${n1} vs ${x2}/${n2} [${i}]: ${got[i]} vs ${want}`);
      });
    }
    expect(bad).toEqual([]);
  });

  for (const [x1, n1, x2, n2, two, less, greater] of fixture.large) {
    it(`${x1}/${n1} vs ${x2}/${n2}: three alternatives to 1e-9`, () => {
      const t = { events1: x1, n1, events2: x2, n2 };
      expect(close(fisherExactP(t), two, 1e-9), `two-sided ${fisherExactP(t)} vs ${two}`).toBe(
        true,
      );
      expect(close(fisherExactP(t, 'less'), less, 1e-9)).toBe(true);
      expect(close(fisherExactP(t, 'greater'), greater, 1e-9)).toBe(true);
    });
  }
});

import { describe, expect, it } from 'vitest';
import { ADJUST_METHODS, adjustP } from '../../src/stats/adjust.js';
import { InputError } from '../../src/errors.js';
import { expectClose, readFixture } from './continuous/close.js';

interface Case {
  name: string;
  p: (number | null)[];
  adjusted: Record<string, (number | null)[]>;
}
const fixture = readFixture<{ cases: Case[] }>('adjust');

describe('adjustP matches R p.adjust (closed forms, 1e-10 relative)', () => {
  for (const c of fixture.cases) {
    for (const method of ADJUST_METHODS) {
      it(`${c.name} / ${method}`, () => {
        const got = adjustP(c.p, method);
        const want = c.adjusted[method];
        expect(got.length).toBe(want.length);
        got.forEach((value, i) => {
          if (want[i] === null) expect(value).toBeNull();
          else expectClose(value as number, want[i] as number, 1e-10, 0, `${c.name}[${i}]`);
        });
      });
    }
  }
});

describe('adjustP input handling', () => {
  it('rejects NaN, values outside [0, 1] and unknown methods', () => {
    expect(() => adjustP([0.1, NaN], 'holm')).toThrow(InputError);
    expect(() => adjustP([0.1, 1.2], 'holm')).toThrow(/p\[1\]/);
    expect(() => adjustP([0.1, -0.01], 'BH')).toThrow(InputError);
    expect(() => adjustP([0.1], 'fwer' as never)).toThrow(/method/);
  });
  it('returns an empty array for no p-values and leaves the input untouched', () => {
    expect(adjustP([], 'BH')).toEqual([]);
    const input = [0.04, 0.01];
    adjustP(input, 'bonferroni');
    expect(input).toEqual([0.04, 0.01]);
  });
});

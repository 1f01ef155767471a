import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { fragilityIndex } from '../../../src/stats/binary/fragility-index.js';
import { expectClose } from '../../support/close.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const fx = JSON.parse(
  readFileSync(new URL('../../reference/fixtures/fragility.json', import.meta.url), 'utf8'),
) as { cases: any[] };

describe('fragilityIndex', () => {
  it('Walsh et al. 2014 (J Clin Epidemiol 67:622, Figure 1): 1/100 vs 9/100 → FI 1 (2/100 vs 9/100 not significant)', () => {
    const r = fragilityIndex({ events1: 1, n1: 100, events2: 9, n2: 100 });
    expect(r.significant).toBe(true);
    expect(r.index).toBe(1);
    expect(r.modified).toEqual({ events1: 2, n1: 100, events2: 9, n2: 100 });
    expect(r.pModified!).toBeGreaterThanOrEqual(0.05);
    expectClose(r.quotient!, 1 / 200, 1e-15);
  });
  for (const c of fx.cases) {
    it(`${c.events1}/${c.n1} vs ${c.events2}/${c.n2}, ${c.test}, α ${c.alpha}, ${c.modify}: brute force over R ${c.test}.test`, () => {
      const r = fragilityIndex(
        { events1: c.events1, n1: c.n1, events2: c.events2, n2: c.n2 },
        { alpha: c.alpha, test: c.test, modify: c.modify },
      );
      expectClose(r.p, c.p, 1e-9, 1e-15, 'p');
      expect(r.significant).toBe(c.significant);
      expect(r.index).toBe(c.index ?? null);
      if (c.index !== undefined && c.index !== null) {
        expect(r.arm).toBe(c.arm);
        expect(r.change).toBe(c.change);
        expectClose(r.pModified!, c.pModified, 1e-9, 1e-15, 'p modified');
      }
    });
  }
  it('rejects a bad α', () => {
    expect(() => fragilityIndex({ events1: 1, n1: 10, events2: 5, n2: 10 }, { alpha: 5 })).toThrow(
      InputError,
    );
  });
});

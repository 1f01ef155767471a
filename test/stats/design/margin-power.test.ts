import { describe, expect, it } from 'vitest';
import { marginPower } from '../../../src/stats/design/margin-power.js';
import { InputError } from '../../../src/errors.js';
import { expectClose } from '../../support/close.js';
import { fixture } from './fixture.js';

describe('marginPower vs R (pt / pnorm formulas in test/reference/design.R)', () => {
  for (const row of fixture.marginsMeans) {
    it(`means n ${row.n} delta ${row.delta} margin ${row.margin}`, () => {
      const base = {
        outcome: 'means',
        delta: row.delta,
        sd: row.sd,
        margin: row.margin,
        n: row.n,
        alpha: row.alpha,
      } as const;
      expectClose(
        marginPower({ ...base, hypothesis: 'non-inferiority' }).power,
        row.nonInferiorityPower,
        1e-8,
        1e-15,
      );
      expectClose(
        marginPower({ ...base, hypothesis: 'equivalence' }).power,
        row.equivalencePower,
        1e-8,
        1e-15,
      );
    });
  }
  for (const row of fixture.marginsProps) {
    it(`props n ${row.n} p1 ${row.p1} p2 ${row.p2} margin ${row.margin}`, () => {
      const base = {
        outcome: 'props',
        p1: row.p1,
        p2: row.p2,
        margin: row.margin,
        n: row.n,
        alpha: row.alpha,
      } as const;
      expectClose(
        marginPower({ ...base, hypothesis: 'non-inferiority' }).power,
        row.nonInferiorityPower,
        1e-10,
        1e-15,
      );
      if (Math.abs(row.p1 - row.p2) < row.margin)
        expectClose(
          marginPower({ ...base, hypothesis: 'equivalence' }).power,
          row.equivalencePower,
          1e-10,
          1e-15,
        );
    });
  }
});

describe('marginPower solving for n', () => {
  it('returns the n whose power is the target and rounds up with dropout', () => {
    const r = marginPower({
      hypothesis: 'equivalence',
      outcome: 'means',
      delta: 0,
      sd: 1,
      margin: 0.5,
      power: 0.9,
      dropout: 0.1,
    });
    expectClose(
      marginPower({
        hypothesis: 'equivalence',
        outcome: 'means',
        delta: 0,
        sd: 1,
        margin: 0.5,
        n: r.n,
      }).power,
      0.9,
      1e-9,
    );
    expect(r.nPerArm).toBe(Math.ceil(Math.ceil(r.n) / 0.9));
    expect(r.power).toBeGreaterThanOrEqual(0.9);
    const p = marginPower({
      hypothesis: 'non-inferiority',
      outcome: 'props',
      p1: 0.8,
      p2: 0.8,
      margin: 0.1,
      power: 0.8,
    });
    expectClose(
      marginPower({
        hypothesis: 'non-inferiority',
        outcome: 'props',
        p1: 0.8,
        p2: 0.8,
        margin: 0.1,
        n: p.n,
      }).power,
      0.8,
      1e-9,
    );
  });

  it('rejects margins that cannot be met', () => {
    expect(() =>
      marginPower({
        hypothesis: 'equivalence',
        outcome: 'means',
        delta: 0.6,
        margin: 0.5,
        power: 0.8,
      }),
    ).toThrow(InputError);
    expect(() =>
      marginPower({
        hypothesis: 'non-inferiority',
        outcome: 'props',
        p1: 0.5,
        p2: 0.7,
        margin: 0.1,
        power: 0.8,
      }),
    ).toThrow(InputError);
    expect(() =>
      marginPower({ hypothesis: 'non-inferiority', outcome: 'means', delta: 0, margin: -1, n: 10 }),
    ).toThrow(InputError);
  });
});

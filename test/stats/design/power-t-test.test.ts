import { describe, expect, it } from 'vitest';
import { powerTTest } from '../../../src/stats/design/power-t-test.js';
import { InputError } from '../../../src/errors.js';
import { expectClose } from '../../support/close.js';
import { fixture } from './fixture.js';

describe('powerTTest vs R power.t.test (two-sample)', () => {
  for (const row of fixture.powerTTest) {
    const label = `${row.solve}: n ${row.n ?? '?'} delta ${row.delta ?? '?'} sd ${row.sd} power ${row.power ?? '?'} α ${row.alpha} ${row.sided}-sided strict ${row.strict}`;
    it(label, () => {
      const base = { sd: row.sd, alpha: row.alpha, sided: row.sided, strict: row.strict } as const;
      if (row.solve === 'power')
        expectClose(
          powerTTest({ ...base, n: row.n, delta: row.delta }).power,
          row.power,
          1e-8,
          1e-15,
          label,
        );
      else if (row.solve === 'n')
        expectClose(
          powerTTest({ ...base, delta: row.delta, power: row.power }).n,
          row.n,
          1e-6,
          0,
          label,
        );
      else
        expectClose(
          powerTTest({ ...base, n: row.n, power: row.power }).delta,
          row.delta,
          1e-6,
          0,
          label,
        );
    });
  }
});

describe('powerTTest with unequal allocation vs pwr.t2n.test', () => {
  for (const row of fixture.pwrT2n) {
    const label = `n1 ${row.n1} ratio ${row.ratio} d ${row.d} ${row.sided}-sided`;
    it(label, () => {
      // pwr's two-sided power counts both tails: strict.
      const r = powerTTest({
        n: row.n1,
        ratio: row.ratio,
        delta: row.d,
        sd: 1,
        sided: row.sided,
        strict: row.sided === 2,
      });
      expectClose(r.power, row.power, 1e-8, 1e-15, label);
    });
  }
});

describe('powerTTest contract', () => {
  it('reports the unrounded n, the rounded-up enrolment after dropout, and the achieved power', () => {
    const r = powerTTest({ delta: 1, sd: 1, power: 0.9, dropout: 0.15 });
    expectClose(r.n, 22.0210977, 1e-6); // R: power.t.test(delta = 1, power = 0.9)$n (default tolerance)
    expect(r.nPerArm).toBe(Math.ceil(23 / 0.85));
    expect(r.nTotal).toBe(2 * r.nPerArm);
    expectClose(r.power, 0.9124982957, 1e-9); // R: power.t.test(delta = 1, n = 23)$power
  });

  it('solves n for ratio 2 so that the power at (n, 2n) is the target', () => {
    const r = powerTTest({ delta: 0.5, sd: 1, power: 0.8, ratio: 2 });
    expectClose(powerTTest({ n: r.n, ratio: 2, delta: 0.5 }).power, 0.8, 1e-10);
    expect(r.nPerArm2).toBe(Math.ceil(2 * Math.ceil(r.n)));
  });

  it('solves below n = 2 as R does (uniroot extends the interval), with a warning', () => {
    const r = powerTTest({ delta: 3, sd: 1, power: 0.5, sided: 1 });
    expectClose(r.n, 1.79152411195023, 1e-6); // R fixture row: power.t.test(delta = 3, power = 0.5, alternative = "one.sided")
    expect(r.warnings.join(' ')).toMatch(/fewer than 2/);
    expect(r.nPerArm).toBe(2);
  });

  it('rejects bad input', () => {
    expect(() => powerTTest({ delta: 1, power: 0.8, n: 10 })).toThrow(InputError);
    expect(() => powerTTest({ delta: 1, power: 1.2 })).toThrow(InputError);
    expect(() => powerTTest({ delta: 1, power: 0.8, sd: 0 })).toThrow(InputError);
    expect(() => powerTTest({ delta: 1, n: 1 })).toThrow(InputError);
    expect(() => powerTTest({ delta: 1, power: 0.8, dropout: 1 })).toThrow(InputError);
  });
});

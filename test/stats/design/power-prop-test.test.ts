import { describe, expect, it } from 'vitest';
import { powerPropTest } from '../../../src/stats/design/power-prop-test.js';
import { InputError } from '../../../src/errors.js';
import { expectClose } from '../../support/close.js';
import { fixture } from './fixture.js';

describe('powerPropTest (normal) vs R power.prop.test', () => {
  for (const row of fixture.powerPropTest) {
    const label = `${row.solve}: p1 ${row.p1} p2 ${row.p2 ?? '?'} n ${row.n ?? '?'} power ${row.power} α ${row.alpha} ${row.sided}-sided strict ${row.strict}`;
    it(label, () => {
      const base = { p1: row.p1, alpha: row.alpha, sided: row.sided, strict: row.strict } as const;
      if (row.solve === 'power') {
        expectClose(
          powerPropTest({ ...base, p2: row.p2, n: row.n }).power,
          row.power,
          1e-8,
          1e-14,
          label,
        );
      } else if (row.solve === 'n') {
        expectClose(
          powerPropTest({ ...base, p2: row.p2, power: row.power }).n,
          row.n,
          1e-6,
          0,
          label,
        );
      } else {
        expectClose(
          powerPropTest({ ...base, n: row.n, power: row.power }).p2,
          row.p2,
          1e-6,
          0,
          label,
        );
      }
    });
  }
});

describe('powerPropTest (arcsine) vs pwr.2p.test / pwr.2p2n.test', () => {
  for (const row of fixture.pwr2p) {
    const label = `${row.solve}: h ${row.h} n ${row.n ?? row.n1} ${row.sided}-sided`;
    it(label, () => {
      const base = {
        p1: row.p1,
        p2: row.p2,
        alpha: 0.05,
        sided: row.sided,
        method: 'arcsine',
      } as const;
      if (row.solve === 'power')
        expectClose(powerPropTest({ ...base, n: row.n }).power, row.power, 1e-8, 1e-14, label);
      else if (row.solve === 'power2n')
        expectClose(
          powerPropTest({ ...base, n: row.n1, ratio: row.ratio }).power,
          row.power,
          1e-8,
          1e-14,
          label,
        );
      else {
        const result = powerPropTest({ ...base, power: row.power });
        expectClose(result.n, row.n, 1e-6, 0, label);
        // pwr itself solves with uniroot's default tolerance: agree to that.
        expectClose(result.n, row.nPwr, 1e-4, 0, label);
        expectClose(result.h!, row.h, 1e-12, 0, label);
      }
    });
  }
});

describe('powerPropTest contract', () => {
  it('rounds up per arm, inflates for dropout and reports the achieved power', () => {
    const r = powerPropTest({ p1: 0.5, p2: 0.75, power: 0.9, dropout: 0.2 });
    expect(r.nPerArm).toBe(Math.ceil(Math.ceil(r.n) / 0.8));
    expect(r.power).toBeGreaterThanOrEqual(0.9);
    expect(r.targetPower).toBe(0.9);
  });

  it('rejects equal proportions, bad probabilities and two unknowns', () => {
    expect(() => powerPropTest({ p1: 0.3, p2: 0.3, power: 0.8 })).toThrow(InputError);
    expect(() => powerPropTest({ p1: 0, p2: 0.3, power: 0.8 })).toThrow(InputError);
    expect(() => powerPropTest({ p1: 0.3, power: 0.8 })).toThrow(InputError);
  });
});

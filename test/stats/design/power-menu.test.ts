import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { POWER_METHODS } from '../../../src/stats/design/power-methods.js';
import { powerTTest } from '../../../src/stats/design/power-t-test.js';
import { solvePower } from '../../../src/stats/design/solve-power.js';
import { expectClose } from '../../support/close.js';

/** R references written by test/reference/power_menu.R (pwr, power.t.test, rpact, integrate). */
const fx = JSON.parse(
  readFileSync(new URL('../../reference/fixtures/power_menu.json', import.meta.url), 'utf8'),
) as Record<string, any[]>;

const solve = (id: string, options: Parameters<typeof solvePower>[1]) =>
  solvePower(POWER_METHODS.get(id), options);

describe('pwr.norm.test and pwr.p.test (closed forms, 1e-10; solved values 1e-6)', () => {
  for (const c of fx.norm) {
    const label = `d ${c.d}, n ${c.n}, α ${c.alpha}, ${c.alternative}`;
    const choices = { alternative: c.alternative };
    it(label, () => {
      expectClose(
        solve('norm', { values: { d: c.d, n: c.n, alpha: c.alpha }, choices }).power,
        c.power,
        1e-10,
        1e-15,
        label,
      );
      expectClose(
        solve('p', { values: { h: c.d, n: c.n, alpha: c.alpha }, choices }).power,
        c.pPower,
        1e-10,
        1e-15,
        label,
      );
      expectClose(
        solve('norm', { values: { d: c.d, alpha: c.alpha }, power: 0.8, choices }).values.n,
        c.nFor80,
        1e-6,
        0,
        label,
      );
      expectClose(
        solve('norm', { values: { d: c.d, n: c.n }, power: c.power, solve: 'alpha', choices })
          .values.alpha,
        c.alphaFor,
        1e-6,
        0,
        label,
      );
    });
  }
  for (const c of fx.normD)
    it(`detectable d at n 40, power 0.8, ${c.alternative}: ${c.d.toFixed(6)}`, () => {
      const r = solve('norm', {
        values: { n: 40 },
        power: 0.8,
        choices: { alternative: c.alternative },
      });
      expectClose(r.values.d, c.d, 1e-6, 0);
      expectClose(r.values.d, c.dPwr, 1e-3, 0); // pwr's own uniroot: tol ≈ 1e-4
    });
});

describe('pwr.r.test (1e-10; solved 1e-6)', () => {
  for (const c of fx.corr) {
    const label = `r ${c.r}, n ${c.n}, α ${c.alpha}, ${c.alternative}`;
    const choices = { alternative: c.alternative };
    it(label, () => {
      expectClose(
        solve('r', { values: { r: c.r, n: c.n, alpha: c.alpha }, choices }).power,
        c.power,
        1e-10,
        1e-15,
        label,
      );
      const n = solve('r', { values: { r: c.r, alpha: c.alpha }, power: 0.8, choices });
      expectClose(n.values.n, c.nFor80, 1e-6, 0, label);
      expect(n.rounded?.value).toBe(Math.ceil(c.nFor80));
      expectClose(
        solve('r', { values: { n: c.n, alpha: c.alpha }, power: c.power, choices }).values.r,
        c.rFor,
        1e-6,
        0,
        label,
      );
    });
  }
});

// R's pnchisq and pnbeta stop at an error of about 1e-9 (errmax); our Poisson mixtures are checked
// against mpmath at 1e-12 in test/stats/dist/noncentral.test.ts, so pwr is met at 1e-8.
describe('pwr.chisq.test, pwr.anova.test, pwr.f2.test (noncentral χ² and F; 1e-8, solved 1e-6)', () => {
  for (const c of fx.chisq)
    it(`chisq w ${c.w}, N ${c.n}, df ${c.df}, α ${c.alpha}: power ${c.power.toFixed(6)}`, () => {
      expectClose(
        solve('chisq', { values: { w: c.w, n: c.n, df: c.df, alpha: c.alpha } }).power,
        c.power,
        1e-8,
        1e-14,
      );
      expectClose(
        solve('chisq', { values: { w: c.w, df: c.df, alpha: c.alpha }, power: 0.8 }).values.n,
        c.nFor80,
        1e-6,
      );
      expectClose(
        solve('chisq', { values: { n: c.n, df: c.df, alpha: c.alpha }, power: c.power }).values.w,
        c.wFor,
        1e-6,
      );
    });
  for (const c of fx.anova)
    it(`anova k ${c.k}, n ${c.n}, f ${c.f}, α ${c.alpha}: power ${c.power.toFixed(6)}`, () => {
      expectClose(
        solve('anova', { values: { k: c.k, n: c.n, f: c.f, alpha: c.alpha } }).power,
        c.power,
        1e-8,
        1e-14,
      );
      expectClose(
        solve('anova', { values: { k: c.k, f: c.f, alpha: c.alpha }, power: 0.8 }).values.n,
        c.nFor80,
        1e-6,
      );
      expectClose(
        solve('anova', { values: { k: c.k, n: c.n, alpha: c.alpha }, power: c.power }).values.f,
        c.fFor,
        1e-6,
      );
    });
  for (const c of fx.f2)
    it(`f2 u ${c.u}, v ${c.v}, f² ${c.f2}, α ${c.alpha}: power ${c.power.toFixed(6)}`, () => {
      expectClose(
        solve('f2', { values: { u: c.u, v: c.v, f2: c.f2, alpha: c.alpha } }).power,
        c.power,
        1e-8,
        1e-14,
      );
      expectClose(
        solve('f2', { values: { u: c.u, f2: c.f2, alpha: c.alpha }, power: 0.8 }).values.v,
        c.vFor80,
        1e-6,
      );
      expectClose(
        solve('f2', { values: { u: c.u, v: c.v, alpha: c.alpha }, power: c.power }).values.f2,
        c.f2For,
        1e-6,
      );
    });
});

describe('power.t.test one-sample and paired; solving for sd and sig.level (R tol 1e-12)', () => {
  for (const c of fx.tTypes) {
    const label = `${c.type}, n ${c.n}, δ ${c.delta}, sd ${c.sd}, α ${c.alpha}, ${c.sided}-sided`;
    it(label, () => {
      const base = { type: c.type, sided: c.sided } as const;
      expectClose(
        powerTTest({ ...base, n: c.n, delta: c.delta, sd: c.sd, alpha: c.alpha }).power,
        c.power,
        1e-8,
        1e-15,
        label,
      );
      expectClose(
        powerTTest({ ...base, delta: c.delta, sd: c.sd, alpha: c.alpha, power: 0.9 }).n,
        c.nFor90,
        1e-6,
        0,
        label,
      );
      expectClose(
        powerTTest({ ...base, n: c.n, sd: c.sd, alpha: c.alpha, power: c.power }).delta,
        c.deltaFor,
        1e-6,
        0,
        label,
      );
      expectClose(
        powerTTest({ ...base, n: c.n, delta: c.delta, alpha: c.alpha, power: c.power, solve: 'sd' })
          .sd,
        c.sdFor,
        1e-6,
        0,
        label,
      );
      expectClose(
        powerTTest({ ...base, n: c.n, delta: c.delta, sd: c.sd, power: c.power, solve: 'alpha' })
          .alpha,
        c.alphaFor,
        1e-6,
        0,
        label,
      );
    });
  }
  for (const c of fx.tTwoSample)
    it(`two-sample n ${c.n}, δ ${c.delta}: sd ${c.sdFor.toFixed(6)}, α ${c.alphaFor.toFixed(6)}`, () => {
      expectClose(
        powerTTest({ n: c.n, delta: c.delta, alpha: c.alpha, power: c.power, solve: 'sd' }).sd,
        c.sdFor,
        1e-6,
      );
      expectClose(
        powerTTest({ n: c.n, delta: c.delta, sd: c.sd, power: c.power, solve: 'alpha' }).alpha,
        c.alphaFor,
        1e-6,
      );
    });
  it('one-sample and paired take no allocation ratio; solving for sd wants n, power and delta', () => {
    expect(() => powerTTest({ type: 'paired', n: 10, delta: 1, ratio: 2 })).toThrow(InputError);
    expect(() => powerTTest({ n: 10, power: 0.8, solve: 'sd' })).toThrow(/delta/);
  });
});

describe('Welch analytic power against the exact power of the Welch test (R: 2-D integration)', () => {
  for (const c of fx.welch) {
    const values = {
      delta: c.delta,
      sd1: c.sd1,
      sd2: c.sd2,
      n1: c.n1,
      ratio: c.n2 / c.n1,
      alpha: c.alpha,
    };
    it(`n ${c.n1}+${c.n2}, δ ${c.delta}, SDs ${c.sd1}/${c.sd2}: within 0.004 of exact ${c.exactTwoSided.toFixed(4)} (two-sided), ${c.exactGreater.toFixed(4)} (greater)`, () => {
      // The analytic form replaces the estimated df by its value at the true SDs: a small bias.
      expectClose(solve('welch', { values }).power, c.exactTwoSided, 0, 0.004);
      expectClose(
        solve('welch', { values, choices: { alternative: 'greater' } }).power,
        c.exactGreater,
        0,
        0.004,
      );
      if (c.tTest !== null) expectClose(solve('welch', { values }).power, c.tTest, 1e-8);
    });
  }
});

describe('Farrington–Manning non-inferiority of two proportions vs rpact (thetaH0 = −margin)', () => {
  for (const c of fx.fm) {
    const label = `p1 ${c.p1}, p2 ${c.p2}, margin ${c.margin}, n2/n1 ${c.ratio}, α ${c.alpha}`;
    it(`${label}: n1 ${c.n1.toFixed(4)} for power ${c.power}; power ${c.powerAt300.toFixed(6)} at 300 in total`, () => {
      const base = { p1: c.p1, p2: c.p2, margin: c.margin, ratio: c.ratio, alpha: c.alpha };
      expectClose(
        solve('fm-props', { values: base, power: c.power }).values.n1,
        c.n1,
        1e-6,
        0,
        label,
      );
      expectClose(
        solve('fm-props', { values: { ...base, n1: c.n1At300 } }).power,
        c.powerAt300,
        1e-9,
        1e-15,
        label,
      );
    });
  }
  it('refuses a margin the true difference already violates', () => {
    expect(() =>
      solve('fm-props', { values: { p1: 0.6, p2: 0.8, margin: 0.1 }, power: 0.8 }),
    ).toThrow(/margin/);
  });
});

describe("TOST for a ratio: exact power (Owen's Q) and the noncentral-t approximation", () => {
  for (const c of fx.tost) {
    const label = `θ0 ${c.theta0}, limits ${c.theta1}–${c.theta2}, CV ${c.cv}, n ${c.n}, ${c.design}, α ${c.alpha}`;
    it(`${label}: exact ${c.exact.toFixed(7)} (R integrate), nct ${c.nct.toFixed(7)}`, () => {
      const values = {
        theta0: c.theta0,
        theta1: c.theta1,
        theta2: c.theta2,
        cv: c.cv,
        n: c.n,
        alpha: c.alpha,
      };
      const choices = { design: c.design };
      expectClose(solve('tost-ratio', { values, choices }).power, c.exact, 1e-9, 1e-14, label);
      expectClose(solve('tost-ratio-nct', { values, choices }).power, c.nct, 1e-8, 1e-14, label);
    });
  }
  it('PowerTOST manual (exppower.TOST examples): power.TOST(CV = 0.3, n = 40) = 0.8158453; sampleN.TOST(CV = 0.3) gives n = 40', () => {
    expectClose(solve('tost-ratio', { values: { cv: 0.3, n: 40 } }).power, 0.8158453, 0, 5e-8);
    const r = solve('tost-ratio', { values: { cv: 0.3 }, power: 0.8 });
    expect(r.rounded).toEqual({ parameter: 'n', value: 40, power: expect.closeTo(0.8158453, 7) });
    expect(r.values.theta2).toBe(1.25); // 1/θ1 by default
  });
  it('power is 0 when the limits cannot be met at any estimated SD', () => {
    expect(solve('tost-ratio', { values: { cv: 2, n: 4 } }).power).toBeLessThan(1e-3);
  });
});

describe('solvePower contract', () => {
  it('solves for exactly one unknown and names what is missing', () => {
    expect(() => solve('norm', { values: {} })).toThrow(/d, n, power missing/);
    expect(() => solve('norm', { values: { d: 0.3, n: 10 }, power: 0.8 })).toThrow(/all given/);
    expect(() => solve('norm', { values: { d: 0.3, n: 10, zeta: 1 } })).toThrow(
      /a parameter of norm/,
    );
    expect(() => solve('anova', { values: { k: 1, n: 10, f: 0.2 } })).toThrow(/at least 2 groups/);
  });
  it('reports an unreachable power with the power at the bracket ends', () => {
    expect(() => solve('chisq', { values: { w: 0.1, n: 10 }, power: 0.99 })).toThrow(
      /df in \[1, 100\] \(power there: 0\.0\d+ to 0\.0\d+\)/,
    );
  });
  it('every entry runs its own example', () => {
    for (const entry of POWER_METHODS.entries) expect(entry.example.length).toBeGreaterThan(0);
  });
});

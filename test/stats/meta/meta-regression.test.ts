import { describe, expect, it } from 'vitest';
import { metaRegression } from '../../../src/stats/meta/meta-regression.js';
import {
  moderatorDesign,
  moderatorRow,
  type ModeratorSpec,
} from '../../../src/stats/meta/moderator-design.js';
import { predictMetaRegression } from '../../../src/stats/meta/predict-meta-regression.js';
import type { EffectSizes } from '../../../src/stats/meta/effect-sizes.js';
import type { MetaMethod, MetaTest } from '../../../src/stats/meta/meta-analysis.js';
import { expectClose } from '../../support/close.js';
import { loadFixture } from './fixture.js';

// metafor 3.8 rma(yi, vi, mods = ~ …) through test/reference/meta_depth.R → fixtures/meta_depth.json.
const fx = loadFixture('meta_depth');

function effectsOf(name: 'bcg' | 'raudenbush'): EffectSizes {
  const d = fx[name];
  return {
    measure: 'GEN',
    studies: d.yi.map((y: number, i: number) => ({
      study: `${d.study[i]} #${i + 1}`,
      yi: y,
      vi: d.vi[i],
      extra:
        name === 'bcg'
          ? { ablat: d.ablat[i], year: d.year[i], alloc: d.alloc[i] }
          : { weeks: d.weeks[i], weeks_c: d.weeks_c[i] },
    })),
    dropped: [],
    warnings: [],
  };
}

/** 1e-10 for closed forms; 1e-6 relative for iterative τ² (REML, ML, EB, PM), absolute floor for τ² ≈ 0. */
const tolOf = (method: string) => (['REML', 'ML', 'EB', 'PM'].includes(method) ? 1e-6 : 1e-9);

describe('metaRegression against metafor rma(mods = ~ …), every τ² estimator × test', () => {
  for (const [caseName, c] of Object.entries(fx.metareg) as [
    string,
    { data: 'bcg' | 'raudenbush'; mods: ModeratorSpec[]; fits: Record<string, any> },
  ][]) {
    const effects = effectsOf(c.data);
    for (const [key, e] of Object.entries(c.fits)) {
      const [method, test] = key.split('_') as [MetaMethod, MetaTest];
      it(`${caseName} ${method} ${test}`, () => {
        const fit = metaRegression(effects, c.mods, { method, test });
        const tol = tolOf(method);
        const abs = 1e-9;
        expect(fit.k).toBe(e.k);
        expect(fit.p).toBe(e.p);
        expect(fit.design.names).toEqual(
          e.colnames.map((n: string) => n.replace(/^factor\((\w+)\)/, '$1').replace('.', '_')),
        );
        expectClose(fit.tau2, e.tau2, tol, 1e-10, 'tau2');
        fit.coefficients.forEach((co, j) => {
          expectClose(co.estimate, e.beta[j], tol, abs, `beta[${j}]`);
          expectClose(co.se, e.se[j], tol, abs, `se[${j}]`);
          expectClose(co.statistic, e.zval[j], tol, abs, `zval[${j}]`);
          expectClose(co.p, e.pval[j], tol, 1e-12, `pval[${j}]`);
          expectClose(co.ci.lower, e.ci_lb[j], tol, abs, `ci_lb[${j}]`);
          expectClose(co.ci.upper, e.ci_ub[j], tol, abs, `ci_ub[${j}]`);
        });
        expectClose(fit.QM.statistic, e.QM, tol, abs, 'QM');
        expectClose(fit.QM.p, e.QMp, tol, 1e-12, 'QMp');
        expect(fit.QM.df1).toBe(e.QMdf[0]);
        expect(fit.QM.df2).toBe(e.QMdf[1]);
        expect(fit.df).toBe(e.ddf);
        // 1e-8: with year (≈ 1950) beside the intercept X'WX is ill-conditioned and metafor's own
        // Q_E is 6e-11 off the exact value (see the 50-digit check below); ours is within 1e-15.
        expectClose(fit.QE.Q, e.QE, 1e-8, 0, 'QE');
        expectClose(fit.QE.p, e.QEp, 1e-8, 0, 'QEp');
        expectClose(fit.I2, e.I2, tol, 1e-8, 'I2');
        expectClose(fit.H2, e.H2, tol, 1e-10, 'H2');
        expectClose(fit.vt, e.vt, 1e-10, 0, 'vt');
        if (e.R2 === null) expect(fit.R2).toBeNull();
        else expectClose(fit.R2!, e.R2, tol, 1e-6, 'R2');
        expectClose(fit.s2w, e.s2w, tol, 0, 's2w');
        expectClose(fit.logLik.ML, e.ll_ML, tol, 0, 'll ML');
        expectClose(fit.logLik.REML, e.ll_REML, tol, 0, 'll REML');
        // fitted values with CI and PI (metafor's default PI = the test's critical value; pi.type "t" = t(k − p))
        const fitted = predictMetaRegression(
          fit,
          fit.studies.map((s) => s.x),
        );
        fitted.forEach((f, i) => {
          expectClose(f.estimate, e.fitted[i], tol, abs, `fitted[${i}]`);
          expectClose(fit.studies[i].fitted, e.fitted[i], tol, abs, `studies.fitted[${i}]`);
          expectClose(f.se, e.fitted_se[i], tol, abs, `fitted se[${i}]`);
          expectClose(f.ci.lower, e.fitted_ci_lb[i], tol, abs, `fitted ci_lb[${i}]`);
          if (method !== 'FE') {
            expectClose(f.pi!.lower, e.pi_t_lb[i], tol, abs, `pi(t) lb[${i}]`);
            expectClose(f.pi!.upper, e.pi_t_ub[i], tol, abs, `pi(t) ub[${i}]`);
          }
        });
        if (method !== 'FE') {
          const asTest = predictMetaRegression(
            { ...fit, piType: 'test' },
            fit.studies.map((s) => s.x),
          );
          asTest.forEach((f, i) =>
            expectClose(f.pi!.upper, e.pi_ub[i], tol, abs, `pi(default) ub[${i}]`),
          );
        }
        if (e.new) {
          const rows = e.new.x.map((x: number[]) => [1, ...x]);
          predictMetaRegression(fit, rows).forEach((f, i) => {
            expectClose(f.estimate, e.new.pred[i], tol, abs, `new pred[${i}]`);
            expectClose(f.se, e.new.se[i], tol, abs, `new se[${i}]`);
            expectClose(f.ci.upper, e.new.ci_ub[i], tol, abs, `new ci_ub[${i}]`);
          });
        }
      });
    }
  }

  it('no intercept: one coefficient per level, Q_M tests all of them', () => {
    const e = fx.metareg_noint.fit;
    const fit = metaRegression(effectsOf('bcg'), [{ column: 'alloc' }], { intercept: false });
    expect(fit.design.names).toEqual(['allocalternate', 'allocrandom', 'allocsystematic']);
    fit.coefficients.forEach((c, j) => expectClose(c.estimate, e.beta[j], 1e-6, 0, `beta[${j}]`));
    expectClose(fit.QM.statistic, e.QM, 1e-6, 0, 'QM');
    expect(fit.QM.df1).toBe(3);
    expect(fit.R2).toBeNull();
    expectClose(fit.tau2, e.tau2, 1e-6, 0, 'tau2');
  });

  it('reference level chosen (relevel)', () => {
    const e = fx.metareg_relevel.fit;
    const fit = metaRegression(effectsOf('bcg'), [{ column: 'alloc', reference: 'random' }]);
    expect(fit.design.names).toEqual(['intrcpt', 'allocalternate', 'allocsystematic']);
    fit.coefficients.forEach((c, j) => expectClose(c.estimate, e.beta[j], 1e-6, 0, `beta[${j}]`));
    expectClose(fit.QM.statistic, e.QM, 1e-6, 0, 'QM');
  });

  it('btt: the omnibus test of chosen coefficients only', () => {
    const e = fx.metareg_btt.fit;
    const fit = metaRegression(effectsOf('bcg'), [{ column: 'ablat' }, { column: 'year' }], {
      btt: [2],
    });
    expectClose(fit.QM.statistic, e.QM, 1e-6, 0, 'QM');
    expectClose(fit.QM.p, e.QMp, 1e-6, 0, 'QMp');
    expect(fit.QM.coefficients).toEqual(['year']);
  });
});

describe('accuracy', () => {
  it('Q_E of ablat + year equals the 50-digit value (mpmath: 28.325143657961595…)', () => {
    const fit = metaRegression(effectsOf('bcg'), [{ column: 'ablat' }, { column: 'year' }], {
      method: 'FE',
    });
    expectClose(fit.QE.Q, 28.325143657961595, 1e-14, 0, 'QE');
  });
});

describe('published values', () => {
  it('Viechtbauer (2010), J Stat Softw 36(3), §3.5 (BCG, ablat + year, REML): τ² 0.1108, QE(10) 28.3251, QM(2) 12.2043, R² 64.63%', () => {
    const fit = metaRegression(effectsOf('bcg'), [{ column: 'ablat' }, { column: 'year' }]);
    expect(fit.tau2.toFixed(4)).toBe('0.1108');
    expect(fit.QE.Q.toFixed(4)).toBe('28.3251');
    expect(fit.QE.df).toBe(10);
    expect(fit.QM.statistic.toFixed(4)).toBe('12.2043');
    expect(fit.QM.p.toFixed(4)).toBe('0.0022');
    expect(fit.R2!.toFixed(2)).toBe('64.63');
    expect(fit.coefficients.map((c) => c.estimate.toFixed(4))).toEqual([
      '-3.5455',
      '-0.0280',
      '0.0019',
    ]);
    expect(fit.coefficients.map((c) => c.se.toFixed(4))).toEqual(['29.0959', '0.0102', '0.0147']);
  });

  it('Raudenbush (2009), Handbook of Research Synthesis 2nd ed., pp. 90 and 92 (weeks of prior contact, capped at 3): β 0.4072, −0.1572; QE 16.57; z 4.6782, −4.3884; τ² 0', () => {
    // the same values metafor's tests/testthat/test_analysis_example_raudenbush1985.r checks (QE 16.58 in the chapter)
    const fit = metaRegression(effectsOf('raudenbush'), [{ column: 'weeks_c' }]);
    expect(fit.tau2).toBeLessThan(1e-4);
    expect(fit.coefficients.map((c) => c.estimate.toFixed(4))).toEqual(['0.4072', '-0.1572']);
    expect(fit.coefficients.map((c) => c.statistic.toFixed(4))).toEqual(['4.6782', '-4.3884']);
    expect(fit.QE.Q.toFixed(4)).toBe('16.5708');
  });
});

describe('moderator design and input checks', () => {
  const effects = effectsOf('bcg');
  it('treatment coding, numeric detection, missing values dropped with a warning', () => {
    const d = moderatorDesign(effects.studies, [{ column: 'ablat' }, { column: 'alloc' }]);
    expect(d.names).toEqual(['intrcpt', 'ablat', 'allocrandom', 'allocsystematic']);
    expect(d.terms[1].levels).toEqual(['alternate', 'random', 'systematic']);
    expect(moderatorRow(d, { ablat: 30, alloc: 'systematic' })).toEqual([1, 30, 0, 1]);
    expect(moderatorRow(d, { ablat: 30, alloc: 'alternate' })).toEqual([1, 30, 0, 0]);
    const withGap = {
      ...effects,
      studies: effects.studies.map((s, i) =>
        i === 3 ? { ...s, extra: { ...s.extra, ablat: '' } } : s,
      ),
    };
    const fit = metaRegression(withGap, [{ column: 'ablat' }]);
    expect(fit.k).toBe(12);
    expect(fit.dropped).toEqual([
      { study: effects.studies[3].study, reason: 'no value for moderator "ablat"' },
    ]);
    expect(fit.warnings.some((w) => w.includes('left out'))).toBe(true);
  });
  it('rejects collinear, constant, unknown and one-level moderators', () => {
    const constant = {
      ...effects,
      studies: effects.studies.map((s) => ({ ...s, extra: { ...s.extra, c: 5 } })),
    };
    expect(() => metaRegression(constant, [{ column: 'c' }])).toThrow(/collinear/);
    const twice = {
      ...effects,
      studies: effects.studies.map((s) => ({
        ...s,
        extra: { ...s.extra, lat2: 2 * Number(s.extra!.ablat) },
      })),
    };
    expect(() => metaRegression(twice, [{ column: 'ablat' }, { column: 'lat2' }])).toThrow(
      /collinear/,
    );
    expect(() => metaRegression(effects, [{ column: 'nope' }])).toThrow(/moderator/);
    expect(() => metaRegression(effects, [{ column: 'alloc', type: 'numeric' }])).toThrow(
      /a number/,
    );
    expect(() => metaRegression(effects, [{ column: 'alloc', reference: 'x' }])).toThrow(/levels/);
    expect(() =>
      moderatorRow(metaRegression(effects, [{ column: 'ablat' }]).design, { ablat: 'x' }),
    ).toThrow(/number/);
  });
});

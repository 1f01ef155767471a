import { describe, expect, it } from 'vitest';
import { estimateTau2, TAU2_METHODS } from '../../../src/stats/meta/estimate-tau2.js';
import { zeroin } from '../../../src/stats/numeric/zeroin.js';
import { expectClose } from '../../support/close.js';
import { fitDatasets, tolerance } from './fixture.js';

describe('estimateTau2 against metafor 3.8 rma(method = ...)', () => {
  for (const data of fitDatasets()) {
    for (const method of TAU2_METHODS) {
      it(`${data.name}: ${method}`, () => {
        const expected = data.fits[`${method}_z`].tau2;
        const got = estimateTau2(data.yi, data.vi, method);
        // absolute floor 1e-12 where metafor's τ² is exactly 0 (boundary)
        expectClose(got.tau2, expected, tolerance(method), 1e-12, method);
        expect(got.converged).toBe(true);
      });
    }
  }

  it('PM with a tight tolerance matches metafor with control = list(tol = 1e-12)', () => {
    for (const data of fitDatasets()) {
      expectClose(
        estimateTau2(data.yi, data.vi, 'PM', { tol: 1e-12 }).tau2,
        data.fits.PM_tight.tau2,
        1e-9,
        1e-12,
        data.name,
      );
    }
  });

  it('EB and PM solve the same equation (Morris EB = Paule–Mandel for the intercept model)', () => {
    const [bcg] = fitDatasets();
    const eb = estimateTau2(bcg.yi, bcg.vi, 'EB', { threshold: 1e-12 }).tau2;
    const pm = estimateTau2(bcg.yi, bcg.vi, 'PM', { tol: 1e-14 }).tau2;
    expectClose(eb, pm, 1e-8);
  });

  it('reports iterations for Fisher scoring and falls back to DL with a warning when it cannot converge', () => {
    const [bcg] = fitDatasets();
    const reml = estimateTau2(bcg.yi, bcg.vi, 'REML');
    expect(reml.iterations).toBeGreaterThan(1);
    const capped = estimateTau2(bcg.yi, bcg.vi, 'REML', { maxiter: 1, stepadj: 0.01 });
    expect(capped.converged).toBe(false);
    expect(capped.warnings.join(' ')).toMatch(/did not converge.*DL/);
    expectClose(capped.tau2, estimateTau2(bcg.yi, bcg.vi, 'DL').tau2, 1e-12);
  });

  it('k = 1 gives τ² = 0 with a warning', () => {
    const r = estimateTau2([0.3], [0.1], 'REML');
    expect(r.tau2).toBe(0);
    expect(r.warnings[0]).toMatch(/k = 1/);
  });
});

describe('zeroin (port of R_zeroin2)', () => {
  it('finds √2 to the requested tolerance', () => {
    const r = zeroin((x) => x * x - 2, 0, 2, { tol: 1e-12 });
    expectClose(r.root, Math.SQRT2, 1e-12);
    expect(r.converged).toBe(true);
  });
  it('returns an end point that is a root', () => {
    expect(zeroin((x) => x, 0, 1).root).toBe(0);
  });
});

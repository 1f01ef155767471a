import { describe, expect, it } from 'vitest';
import { comparePresets } from '../../../src/stats/meta/compare-presets.js';
import { PRESETS, presetOptions } from '../../../src/stats/meta/presets.js';
import { metaAnalysis } from '../../../src/stats/meta/meta-analysis.js';
import { binaryEffectSizes } from '../../../src/stats/meta/binary-effect-sizes.js';
import { expectClose } from '../../support/close.js';
import { fixture, loadFixture } from './fixture.js';

const revman = loadFixture('meta_presets');

const d = fixture.bcg.data;
const bcg = d.ai.map((a: number, i: number) => ({
  study: d.study[i],
  events1: a,
  n1: d.n1i[i],
  events2: d.ci[i],
  n2: d.n2i[i],
}));

describe('comparePresets (dat.bcg, RR)', () => {
  const c = comparePresets(bcg, 'RR');
  const row = (name: string) => c.rows.find((r) => r.preset === name)!;
  it('each preset reproduces its software’s numbers', () => {
    const f = fixture.bcg.fits;
    expectClose(row('metafor').result.pi!.lower, f.REML_z.pi_lb, 1e-6); // normal PI
    expectClose(row('metafor').result.I2, f.REML_z.I2, 1e-6); // I² from τ²
    // RevMan 5: DL τ² from the Q around the MH estimate (0.3095, not the IV Q's 0.3088).
    const rm = revman.bcg[0];
    expectClose(row('revman5').result.tau2, rm.tau2, 1e-10);
    expect(row('revman5').result.tau2.toFixed(4)).toBe('0.3095');
    expectClose(rm['dl.tau2'], f.DL_z.tau2, 1e-12);
    expectClose(row('revman5').result.Q, rm.Q, 1e-10);
    expectClose(row('revman5').result.I2, rm.I2, 1e-10);
    expectClose(row('revman5').result.ci.lower, rm['ci.lb'], 1e-10);
    expectClose(row('revman5').result.se, rm.se, 1e-10);
    expect(row('revman5').result.pi).toBeNull();
    expectClose(row('cochrane-2025').result.ci.upper, f.REML_knha.ci_ub, 1e-6);
    // Cochrane 2024 addendum: RevMan computes I² from τ², as metafor does.
    expectClose(row('cochrane-2025').result.I2, f.REML_knha.I2, 1e-6);
    expectClose(row('cochrane-2025').result.pi!.upper, f.REML_knha.pi_ub, 1e-6); // t(k − 1) PI with HK se
    expectClose(row('meta').fixed.estimate, fixture.bcg.mh.RR.estimate, 1e-10);
    expectClose(row('metafor').fixed.estimate, f.FE_z.estimate, 1e-10);
    expect(row('meta').result.I2).toBeCloseTo(f.FE_z.I2, 10); // I² from Q
  });
  it('lists differences with the settings that explain them', () => {
    const byQuantity = Object.fromEntries(c.differences.map((x) => [x.quantity, x.reason]));
    expect(byQuantity.tau2).toBe(
      'τ² estimator: REML (metafor, meta, cochrane-2025) vs DL (revman5); Q centred on: IV (metafor, meta, cochrane-2025) vs MH (revman5)',
    );
    expect(byQuantity['fixed.estimate']).toBe(
      'common-effect method: IV (metafor) vs MH (meta, revman5, cochrane-2025)',
    );
    expect(byQuantity['ci.upper']).toMatch(
      /test \/ CI: z \(metafor, meta, revman5\) vs knha \(cochrane-2025\)/,
    );
  });
  it('presets are frozen', () => {
    expect(Object.isFrozen(PRESETS)).toBe(true);
    expect(Object.isFrozen(PRESETS.metafor.options)).toBe(true);
  });
});

describe('preset sources', () => {
  it('revman5 on odds ratios: Q around the MH log OR, DL τ² from it (metafor rma.mh)', () => {
    const rm = revman.bcg[1];
    const options = presetOptions('revman5', bcg, 'OR');
    expectClose(options.qCenter!, rm.mh, 1e-10);
    const r = metaAnalysis(binaryEffectSizes(bcg, 'OR'), options);
    expectClose(r.tau2, rm.tau2, 1e-10);
    expectClose(r.estimate, rm.estimate, 1e-10);
    expectClose(r.ci.upper, rm['ci.ub'], 1e-10);
  });
  it('a continuous measure keeps the inverse-variance Q under revman5', () => {
    expect(presetOptions('revman5', [], 'MD').qCenter).toBeUndefined();
  });
  it('meta ≥ 8.0 uses k − 1 df for the prediction interval; cochrane-2025 I² from τ²', () => {
    expect(PRESETS.meta.options.pi).toBe('t');
    expect(PRESETS.meta.description).toMatch(/≥ 8\.0.*meta 6–7: k − 2/);
    expect(PRESETS.meta.reference).toMatch(/8\.0-0 NEWS/);
    expect(PRESETS['cochrane-2025'].options.i2).toBe('tau2');
    expect(PRESETS.revman5.reference).toMatch(/Review Manager 5/);
  });
});

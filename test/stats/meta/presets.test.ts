import { describe, expect, it } from 'vitest';
import { comparePresets } from '../../../src/stats/meta/compare-presets.js';
import { PRESETS } from '../../../src/stats/meta/presets.js';
import { expectClose } from '../../support/close.js';
import { fixture } from './fixture.js';

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
    expectClose(row('revman5').result.ci.lower, f.DL_z.ci_lb, 1e-10);
    expect(row('revman5').result.pi).toBeNull();
    expectClose(row('cochrane-2025').result.ci.upper, f.REML_knha.ci_ub, 1e-6);
    expectClose(row('cochrane-2025').result.pi!.upper, f.REML_knha.pi_ub, 1e-6); // t(k − 1) PI with HK se
    expectClose(row('meta').fixed.estimate, fixture.bcg.mh.RR.estimate, 1e-10);
    expectClose(row('metafor').fixed.estimate, f.FE_z.estimate, 1e-10);
    expect(row('meta').result.I2).toBeCloseTo(f.FE_z.I2, 10); // I² from Q
  });
  it('lists differences with the settings that explain them', () => {
    const byQuantity = Object.fromEntries(c.differences.map((x) => [x.quantity, x.reason]));
    expect(byQuantity.tau2).toBe(
      'τ² estimator: REML (metafor, meta, cochrane-2025) vs DL (revman5)',
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

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fingerprintMeta } from '../../../src/stats/check/fingerprint-meta.js';
import { computeEffectSizes } from '../../../src/stats/meta/compute-effect-sizes.js';
import { metaAnalysis } from '../../../src/stats/meta/meta-analysis.js';

// BCG vaccine trials (Colditz et al. 1994; metadat::dat.bcg): tpos, tneg, cpos, cneg.
const BCG = [
  [4, 119, 11, 128],
  [6, 300, 29, 274],
  [3, 228, 11, 209],
  [62, 13536, 248, 12619],
  [33, 5036, 47, 5761],
  [180, 1361, 372, 1079],
  [8, 2537, 10, 619],
  [505, 87886, 499, 87892],
  [29, 7470, 45, 7232],
  [17, 1699, 65, 1600],
  [186, 50448, 141, 27197],
  [5, 2493, 3, 2338],
  [27, 16886, 29, 17825],
].map(([tpos, tneg, cpos, cneg], i) => ({
  study: `${i + 1}`,
  events1: tpos,
  n1: tpos + tneg,
  events2: cpos,
  n2: cpos + cneg,
}));

describe('fingerprintMeta', () => {
  it("identifies REML with Wald CI from metafor's BCG example (rma: τ² 0.3132, RR 0.4894 [0.3441, 0.6962])", () => {
    const result = fingerprintMeta(BCG, 'RR', {
      estimate: '0.4894',
      lower: '0.3441',
      upper: '0.6962',
      tau2: '0.3132',
    });
    expect(result.matches.length).toBeGreaterThan(0);
    expect(result.matches[0].methods).toMatchObject({
      model: 'IV',
      method: 'REML',
      test: 'z',
      level: 0.95,
    });
    // DerSimonian–Laird gives τ² 0.3088 for these data: it does not reproduce 0.3132.
    expect(result.matches.some((m) => m.methods.method === 'DL')).toBe(false);
  });

  it('tells I² from τ² (metafor) and from Q (meta, RevMan) apart', () => {
    // Under DL the two definitions coincide (Higgins & Thompson's typical variance); under REML they differ.
    const effects = computeEffectSizes(BCG, 'RR');
    const fromQ = metaAnalysis(effects, { method: 'REML', i2: 'Q', tau2Interval: false });
    const fromTau2 = metaAnalysis(effects, { method: 'REML', i2: 'tau2', tau2Interval: false });
    expect(fromQ.I2.toFixed(2)).not.toBe(fromTau2.I2.toFixed(2));
    const result = fingerprintMeta(BCG, 'RR', {
      I2: fromQ.I2.toFixed(2),
      tau2: fromQ.tau2.toFixed(4),
    });
    const reml = result.matches.filter((m) => m.methods.method === 'REML');
    expect(reml.length).toBeGreaterThan(0);
    expect(reml.every((m) => m.methods.i2 === 'Q')).toBe(true);
  });

  it('recovers estimator, test and prediction-interval type from printed figures (property)', () => {
    const methods = ['DL', 'REML', 'PM', 'SJ', 'HE'] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...methods),
        fc.constantFrom('z' as const, 'knha' as const),
        fc.constantFrom('z' as const, 't' as const, 'hts' as const),
        fc.integer({ min: 0, max: 6 }),
        (method, test, pi, drop) => {
          const data = BCG.filter((_, i) => i !== drop);
          const effects = computeEffectSizes(data, 'RR');
          const truth = metaAnalysis(effects, { method, test, pi, tau2Interval: false });
          const print = (x: number): string => x.toFixed(4);
          const result = fingerprintMeta(data, 'RR', {
            estimate: print(truth.transformed.estimate),
            lower: print(truth.transformed.ci.lower),
            upper: print(truth.transformed.ci.upper),
            piLower: print(truth.transformed.pi!.lower),
            piUpper: print(truth.transformed.pi!.upper),
            tau2: print(truth.tau2),
          });
          const found = result.matches.some(
            (m) =>
              m.methods.method === method &&
              m.methods.test === test &&
              m.methods.pi === pi &&
              m.methods.level === 0.95,
          );
          if (!found)
            throw new Error(`not recovered: ${method} ${test} ${pi} without study ${drop + 1}`);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('includes Mantel–Haenszel and Peto for binary data', () => {
    const result = fingerprintMeta(BCG, 'OR', { estimate: '0.62' });
    expect(
      result.matches.some((m) => m.methods.model === 'MH') ||
        result.matches.some((m) => m.methods.model === 'Peto'),
    ).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { binaryEffectSizes } from '../../../src/stats/meta/binary-effect-sizes.js';
import { continuousEffectSizes } from '../../../src/stats/meta/continuous-effect-sizes.js';
import { metaAnalysis, type MetaMethod } from '../../../src/stats/meta/meta-analysis.js';
import { fixture } from './fixture.js';

// Published values as transcribed (with page and table) in metafor's test suite,
// tests/testthat/test_analysis_example_{normand1999,dersimonian2007}.r.
const round = (x: number, digits: number): string =>
  (Math.round(x * 10 ** digits) / 10 ** digits).toFixed(digits);

describe('Normand SLT (1999), Stat Med 18:321–359: length of stay of stroke patients (dat.normand1999)', () => {
  // Normand uses the pooled SD in both arms for the MD variance.
  const d = fixture.normand.data;
  const studies = d.n1i.map((n1: number, i: number) => {
    const sdp = Math.sqrt(
      ((n1 - 1) * d.sd1i[i] ** 2 + (d.n2i[i] - 1) * d.sd2i[i] ** 2) / (n1 + d.n2i[i] - 2),
    );
    return { n1, mean1: d.m1i[i], sd1: sdp, n2: d.n2i[i], mean2: d.m2i[i], sd2: sdp };
  });
  const es = continuousEffectSizes(studies, 'MD');
  it('Table VIII (p. 351): mean differences and variances', () => {
    expect(es.studies.map((s) => s.yi)).toEqual([-20, -2, -55, -71, -4, 1, 11, -10, 7]);
    expect(es.studies.map((s) => round(s.vi, 2))).toEqual([
      '40.59',
      '2.05',
      '15.28',
      '150.22',
      '20.19',
      '1.22',
      '95.38',
      '8.03',
      '20.69',
    ]);
  });
  it('Table IX (p. 352): fixed effect −3.49 (−5.03, −1.96)', () => {
    const r = metaAnalysis(es, { method: 'FE' });
    expect([r.estimate, r.ci.lower, r.ci.upper].map((x) => round(x, 2))).toEqual([
      '-3.49',
      '-5.03',
      '-1.96',
    ]);
  });
  it('Table IX (p. 352): DL −14.10 (−24.45, −3.75), τ² = 218.72', () => {
    const r = metaAnalysis(es, { method: 'DL' });
    expect([r.estimate, r.ci.lower, r.ci.upper, r.tau2].map((x) => round(x, 2))).toEqual([
      '-14.10',
      '-24.45',
      '-3.75',
      '218.72',
    ]);
  });
  it('Table IX (p. 352): REML −15.12 (−32.67, 2.43), τ² = 685.20', () => {
    const r = metaAnalysis(es, { method: 'REML' });
    expect([r.estimate, r.ci.lower, r.ci.upper, r.tau2].map((x) => round(x, 2))).toEqual([
      '-15.12',
      '-32.67',
      '2.43',
      '685.20',
    ]);
  });
});

describe('DerSimonian R, Kacker R (2007), Contemp Clin Trials 28:105–114: CLASP trials, log OR (Tables 3–4, pp. 111–112)', () => {
  const n1 = [156, 303, 565, 1570, 103, 4659];
  const n2 = [74, 303, 477, 1565, 105, 4650];
  const a = [5, 5, 12, 69, 9, 313];
  const c = [8, 17, 9, 94, 11, 352];
  const es = binaryEffectSizes(
    n1.map((n, i) => ({ events1: a[i], n1: n, events2: c[i], n2: n2[i] })),
    'OR',
  );
  // tau, mu, se as printed (4 decimals); "CA" in the paper is the Hedges (HE) estimator.
  const table: Record<string, [string, string, string]> = {
    PM: ['0.3681', '-0.3811', '0.2060'],
    HE: ['0.4410', '-0.4035', '0.2327'],
    DL: ['0.2323', '-0.3240', '0.1540'],
    EB: ['0.3681', '-0.3811', '0.2060'],
    ML: ['0.0023', '-0.1974', '0.0694'],
    REML: ['0.1843', '-0.2980', '0.1343'],
    HS: ['0.1330', '-0.2666', '0.1125'],
    SJ: ['0.4572', '-0.4079', '0.2386'],
  };
  for (const [method, expected] of Object.entries(table)) {
    it(method, () => {
      const r = metaAnalysis(es, { method: method as MetaMethod });
      expect([r.tau, r.estimate, r.se].map((x) => round(x, 4))).toEqual(expected);
    });
  }
});

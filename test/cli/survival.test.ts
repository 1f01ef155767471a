import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { expectClose, readFixture } from '../stats/continuous/close.js';

const fixture = readFixture<{
  ci: { hr: number; lower: number; upper: number; level: number; se: number }[];
}>('survival');

describe('trialstat survival hr', () => {
  it('--json: SE from a 90% CI matches the R fixture; contract fields present', async () => {
    const c = fixture.ci.find((x) => x.level === 0.9)!;
    const result = await runCli([
      'survival',
      'hr',
      '--hr',
      String(c.hr),
      '--lower',
      String(c.lower),
      '--upper',
      String(c.upper),
      '--ci-level',
      '0.90',
      '--json',
    ]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expectClose(json.se, c.se, 1e-10);
    expect(json.primary).toBe('ci');
    expect(json.ci.level).toBe(0.95);
    expect(Object.keys(json)).toEqual([
      'measure',
      'estimate',
      'logHr',
      'se',
      'ci',
      'p',
      'primary',
      'consistent',
      'derivations',
      'agreement',
      'skipped',
      'warnings',
    ]);
    expect(json.derivations[0].derivation.method).toBe('ci');
  });

  it('prints several derivations side by side and agrees within rounding (Tierney 2007 bladder example)', async () => {
    const result = await runCli([
      'survival',
      'hr',
      '--hr',
      '0.88',
      '--lower',
      '0.74',
      '--upper',
      '1.05',
      '--o-minus-e',
      '-16.47',
      '--v',
      '128.81',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^HR 0\.880 \(95% CI 0\.739 to 1\.048\)/);
    expect(result.stdout).toMatch(/^oe-v\s+0\.880\s+0\.740 to 1\.046/m);
    expect(result.stdout).toContain('All derivations agree within the rounding');
  });

  it('exits 1 and says why when the printed p does not fit the printed CI', async () => {
    const result = await runCli([
      'survival',
      'hr',
      '--hr',
      '0.72',
      '--lower',
      '0.61',
      '--upper',
      '0.85',
      '--p',
      '0.02',
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/ci vs p: discrepant/);
    expect(result.stderr).toMatch(/^warning: discrepant: ci and p/m);
  });

  it('--explain shows the formula, inputs and the exponential assumption for medians', async () => {
    const result = await runCli([
      'survival',
      'hr',
      '--median1',
      '14.2',
      '--median2',
      '9.8',
      '--events1',
      '120',
      '--events2',
      '131',
      '--explain',
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('How it was computed (medians');
    expect(result.stdout).toContain('EXPONENTIAL ASSUMPTION');
    expect(result.stdout).toContain('exponential assumption');
    expect(result.stderr).toMatch(/warning: HR from medians assumes exponential/);
  });

  it('bad input: one line, exit 2, no stack trace', async () => {
    for (const argv of [
      ['survival', 'hr', '--hr', '0,88', '--lower', '0.7', '--upper', '1.1'],
      ['survival', 'hr', '--hr', '0.88', '--p', '< 0.001'],
      ['survival', 'hr', '--hr', '0.88', '--lower', '0.9', '--upper', '0.7'],
      ['survival', 'hr', '--logrank-p', '0.01', '--events', '100'],
      ['survival', 'hr'],
    ]) {
      const result = await runCli(argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr.trim().split('\n').length, result.stderr).toBe(1);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

interface Analysis {
  name: string;
  levels: string[];
  medians: { median: number[]; lower: number[]; upper: number[] };
  logrank: { chisq: number; p: number };
  efron: { coef: number; se: number };
  breslow: { coef: number };
  stratified?: { chisq: number };
  stratifiedCox?: { coef: number };
  rmst: { rmean: number[]; se: number[] };
  tau: number;
}
const survivalFixture = readFixture<{ analyses: Analysis[] }>('survival');
const guyot = readFixture<{
  cases: { name: string; fits: { coxLogHr: number; chisq: number; median: number[] } }[];
}>('guyot');
const vet = survivalFixture.analyses.find((a) => a.name === 'veteran')!;

describe('trialstat survival compare', () => {
  it('--json on the bundled veteran-lung patient data matches survfit, survdiff, coxph and the RMST of R', async () => {
    const result = await runCli([
      'survival',
      'compare',
      'veteran-lung',
      '--arms',
      'test,standard',
      '--tau',
      String(vet.tau),
      '--json',
    ]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.source).toBe('patient-level');
    expectClose(json.cox.logHr, vet.efron.coef, 1e-9);
    expectClose(json.cox.se, vet.efron.se, 1e-9);
    expectClose(json.logRank.chiSq, vet.logrank.chisq, 1e-10);
    // levels "1" (standard), "2" (test): arms[0] is test
    expect([
      json.arms[0].median.estimate,
      json.arms[0].median.lower,
      json.arms[0].median.upper,
    ]).toEqual([vet.medians.median[1], vet.medians.lower[1], vet.medians.upper[1]]);
    expectClose(json.arms[1].rmst.rmst, vet.rmst.rmean[0], 1e-12);
    expectClose(json.arms[1].rmst.se, vet.rmst.se[0], 1e-10);
    expectClose(json.rmst.difference.estimate, vet.rmst.rmean[1] - vet.rmst.rmean[0], 1e-10);
    expect(json.reconstruction).toBeNull();
  });

  it('--stratified uses the cell-type strata (survdiff/coxph with strata(celltype)); --ties breslow', async () => {
    const s = JSON.parse(
      (
        await runCli([
          'survival',
          'compare',
          'veteran-lung',
          '--arms',
          'test,standard',
          '--stratified',
          '--json',
        ])
      ).stdout,
    );
    expectClose(s.logRank.chiSq, vet.stratified!.chisq, 1e-10);
    expectClose(s.cox.logHr, vet.stratifiedCox!.coef, 1e-9);
    const b = JSON.parse(
      (
        await runCli([
          'survival',
          'compare',
          'veteran-lung',
          '--arms',
          'test,standard',
          '--ties',
          'breslow',
          '--json',
        ])
      ).stdout,
    );
    expectClose(b.cox.logHr, vet.breslow.coef, 1e-9);
  });

  it('--from-curve reconstructs the digitised curves (Guyot) and gives what R gives on the same pseudo-IPD', async () => {
    const want = guyot.cases.find((c) => c.name.includes('total events'))!.fits;
    const result = await runCli([
      'survival',
      'compare',
      'veteran-lung',
      '--from-curve',
      '--arms',
      'test,standard',
      '--json',
    ]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.source).toBe('km-curve');
    expectClose(json.cox.logHr, want.coxLogHr, 1e-9);
    expectClose(json.logRank.chiSq, want.chisq, 1e-10);
    expect(json.reconstruction.map((r: { events: number }) => r.events)).toEqual([64, 64]);
    const text = await runCli([
      'survival',
      'compare',
      'veteran-lung',
      '--from-curve',
      '--arms',
      'test,standard',
    ]);
    expect(text.stdout).toContain('reconstructed from the digitised curve, Guyot 2012');
    expect(text.stdout).toMatch(/^Cox HR \(efron\), test vs standard: /m);
  });

  it('--explain gives the formulas; bad --arms and --tau are one-line errors (exit 2)', async () => {
    const explained = await runCli(['survival', 'compare', 'veteran-lung', '--explain']);
    expect(explained.stdout).toContain('How it was computed (two-arm survival comparison)');
    for (const argv of [
      ['survival', 'compare', 'veteran-lung', '--arms', 'test'],
      ['survival', 'compare', 'veteran-lung', '--arms', 'test,placebo'],
      ['survival', 'compare', 'veteran-lung', '--tau', '-3'],
      ['survival', 'compare', 'veteran-lung', '--events', 'standard:64', '--from-curve'],
      ['survival', 'compare', 'rapami'],
    ]) {
      const r = await runCli(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(
        r.stderr
          .trim()
          .split('\n')
          .filter((l) => !l.startsWith('(run with')).length,
        r.stderr,
      ).toBe(1);
    }
  });
});

describe('trialstat survival km', () => {
  it("prints each arm's KM table, and --ipd writes reconstructed patient-level CSV that validates and round-trips", async () => {
    const table = await runCli(['survival', 'km', 'veteran-lung']);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(
      /^standard: n = 69, events = 64, median 103 \(95% CI 54 to 126\)/m,
    );
    const ipd = await runCli(['survival', 'km', 'veteran-lung', '--from-curve', '--ipd']);
    expect(ipd.code).toBe(0);
    expect(ipd.stdout.split('\n')[0]).toBe(
      'trial,outcome,arm,patient,stratum,time,event,unit,source',
    );
    expect(ipd.stdout.trim().split('\n')).toHaveLength(1 + 69 + 68);
    const back = await runCli(
      ['survival', 'compare', '-', '--kind', 'patient-level', '--arms', 'test,standard', '--json'],
      { stdin: ipd.stdout },
    );
    expect(back.code, back.stderr).toBe(0);
    expectClose(
      JSON.parse(back.stdout).cox.logHr,
      guyot.cases.find((c) => c.name.includes('total events'))!.fits.coxLogHr,
      1e-9,
    );
  });
});

describe('trialstat survival percent', () => {
  it('seed 001 "77 %" in 7 children: impossible (exit 1), nearest 75 % and 80 %', async () => {
    const r = await runCli(['survival', 'percent', '--percent', '77', '--n', '7']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('not a Kaplan–Meier value');
    expect(r.stdout).toMatch(/nearest below: 75\.00% \(1 of 4 at risk\)/);
    const ok = JSON.parse(
      (await runCli(['survival', 'percent', '--percent', '100', '--n', '7', '--json'])).stdout,
    );
    expect(ok.possible).toBe(true);
    expect((await runCli(['survival', 'percent', '--percent', '77', '--n', '40'])).code).toBe(2);
  });
});

const design = readFixture<{
  sampleSize: {
    hr: number;
    r: number;
    method: string;
    events: number;
    n: number;
    beta: number;
    alpha: number;
    sided: number;
    lambda2: number;
    a: number;
    f: number;
    d1: number;
    d2: number;
    dt: number;
  }[];
  power: {
    hr: number;
    events: number;
    n: number;
    power: number;
    followUp: number;
    lambda2: number;
    a: number;
    alpha: number;
    sided: number;
    r: number;
    method: string;
  }[];
}>('survival_design');

describe('trialstat power survival (also trialstat survival power)', () => {
  it('--json events and patients match rpact getSampleSizeSurvival (with dropout)', async () => {
    const c = design.sampleSize[1];
    const argv = [
      '--hr',
      String(c.hr),
      '--power',
      String(1 - c.beta),
      '--alpha',
      String(c.alpha),
      '--sided',
      String(c.sided),
      '--ratio',
      String(c.r),
      '--method',
      c.method.toLowerCase(),
      '--lambda2',
      String(c.lambda2),
      '--accrual',
      String(c.a),
      '--follow-up',
      String(c.f),
      '--dropout1',
      String(c.d1),
      '--dropout2',
      String(c.d2),
      '--dropout-time',
      String(c.dt),
      '--json',
    ];
    for (const prefix of [
      ['power', 'survival'],
      ['survival', 'power'],
    ]) {
      const r = await runCli([...prefix, ...argv]);
      expect(r.code, r.stderr).toBe(0);
      const json = JSON.parse(r.stdout);
      expectClose(json.events, c.events, 1e-9);
      expectClose(json.n, c.n, 1e-8);
    }
  });
  it('power for a number of events and the follow-up it needs, as getPowerSurvival', async () => {
    const c = design.power[0];
    const r = await runCli([
      'power',
      'survival',
      '--hr',
      String(c.hr),
      '--events',
      String(c.events),
      '--n',
      String(c.n),
      '--lambda2',
      String(c.lambda2),
      '--accrual',
      String(c.a),
      '--json',
    ]);
    const json = JSON.parse(r.stdout);
    expectClose(json.power, c.power, 1e-9);
    expectClose(json.followUpTime, c.followUp, 1e-6);
    const text = await runCli([
      'power',
      'survival',
      '--hr',
      '0.7',
      '--power',
      '0.8',
      '--events',
      '100',
    ]);
    expect(text.code).toBe(2);
  });
});

const pool = readFixture<{
  pool: {
    yi: number[];
    sei: number[];
    fits: {
      method: string;
      test: string;
      estimate: number;
      lower: number;
      upper: number;
      tau2: number;
    }[];
  };
}>('survival').pool;

describe('trialstat survival meta', () => {
  it('pools HR rows derived five ways (CSV with the time-to-event columns) as metafor rma, DL with Hartung–Knapp', async () => {
    const r = await runCli([
      'survival',
      'meta',
      'test/cli/fixtures/hr-studies.csv',
      '--kind',
      'reported-comparison',
      '--method',
      'DL',
      '--hk',
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    const want = pool.fits.find((f) => f.method === 'DL' && f.test === 'knha')!;
    expectClose(json.pooled.logHr, want.estimate, 1e-6);
    expectClose(json.pooled.tau2, want.tau2, 1e-6);
    expectClose(json.pooled.ci.lower, Math.exp(want.lower), 1e-6);
    expect(json.studies.map((s: { derivation: string }) => s.derivation)).toEqual([
      'ci',
      'oe-v',
      'p',
      'logrank',
      'events',
    ]);
    json.studies.forEach((s: { logHr: number; se: number }, i: number) => {
      expectClose(s.logHr, pool.yi[i], 1e-10);
      expectClose(s.se, pool.sei[i], 1e-10);
    });
    const text = await runCli([
      'survival',
      'meta',
      'test/cli/fixtures/hr-studies.csv',
      '--kind',
      'reported-comparison',
    ]);
    expect(text.stdout).toMatch(/^D\s+log-rank p \(or z, χ²\) with the number of events/m);
    expect(text.stdout).toMatch(/^Pooled HR 0\.76/m);
  });
});

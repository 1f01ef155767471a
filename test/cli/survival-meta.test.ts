import { describe, expect, it } from 'vitest';
import { expectClose, readFixture } from '../stats/continuous/close.js';
import { runCli } from '../support/cli.js';

interface Fit {
  method: string;
  test: string;
  estimate: number;
  se: number;
  tau2: number;
}
/** R: Tierney derivations of the five studies of test/cli/fixtures/hr-studies.csv, then metafor rma. */
const { pool } = readFixture<{ pool: { yi: number[]; sei: number[]; fits: Fit[] } }>('survival');
const cwd = 'test/cli/fixtures';

describe('trialstat meta --measure HR (HRs derived per study, pooled as metafor rma(yi, sei))', () => {
  for (const f of pool.fits) {
    const flags = ['--method', f.method, ...(f.test === 'knha' ? ['--hk'] : [])];
    it(`reported-comparison HR rows, ${f.method}${f.test === 'knha' ? ' + HK' : ''}: log HR ${f.estimate.toFixed(4)}`, async () => {
      const r = await runCli(['meta', 'hr-studies.csv', '--measure', 'HR', ...flags, '--json'], {
        cwd,
      });
      expect(r.code, r.stderr).toBe(0);
      const json = JSON.parse(r.stdout);
      expectClose(json.pooled.logHr, f.estimate, 1e-6);
      expectClose(json.pooled.se, f.se, 1e-6);
      expect(json.studies.map((s: { derivation: string }) => s.derivation)).toEqual([
        'ci',
        'oe-v',
        'p',
        'logrank',
        'events',
      ]);
    });
    it(`a study-level CSV of log HR and SE, ${f.method}${f.test === 'knha' ? ' + HK' : ''}`, async () => {
      const csv = `study,log_hr,se\n${pool.yi.map((y, i) => `S${i + 1},${y},${pool.sei[i]}`).join('\n')}\n`;
      const r = await runCli(['meta', '-', '--measure', 'HR', ...flags, '--json'], { stdin: csv });
      expect(r.code, r.stderr).toBe(0);
      const json = JSON.parse(r.stdout);
      expectClose(json.pooled.logHr, f.estimate, 1e-6);
      expectClose(json.pooled.tau2, f.tau2, 1e-6, 1e-10);
      expect(json.studies[0].derivation).toBe('log-se');
    });
  }

  it('mixes derivations in one study-level table and names each in the forest table', async () => {
    const csv =
      'study,log_hr,se,hr,ci_lower,ci_upper,o_minus_e,v\nA,-0.2,0.1,,,,,\nB,,,0.7,0.55,0.89,,\nC,,,,,,-8.4,35.2\n';
    const r = await runCli(['meta', '-', '--measure', 'HR'], { stdin: csv });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('log HR and its SE as printed');
    expect(r.stdout).toContain('HR with its confidence interval');
    expect(r.stdout).toContain('log-rank O − E and V');
    expect(r.stdout).toMatch(/Pooled HR 0\.772 \(95% CI 0\.673 to 0\.887\)/);
  });

  it('refuses options that belong to the other measures, and a study with nothing to derive from', async () => {
    const egger = await runCli(['meta', '-', '--measure', 'HR', '--egger'], {
      stdin: 'study,log_hr,se\nA,-0.2,0.1\n',
    });
    expect(egger.code).toBe(2);
    expect(egger.stderr).toContain('--egger');
    const empty = await runCli(['meta', '-', '--measure', 'HR'], { stdin: 'study,hr\nA,0.8\n' });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('A:');
  });
});

describe('trialstat survival hr --log-hr --se', () => {
  it('takes a printed log HR and SE as the first derivation', async () => {
    const r = await runCli([
      'survival',
      'hr',
      '--log-hr',
      '-0.25',
      '--se',
      '0.1',
      '--hr',
      '0.78',
      '--lower',
      '0.64',
      '--upper',
      '0.95',
      '--json',
    ]);
    const json = JSON.parse(r.stdout);
    expect(json.primary).toBe('log-se');
    expectClose(json.logHr, -0.25, 1e-15);
  });
});

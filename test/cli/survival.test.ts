import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { expectClose, readFixture } from '../stats/continuous/close.js';

const fixture = readFixture<{ ci: { hr: number; lower: number; upper: number; level: number; se: number }[] }>('survival');

describe('trialstat survival hr', () => {
  it('--json: SE from a 90% CI matches the R fixture; contract fields present', async () => {
    const c = fixture.ci.find((x) => x.level === 0.9)!;
    const result = await runCli(['survival', 'hr', '--hr', String(c.hr), '--lower', String(c.lower), '--upper', String(c.upper), '--ci-level', '0.90', '--json']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expectClose(json.se, c.se, 1e-10);
    expect(json.primary).toBe('ci');
    expect(json.ci.level).toBe(0.95);
    expect(Object.keys(json)).toEqual(['measure', 'estimate', 'logHr', 'se', 'ci', 'p', 'primary', 'consistent', 'derivations', 'agreement', 'skipped', 'warnings']);
    expect(json.derivations[0].derivation.method).toBe('ci');
  });

  it('prints several derivations side by side and agrees within rounding (Tierney 2007 bladder example)', async () => {
    const result = await runCli(['survival', 'hr', '--hr', '0.88', '--lower', '0.74', '--upper', '1.05', '--o-minus-e', '-16.47', '--v', '128.81']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^HR 0\.880 \(95% CI 0\.739 to 1\.048\)/);
    expect(result.stdout).toMatch(/^oe-v\s+0\.880\s+0\.740 to 1\.046/m);
    expect(result.stdout).toContain('All derivations agree within the rounding');
  });

  it('exits 1 and says why when the printed p does not fit the printed CI', async () => {
    const result = await runCli(['survival', 'hr', '--hr', '0.72', '--lower', '0.61', '--upper', '0.85', '--p', '0.02']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/ci vs p: discrepant/);
    expect(result.stderr).toMatch(/^warning: discrepant: ci and p/m);
  });

  it('--explain shows the formula, inputs and the exponential assumption for medians', async () => {
    const result = await runCli(['survival', 'hr', '--median1', '14.2', '--median2', '9.8', '--events1', '120', '--events2', '131', '--explain']);
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

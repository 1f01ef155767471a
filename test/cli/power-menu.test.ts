import { describe, expect, it } from 'vitest';
import { POWER_METHODS } from '../../src/stats/design/power-methods.js';
import { runCli } from '../support/cli.js';

describe('trialstat power <registry entry>', () => {
  for (const entry of POWER_METHODS.entries) {
    it(`power ${entry.id} ${entry.example.join(' ')}: text, --json and --explain (label, formula, reference)`, async () => {
      const text = await runCli(['power', entry.id, ...entry.example]);
      expect(text.code, text.stderr).toBe(0);
      expect(text.stdout).toContain(entry.label);
      const json = JSON.parse(
        (await runCli(['power', entry.id, ...entry.example, '--json'])).stdout,
      );
      expect(json.method).toBe(entry.id);
      const explain = await runCli(['power', entry.id, ...entry.example, '--explain']);
      expect(explain.stdout).toContain(entry.formula);
      expect(explain.stdout).toContain(entry.reference);
      const help = (await runCli(['power', entry.id, '--help'])).stdout;
      for (const p of entry.parameters) expect(help).toContain(`--${p.name}`);
    });
  }

  it('power tost-ratio --cv 0.3 --power 0.8: n 38.44, smallest whole n 40 (PowerTOST sampleN.TOST)', async () => {
    const r = await runCli(['power', 'tost-ratio', '--cv', '0.3', '--power', '0.8']);
    expect(r.stdout).toContain('n = 38.4363 for power 0.8');
    expect(r.stdout).toContain('smallest whole n reaching it: 40 (power 0.8158)');
  });

  it('solves for α with --solve alpha', async () => {
    const r = await runCli([
      'power',
      'norm',
      '--d',
      '0.3',
      '--n',
      '50',
      '--power',
      '0.8',
      '--solve',
      'alpha',
      '--json',
    ]);
    expect(JSON.parse(r.stdout).values.alpha).toBeCloseTo(0.200232, 6);
  });

  it('exits 2 with the flag named when an input is missing, out of range or a choice is wrong', async () => {
    const missing = await runCli(['power', 'anova', '--k', '4', '--f', '0.25']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('n, power missing');
    const range = await runCli([
      'power',
      'fm-props',
      '--p1',
      '1.2',
      '--p2',
      '0.8',
      '--margin',
      '0.1',
      '--n1',
      '100',
    ]);
    expect(range.code).toBe(2);
    expect(range.stderr).toContain('--p1');
    const design = await runCli([
      'power',
      'tost-ratio',
      '--cv',
      '0.3',
      '--n',
      '20',
      '--design',
      '3x3',
    ]);
    expect(design.code).toBe(2);
    expect(range.stderr).not.toContain('    at ');
  });
});

describe('trialstat power means --type and --solve', () => {
  it('paired: n pairs for power 0.9 (R power.t.test(type = "paired")$n = 43.99550)', async () => {
    const r = await runCli([
      'power',
      'means',
      '--type',
      'paired',
      '--delta',
      '1',
      '--sd',
      '2',
      '--power',
      '0.9',
      '--explain',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('n pairs = 43.9955');
    expect(r.stdout).toContain('λ = √n δ/σ');
  });
  it('one-sample, solving for the SD (R: 1.308116)', async () => {
    const r = await runCli([
      'power',
      'means',
      '--type',
      'one-sample',
      '--delta',
      '1',
      '--n',
      '20',
      '--power',
      '0.9',
      '--solve',
      'sd',
      '--json',
    ]);
    const json = JSON.parse(r.stdout);
    expect(json.solved).toBe('sd');
    expect(json.sd).toBeCloseTo(1.3081163, 6);
    expect(json.nPerArm2).toBe(0);
  });
  it('--solve sd with --sd given is a usage error', async () => {
    const r = await runCli([
      'power',
      'means',
      '--delta',
      '1',
      '--n',
      '20',
      '--power',
      '0.9',
      '--solve',
      'sd',
      '--sd',
      '2',
    ]);
    expect(r.code).toBe(2);
  });
});

import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

describe('trialstat consistency percent', () => {
  it('lists the counts behind a printed percentage (JSON contract)', async () => {
    const result = await runCli([
      'consistency',
      'percent',
      '--percent',
      '45',
      '--n',
      '22',
      '--json',
    ]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ consistent: true, counts: [10] });
  });

  it('says plainly when no count fits, with the nearest ones', async () => {
    const result = await runCli(['consistency', 'percent', '--percent', '60', '--n', '11']);
    expect(result.code).toBe(1); // a failed check, not a usage error
    expect(result.stdout).toContain('60% of 11: impossible');
    expect(result.stdout).toContain('6/11 = 54.5%, 7/11 = 63.6%');
  });

  it('searches a range of denominators', async () => {
    const result = await runCli([
      'consistency',
      'percent',
      '--percent',
      '73',
      '--n-range',
      '10..13',
      '--json',
    ]);
    expect(JSON.parse(result.stdout)).toMatchObject({ ns: [11] });
  });

  it('exits 2 on bad input, naming the option', async () => {
    const both = await runCli(['consistency', 'percent', '--percent', '45']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--n / --n-range');
    const comma = await runCli(['consistency', 'percent', '--percent', '18,8', '--n', '20']);
    expect(comma.code).toBe(2);
    expect(comma.stderr).toContain('--percent');
    const range = await runCli(['consistency', 'percent', '--percent', '45', '--n-range', '9..3']);
    expect(range.code).toBe(2);
  });
});

describe('trialstat consistency grim / grimmer', () => {
  it('flags the Brown & Heathers example', async () => {
    const result = await runCli(['consistency', 'grim', '--mean', '5.19', '--n', '28', '--json']);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({ consistent: false });
    expect((await runCli(['consistency', 'grim', '--mean', '5.18', '--n', '28'])).code).toBe(0);
    const text = await runCli(['consistency', 'grim', '--mean', '5.19', '--n', '28']);
    expect(text.stdout).toContain('impossible (GRIM)');
  });

  it('runs GRIMMER', async () => {
    const result = await runCli([
      'consistency',
      'grimmer',
      '--mean',
      '3.44',
      '--sd',
      '2.47',
      '--n',
      '18',
      '--json',
    ]);
    expect(JSON.parse(result.stdout)).toMatchObject({ consistent: false });
  });
});

describe('trialstat consistency p', () => {
  it('checks p against an estimate and CI of unknown level (JSON contract)', async () => {
    const result = await runCli([
      'consistency',
      'p',
      '--estimate',
      '-16.3',
      '--lower',
      '-20.4',
      '--upper',
      '-12.1',
      '--p',
      '0.0001',
      '--relation',
      '<',
      '--level',
      'unknown',
      '--json',
    ]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.consistent).toBe(true);
    expect(json.pRecomputed).toBeGreaterThan(0);
    expect(json.levels.map((entry: { level: number }) => entry.level)).toEqual([0.9, 0.95, 0.99]);
  });

  it('prints a verdict per level', async () => {
    const result = await runCli([
      'consistency',
      'p',
      '--estimate',
      '2.0',
      '--lower',
      '1.0',
      '--upper',
      '3.0',
      '--p',
      '0.001',
      '--level',
      'unknown',
    ]);
    expect(result.stdout).toContain('90% CI');
    expect(result.stdout).toMatch(/consistent at some level/);
  });

  it('rejects a level given as a percentage', async () => {
    const result = await runCli([
      'consistency',
      'p',
      '--estimate',
      '2',
      '--lower',
      '1',
      '--upper',
      '3',
      '--p',
      '0.01',
      '--level',
      '95',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--level');
  });
});

describe('trialstat consistency statistic', () => {
  it('finds a decision error (statcheck: t(48) = 1.02, p < .05)', async () => {
    const result = await runCli([
      'consistency',
      'statistic',
      '--test',
      't',
      '--value',
      '1.02',
      '--df',
      '48',
      '--p',
      '< .05',
      '--json',
    ]);
    expect(JSON.parse(result.stdout)).toMatchObject({ error: true, decisionError: true });
  });

  it('exits 2 when df is missing', async () => {
    const result = await runCli([
      'consistency',
      'statistic',
      '--test',
      't',
      '--value',
      '1.02',
      '--p',
      '.05',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('df');
  });
});

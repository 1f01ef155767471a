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

describe('trialstat consistency debit / sprite / ci-symmetry (issue 15)', () => {
  const run = (...args: string[]) => runCli(['consistency', ...args]);

  it('debit: 0.35 (SD 0.48) of 20 fits 7/20 with the population SD; SD 0.50 is impossible (exit 1)', async () => {
    const ok = await run('debit', '--mean', '0.35', '--sd', '0.48', '--n', '20', '--json');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({
      consistent: true,
      matches: [{ count: 7, formula: 'population' }],
    });
    const bad = await run('debit', '--mean', '0.35', '--sd', '0.50', '--n', '20');
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('impossible');
    const explained = await run(
      'debit',
      '--mean',
      '0.35',
      '--sd',
      '0.48',
      '--n',
      '20',
      '--explain',
    );
    expect(explained.stdout).toContain('population SD = √(p·(1 − p))');
    expect((await run('debit', '--mean', '1.4', '--sd', '0.5', '--n', '20')).code).toBe(2);
  });

  it('sprite: returns one example sample, prints its seed, same seed same sample; a GRIMMER failure exits 1', async () => {
    const args = [
      'sprite',
      '--mean',
      '4.50',
      '--sd',
      '1.90',
      '--n',
      '10',
      '--min',
      '1',
      '--max',
      '7',
    ];
    const first = await run(...args, '--json');
    const again = await run(...args, '--json');
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(again.stdout);
    const result = JSON.parse(first.stdout) as { found: boolean; sample: number[]; seed: number };
    expect(result).toMatchObject({ found: true, seed: 1 });
    expect(result.sample).toHaveLength(10);
    expect(result.sample.reduce((a, b) => a + b, 0)).toBe(45);
    expect((await run(...args)).stdout).toContain('(seed 1): possible — e.g.');
    const other = JSON.parse((await run(...args, '--seed', '7', '--json')).stdout);
    expect(other.seed).toBe(7);
    const impossible = await run(
      'sprite',
      '--mean',
      '2.65',
      '--sd',
      '1.24',
      '--n',
      '20',
      '--min',
      '1',
      '--max',
      '5',
    );
    expect(impossible.code).toBe(1);
    expect(impossible.stdout).toContain('GRIMMER');
    // A bounded search that runs out proves nothing: exit 0 with a note on stderr.
    const exhausted = await run(...args, '--max-steps', '1', '--restarts', '1');
    const exhaustedJson = JSON.parse(
      (await run(...args, '--max-steps', '1', '--restarts', '1', '--json')).stdout,
    );
    if (!exhaustedJson.found) {
      expect(exhaustedJson.reason).toBe('search-exhausted');
      expect(exhausted.code).toBe(0);
      expect(exhausted.stderr).toContain('does not show the figures are impossible');
    }
  });

  it('ci-symmetry: log-symmetric ratio, linear-symmetric difference, estimate outside exits 1', async () => {
    const ratio = await run(
      'ci-symmetry',
      '--estimate',
      '1.5',
      '--lower',
      '0.9',
      '--upper',
      '2.5',
      '--json',
    );
    expect(JSON.parse(ratio.stdout)).toMatchObject({
      reading: 'wald-log',
      log: true,
      linear: false,
    });
    const md = await run(
      'ci-symmetry',
      '--estimate',
      '-16.3',
      '--lower',
      '-20.4',
      '--upper',
      '-12.1',
    );
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('symmetric on the linear scale only');
    const outside = await run(
      'ci-symmetry',
      '--estimate',
      '3.0',
      '--lower',
      '0.90',
      '--upper',
      '2.50',
    );
    expect(outside.code).toBe(1);
    expect(outside.stdout).toContain('outside its interval');
  });
});

import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const FILES = 'test/data/fixtures/files';

describe('trialstat validate', () => {
  it('prints one OK line and exits 0 for a valid file', async () => {
    const result = await runCli(['validate', `${FILES}/arm-binary.csv`, '--kind', 'arm-binary']);
    expect(result).toEqual({
      code: 0,
      stdout: `OK ${FILES}/arm-binary.csv: 2 rows of arm-binary\n`,
      stderr: '',
    });
  });

  it('prints every issue to stderr with file, line and column, and exits 2', async () => {
    const result = await runCli([
      'validate',
      `${FILES}/arm-binary-bad.csv`,
      '--kind',
      'arm-binary',
    ]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toEqual([
      `trialstat: ${FILES}/arm-binary-bad.csv: 2 issues:`,
      `${FILES}/arm-binary-bad.csv:3: column "trial, outcome, timepoint, population, arm": expected a unique (trial, outcome, timepoint, population, arm), found (X, death, , , A) again: duplicate of line 2`,
      `${FILES}/arm-binary-bad.csv:4: column "events": expected a whole number ≥ 0, found "x"`,
      '',
    ]);
  });

  it('reads stdin with -', async () => {
    const ok = await runCli(['validate', '-', '--kind', 'reported-percentage'], {
      stdin: 'id,context,percent,source\np1,x,18.8,s\n',
    });
    expect(ok).toMatchObject({ code: 0, stdout: 'OK <stdin>: 1 row of reported-percentage\n' });
    const bad = await runCli(['validate', '-', '--kind', 'reported-percentage'], {
      stdin: 'id,context,percent,source\np1,x,"18,8",s\n',
    });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      '<stdin>:2: column "percent": expected a number in [0, 100], found "18,8" (decimal comma? use 18.8)',
    );
    const json = await runCli(
      ['validate', '-', '--kind', 'reported-percentage', '--format', 'json'],
      { stdin: '[{"id":"p","context":"x","percent":101,"source":"s"}]' },
    );
    expect(json.stderr).toContain(
      '<stdin>:1: column "percent": expected a number in [0, 100], found 101',
    );
  });

  it('validates a dataset folder as a whole', async () => {
    const ok = await runCli(['validate', 'test/data/fixtures/good-trial']);
    expect(ok).toMatchObject({ code: 0, stdout: 'OK good-trial: 3 files, 5 rows, 2 sources\n' });
    const bad = await runCli(['validate', 'test/data/fixtures/bad-trial']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.split('\n')[0]).toBe('trialstat: test/data/fixtures/bad-trial: 9 issues:');
  });

  it('asks for --kind and rejects an unknown kind, without a stack trace', async () => {
    const missing = await runCli(['validate', `${FILES}/arm-binary.csv`]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--kind: expected the kind of');
    const unknown = await runCli(['validate', `${FILES}/arm-binary.csv`, '--kind', 'binary']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('expected one of arm-continuous, arm-binary');
    const noFile = await runCli(['validate', 'no/such/file.csv', '--kind', 'arm-binary']);
    expect(noFile.code).toBe(2);
    for (const result of [missing, unknown, noFile])
      expect(result.stderr).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });

  it('has help with examples', async () => {
    const result = await runCli(['validate', '--help']);
    expect(result.stdout).toContain('Examples:');
    expect(result.stdout).toContain(
      'trialstat validate examples/my-arms.csv --kind arm-continuous',
    );
  });
});

import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../../src/version.js';
import { runCli } from '../support/cli.js';

describe('trialstat program', () => {
  it('keeps VERSION in step with package.json', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(VERSION).toBe(pkg.version);
  });

  it('prints the version and exits 0', async () => {
    const result = await runCli(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(VERSION);
  });

  it('prints help with exit codes and examples', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Exit codes:\n  0   success\n  1   a check failed');
    expect(result.stdout).toContain('Examples:');
  });

  it('exits 2 on an unknown command or option, without a stack trace', async () => {
    const unknown = await runCli(['no-such-command']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command|too many arguments/);
    expect(unknown.stderr).not.toMatch(/\bat .*\.(ts|js):\d+/);
    const badOption = await runCli(['--no-such-option']);
    expect(badOption.code).toBe(2);
  });

  it('runs as the compiled bin from dist/', () => {
    const result = spawnSync(process.execPath, ['dist/cli/main.js', '--version'], {
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe(VERSION);
  });
});

describe('trialstat as a process', () => {
  it('exits quietly when its reader closes the pipe early (trialstat … | head)', () => {
    const result = spawnSync(
      'bash',
      ['-c', 'node dist/cli/main.js compare ibm-veterans | head -1; exit ${PIPESTATUS[0]}'],
      { encoding: 'utf8' },
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

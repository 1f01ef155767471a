import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RegisterCommand } from '../../src/cli/commands/index.js';
import { EXIT, EXIT_MEANINGS } from '../../src/cli/exit-codes.js';
import { run } from '../../src/cli/program.js';
import { runCli } from '../support/cli.js';

/** Runs the CLI with one injected command `boom` whose action does `act`. */
async function runBoom(act: (setExitCode: (code: 0 | 1 | 2 | 130) => void) => void) {
  let stderr = '';
  const register: RegisterCommand = (program, context) => {
    program.command('boom').action(() => act(context.setExitCode));
  };
  const code = await run(
    ['boom'],
    {
      stdout: () => {},
      stderr: (text) => {
        stderr += text;
      },
      readStdin: async () => '',
      stderrIsTTY: false,
      color: false,
      cwd: process.cwd(),
    },
    async () => [register],
  );
  return { code, stderr };
}

describe('exit codes: defined once, documented, each one reachable', () => {
  it('--help prints every code with its meaning; docs/cli.md tables the same codes', async () => {
    const help = (await runCli(['--help'])).stdout;
    const docs = readFileSync('docs/cli.md', 'utf8');
    const table = docs.slice(docs.indexOf('## Exit codes'), docs.indexOf('## Old spellings'));
    const documented = [...table.matchAll(/^\| (\d+) \|/gm)].map((m) => Number(m[1]));
    expect(documented).toEqual(Object.values(EXIT));
    for (const [code, meaning] of Object.entries(EXIT_MEANINGS))
      expect(help).toContain(`  ${code.padEnd(4)}${meaning}`);
  });

  it('0: a result', async () => {
    expect((await runCli(['consistency', 'grim', '--mean', '5.18', '--n', '28'])).code).toBe(
      EXIT.ok,
    );
  });

  it('1: a check failed (an impossible mean)', async () => {
    expect((await runCli(['consistency', 'grim', '--mean', '5.19', '--n', '28'])).code).toBe(
      EXIT.failed,
    );
  });

  it('2: a usage mistake or bad input, one line starting trialstat:, no stack trace', async () => {
    for (const argv of [
      ['power', 'means', '--delta', '1', '--power', '1.5'], // commander rejects the value
      ['means', '--n1', '3'], // a required option missing
      ['no-such-command'],
      ['compare', 'rapami', '--comparator', 'nosuch'], // an InputError from the command
      ['validate', 'no-such-file.csv', '--kind', 'arm-binary'],
    ]) {
      const r = await runCli(argv);
      expect(r.code, argv.join(' ')).toBe(EXIT.usage);
      expect(r.stderr, argv.join(' ')).toMatch(/^trialstat: /);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('70: an internal error (a bug) is reported with its stack', async () => {
    const r = await runBoom(() => {
      throw new TypeError('boom');
    });
    expect(r.code).toBe(EXIT.internal);
    expect(r.stderr).toMatch(
      /^trialstat: internal error \(please report\): TypeError: boom\n\s+at /,
    );
  });

  it('130: interrupted (the real Ctrl-C of simulate power is in test/cli/simulate.test.ts)', async () => {
    expect((await runBoom((setExitCode) => setExitCode(EXIT.interrupted))).code).toBe(
      EXIT.interrupted,
    );
  });
});

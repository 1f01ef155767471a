import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { commands, loadCommands } from '../../src/cli/commands/index.js';
import { runCli } from '../support/cli.js';

const MEANS = [
  'means',
  '--n1',
  '41',
  '--mean1',
  '19',
  '--sd1',
  '124',
  '--n2',
  '34',
  '--mean2',
  '-134',
  '--sd2',
  '182',
];

/** The module URLs (relative to the package) that `node dist/cli/main.js …args` loads. */
function importsOf(args: string[]): string[] {
  const child = spawnSync(
    process.execPath,
    ['--import', './test/support/import-trace/register.mjs', 'dist/cli/main.js', ...args],
    { encoding: 'utf8' },
  );
  expect(child.status, child.stderr).toBe(0);
  const root = new URL('../../', import.meta.url).href;
  return [
    ...new Set(
      child.stderr
        .split('\n')
        .filter((l) => l.startsWith('import: '))
        .map((l) => l.slice(8).replace(root, '')),
    ),
  ];
}

describe('start-up: each command loads only its own code', () => {
  it('trialstat means loads commander and the continuous stats, nothing else', () => {
    const loaded = importsOf(MEANS);
    expect(loaded).toContain('dist/cli/commands/means.js');
    const packages = new Set(
      loaded
        .filter((u) => u.includes('node_modules/'))
        .map((u) => u.split('node_modules/')[1].split('/')[0]),
    );
    // commander itself is loaded with require (src/cli/commander.ts), so no package is imported.
    expect([...packages].filter((name) => name !== 'commander')).toEqual([]);
    expect(
      loaded.filter((u) =>
        /dist\/(data|report|io|parallel)\/|dist\/index\.js|dist\/cli\/commands\/(?!means|index)/.test(
          u,
        ),
      ),
    ).toEqual([]);
  });

  it('loads one command module for a named command, all of them for top-level help', async () => {
    expect(await loadCommands(['means', '--n1', '3'])).toHaveLength(1);
    expect(await loadCommands(['--help'])).toHaveLength(commands.length);
    expect(await loadCommands(['help', 'means'])).toHaveLength(commands.length);
    expect(await loadCommands(['no-such-command'])).toHaveLength(commands.length);
  });
});

describe('every command is reachable and documented', () => {
  it('--help lists every command', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    for (const { name } of commands) expect(help.stdout).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
  });

  for (const { name } of commands) {
    it(`${name} --help (or each of its subcommands' --help) has runnable examples`, async () => {
      const help = await runCli([name, '--help']);
      expect(help.code).toBe(0);
      const subcommands = [...help.stdout.matchAll(/^ {2}([a-z][a-z0-9-]*) \S/gm)]
        .map((m) => m[1])
        .filter((sub) => help.stdout.includes('Commands:') && sub !== 'help');
      for (const words of subcommands.length > 0
        ? subcommands.map((sub) => [name, sub])
        : [[name]]) {
        const text = (await runCli([...words, '--help'])).stdout;
        expect(text, words.join(' ')).toMatch(new RegExp(`\\$ trialstat ${words.join(' ')}\\b`));
      }
    });
  }

  it('help <command> works with every command loaded', async () => {
    const help = await runCli(['help', 'means']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--mean1');
  });
});

import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/program.js';
import { runCli } from '../support/cli.js';

describe('trialstat simulate power', () => {
  it('prints { power, mcse, reps, seed }; same seed, same output for 1 and 2 workers', async () => {
    const args = [
      'simulate',
      'power',
      '--test',
      'welch',
      '--n',
      '20',
      '--mean1',
      '1',
      '--sd',
      '1.5',
      '--sd2',
      '1',
      '--reps',
      '110000',
      '--seed',
      '42',
      '--json',
    ];
    const one = await runCli([...args, '--workers', '1']);
    const two = await runCli([...args, '--workers', '2']);
    expect(one.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const out = JSON.parse(one.stdout);
    expect(out.reps).toBe(110000);
    expect(out.seed).toBe(42);
    expect(out.power).toBeGreaterThan(0.5);
    expect(out.mcse).toBeCloseTo(Math.sqrt((out.power * (1 - out.power)) / 110000), 15);
  });

  it('human output prints the seed, also a random one', async () => {
    const r = await runCli([
      'simulate',
      'power',
      '--test',
      'fisher',
      '--n',
      '15',
      '--p1',
      '0.2',
      '--p2',
      '0.6',
      '--reps',
      '1000',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/seed \d+/);
    expect(r.stderr).toBe(''); // no progress bar when stderr is not a terminal
  });

  it('exits 2 on missing or bad options', async () => {
    expect(
      (
        await runCli([
          'simulate',
          'power',
          '--test',
          'fisher',
          '--n',
          '15',
          '--p1',
          '0.2',
          '--reps',
          '10',
        ])
      ).code,
    ).toBe(2);
    expect(
      (await runCli(['simulate', 'power', '--test', 'anova', '--n', '15', '--reps', '10'])).code,
    ).toBe(2);
    expect((await runCli(['simulate', 'power', '--test', 'student', '--n', '15'])).code).toBe(2);
  });
});

describe('trialstat simulate power: Ctrl-C', () => {
  it('terminates the workers, prints a message and exits 130', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(
      process.execPath,
      [
        'dist/cli/main.js',
        'simulate',
        'power',
        '--test',
        'student',
        '--n',
        '10',
        '--reps',
        '1000000000',
        '--seed',
        '3',
        '--workers',
        '2',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise((resolve) => child.on('exit', (c) => resolve(c)));
    // Time to start and install the SIGINT handler on a loaded machine (the run itself lasts
    // hours, so waiting longer only delays the test); before it, SIGINT kills the process.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    child.kill('SIGINT');
    const code = await exited;
    expect(code).toBe(130);
    expect(stderr).toContain('simulation cancelled (seed 3)');
  });
});

describe('trialstat simulate power: progress bar', () => {
  it('draws a bar on stderr for long runs when stderr is a terminal', async () => {
    let stderr = '';
    let stdout = '';
    const code = await run(
      ['simulate', 'power', '--test', 'student', '--n', '5', '--reps', '2000000', '--seed', '1'],
      {
        stdout: (text) => (stdout += text),
        stderr: (text) => (stderr += text),
        readStdin: async () => '',
        stderrIsTTY: true,
        color: false,
        cwd: process.cwd(),
      },
    );
    expect(code).toBe(0);
    expect(stderr).toContain('] 100%');
    expect(stdout).toContain('seed 1');
  });
});

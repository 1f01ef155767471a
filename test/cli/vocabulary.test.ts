import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

/** The one CLI vocabulary of docs/cli.md: --alternative everywhere, old spellings as aliases, messages on stderr. */
describe('old spellings are aliases with a one-line deprecation notice', () => {
  const cases = [
    {
      name: 'power means --sided 1',
      old: ['power', 'means', '--delta', '5', '--sd', '12', '--n', '60', '--sided', '1'],
      now: [
        'power',
        'means',
        '--delta',
        '5',
        '--sd',
        '12',
        '--n',
        '60',
        '--alternative',
        'one-sided',
      ],
      notice: 'warning: --sided 1 is deprecated; write --alternative one-sided',
    },
    {
      name: 'power props --sided 2',
      old: ['power', 'props', '--p1', '0.5', '--p2', '0.75', '--power', '0.9', '--sided', '2'],
      now: [
        'power',
        'props',
        '--p1',
        '0.5',
        '--p2',
        '0.75',
        '--power',
        '0.9',
        '--alternative',
        'two-sided',
      ],
      notice: 'warning: --sided 2 is deprecated; write --alternative two-sided',
    },
    {
      name: 'simulate power --sided 1',
      old: [
        'simulate',
        'power',
        '--test',
        'welch',
        '--n',
        '20',
        '--mean1',
        '0.8',
        '--reps',
        '2000',
        '--seed',
        '7',
        '--sided',
        '1',
      ],
      now: [
        'simulate',
        'power',
        '--test',
        'welch',
        '--n',
        '20',
        '--mean1',
        '0.8',
        '--reps',
        '2000',
        '--seed',
        '7',
        '--alternative',
        'greater',
      ],
      notice: 'warning: --sided 1 is deprecated; write --alternative greater',
    },
    {
      name: 'consistency statistic --one-tailed',
      old: [
        'consistency',
        'statistic',
        '--test',
        't',
        '--value',
        '2.20',
        '--df',
        '28',
        '--p',
        '.018',
        '--one-tailed',
      ],
      now: [
        'consistency',
        'statistic',
        '--test',
        't',
        '--value',
        '2.20',
        '--df',
        '28',
        '--p',
        '.018',
        '--alternative',
        'one-sided',
      ],
      notice: 'warning: --one-tailed is deprecated; write --alternative one-sided',
    },
  ];
  for (const c of cases) {
    it(`${c.name} gives the same result as the new spelling`, async () => {
      const [old, now] = [await runCli(c.old), await runCli(c.now)];
      expect(old.code).toBe(now.code);
      expect(old.stdout).toBe(now.stdout);
      expect(now.stderr).toBe('');
      expect(old.stderr).toBe(`${c.notice}\n`);
      const [oldJson, nowJson] = [
        await runCli([...c.old, '--json']),
        await runCli([...c.now, '--json']),
      ];
      expect(JSON.parse(oldJson.stdout)).toEqual(JSON.parse(nowJson.stdout));
    });
  }

  it('the alias changes the result (it is not ignored)', async () => {
    const one = JSON.parse((await runCli([...cases[0].old, '--json'])).stdout);
    const two = JSON.parse(
      (await runCli(['power', 'means', '--delta', '5', '--sd', '12', '--n', '60', '--json']))
        .stdout,
    );
    expect(one.sided).toBe(1);
    expect(two.sided).toBe(2);
    expect(one.power).toBeGreaterThan(two.power);
    const tailed = JSON.parse((await runCli([...cases[3].old, '--json'])).stdout);
    const twoTailed = JSON.parse((await runCli([...cases[3].now.slice(0, -2), '--json'])).stdout);
    expect(tailed.pRecomputed).toBeCloseTo(twoTailed.pRecomputed / 2, 12);
  });

  it('old and new spelling together is a usage error naming both', async () => {
    const both = await runCli([...cases[0].now, '--sided', '1']);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/--sided.*--alternative/);
    expect(both.stderr).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });

  it('old spellings are hidden from --help, the new one is shown', async () => {
    for (const words of [
      ['power', 'means'],
      ['simulate', 'power'],
      ['consistency', 'statistic'],
    ]) {
      const help = (await runCli([...words, '--help'])).stdout;
      expect(help).toContain('--alternative');
      expect(help).not.toMatch(/--sided|--one-tailed/);
    }
  });

  it('simulate power --alternative less is refused with the way out', async () => {
    const less = await runCli([
      'simulate',
      'power',
      '--test',
      'welch',
      '--n',
      '20',
      '--reps',
      '100',
      '--seed',
      '1',
      '--alternative',
      'less',
    ]);
    expect(less.code).toBe(2);
    expect(less.stderr).toMatch(/--alternative.*swap the arms/);
  });
});

describe('results on stdout, notes and warnings on stderr with one prefix', () => {
  const commands = [
    ['prop', '--events', '1', '--n', '10', '--ci-method', 'wald'],
    ['props', '--events1', '0', '--n1', '10', '--events2', '3', '--n2', '12'],
    ['means', '--n1', '3', '--mean1', '1', '--sd1', '0', '--n2', '3', '--mean2', '1', '--sd2', '0'],
    ['compare', 'rapami'],
    ['meta', '-', '--measure', 'RR'],
    ['power', 'means', '--delta', '1', '--sd', '1', '--n', '2'],
    ['design', 'simon', '--p0', '0.1', '--p1', '0.3'],
  ];
  for (const argv of commands) {
    it(`trialstat ${argv.join(' ')}`, async () => {
      const r = await runCli(argv, { stdin: 'study,events1,n1,events2,n2\nA,3,20,6,21\n' });
      expect(r.stdout).not.toMatch(/^(note|warning|Warning):/m);
      for (const line of r.stderr.trimEnd().split('\n').filter(Boolean))
        expect(line).toMatch(/^(note|warning|trialstat): /);
      if (r.code === 0) {
        // A JSON run keeps its warnings in the JSON and prints nothing on stderr.
        const json = await runCli([...argv, '--json'], {
          stdin: 'study,events1,n1,events2,n2\nA,3,20,6,21\n',
        });
        expect(() => JSON.parse(json.stdout)).not.toThrow();
        expect(json.stderr).toBe('');
      }
    });
  }

  it('at least the cases above do warn (the split is exercised)', async () => {
    expect((await runCli(commands[0])).stderr).toMatch(/^warning: /m);
    expect((await runCli(commands[3])).stderr).toMatch(/^note: /m);
    expect(
      (await runCli(commands[4], { stdin: 'study,events1,n1,events2,n2\nA,3,20,6,21\n' })).stderr,
    ).toMatch(/^warning: only one study/m);
  });
});

import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { useTempDirs } from '../support/temp-dirs.js';

const tempDir = useTempDirs('trialstat-options');
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

describe('option values and combinations that select nothing or conflict', () => {
  it('compare --comparator naming no arm: exit 2 with the arms that exist', async () => {
    const result = await runCli(['compare', 'rapami', '--comparator', 'placebos']);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toBe(
      'trialstat: --comparator: expected an arm of rapami (placebo, sirolimus), found "placebos" (did you mean "placebo"?)\n',
    );
    expect((await runCli(['compare', 'rapami', '--comparator', 'placebo'])).code).toBe(0);
  });

  it('an option given twice is refused, in either spelling; options meant to repeat are not', async () => {
    const twice = await runCli([...MEANS, '--level', '0.9', '--level=0.95']);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toBe(
      'trialstat: --level: expected the option once (given twice, which value should win is unclear), found "--level 0.9 and --level=0.95"\n',
    );
    const sub = await runCli([
      'power',
      'means',
      '--delta',
      '1',
      '--power',
      '0.8',
      '--power',
      '0.9',
    ]);
    expect(sub.code).toBe(2);
    expect(sub.stderr).toContain('--power: expected the option once');
    const repeatable = await runCli([
      'props',
      '--events1',
      '3',
      '--n1',
      '10',
      '--events2',
      '1',
      '--n2',
      '10',
      '--test',
      'barnard',
      '--test',
      'midp',
      '--json',
    ]);
    expect(repeatable.code).toBe(0);
  });

  it('two sources for the same arm SD are refused, never one picked silently', async () => {
    const arms = ['means', '--n1', '22', '--mean1', '-4.1', '--n2', '22', '--mean2', '-38.5'];
    const cases: [string[], string][] = [
      [
        [...arms, '--sd1', '52', '--sd2', '52', '--p', '0.035', '--derive-sd'],
        'trialstat: --sd1: expected no SD or SE with --derive-sd (the pooled SD is derived from --p), found 52\n',
      ],
      [
        [...arms, '--sd1', '52', '--se1', '3', '--sd2', '52'],
        'trialstat: --se1: expected either --sd1 or --se1, not both, found 3\n',
      ],
      [
        [...arms, '--sd1', '52', '--sd2', '52', '--p', '0.035'],
        'trialstat: --p: expected to be used with --derive-sd, found 0.035\n',
      ],
    ];
    for (const [argv, message] of cases) {
      const result = await runCli(argv);
      expect(result, argv.join(' ')).toMatchObject({ code: 2, stdout: '', stderr: message });
    }
    // The same inputs without the conflict run.
    expect((await runCli([...arms, '--p', '0.035', '--derive-sd'])).code).toBe(0);
  });

  it('hints fit the option: 80 as a power is a percentage, 1.5 is not', async () => {
    const percent = await runCli(['power', 'means', '--delta', '1', '--power', '80']);
    expect(percent.code).toBe(2);
    expect(percent.stderr).toContain('found 80 (a percentage? write 0.8, not 80)');
    const slip = await runCli(['power', 'means', '--delta', '1', '--power', '1.5']);
    expect(slip.code).toBe(2);
    expect(slip.stderr).toContain('found 1.5');
    expect(slip.stderr).not.toContain('0.015');
  });

  it('power means --delta 0 says why no n can be found', async () => {
    const result = await runCli(['power', 'means', '--delta', '0', '--power', '0.8']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'trialstat: --delta: expected a non-zero difference to size the trial for, found 0 (with delta 0 the power equals α (0.05) whatever n is)\n',
    );
  });

  it('a missing .csv is "no such file" in validate, compare and meta', async () => {
    const cwd = tempDir();
    for (const argv of [
      ['validate', 'my-arms.csv', '--kind', 'arm-binary'],
      ['compare', 'my-arms.csv', '--kind', 'arm-binary'],
      ['meta', 'studies.csv', '--measure', 'RR'],
    ]) {
      const result = await runCli(argv, { cwd });
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr).toBe(
        `trialstat: ${argv[1]}: expected a readable file, found no such file\n`,
      );
    }
  });
});

describe('verify over a glob of a build folder', () => {
  it('skips index.html with a note and verifies the rest; a page without a manifest alone is exit 2', async () => {
    const out = tempDir();
    expect(
      (await runCli(['report', 'reports/ibm-veterans.yaml', '--out', out, '--quiet'])).code,
    ).toBe(0);
    const result = await runCli(['verify', `${out}/ibm-veterans.html`, `${out}/index.html`]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/ibm-veterans\.html: verified — all \d+ numbers reproduced\n$/);
    expect(result.stderr).toBe(
      `note: skipped ${out}/index.html: no trialstat manifest in it (an index page, or not built by trialstat report)\n`,
    );
    const alone = await runCli(['verify', `${out}/index.html`]);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toMatch(
      /^trialstat: .*index\.html: expected a report built by trialstat report/,
    );
  });
});

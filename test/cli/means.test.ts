import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { expectClose, readFixture } from '../stats/continuous/close.js';

interface MdCase {
  n1: number;
  m1: number;
  sd1: number;
  n2: number;
  m2: number;
  sd2: number;
  variance: string;
  level: number;
  alternative: string;
  estimate: number;
  se: number;
  df: number;
  statistic: number;
  p: number;
  lower: number;
  upper: number;
}
interface Es {
  estimate: number;
  se: number;
  lower: number;
  upper: number;
}
const fixture = readFixture<{
  meanDifference: MdCase[];
  smd: { n1: number; m1: number; level: number; hedges: Es }[];
}>('continuous');

const rapamiArgs = [
  'means',
  '--n1',
  '22',
  '--mean1',
  '-4.1',
  '--sd1',
  '52',
  '--n2',
  '22',
  '--mean2',
  '-38.5',
  '--sd2',
  '52',
];

describe('trialstat means', () => {
  it('prints the JSON contract, matching R (t.test arithmetic, escalc SMD)', async () => {
    const result = await runCli([...rapamiArgs, '--json']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    const want = fixture.meanDifference.find(
      (c) =>
        c.n1 === 22 &&
        c.variance === 'unequal' &&
        c.level === 0.95 &&
        c.alternative === 'two-sided',
    )!;
    expectClose(json.md.estimate, want.estimate, 1e-10);
    expectClose(json.md.se, want.se, 1e-10);
    expectClose(json.md.df, want.df, 1e-10);
    expectClose(json.md.statistic, want.statistic, 1e-10);
    expectClose(json.md.p, want.p, 1e-10);
    expectClose(json.md.ci.lower, want.lower, 1e-10);
    expectClose(json.md.ci.upper, want.upper, 1e-10);
    expect(json.md.ci.level).toBe(0.95);
    const smd = fixture.smd.find((c) => c.n1 === 22 && c.m1 === -4.1 && c.level === 0.95)!.hedges;
    expectClose(json.smd.estimate, smd.estimate, 1e-10);
    expectClose(json.smd.se, smd.se, 1e-10);
    expectClose(json.smd.ci.lower, smd.lower, 1e-10);
    expectClose(json.smd.ci.upper, smd.upper, 1e-10);
    expect(json.derivations).toEqual([]);
  });

  it('accepts negative values as "--mean1 -4.1" and as "--mean1=-4.1"', async () => {
    const spaced = await runCli([...rapamiArgs, '--json']);
    const joined = await runCli([
      'means',
      '--n1',
      '22',
      '--mean1=-4.1',
      '--sd1',
      '52',
      '--n2',
      '22',
      '--mean2=-38.5',
      '--sd2',
      '52',
      '--json',
    ]);
    expect(joined.code).toBe(0);
    expect(JSON.parse(joined.stdout)).toEqual(JSON.parse(spaced.stdout));
    expect(JSON.parse(joined.stdout).md.estimate).toBeCloseTo(34.4, 12);
  });

  it('prints like a paper', async () => {
    const result = await runCli([...rapamiArgs, '--var', 'equal']);
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^MD 34\.4 \(95% CI \d+\.\d to \d+\.\d\); p = 0\.0\d\d$/);
    expect(lines[1]).toMatch(/^SMD \(Hedges' g\) 0\.6\d\d \(95% CI 0\.\d{3} to 1\.\d{3}\)$/);
    expect(lines[2]).toMatch(/^Student two-sample t: t = 2\.19, df = 42$/);
  });

  it('derives SDs from SEs and says so', async () => {
    const result = await runCli([
      'means',
      '--n1',
      '25',
      '--mean1',
      '5',
      '--se1',
      '1.2',
      '--n2',
      '25',
      '--mean2',
      '3',
      '--sd2',
      '6',
      '--json',
    ]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.derivations).toHaveLength(1);
    expect(json.derivations[0].method).toBe('sd-from-se');
    // SD1 = 1.2 × √25 = 6, so both arms have SD 6: SE = √(36/25 + 36/25).
    expectClose(json.md.se, Math.sqrt(72 / 25), 1e-12);
  });

  // Source: /work/shared/sources/published-figures.md, rapami-congress-2017 (6MWD at month 12).
  it('Rapami 6MWD: --p 0.035 --derive-sd gives a pooled SD of about 52 m and gives back p = 0.035', async () => {
    const args = [
      'means',
      '--n1',
      '22',
      '--mean1',
      '-4.1',
      '--n2',
      '22',
      '--mean2',
      '-38.5',
      '--p',
      '0.035',
      '--derive-sd',
    ];
    const json = JSON.parse((await runCli([...args, '--json'])).stdout);
    expect(json.derivations).toHaveLength(1);
    expect(json.derivations[0].method).toBe('cochrane-p-to-sd');
    expectClose(json.md.p, 0.035, 1e-10);
    const text = await runCli([...args, '--explain']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/pooled sd derived by cochrane-p-to-sd/);
    expect(text.stdout).toMatch(/How it was computed \(Student two-sample t\)/);
    expect(text.stdout).toMatch(/sd1: 52\.\d+/);
  });

  it('--explain shows formulas and intermediate numbers', async () => {
    const result = await runCli([...rapamiArgs, '--explain']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('SE: √(sd1²/n1 + sd2²/n2) = 15.6786');
    expect(result.stdout).toMatch(/df \(Welch–Satterthwaite\)/);
    expect(result.stdout).toMatch(/correction J: exp\(lgamma/);
  });

  it('exits 2 naming the option and the value for bad input', async () => {
    const cases: [string[], RegExp][] = [
      [
        [
          'means',
          '--n1',
          '1',
          '--mean1',
          '1',
          '--sd1',
          '1',
          '--n2',
          '5',
          '--mean2',
          '0',
          '--sd2',
          '1',
        ],
        /--n1.*found 1/,
      ],
      [
        [
          'means',
          '--n1',
          '5',
          '--mean1',
          '1',
          '--sd1',
          '0',
          '--n2',
          '5',
          '--mean2',
          '0',
          '--sd2',
          '1',
        ],
        /--sd1.*found 0/,
      ],
      [
        [
          'means',
          '--n1',
          '5',
          '--mean1',
          '1',
          '--sd1',
          '1',
          '--n2',
          '5',
          '--mean2',
          '0',
          '--sd2',
          '-2',
        ],
        /--sd2.*found -2/,
      ],
      [
        [
          'means',
          '--n1',
          '5',
          '--mean1',
          '1',
          '--sd1',
          '1',
          '--n2',
          '5',
          '--mean2',
          '0',
          '--sd2',
          '1',
          '--level',
          '95',
        ],
        /--level.*95/,
      ],
      [
        [
          'means',
          '--n1',
          '5',
          '--mean1',
          '1',
          '--sd1',
          '1',
          '--n2',
          '5',
          '--mean2',
          '0',
          '--sd2',
          '1',
          '--level',
          '0',
        ],
        /--level.*0/,
      ],
      [['means', '--n1', '5', '--mean1', '1', '--n2', '5', '--mean2', '0', '--sd2', '1'], /--sd1/],
      [
        [
          'means',
          '--n1',
          '5',
          '--mean1',
          '1',
          '--sd1',
          '1',
          '--se1',
          '1',
          '--n2',
          '5',
          '--mean2',
          '0',
          '--sd2',
          '1',
        ],
        /--se1/,
      ],
      [['means', '--n1', '5', '--mean1', '1', '--n2', '5', '--mean2', '0', '--derive-sd'], /--p/],
      [
        [
          'means',
          '--n1',
          '5',
          '--mean1',
          '1',
          '--n2',
          '5',
          '--mean2',
          '0',
          '--p',
          '1.5',
          '--derive-sd',
        ],
        /--p.*1\.5/,
      ],
      [
        [
          'means',
          '--n1',
          '5',
          '--mean1',
          'abc',
          '--sd1',
          '1',
          '--n2',
          '5',
          '--mean2',
          '0',
          '--sd2',
          '1',
        ],
        /--mean1.*abc/,
      ],
    ];
    for (const [argv, message] of cases) {
      const result = await runCli(argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr, argv.join(' ')).toMatch(message);
    }
  });

  it('--alternative gives R one-sided p and interval, the open end "Infinity" in JSON (docs/json.md)', async () => {
    const json = JSON.parse(
      (await runCli([...rapamiArgs, '--alternative', 'greater', '--json'])).stdout,
    );
    const want = fixture.meanDifference.find(
      (c) =>
        c.n1 === 22 && c.variance === 'unequal' && c.level === 0.95 && c.alternative === 'greater',
    )!;
    expectClose(json.md.p, want.p, 1e-10);
    expectClose(json.md.ci.lower, want.lower, 1e-10);
    expect(json.md.ci.upper).toBe('Infinity');
    const text = await runCli([...rapamiArgs, '--alternative', 'greater']);
    expect(text.stdout.split('\n')[0]).toMatch(/^MD 34\.4 \(95% CI 8\.0 to ∞\); p = 0\.017$/);
  });

  it('has help with examples', async () => {
    const result = await runCli(['means', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Examples:');
  });
});

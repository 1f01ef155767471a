import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { expectClose } from '../support/close.js';

// Median-based arms through `trialstat means`, against test/reference/continuous.R
// (fixtures/continuous.json, `median`: Wan 2014, Luo 2018 and Shi 2020 written out in R).
interface MedianCase {
  n: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
  s1: { meanWan: number; meanLuo: number; sdWan: number };
  s2: { meanWan: number; meanLuo: number; sdWan: number };
  s3: { meanWan: number; meanLuo: number; sdWan: number; sdShi: number };
}
const cases = (
  JSON.parse(readFileSync('test/reference/fixtures/continuous.json', 'utf8')) as {
    median: MedianCase[];
  }
).median;
const ARM2 = ['--n2', '40', '--mean2', '3.5', '--sd2', '2'];

async function arm1(c: MedianCase, scenario: 'S1' | 'S2' | 'S3', extra: string[] = []) {
  const range = ['--min1', String(c.min), '--max1', String(c.max)];
  const quartiles = ['--q1-1', String(c.q1), '--q3-1', String(c.q3)];
  const given =
    scenario === 'S1' ? range : scenario === 'S2' ? quartiles : [...quartiles, ...range];
  const r = await runCli([
    'means',
    '--n1',
    String(c.n),
    '--median1',
    String(c.median),
    ...given,
    ...ARM2,
    ...extra,
    '--json',
  ]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as {
    arms: { n: number; mean: number; sd: number }[];
    md: { estimate: number };
    derivations: { quantity: string; method: string }[];
  };
}

describe('trialstat means from medians (R fixtures)', () => {
  for (const c of cases) {
    it(`n = ${c.n}: S1 (range), S2 (quartiles), S3 (both) with the default and the other methods`, async () => {
      const s1 = await arm1(c, 'S1');
      expectClose(s1.arms[0].mean, c.s1.meanLuo, 1e-10, 0, 'S1 Luo mean');
      expectClose(s1.arms[0].sd, c.s1.sdWan, 1e-10, 0, 'S1 Wan SD');
      expectClose(s1.md.estimate, c.s1.meanLuo - 3.5, 1e-10, 1e-12, 'MD');
      expect(s1.derivations.map((d) => d.method)).toEqual(['luo-2018-S1', 'wan-2014-S1']);
      expectClose(
        (await arm1(c, 'S1', ['--mean-method', 'wan'])).arms[0].mean,
        c.s1.meanWan,
        1e-10,
        0,
        'S1 Wan mean',
      );

      const s2 = await arm1(c, 'S2');
      expectClose(s2.arms[0].mean, c.s2.meanLuo, 1e-10, 0, 'S2 Luo mean');
      expectClose(s2.arms[0].sd, c.s2.sdWan, 1e-10, 0, 'S2 Wan SD');

      const s3 = await arm1(c, 'S3');
      expectClose(s3.arms[0].mean, c.s3.meanLuo, 1e-10, 0, 'S3 Luo mean');
      expectClose(s3.arms[0].sd, c.s3.sdShi, 1e-10, 0, 'S3 Shi SD (default with five numbers)');
      const wan = await arm1(c, 'S3', ['--mean-method', 'wan', '--sd-method', 'wan']);
      expectClose(wan.arms[0].mean, c.s3.meanWan, 1e-10, 0, 'S3 Wan mean');
      expectClose(wan.arms[0].sd, c.s3.sdWan, 1e-10, 0, 'S3 Wan SD');
      expect(wan.arms[1]).toEqual({ n: 40, mean: 3.5, sd: 2 });
    });
  }

  it('prints the derivations, and explains them', async () => {
    const r = await runCli([
      'means',
      '--n1',
      '30',
      '--median1',
      '10',
      '--q1-1',
      '7',
      '--q3-1',
      '14',
      ...ARM2,
      '--explain',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^mean derived by luo-2018-S2 .* from n = 30, q1 = 7, median = 10, q3 = 14/m,
    );
    expect(r.stdout).toMatch(/^sd derived by wan-2014-S2 /m);
    expect(r.stdout).toContain('    mean1: 10.3565');
    expect(r.stdout).toContain('    sd1: 5.44894');
  });

  it('bad median input names the option (exit 2)', async () => {
    const cases: [string[], RegExp][] = [
      [['--median1', '4', '--q1-1', '1'], /--q3-1: expected both q1 and q3/],
      [['--q1-1', '1', '--q3-1', '5'], /--q1-1: expected to be used with --median1/],
      [
        ['--median1', '4', '--q1-1', '1', '--q3-1', '5', '--sd-method', 'shi'],
        /--sd-method: .*Shi 2020 needs all five/,
      ],
      [
        ['--median1', '4', '--q1-1', '1', '--q3-1', '5', '--mean1', '4'],
        /--mean1: expected either --median1/,
      ],
      [['--median1', '9', '--q1-1', '1', '--q3-1', '5'], /--median1: expected q1 ≤ median ≤ q3/],
      [[], /--mean1: expected an arm mean \(--mean1\), or a median/],
    ];
    for (const [flags, message] of cases) {
      const r = await runCli(['means', '--n1', '25', ...flags, ...ARM2]);
      expect(r.code, flags.join(' ')).toBe(2);
      expect(r.stderr, flags.join(' ')).toMatch(message);
    }
  });
});

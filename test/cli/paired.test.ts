import { describe, expect, it } from 'vitest';
import { mcnemarTest } from '../../src/stats/binary/mcnemar-test.js';
import { pairedMeanDifference } from '../../src/stats/continuous/paired-mean-difference.js';
import { runCli } from '../support/cli.js';

const agresti = [
  'paired',
  'props',
  '--both',
  '794',
  '--first-only',
  '150',
  '--second-only',
  '86',
  '--neither',
  '570',
];

describe('trialstat paired', () => {
  it('props: McNemar and the paired RD (Agresti 2007, Table 8.1: X² = 17.36 uncorrected, RD 0.04)', async () => {
    const r = await runCli([...agresti, '--no-correct']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("McNemar's chi-squared: X² = 17.4, p < 0.001");
    expect(r.stdout).toContain('paired RD 0.040 (95% CI 0.021 to 0.059)');
    const json = JSON.parse((await runCli([...agresti, '--json'])).stdout);
    expect(json.test.statistic).toBe(
      mcnemarTest({ both: 794, firstOnly: 150, secondOnly: 86, neither: 570 }).statistic,
    );
    expect(json.rd.ci.method).toBe('newcombe-paired-score');
  });

  it('props: one-sided only with the exact test', async () => {
    const exact = await runCli([
      ...agresti,
      '--mcnemar',
      'exact',
      '--alternative',
      'greater',
      '--json',
    ]);
    expect(JSON.parse(exact.stdout).test.alternative).toBe('greater');
    const refused = await runCli([...agresti, '--alternative', 'greater']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--mcnemar exact/);
  });

  it('means: both input forms reach pairedMeanDifference; missing inputs exit 2', async () => {
    const json = JSON.parse(
      (
        await runCli([
          'paired',
          'means',
          '--n',
          '10',
          '--mean-diff',
          '1.58',
          '--sd-diff',
          '1.23',
          '--json',
        ])
      ).stdout,
    );
    expect(json.ci).toEqual(
      pairedMeanDifference({ n: 10, meanDifference: 1.58, sdDifference: 1.23 }).ci,
    );
    const corr = await runCli([
      'paired',
      'means',
      '--n',
      '12',
      '--mean1',
      '120',
      '--sd1',
      '15',
      '--mean2',
      '112',
      '--sd2',
      '14',
      '--correlation',
      '0.6',
      '--alternative',
      'greater',
      '--json',
    ]);
    const c = JSON.parse(corr.stdout);
    expect(c.ci.upper).toBe('Infinity'); // the one JSON encoder writes infinities as strings (docs/json.md)
    expect(c.derivation).toHaveLength(1);
    for (const bad of [
      ['--mean1', '120'],
      ['--mean-diff', '1'],
      ['--mean-diff', '1', '--sd-diff', '0'],
    ]) {
      const r = await runCli(['paired', 'means', '--n', '12', ...bad]);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(r.stderr.includes('--help') ? 2 : 1);
    }
  });
});

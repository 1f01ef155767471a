import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const FIXTURE = 'test/stats/check/fixtures/check-demo';

describe('trialstat check', () => {
  it('checks every bundled dataset and passes when all discrepancies are expected', async () => {
    const result = await runCli(['check', '--json']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as {
      items: { dataset: string; status: string; expected: boolean }[];
      summary: Record<string, number>;
    };
    expect(json.summary.reproduced).toBeGreaterThan(20);
    expect(Object.keys(json.summary).sort()).toEqual([
      'derived',
      'discrepant',
      'discrepantFigures',
      'expectedFigures',
      'notCheckable',
      'reproduced',
      'unexpected',
    ]);
    expect(json.items.filter((i) => i.status === 'discrepant').every((i) => i.expected)).toBe(true);
    // The audit's headline findings are there: 60 % of 11 is impossible.
    expect(JSON.stringify(json.items)).toContain('no whole count of 11 prints as 60%');
  });

  it('exits 1 on an unexpected discrepancy, unless --fail-on never', async () => {
    const failing = await runCli(['check', FIXTURE]);
    expect(failing.code).toBe(1);
    expect(failing.stderr).toContain('1 unexpected discrepancy');
    expect(failing.stdout).toContain('DISCREPANT');
    expect(failing.stdout).toContain('(expected)');
    expect((await runCli(['check', FIXTURE, '--fail-on', 'never'])).code).toBe(0);
  });

  it('follows the JSON contract for items', async () => {
    const result = await runCli(['check', FIXTURE, '--json', '--fail-on', 'never']);
    const json = JSON.parse(result.stdout) as { items: Record<string, unknown>[] };
    for (const key of [
      'dataset',
      'trial',
      'outcome',
      'quantity',
      'reported',
      'recomputed',
      'status',
      'method',
      'reason',
    ]) {
      expect(json.items[0]).toHaveProperty(key);
    }
  });

  it('exits 2 for an unknown dataset', async () => {
    const result = await runCli(['check', 'no-such-dataset']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no-such-dataset/);
  });
});

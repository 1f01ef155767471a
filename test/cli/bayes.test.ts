import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

describe('trialstat bayes', () => {
  it('single: Lee & Liu 2008 example, PP 0.5656', async () => {
    const r = await runCli([
      'bayes',
      'single',
      '--x',
      '16',
      '--n',
      '23',
      '--p0',
      '0.6',
      '--a',
      '0.6',
      '--b',
      '0.4',
      '--n-max',
      '40',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('0.5656');
  });
  it('single --table --p1: stopping table and OCs in JSON', async () => {
    const r = await runCli([
      'bayes',
      'single',
      '--x',
      '0',
      '--n',
      '0',
      '--p0',
      '0.3',
      '--n-max',
      '14',
      '--table',
      '--first-look',
      '4',
      '--p1',
      '0.5',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.design.boundaries.map((b: { futility: number }) => b.futility)).toEqual([
      0, 0, 1, 1, 2, 2, 3, 3, 4, 5,
    ]);
    expect(out.oc).toHaveLength(2);
    expect(out.oc[0].pSuccess).toBeCloseTo(0.0859757728706963, 12);
  });
  it('props and means', async () => {
    const p = await runCli([
      'bayes',
      'props',
      '--x1',
      '12',
      '--n1',
      '20',
      '--x2',
      '6',
      '--n2',
      '20',
    ]);
    expect(p.stdout).toContain('P(p1 > p2) = 0.9692');
    const m = await runCli([
      'bayes',
      'means',
      '--estimate',
      '34.4',
      '--lower',
      '2.8',
      '--upper',
      '66.0',
      '--delta-a',
      '20',
      '--json',
    ]);
    const out = JSON.parse(m.stdout);
    expect(out.posteriors.map((q: { prior: { kind: string } }) => q.prior.kind)).toEqual([
      'reference',
      'sceptical',
      'enthusiastic',
    ]);
    expect(out.posteriors[1].above[1].threshold).toBe(20);
  });
  it('means without data is a usage error', async () => {
    expect((await runCli(['bayes', 'means', '--delta-a', '20'])).code).toBe(2);
    expect(
      (await runCli(['bayes', 'single', '--x', '1', '--n', '3', '--p0', '0.2', '--table'])).code,
    ).toBe(2);
  });
});

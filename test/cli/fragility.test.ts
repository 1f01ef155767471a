import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

describe('trialstat fragility', () => {
  it('Walsh et al. 2014 Figure 1: 1/100 vs 9/100 has fragility index 1', async () => {
    const r = await runCli([
      'fragility',
      '--events1',
      '1',
      '--n1',
      '100',
      '--events2',
      '9',
      '--n2',
      '100',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Fragility index 1:');
    expect(r.stdout).toContain('2/100 vs 9/100');
    expect(r.stdout).toContain('Fragility quotient 0.0050');
  });
  it('a non-significant result gets the reverse index; --json', async () => {
    const r = await runCli([
      'fragility',
      '--events1',
      '10',
      '--n1',
      '100',
      '--events2',
      '12',
      '--n2',
      '100',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.kind).toBe('reverse');
    expect(out.index).toBe(7);
    expect(out.modified).toEqual({ events1: 3, n1: 100, events2: 12, n2: 100 });
  });
  it('bad input exits 2', async () => {
    const r = await runCli([
      'fragility',
      '--events1',
      '12',
      '--n1',
      '10',
      '--events2',
      '1',
      '--n2',
      '10',
    ]);
    expect(r.code).toBe(2);
  });
});

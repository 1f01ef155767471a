import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

describe('trialstat design three-plus-three', () => {
  it('prints the JSON contract; probabilities sum to 1', async () => {
    const r = await runCli(['design', 'three-plus-three', '--dlt', '0.05,0.1,0.2', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.pSelect).toHaveLength(3);
    expect(out.pNone + out.pSelect.reduce((a: number, b: number) => a + b, 0)).toBeCloseTo(1, 12);
    expect(out.expectedN).toBeGreaterThan(0);
    expect(out.expectedDLT).toBeGreaterThan(0);
  });

  it('adds simulated values with --simulate and prints the seed', async () => {
    const r = await runCli(['design', 'three-plus-three', '--dlt', '0.1,0.3', '--variant', 'deescalate', '--simulate', '2000', '--seed', '5']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('seed 5');
    const json = JSON.parse((await runCli(['design', 'three-plus-three', '--dlt', '0.1,0.3', '--simulate', '2000', '--seed', '5', '--json'])).stdout);
    expect(json.simulated.seed).toBe(5);
    expect(json.simulated.pSelect).toHaveLength(2);
  });

  it('exits 2 on a bad probability list', async () => {
    expect((await runCli(['design', 'three-plus-three', '--dlt', '0.1,1.3'])).code).toBe(2);
    expect((await runCli(['design', 'three-plus-three', '--dlt', '0.1,x'])).code).toBe(2);
  });
});

describe('trialstat design simon', () => {
  it('finds Simon (1989) Table 1 designs for p0 = 0.1, p1 = 0.3', async () => {
    const r = await runCli(['design', 'simon', '--p0', '0.1', '--p1', '0.3', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect([out.optimal.r1, out.optimal.n1, out.optimal.r, out.optimal.n]).toEqual([1, 10, 5, 29]);
    expect([out.minimax.r1, out.minimax.n1, out.minimax.r, out.minimax.n]).toEqual([1, 15, 5, 25]);
    expect(out.optimal.en0.toFixed(1)).toBe('15.0');
    expect(out.optimal.pet0.toFixed(2)).toBe('0.74');
    const human = await runCli(['design', 'simon', '--p0', '0.1', '--p1', '0.3']);
    expect(human.stdout).toContain('Optimal: stage 1 stop if ≤ 1/10; reject if ≤ 5/29; EN0 15.0, PET0 0.74');
  });

  it('exits 2 when p1 ≤ p0', async () => {
    expect((await runCli(['design', 'simon', '--p0', '0.3', '--p1', '0.1'])).code).toBe(2);
  });
});

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
    const r = await runCli([
      'design',
      'three-plus-three',
      '--dlt',
      '0.1,0.3',
      '--variant',
      'deescalate',
      '--simulate',
      '2000',
      '--seed',
      '5',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('seed 5');
    const json = JSON.parse(
      (
        await runCli([
          'design',
          'three-plus-three',
          '--dlt',
          '0.1,0.3',
          '--simulate',
          '2000',
          '--seed',
          '5',
          '--json',
        ])
      ).stdout,
    );
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
    expect(human.stdout).toContain(
      'Optimal: stage 1 stop if ≤ 1/10; reject if ≤ 5/29; EN0 15.0, PET0 0.74',
    );
  });

  it('exits 2 when p1 ≤ p0', async () => {
    expect((await runCli(['design', 'simon', '--p0', '0.3', '--p1', '0.1'])).code).toBe(2);
  });
});

describe('trialstat design group-sequential', () => {
  it("prints rpact's asOF boundaries and the JSON contract", async () => {
    const r = await runCli(['design', 'group-sequential', '--k', '3', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    // rpact getDesignGroupSequential(kMax = 3, alpha = 0.025, typeOfDesign = "asOF")$criticalValues
    [3.710303, 2.511427, 1.993047].forEach((c, k) =>
      expect(Math.abs(out.design.criticalValues[k] - c)).toBeLessThan(1e-6),
    );
    expect(out.design.alphaSpent[2]).toBeCloseTo(0.025, 8);
    expect(out.design.underH1).toHaveProperty('averageSampleNumber');
    const human = await runCli(['design', 'group-sequential', '--k', '3']);
    expect(human.stdout).toContain(
      "O'Brien–Fleming type (Lan–DeMets) α-spending, 3 looks, one-sided α 0.025, power 0.8",
    );
    expect(human.stdout).toMatch(/1\s+0\.333\s+3\.7103/);
  });

  it('adds sample size, futility and an interim analysis; --explain shows the formulas', async () => {
    const args = [
      'design',
      'group-sequential',
      '--k',
      '3',
      '--futility',
      'bsOF',
      '--endpoint',
      'survival',
      '--hr',
      '0.7',
      '--look',
      '2',
      '--estimate',
      '0.5',
      '--se',
      '0.2',
    ];
    const out = JSON.parse((await runCli([...args, '--json'])).stdout);
    // rpact: futilityBounds −0.2361446, 1.1703720; inflation factor 1.104334
    expect(Math.abs(out.design.futility.bounds[0] + 0.2361446)).toBeLessThan(1e-6);
    expect(Math.abs(out.design.inflationFactor - 1.104334)).toBeLessThan(1e-6);
    expect(out.sampleSize.unit).toBe('events');
    expect(out.interim.decision).toBe('continue'); // z = 2.5 < 2.5114
    const human = await runCli([...args, '--explain']);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('Sample size (survival, HR 0.7)');
    expect(human.stdout).toContain('How it was computed');
    expect(human.stdout).toContain('stage-wise adjusted p');
  });

  it('writes the boundary chart as SVG', async () => {
    const { mkdtempSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'gs-'));
    const r = await runCli(
      [
        'design',
        'group-sequential',
        '--k',
        '4',
        '--type',
        'P',
        '--alternative',
        'two-sided',
        '--alpha',
        '0.05',
        '--svg',
        'b.svg',
      ],
      { cwd: dir },
    );
    expect(r.code).toBe(0);
    const svg = readFileSync(join(dir, 'b.svg'), 'utf8');
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain('p 0.018'); // Pocock nominal two-sided level for K = 4 (J&T Table 2.1: C_P = 2.361)
  });

  it('exits 2 on bad input', async () => {
    expect((await runCli(['design', 'group-sequential', '--info', '0.5,0.4,1'])).code).toBe(2);
    expect((await runCli(['design', 'group-sequential', '--k', '3', '--info', '0.5,1'])).code).toBe(
      2,
    );
    expect(
      (await runCli(['design', 'group-sequential', '--type', 'asOF', '--parameter', '2'])).code,
    ).toBe(2);
    expect(
      (
        await runCli([
          'design',
          'group-sequential',
          '--alternative',
          'two-sided',
          '--futility',
          'bsOF',
        ])
      ).code,
    ).toBe(2);
    expect((await runCli(['design', 'group-sequential', '--look', '2'])).code).toBe(2);
    expect(
      (await runCli(['design', 'group-sequential', '--endpoint', 'means', '--delta', '2'])).code,
    ).toBe(2);
    const r = await runCli(['design', 'group-sequential', '--type', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/at .*\.ts/);
  });
});

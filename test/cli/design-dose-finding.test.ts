import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

describe('trialstat design boin | mtpi2 | i3+3', () => {
  it('boin prints λe, λd (Liu & Yuan 2015, Table 1: 0.2365, 0.3585) and the decision table', async () => {
    const r = await runCli(['design', 'boin', '--target', '0.3', '--max-n', '6']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('λe = 0.2365');
    expect(r.stdout).toContain('λd = 0.3585');
    expect(r.stdout).toMatch(/DLTs 0 +E +E +E +E +E +E/);
  });
  it('--scenarios gives exact OCs beside 3+3 on the same DLT rates', async () => {
    const r = await runCli([
      'design',
      'i3+3',
      '--scenarios',
      '0.05,0.1,0.2',
      '--scenarios',
      '0.3,0.45,0.6',
      '--cohorts',
      '6',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.scenarios).toHaveLength(2);
    for (const s of out.scenarios) {
      const sum = (a: number[]) => a.reduce((x, y) => x + y, 0);
      expect(sum(s.design.pSelect) + s.design.pNone).toBeCloseTo(1, 12);
      expect(sum(s.threePlusThree.pSelect) + s.threePlusThree.pNone).toBeCloseTo(1, 12);
      expect(s.design.method).toBe('exact enumeration');
    }
    expect(out.scenarios[0].threePlusThree.pSelect[2]).toBeCloseTo(0.62505, 5);
  });
  it('mtpi2 --explain names the unit probability mass; --simulate prints its seed', async () => {
    const r = await runCli([
      'design',
      'mtpi2',
      '--scenarios',
      '0.1,0.3,0.5',
      '--simulate',
      '500',
      '--seed',
      '4',
      '--explain',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('UPM');
    expect(r.stdout).toContain('seed 4');
  });
  it('a bad scenario or EI is a usage error (exit 2), no stack trace', async () => {
    const a = await runCli(['design', 'boin', '--scenarios', '0.1,1.3']);
    expect(a.code).toBe(2);
    expect(a.stderr).not.toMatch(/at .*\.js/);
    const b = await runCli(['design', 'mtpi2', '--ei', '0.35,0.4']);
    expect(b.code).toBe(2);
  });
});

describe('trialstat design crm', () => {
  it('skeleton from --halfwidth (dfcrm getprior), posterior and the next dose', async () => {
    const r = await runCli([
      'design',
      'crm',
      '--halfwidth',
      '0.05',
      '--prior-mtd',
      '3',
      '--levels',
      '5',
      '--data',
      '0/3,0/3,1/3,0/0,0/0',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.skeleton[2]).toBeCloseTo(0.25, 12);
    expect(out.posterior.recommended).toBe(3);
    expect(out.nextDose).toBe(4);
  });
  it('needs a skeleton; --data must have one entry per dose', async () => {
    expect((await runCli(['design', 'crm'])).code).toBe(2);
    const r = await runCli(['design', 'crm', '--skeleton', '0.1,0.2,0.3', '--data', '0/3,1/3']);
    expect(r.code).toBe(2);
  });
});

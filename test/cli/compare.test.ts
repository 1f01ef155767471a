import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

describe('trialstat compare', () => {
  it('compares every arm with the control, like a paper (MILES Table 2, NEJM 2011;364:1595)', async () => {
    const result = await runCli(['compare', 'miles-lam', '--json']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as {
      comparisons: {
        outcome: string;
        scale: string;
        measure: string;
        arm: string;
        comparator: string;
        estimate: number;
        p: number | null;
      }[];
    };
    const fev1 = json.comparisons.find((c) => c.outcome === 'FEV1' && c.measure === 'MD')!;
    // sirolimus 19 ± 124 (n = 41) vs placebo −134 ± 182 (n = 34): MD 153 ml.
    expect(fev1).toMatchObject({ arm: 'sirolimus', comparator: 'placebo', scale: 'change' });
    expect(fev1.estimate).toBeCloseTo(153, 10);
    expect(fev1.p).toBeLessThan(0.001);
    expect(json.comparisons.some((c) => c.outcome === 'FEV1' && c.measure === 'SMD')).toBe(true);
  });

  it('prints paper-style lines and says what it could not compute', async () => {
    const result = await runCli(['compare', 'rapami']);
    // No SDs printed: the pooled SD is derived from the published p (as the report does), and said so.
    expect(result.stdout).toContain('MD 34.4 m (95% CI 2.54 to 66.3); p = 0.035');
    expect(result.stdout).toMatch(/RR 1\.67 \(95% CI 0\.733 to 3\.79\)/);
    // Notes go to stderr, so stdout holds only the results.
    expect(result.stderr).toMatch(
      /^warning: Rapami, 6MWD, MD: pooled SD of sirolimus and placebo = 52\.36, derived from the reported p = 0\.035/m,
    );
    expect(result.stderr).toMatch(/^note: .*only one arm \(sirolimus\)/m);
    expect(result.stdout).not.toMatch(/^note:/m);
    const off = await runCli(['compare', 'rapami', '--no-sd-from-p']);
    expect(off.stdout).toMatch(/MD 34\.4 m\s*$/m);
    expect(off.stderr).toMatch(/^warning: .*no SD or SE printed for sirolimus/m);
  });

  it('derives SDs from SEs and records it (two arm rows with only an SE)', async () => {
    const result = await runCli(['compare', 'test/analysis/fixtures/derivations', '--json']);
    const json = JSON.parse(result.stdout) as {
      comparisons: {
        trial: string;
        measure: string;
        estimate: number;
        ci: { lower: number; upper: number };
        derivations: { method: string; arms: string[] }[];
      }[];
    };
    const md = json.comparisons.find((c) => c.trial === 'SE trial' && c.measure === 'MD')!;
    expect(md.estimate).toBeCloseTo(0.9, 12);
    expect(md.ci.lower).toBeCloseTo(-0.40367314616596, 10);
    expect(md.derivations.map((d) => d.method)).toEqual(['sd-from-se', 'sd-from-se']);
  });

  it('compares the preferred scale and says which rows it left out (--scale all for every one)', async () => {
    const preferred = await runCli(['compare', 'miles-lam', '--json']);
    const scales = (out: string) =>
      (
        JSON.parse(out) as { comparisons: { outcome: string; scale: string; measure: string }[] }
      ).comparisons
        .filter((c) => c.outcome === '6MWD' && c.measure === 'MD')
        .map((c) => c.scale);
    expect(scales(preferred.stdout)).toEqual(['change']);
    expect(JSON.parse(preferred.stdout).notes).toContain(
      'MILES, 6MWD, month 12: value rows left out (change is compared; --scale all compares every scale)',
    );
    expect(
      scales((await runCli(['compare', 'miles-lam', '--json', '--scale', 'all'])).stdout),
    ).toEqual(['change', 'value']);
  });

  it('keeps analysis sets apart and leaves out alternative readings', async () => {
    const result = await runCli(['compare', 'dazukibart', '--json']);
    const json = JSON.parse(result.stdout) as {
      comparisons: { outcome: string; arm: string; population: string | null }[];
      notes: string[];
    };
    const cdasi = json.comparisons.filter((c) => c.outcome === 'CDASI-A');
    expect(cdasi.every((c) => c.population === 'pooled skin analysis set')).toBe(true);
    expect(
      json.notes.some((n) => n.includes('skin-predominant cohort') && n.includes('only one arm')),
    ).toBe(true);
    expect(json.notes.some((n) => n.includes('alternative reading left out'))).toBe(true);
  });

  it('asks for --comparator when no single control arm exists, and uses it when given', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trialstat-compare-'));
    const file = join(dir, 'arms.csv');
    writeFileSync(
      file,
      'trial,outcome,arm,events,n,source\nT,response,low dose,5,20,s\nT,response,high dose,9,20,s\nT,response,mid dose,7,20,s\n',
    );
    const without = await runCli(['compare', file, '--kind', 'arm-binary']);
    expect(without.stderr).toContain('no single control arm');
    const named = await runCli([
      'compare',
      file,
      '--kind',
      'arm-binary',
      '--comparator',
      'low dose',
      '--json',
    ]);
    const json = JSON.parse(named.stdout) as { comparisons: { arm: string; comparator: string }[] };
    expect(new Set(json.comparisons.map((c) => `${c.arm} vs ${c.comparator}`))).toEqual(
      new Set(['high dose vs low dose', 'mid dose vs low dose']),
    );
  });

  it('explains each formula with its numbers (--explain)', async () => {
    const result = await runCli(['compare', 'miles-lam', '--explain']);
    expect(result.stdout).toContain('MD: mean1 − mean2 = 19 − (−134) = 153');
    expect(result.stdout).toContain('SE: √(sd1²/n1 + sd2²/n2) = √(124²/41 + 182²/34) = 36.7323');
    expect(result.stdout).toContain('df: Welch–Satterthwaite = 56.4012');
    expect(result.stdout).toContain(
      '95% CI: MD ± t(97.5%, df)·SE = MD ± 2.00293·SE = 79.428 to 226.572',
    );
    // Derived SDs are part of the explanation.
    const derived = await runCli(['compare', 'test/analysis/fixtures/derivations', '--explain']);
    expect(derived.stdout).toContain('SD of active (derived, sd-from-se): SD = SE × √n = 2.46475');
    const rapami = await runCli(['compare', 'rapami', '--explain']);
    expect(rapami.stdout).toContain(
      'pooled SD of sirolimus and placebo (derived, cochrane-p-to-sd): t = t_{1−p/2, n1+n2−2}; SE = |MD| / t; SD = SE / √(1/n1 + 1/n2) = 52.3622',
    );
  });

  it('exits 2 on a wrong kind or an unknown dataset', async () => {
    expect((await runCli(['compare', 'rapami', '--kind', 'trial-registry'])).code).toBe(2);
    expect((await runCli(['compare', 'no-such-dataset'])).code).toBe(2);
  });
});

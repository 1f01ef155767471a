import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { expectClose } from '../support/close.js';
import { fixture } from '../stats/meta/fixture.js';

const d = fixture.bcg.data;
const bcgCsv =
  'study,events1,n1,events2,n2,alloc,year\n' +
  d.ai
    .map(
      (a: number, i: number) =>
        `${d.study[i]},${a},${d.n1i[i]},${d.ci[i]},${d.n2i[i]},${d.alloc[i]},${d.year[i]}`,
    )
    .join('\n') +
  '\n';

describe('trialstat meta', () => {
  it('--json follows the contract and matches metafor (dat.bcg, REML)', async () => {
    const r = await runCli(['meta', '-', '--measure', 'RR', '--pi', 'z', '--json'], {
      stdin: bcgCsv,
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    for (const key of [
      'k',
      'estimate',
      'se',
      'ci',
      'p',
      'tau2',
      'I2',
      'H2',
      'Q',
      'Qp',
      'pi',
      'transformed',
      'studies',
      'warnings',
    ]) {
      expect(out).toHaveProperty(key);
    }
    const e = fixture.bcg.fits.REML_z;
    expect(out.k).toBe(13);
    // RR on the natural scale under estimate/ci/pi; metafor's log-scale values under log-named fields.
    expectClose(out.logEstimate, e.estimate, 1e-6);
    expectClose(out.logCi.lower, e.ci_lb, 1e-6);
    expectClose(out.logPi.upper, e.pi_ub, 1e-6);
    expectClose(out.estimate, Math.exp(e.estimate), 1e-6);
    expectClose(out.ci.lower, Math.exp(e.ci_lb), 1e-6);
    expectClose(out.pi.upper, Math.exp(e.pi_ub), 1e-6);
    expectClose(out.se, e.se, 1e-6);
    expectClose(out.transformed.estimate, Math.exp(e.estimate), 1e-6);
    expectClose(out.studies[0].logCi.lower, Math.log(out.studies[0].ci.lower), 1e-12);
    expect(out.studies[0]).toMatchObject({ study: 'Aronson 1948' });
    expect(out.studies[0]).toHaveProperty('weight');
    expect(out.studies[0].ci).toHaveProperty('lower');
  });

  it('prints a paper-like table with weights, the pooled row and heterogeneity', async () => {
    const r = await runCli(['meta', '-', '--measure', 'RR'], { stdin: bcgCsv });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Aronson 1948/);
    expect(r.stdout).toMatch(/Weight/);
    // The pooled RR on the natural scale (exp(−0.715) = 0.489), the log RR named as such.
    expect(r.stdout).toMatch(
      /Random effects \(REML\): RR 0\.489 \(95% CI 0\.344 to 0\.696\); p < 0\.001; log RR −0\.715 \(−1\.07 to −0\.362\)/,
    );
    expect(r.stdout).toMatch(
      /Heterogeneity: Q = 152\.23, df = 12, p < 0\.001; I² = 92\.2% \(from τ²\)/,
    );
    expect(r.stdout).toMatch(/Prediction interval \(t, 12 df\)/);
  });

  it('--mh gives the Mantel–Haenszel estimate', async () => {
    const r = await runCli(['meta', '-', '--measure', 'OR', '--mh', '--json'], { stdin: bcgCsv });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expectClose(out.logEstimate, fixture.bcg.mh.OR.estimate, 1e-10);
    expectClose(out.estimate, Math.exp(fixture.bcg.mh.OR.estimate), 1e-10);
    expect(out.method).toBe('MH');
    expect(out.pi).toBeNull();
  });

  it('--peto, --hk, --method DL and --preset run', async () => {
    const peto = JSON.parse(
      (await runCli(['meta', '-', '--measure', 'OR', '--peto', '--json'], { stdin: bcgCsv }))
        .stdout,
    );
    expectClose(peto.logEstimate, fixture.bcg.peto.estimate, 1e-10);
    const hk = JSON.parse(
      (
        await runCli(['meta', '-', '--measure', 'RR', '--method', 'DL', '--hk', '--json'], {
          stdin: bcgCsv,
        })
      ).stdout,
    );
    expectClose(hk.logCi.upper, fixture.bcg.fits.DL_knha.ci_ub, 1e-10);
    const preset = JSON.parse(
      (
        await runCli(['meta', '-', '--measure', 'RR', '--preset', 'cochrane-2025', '--json'], {
          stdin: bcgCsv,
        })
      ).stdout,
    );
    expectClose(preset.logCi.lower, fixture.bcg.fits.REML_knha.ci_lb, 1e-6);
    // Cochrane's 2024 methods addendum: RevMan computes I² from τ² (as metafor).
    expectClose(preset.I2, fixture.bcg.fits.REML_knha.I2, 1e-6);
  });

  it('--compare-presets lists what differs and why', async () => {
    const r = await runCli(['meta', '-', '--measure', 'RR', '--compare-presets'], {
      stdin: bcgCsv,
    });
    // The model scale named as such, the RR beside it.
    expect(r.stdout).toMatch(/^Preset\s+log RR\s+CI\s+RR \(CI\)/m);
    expect(r.stdout).toMatch(
      /^metafor\s+−0\.715\s+−1\.07 to −0\.362\s+0\.489 \(0\.344 to 0\.696\)/m,
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /tau2 differs: τ² estimator: REML \(metafor, meta, cochrane-2025\) vs DL \(revman5\)/,
    );
    expect(r.stdout).toMatch(
      /I2 differs: .*I² from: tau2 \(metafor, cochrane-2025\) vs Q \(meta, revman5\)/,
    );
    expect(r.stdout).toMatch(/Q centred on: IV \(metafor, meta, cochrane-2025\) vs MH \(revman5\)/);
  });

  it('--subgroup pools per group and tests differences', async () => {
    const r = await runCli(['meta', '-', '--measure', 'RR', '--subgroup', 'alloc', '--json'], {
      stdin: bcgCsv,
    });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expectClose(out.between.Q, fixture.bcg.subgroup_alloc.Qbetween, 1e-6);
  });

  it('reads a file with generic yi,sei columns', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'meta-cli-'));
    const h = fixture.hackshaw.data;
    writeFileSync(
      join(dir, 'gen.csv'),
      'study,yi,sei\n' +
        h.yi.map((y: number, i: number) => `S${i + 1},${y},${Math.sqrt(h.vi[i])}`).join('\n') +
        '\n',
    );
    const r = await runCli(
      ['meta', 'gen.csv', '--measure', 'GEN', '--method', 'DL', '--pi', 'z', '--json'],
      { cwd: dir },
    );
    expect(r.stderr).toBe('');
    expectClose(JSON.parse(r.stdout).estimate, fixture.hackshaw.fits.DL_z.estimate, 1e-10);
  });

  it('continuous input (dat.normand1999) with SMD', async () => {
    const n = fixture.normand.data;
    const csv =
      'study,n1,mean1,sd1,n2,mean2,sd2\n' +
      n.n1i
        .map(
          (x: number, i: number) =>
            `${n.study[i]},${x},${n.m1i[i]},${n.sd1i[i]},${n.n2i[i]},${n.m2i[i]},${n.sd2i[i]}`,
        )
        .join('\n') +
      '\n';
    const r = await runCli(['meta', '-', '--measure', 'SMD', '--pi', 'z', '--json'], {
      stdin: csv,
    });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expectClose(out.estimate, fixture.normand.smd_reml.estimate, 1e-6);
    expectClose(out.pi.lower, fixture.normand.smd_reml.pi_lb, 1e-6);
  });

  it('pools a bundled single-arm-proportion dataset with PFT', async () => {
    const r = await runCli([
      'meta',
      'sirolimus-cytopenia',
      '--measure',
      'PFT',
      '--outcome',
      'complete response',
      '--json',
    ]);
    // The only message is the note about the alternative reading it left out.
    expect(r.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^note: left out 2 alternative readings/),
    ]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.k).toBeGreaterThan(1);
    expect(out.transformed.estimate).toBeGreaterThan(0);
    expect(out.transformed.estimate).toBeLessThan(1);
    expect(out.transformed.transform).toMatch(/^inverse-double-arcsine \(harmonic-mean n = /);
  });

  it('k = 1 is a warning, not a crash', async () => {
    const r = await runCli(['meta', '-', '--measure', 'RR'], {
      stdin: 'study,events1,n1,events2,n2\nA,3,20,6,21\n',
    });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^warning: only one study/m);
    expect(r.stdout).not.toMatch(/warning/i);
  });

  it('bad input exits 2 with a located message', async () => {
    const r = await runCli(['meta', '-', '--measure', 'RR'], {
      stdin: 'study,events1,n1,events2,n2\nA,30,20,6,21\n',
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/<stdin>:2/);
    const m = await runCli(['meta', '-', '--measure', 'XX'], { stdin: '' });
    expect(m.code).toBe(2);
  });
});

describe('trialstat meta on a dataset with conflicting readings', () => {
  it('pools only the primary reading and says which alternative it left out', async () => {
    const result = await runCli([
      'meta',
      'sirolimus-cytopenia',
      '--measure',
      'PLO',
      '--outcome',
      'complete response',
      '--json',
    ]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as { studies: { study: string }[] };
    const studies = json.studies.map((s) => s.study);
    // The original publication is the primary reading (73 % of 12: no count, so nothing to pool);
    // seed-004's 10/12 and the hypothesis 8/11 are alternatives and are left out (issue 15).
    expect(studies).not.toContain('Jasinski 2017 (ITP (hypothesised 8/11))');
    expect(studies).not.toContain('Jasinski 2017 (ITP (seed-004 reading))');
    expect(studies).toContain('Jasinski 2017 (Evans syndrome)');
    expect(result.stderr).toContain('left out 2 alternative readings');
  });

  it('pools a dataset of arm rows, paired as compare pairs them (bcg-vaccine = dat.bcg)', async () => {
    const fromDataset = JSON.parse(
      (await runCli(['meta', 'bcg-vaccine', '--measure', 'RR', '--json'])).stdout,
    );
    const fromFile = JSON.parse(
      (await runCli(['meta', '-', '--measure', 'RR', '--json'], { stdin: bcgCsv })).stdout,
    );
    expect(fromDataset.k).toBe(13);
    expectClose(fromDataset.logEstimate, fixture.bcg.fits.REML_z.estimate, 1e-6);
    expect(fromDataset.estimate).toBe(fromFile.estimate);
    expect(fromDataset.studies.map((x: { study: string }) => x.study)).toEqual(
      fromFile.studies.map((x: { study: string }) => x.study),
    );
    // SDs derived by the analysis core (SE, CI, p) are used and said so; a bad comparator is named.
    const md = await runCli([
      'meta',
      'test/analysis/fixtures/derivations',
      '--measure',
      'MD',
      '--outcome',
      'score',
      '--json',
    ]);
    const out = JSON.parse(md.stdout);
    expect(out.studies.find((x: { study: string }) => x.study === 'SE trial').yi).toBeCloseTo(
      0.9,
      12,
    );
    expect(md.stderr).toMatch(/^note: SE trial: SD of active = 2\.465, derived from its SE/m);
    expect(md.stderr).toMatch(/^note: Population trial gives 2 comparisons/m);
  });
});

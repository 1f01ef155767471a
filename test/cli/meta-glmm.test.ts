import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { fixture, loadFixture } from '../stats/meta/fixture.js';

const g = loadFixture('meta_glmm');
const pritz = g.plo[0];
const pritzCsv = `study,events,n\n${pritz.xi.map((x: number, i: number) => `"${pritz.study[i]}",${x},${pritz.ni[i]}`).join('\n')}\n`;
const nw = g.or[0];
const nwCsv = `study,events1,n1,events2,n2\n${nw.ai.map((a: number, i: number) => `${nw.study[i]},${a},${nw.n1i[i]},${nw.ci[i]},${nw.n2i[i]}`).join('\n')}\n`;
const d = fixture.bcg.data;
const bcgCsv = `study,events1,n1,events2,n2\n${d.ai.map((a: number, i: number) => `${d.study[i]},${a},${d.n1i[i]},${d.ci[i]},${d.n2i[i]}`).join('\n')}\n`;

describe('trialstat meta --model glmm', () => {
  it('PLO: --json matches metafor rma.glmm (dat.pritz1997), with the quadrature check', async () => {
    const r = await runCli(['meta', '-', '--measure', 'PLO', '--model', 'glmm', '--json'], {
      stdin: pritzCsv,
    });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const ref = pritz.fits[0];
    expect(out.model).toBe('PLO');
    expect(out.points).toBe(7);
    expect(out.estimate).toBeCloseTo(ref.beta, 5);
    expect(out.tau2).toBeCloseTo(ref.tau2, 5);
    expect(out.transformed.estimate).toBeCloseTo(1 / (1 + Math.exp(-ref.beta)), 5);
    expect(out.stability[0].points).toBe(15);
    expect(out.studies[0].ci.method).toBe('clopper-pearson');
  });
  it('OR CM.EL: --json on the natural scale with log-scale fields (Stijnen 2010 Table III)', async () => {
    const r = await runCli(
      ['meta', '-', '--measure', 'OR', '--model', 'glmm', '--glmm-model', 'CM.EL', '--json'],
      { stdin: nwCsv },
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.logEstimate).toBeCloseTo(nw['CM.EL'].beta, 4);
    expect(out.estimate).toBeCloseTo(Math.exp(nw['CM.EL'].beta), 4);
    expect(out.ci.lower).toBeCloseTo(Math.exp(nw['CM.EL']['ci.lb']), 4);
    expect(out.warnings.join(' ')).toMatch(/dropped/);
  });
  it('text and --explain name the model, the points and the formulas', async () => {
    const r = await runCli(
      ['meta', '-', '--measure', 'OR', '--model', 'glmm', '--points', '9', '--explain'],
      { stdin: nwCsv },
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /GLMM \(UM\.FS, ML, 9-point adaptive Gauss–Hermite, k = 17\): OR 0\.290/,
    );
    expect(r.stdout).toMatch(/Quadrature check: with 15 points/);
    expect(r.stdout).toMatch(/How it was computed \(GLMM UM\.FS/);
    expect(r.stdout).toMatch(/αᵢ maximised out/);
  });
  it.each([
    [['--points', '9'], /--points.*--model glmm/],
    [['--model', 'glmm', '--mh'], /not with --mh/],
    [['--model', 'glmm', '--method', 'DL'], /not with --method/],
    [['--model', 'glmm', '--measure', 'RR'], /PLO or OR/],
    [['--model', 'glmm', '--glmm-model', 'PLO'], /glmm-model/],
  ])('usage mistakes exit 2: %j', async (args, message) => {
    const argv = ['meta', '-', ...args];
    if (!argv.includes('--measure')) argv.push('--measure', 'OR');
    const r = await runCli(argv, { stdin: nwCsv });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/at .*\.ts/);
  });
});

describe('trialstat meta --test, --tol, --max-iter, --tau2-max', () => {
  it('--test t: unadjusted variance with t(k − 1), as rma(test = "t")', async () => {
    const r = await runCli(['meta', '-', '--measure', 'RR', '--test', 't', '--json'], {
      stdin: bcgCsv,
    });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const ref = fixture.bcg.fits.REML_t;
    expect(out.test).toBe('t');
    expect(out.df).toBe(12);
    expect(out.logEstimate).toBeCloseTo(ref.estimate, 10);
    expect(out.se).toBeCloseTo(ref.se, 10);
    expect(out.p).toBeCloseTo(ref.pval, 10);
    expect(out.logCi.lower).toBeCloseTo(ref.ci_lb, 10);
    expect(out.ci.method).toBe('wald-t');
  });
  it('--tol tightens PM to metafor rma(control = list(tol = 1e-12))', async () => {
    const args = ['meta', '-', '--measure', 'RR', '--method', 'PM', '--json'];
    const loose = JSON.parse((await runCli(args, { stdin: bcgCsv })).stdout);
    const tight = JSON.parse((await runCli([...args, '--tol', '1e-12'], { stdin: bcgCsv })).stdout);
    expect(loose.tau2).toBeCloseTo(fixture.bcg.fits.PM_z.tau2, 10);
    expect(tight.tau2).toBeCloseTo(fixture.bcg.fits.PM_tight.tau2, 11);
  });
  it('--max-iter 1 stops Fisher scoring (coded warning, DL fallback); --tau2-max caps τ²', async () => {
    const few = await runCli(['meta', '-', '--measure', 'RR', '--max-iter', '1', '--json'], {
      stdin: bcgCsv,
    });
    const out = JSON.parse(few.stdout);
    expect(out.convergence.converged).toBe(false);
    expect(out.codedWarnings.map((w: { code: string }) => w.code)).toContain('tau2-not-converged');
    const capped = JSON.parse(
      (
        await runCli(['meta', '-', '--measure', 'RR', '--tau2-max', '0.1', '--json'], {
          stdin: bcgCsv,
        })
      ).stdout,
    );
    expect(capped.tau2).toBe(0.1);
    expect(capped.warnings.join(' ')).toMatch(/upper bound τ² = 0\.1/);
  });
  it('--test conflicting with --hk is a usage error; --help states the default PI', async () => {
    const r = await runCli(['meta', '-', '--measure', 'RR', '--test', 't', '--hk'], {
      stdin: bcgCsv,
    });
    expect(r.code).toBe(2);
    const help = await runCli(['meta', '--help']);
    expect(help.stdout).toMatch(/t prediction interval with k − 1 df/);
    expect(help.stdout).toMatch(/metafor's default is a normal one/);
  });
  it('--explain prints the τ² formula, the weights and the prediction interval', async () => {
    const r = await runCli(['meta', '-', '--measure', 'RR', '--hk', '--explain'], {
      stdin: bcgCsv,
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/How it was computed \(random effects, REML, knha\)/);
    expect(r.stdout).toMatch(/τ² \(restricted maximum likelihood\): Fisher scoring/);
    expect(r.stdout).toMatch(/q = Σwᵢ\(yᵢ − μ̂\)²\/\(k − 1\)/);
    expect(r.stdout).toMatch(/prediction interval: μ̂ ± 2\.17881 × √\(se² \+ τ²\) \(t, 12 df\)/);
    const mh = await runCli(['meta', '-', '--measure', 'RR', '--mh', '--explain'], {
      stdin: bcgCsv,
    });
    expect(mh.stdout).toMatch(/How it was computed \(MH common effect\)/);
  });
});

describe('trialstat meta --explain with --mods and the diagnostics', () => {
  const dd = fixture.bcg.data;
  const withYear = `study,events1,n1,events2,n2,year\n${dd.ai.map((a: number, i: number) => `${dd.study[i]},${a},${dd.n1i[i]},${dd.ci[i]},${dd.n2i[i]},${dd.year[i]}`).join('\n')}\n`;
  it.each([
    [['--mods', 'year'], /mixed-effects meta-regression.*\n.*yᵢ = xᵢ′β/],
    [['--trimfill'], /trim and fill, Duval & Tweedie 2000\):\n {2}L0:/],
    [['--bias'], /Begg & Mazumdar[\s\S]*Harbord[\s\S]*Peters[\s\S]*trim and fill/],
    [['--fsn'], /fail-safe N[\s\S]*fsn: 598/],
    [['--leave-one-out'], /row i: the model refitted without study i/],
  ])('%j', async (args, pattern) => {
    const r = await runCli(['meta', '-', '--measure', 'RR', ...args, '--explain'], {
      stdin: withYear,
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(pattern);
  });
});

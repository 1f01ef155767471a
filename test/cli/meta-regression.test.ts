import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { expectClose } from '../support/close.js';
import { loadFixture } from '../stats/meta/fixture.js';

// dat.bcg through `trialstat meta --mods`, checked against metafor 3.8 (test/reference/meta_depth.R).
const fx = loadFixture('meta_depth');
const d = fx.bcg;
const csv =
  'study,events1,n1,events2,n2,ablat,year,alloc\n' +
  d.study
    .map(
      (s: string, i: number) =>
        `${s},${d.ai[i]},${d.n1i[i]},${d.ci[i]},${d.n2i[i]},${d.ablat[i]},${d.year[i]},${d.alloc[i]}`,
    )
    .join('\n') +
  '\n';
const TOL = 1e-6;

async function cli(...flags: string[]) {
  return runCli(['meta', '-', '--measure', 'RR', ...flags], { stdin: csv });
}
async function json(...flags: string[]) {
  const r = await cli(...flags, '--json');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

describe('trialstat meta --mods (meta-regression) matches metafor', () => {
  it('--mods ablat,year: coefficients, QM, QE, τ², R², predictions', async () => {
    const e = fx.metareg.bcg_ablat_year.fits.REML_z;
    const out = await json(
      '--mods',
      'ablat,year',
      '--predict',
      'ablat=20,year=1950',
      '--predict',
      'ablat=40,year=1970',
    );
    expect(out.coefficients.map((c: { name: string }) => c.name)).toEqual([
      'intrcpt',
      'ablat',
      'year',
    ]);
    out.coefficients.forEach((c: { estimate: number; se: number; p: number }, j: number) => {
      expectClose(c.estimate, e.beta[j], TOL, 0, `beta[${j}]`);
      expectClose(c.se, e.se[j], TOL, 0, `se[${j}]`);
      expectClose(c.p, e.pval[j], TOL, 0, `p[${j}]`);
    });
    expectClose(out.QM.statistic, e.QM, TOL, 0, 'QM');
    expect(out.QM.distribution).toBe('chisq');
    expectClose(out.QE.Q, e.QE, 1e-8, 0, 'QE');
    expectClose(out.tau2, e.tau2, TOL, 0, 'tau2');
    expectClose(out.R2, e.R2, TOL, 0, 'R2');
    expect(out.permutation).toBeNull();
    out.predictions.forEach(
      (
        p: {
          estimate: number;
          logEstimate: number;
          ci: { upper: number };
          logCi: { upper: number };
          transformed: { estimate: number };
          values: Record<string, string>;
        },
        i: number,
      ) => {
        // RR: the prediction as a ratio, its log-scale values named as such.
        expectClose(p.logEstimate, e.new.pred[i], TOL, 0, `pred[${i}]`);
        expectClose(p.logCi.upper, e.new.ci_ub[i], TOL, 0, `ci_ub[${i}]`);
        expectClose(p.estimate, Math.exp(e.new.pred[i]), TOL, 0, `RR pred[${i}]`);
        expectClose(p.ci.upper, Math.exp(e.new.ci_ub[i]), TOL, 0, `RR ci_ub[${i}]`);
        expectClose(p.transformed.estimate, Math.exp(e.new.pred[i]), TOL, 0, `exp(pred)[${i}]`);
      },
    );
    expect(out.predictions[0].values).toEqual({ ablat: '20', year: '1950' });
  });

  it('--mods alloc --hk: categorical moderator, Knapp–Hartung F test', async () => {
    const e = fx.metareg.bcg_alloc.fits.REML_knha;
    const out = await json('--mods', 'alloc', '--hk');
    expect(out.design.names).toEqual(['intrcpt', 'allocrandom', 'allocsystematic']);
    expect(out.QM.distribution).toBe('F');
    expect([out.QM.df1, out.QM.df2]).toEqual(e.QMdf);
    expectClose(out.QM.statistic, e.QM, TOL, 0, 'QM');
    expectClose(out.QM.p, e.QMp, TOL, 0, 'QMp');
  });

  it('--reference and --no-intercept', async () => {
    const rel = await json('--mods', 'alloc', '--reference', 'alloc=random');
    expect(rel.design.names).toEqual(['intrcpt', 'allocalternate', 'allocsystematic']);
    expectClose(rel.coefficients[1].estimate, fx.metareg_relevel.fit.beta[1], TOL);
    const noint = await json('--mods', 'alloc', '--no-intercept');
    expectClose(noint.QM.statistic, fx.metareg_noint.fit.QM, TOL);
  });

  it('--permutations with --seed: the seed is printed and the run reproducible; JSON leaves the distribution out', async () => {
    const a = await json('--mods', 'ablat', '--permutations', '200', '--seed', '7');
    const b = await json('--mods', 'ablat', '--permutations', '200', '--seed', '7');
    expect(a.permutation).toEqual(b.permutation);
    expect(a.permutation.seed).toBe(7);
    expect(a.permutation.iterations).toBe(200);
    expect(a.permutation.distribution).toBeUndefined();
    const text = await cli('--mods', 'ablat', '--permutations', '200', '--seed', '7');
    expect(text.stdout).toMatch(/200 permutations, seed 7/);
    expect(text.stdout).toMatch(/Test of moderators \(ablat\): QM = 16\.357, df = 1/);
  });

  it('--subgroup --common-tau2: the mixed-effects test for subgroup differences', async () => {
    const e = fx.subgroup_common.REML_z;
    const out = await json('--subgroup', 'alloc', '--common-tau2');
    expectClose(out.common.tau2, e.tau2, TOL, 0, 'tau2');
    expectClose(out.common.QM.statistic, e.QM, TOL, 0, 'QM');
    const text = await cli('--subgroup', 'alloc', '--common-tau2');
    expect(text.stdout).toMatch(/Test for subgroup differences \(common τ²\): QM = /);
  });

  it('bad usage: one clear line, exit 2', async () => {
    for (const [flags, message] of [
      [['--mods', 'nope'], /moderator/],
      [['--mods', 'ablat', '--mh'], /not with --mh/],
      [['--factor', 'alloc'], /with --mods/],
      [['--mods', 'ablat', '--factor', 'year'], /named in --mods/],
      [['--mods', 'ablat', '--predict', 'ablat'], /column=value/],
      [['--mods', 'ablat', '--predict', 'year=3'], /a moderator of the model/],
      [['--common-tau2'], /with --subgroup/],
      [['--seed', '3'], /with --permutations/],
    ] as [string[], RegExp][]) {
      const r = await cli(...flags);
      expect(r.code, flags.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});

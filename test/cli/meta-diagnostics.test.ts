import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { expectClose } from '../support/close.js';
import { fixture } from '../stats/meta/fixture.js';

// dat.bcg through `trialstat meta`, checked against metafor 3.8 (test/reference/meta.R →
// fixtures/meta.json, bcg.sensitivity: leave1out, cumul by year, influence, regtest).
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
const s = fixture.bcg.sensitivity;
const TOL = 1e-6; // REML refits (iterative)

async function json(...flags: string[]) {
  const r = await runCli(['meta', '-', '--measure', 'RR', ...flags, '--json'], { stdin: bcgCsv });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

describe('trialstat meta diagnostics match metafor (dat.bcg, RR, REML)', () => {
  it('--leave-one-out = leave1out', async () => {
    const out = await json('--leave-one-out');
    expect(out).toMatchObject({ measure: 'RR', method: 'REML', level: 0.95, transform: 'exp' });
    expect(out.rows.map((r: { study: string }) => r.study)).toEqual(d.study);
    out.rows.forEach(
      (
        r: {
          estimate: number;
          logEstimate: number;
          se: number;
          p: number;
          ci: { lower: number; upper: number };
          logCi: { lower: number; upper: number };
          Q: number;
          tau2: number;
          I2: number;
          transformed: { estimate: number };
        },
        i: number,
      ) => {
        // A ratio's estimate and CI are ratios; the log-scale values are named as such.
        expectClose(r.logEstimate, s.leave1out.estimate[i], TOL, 0, `estimate[${i}]`);
        expectClose(r.estimate, Math.exp(s.leave1out.estimate[i]), TOL, 0, `RR[${i}]`);
        expectClose(r.ci.upper, Math.exp(s.leave1out.ci_ub[i]), TOL, 0, `RR ci_ub[${i}]`);
        expectClose(r.se, s.leave1out.se[i], TOL, 0, `se[${i}]`);
        expectClose(r.p, s.leave1out.pval[i], TOL, 0, `p[${i}]`);
        expectClose(r.logCi.upper, s.leave1out.ci_ub[i], TOL, 0, `ci_ub[${i}]`);
        expectClose(r.Q, s.leave1out.Q[i], TOL, 0, `Q[${i}]`);
        expectClose(r.tau2, s.leave1out.tau2[i], TOL, 1e-12, `tau2[${i}]`);
        expectClose(r.I2, s.leave1out.I2[i], TOL, 1e-10, `I2[${i}]`);
        expectClose(r.transformed.estimate, Math.exp(s.leave1out.estimate[i]), TOL, 0, `RR[${i}]`);
      },
    );
  });

  it('--cumulative --order-by year = cumul(order = year)', async () => {
    const out = await json('--cumulative', '--order-by', 'year');
    expect(out.orderBy).toBe('year');
    expect(out.rows).toHaveLength(13);
    out.rows.forEach(
      (
        r: {
          k: number;
          estimate: number;
          logEstimate: number;
          se: number;
          ci: { lower: number };
          logCi: { lower: number };
          tau2: number;
          Q: number;
        },
        i: number,
      ) => {
        expect(r.k).toBe(i + 1);
        expectClose(r.logEstimate, s.cumul.estimate[i], TOL, 0, `estimate[${i}]`);
        expectClose(r.estimate, Math.exp(s.cumul.estimate[i]), TOL, 0, `RR[${i}]`);
        expectClose(r.se, s.cumul.se[i], TOL, 0, `se[${i}]`);
        expectClose(r.logCi.lower, s.cumul.ci_lb[i], TOL, 0, `ci_lb[${i}]`);
        expectClose(r.ci.lower, Math.exp(s.cumul.ci_lb[i]), TOL, 0, `RR ci_lb[${i}]`);
        expectClose(r.tau2, s.cumul.tau2[i], TOL, 1e-12, `tau2[${i}]`);
        expectClose(r.Q, s.cumul.Q[i], TOL, 1e-12, `Q[${i}]`);
      },
    );
    // Without --order-by: input order, so the last row is the full fit either way.
    const unordered = await json('--cumulative');
    expect(unordered.rows[1].study).toBe(d.study[1]);
    expectClose(unordered.rows[12].logEstimate, s.cumul.estimate[12], TOL);
  });

  it('--influence = influence.rma.uni', async () => {
    const out = await json('--influence');
    out.rows.forEach((r: Record<string, number | boolean>, i: number) => {
      expectClose(r.rstudent as number, s.influence.rstudent[i], TOL, 0, `rstudent[${i}]`);
      expectClose(r.dffits as number, s.influence.dffits[i], TOL, 0, `dffits[${i}]`);
      expectClose(r.cooksDistance as number, s.influence.cook_d[i], TOL, 0, `cook.d[${i}]`);
      expectClose(r.covRatio as number, s.influence.cov_r[i], TOL, 0, `cov.r[${i}]`);
      expectClose(r.hat as number, s.influence.hat[i], TOL, 0, `hat[${i}]`);
      expectClose(r.dfbetas as number, s.influence.dfbetas[i], TOL, 0, `dfbetas[${i}]`);
      expect(r.influential).toBe(s.influence.influential[i]);
    });
  });

  it('--egger = regtest (model rma), --egger-model lm = regtest(model = "lm")', async () => {
    const rma = await json('--egger');
    expectClose(rma.statistic, s.regtest.zval, TOL, 0, 'zval');
    expectClose(rma.p, s.regtest.pval, TOL, 0, 'pval');
    expectClose(rma.logLimitEstimate, s.regtest.est, TOL, 0, 'est');
    expectClose(rma.logCi.upper, s.regtest.ci_ub, TOL, 0, 'ci_ub');
    expectClose(rma.limitEstimate, Math.exp(s.regtest.est), TOL, 0, 'RR est');
    expectClose(rma.ci.upper, Math.exp(s.regtest.ci_ub), TOL, 0, 'RR ci_ub');
    expectClose(rma.slope, s.regtest.slope, TOL, 0, 'slope');
    expectClose(rma.transformed.limitEstimate, Math.exp(s.regtest.est), TOL, 0, 'exp(est)');
    const lm = await json('--egger', '--egger-model', 'lm');
    expect(lm.df).toBe(s.regtest_lm.dfs);
    expectClose(lm.statistic, s.regtest_lm.zval, 1e-10, 0, 'lm t');
    expectClose(lm.p, s.regtest_lm.pval, 1e-10, 0, 'lm p');
    expectClose(lm.logCi.lower, s.regtest_lm.ci_lb, 1e-10, 0, 'lm ci_lb');
  });

  it('--funnel: escalc estimates and SEs around the REML estimate', async () => {
    const out = await json('--funnel');
    expectClose(out.centre, fixture.bcg.fits.REML_z.estimate, TOL, 0, 'centre');
    out.points.forEach((p: { yi: number; sei: number }, i: number) => {
      expectClose(p.yi, fixture.bcg.escalc.RR.yi[i], 1e-10, 0, `yi[${i}]`);
      expectClose(p.sei, Math.sqrt(fixture.bcg.escalc.RR.vi[i]), 1e-10, 0, `sei[${i}]`);
    });
    const maxSe = Math.max(...fixture.bcg.escalc.RR.vi.map(Math.sqrt));
    expectClose(out.region[1].se, maxSe, 1e-10);
    // qnorm(0.975) = 1.959963984540054
    expectClose(out.region[1].upper, out.centre + 1.959963984540054 * maxSe, 1e-10);
  });

  it('prints tables for people, with natural-scale RR beside the log scale', async () => {
    const loo = await runCli(['meta', '-', '--measure', 'RR', '--leave-one-out'], {
      stdin: bcgCsv,
    });
    expect(loo.code).toBe(0);
    expect(loo.stdout).toMatch(/^Omitted +k +Estimate +95% CI +RR \(95% CI\)/m);
    expect(loo.stdout).toMatch(/^Aronson 1948 +12 +−0\.707 +−1\.08 to −0\.335 +0\.493 /m);
    const egger = await runCli(['meta', '-', '--measure', 'RR', '--egger'], { stdin: bcgCsv });
    expect(egger.stdout).toContain('Test for asymmetry: z = −0.8033, p = 0.42');
    const influence = await runCli(['meta', '-', '--measure', 'RR', '--influence'], {
      stdin: bcgCsv,
    });
    expect(influence.stdout).toContain("No study is influential by metafor's rule.");
  });

  it('warns on stderr when a regression test has few studies', async () => {
    const few = bcgCsv.split('\n').slice(0, 6).join('\n') + '\n';
    const r = await runCli(['meta', '-', '--measure', 'RR', '--egger'], { stdin: few });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^warning: only 5 studies: regression tests/m);
  });

  it('rejects combinations that do not mean anything (exit 2)', async () => {
    for (const flags of [
      ['--leave-one-out', '--influence'],
      ['--egger', '--mh'],
      ['--funnel', '--subgroup', 'alloc'],
      ['--leave-one-out', '--compare-presets'],
      ['--order-by', 'year'],
      ['--cumulative', '--order-by', 'no-such-column'],
    ]) {
      const r = await runCli(['meta', '-', '--measure', 'RR', ...flags], { stdin: bcgCsv });
      expect(r.code, flags.join(' ')).toBe(2);
      expect(r.stderr, flags.join(' ')).toMatch(/^trialstat: --/);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { expectClose } from '../support/close.js';
import { loadFixture } from '../stats/meta/fixture.js';

// dat.bcg through `trialstat meta` bias flags, against metafor 3.8 / R lm (test/reference/meta_depth.R).
const fx = loadFixture('meta_depth');
const d = fx.bcg;
const csv =
  'study,events1,n1,events2,n2\n' +
  d.study
    .map((s: string, i: number) => `${s},${d.ai[i]},${d.n1i[i]},${d.ci[i]},${d.n2i[i]}`)
    .join('\n') +
  '\n';
const cli = (...flags: string[]) =>
  runCli(['meta', '-', '--measure', 'RR', ...flags], { stdin: csv });
async function json(...flags: string[]) {
  const r = await cli(...flags, '--json');
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

describe('trialstat meta bias diagnostics match metafor', () => {
  it('--trimfill (L0, REML; side estimated) and --estimator R0 --side left', async () => {
    const e = fx.trimfill.bcg_REML_L0_auto;
    const out = await json('--trimfill');
    expect(out.k0).toBe(e.k0);
    expect(out.side).toBe(e.side);
    expectClose(out.result.logEstimate, e.estimate, 1e-6, 0, 'estimate');
    expectClose(out.result.estimate, Math.exp(e.estimate), 1e-6, 0, 'RR');
    expectClose(out.transformed.adjusted.estimate, Math.exp(e.estimate), 1e-6, 0, 'exp(estimate)');
    expect(out.filled).toHaveLength(e.k0);
    expectClose(out.filled[0].yi, e.fill_yi[0], 1e-6, 0, 'filled yi');
    const r0 = await json('--trimfill', '--estimator', 'R0', '--side', 'left');
    const e0 = fx.trimfill.bcg_REML_R0_left;
    expect([r0.k0, r0.side, r0.estimator, r0.sideEstimated]).toEqual([e0.k0, 'left', 'R0', false]);
    expectClose(r0.pK0, e0.p_k0, 1e-12);
  });
  it('--ranktest', async () => {
    const out = await json('--ranktest');
    expectClose(out.tau, fx.ranktest.bcg.tau, 1e-12);
    expectClose(out.p, fx.ranktest.bcg.pval, 1e-9);
    expect(out.method).toBe('exact');
  });
  it('--fsn (Rosenthal, Rosenberg at --alpha 0.01, Orwin weighted with a target)', async () => {
    expect((await json('--fsn')).fsn).toBe(fx.fsn['bcg_Rosenthal_0.05'].fsnum);
    expect((await json('--fsn', '--fsn-type', 'Rosenberg', '--alpha', '0.01')).fsn).toBe(
      fx.fsn['bcg_Rosenberg_0.01'].fsnum,
    );
    expect(
      (await json('--fsn', '--fsn-type', 'Orwin', '--fsn-weighted', '--fsn-target', '0.05')).fsn,
    ).toBe(fx.fsn.bcg_Orwin_TRUE_target.fsnum);
  });
  it('--harbord and --peters from the 2×2 tables', async () => {
    const h = await json('--harbord');
    expectClose(h.p, fx.harbord_peters.bcg.harbord.p, 1e-10);
    const p = await json('--peters');
    expectClose(p.slope, fx.harbord_peters.bcg.peters.slope, 1e-10);
  });
  it('--egger --egger-predictor ninv --egger-model lm (Peters-type 1/n, metafor regtest)', async () => {
    const e = fx.regtest.bcg_ninv_lm;
    const out = await json('--egger', '--egger-predictor', 'ninv', '--egger-model', 'lm');
    expect(out.predictor).toBe('ninv');
    expectClose(out.statistic, e.zval, 1e-9);
    expectClose(out.logLimitEstimate, e.est, 1e-9);
    expectClose(out.limitEstimate, Math.exp(e.est), 1e-9);
    const sqrtni = await json('--egger', '--egger-predictor', 'sqrtni');
    expect(sqrtni.limitEstimate).toBeNull();
    expect(sqrtni.transformed).toBeNull();
  });
  it('--bias: one table of every test that applies', async () => {
    const r = await cli('--bias');
    expect(r.code).toBe(0);
    for (const name of [
      'Egger regression',
      'Begg–Mazumdar',
      'Harbord',
      'Peters',
      'Trim and fill (L0)',
    ])
      expect(r.stdout).toContain(name);
    const out = await json('--bias');
    expectClose(out.ranktest.p, fx.ranktest.bcg.pval, 1e-9);
    expectClose(out.egger.p, fx.regtest.bcg_sei_rma_REML_z.pval, 1e-6);
  });
  it('bad usage: one line, exit 2', async () => {
    for (const [flags, message] of [
      [['--estimator', 'R0'], /with --trimfill/],
      [['--fsn-type', 'Orwin'], /with --fsn/],
      [['--egger-predictor', 'vi'], /with --egger/],
      [['--trimfill', '--ranktest'], /one diagnostic per run/],
      [['--trimfill', '--subgroup', 'x'], /not with --trimfill/],
    ] as [string[], RegExp][]) {
      const r = await cli(...flags);
      expect(r.code, flags.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    const generic = await runCli(['meta', '-', '--measure', 'GEN', '--harbord'], {
      stdin: 'study,yi,vi\na,0.1,0.02\nb,0.3,0.05\nc,0.2,0.04\n',
    });
    expect(generic.code).toBe(2);
    expect(generic.stderr).toMatch(/binary input/);
  });
});

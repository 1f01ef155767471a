import { describe, expect, it } from 'vitest';
import { checkDataset } from '../../../src/analysis/check-dataset.js';
import { hrReportedFromRow } from '../../../src/analysis/hr-reported-from-row.js';
import { loadDataset, type ReportedComparisonRow } from '../../../src/data/index.js';
import { normalQuantile } from '../../../src/stats/dist/index.js';
import { deriveHazardRatio } from '../../../src/stats/survival/derive-hazard-ratio.js';
import { expectClose } from '../../support/close.js';
import { runCli } from '../../support/cli.js';

const dataset = await loadDataset('companion-crt');
const row = dataset.tables.find((t) => t.kind === 'reported-comparison')!.table
  .rows[0] as ReportedComparisonRow;

describe('COMPANION (CRT-D vs OPT, all-cause mortality; manual Figure B-5, p. B-22): the HR four ways', () => {
  const { reported, decimals } = hrReportedFromRow(row);
  const r = deriveHazardRatio(reported, { decimals });

  it('reads HR 0.64 (0.48 to 0.86), p 0.003, 105/595 vs 77/308 deaths from the bundled row', () => {
    expect(reported).toEqual({
      hr: 0.64,
      ciLower: 0.48,
      ciUpper: 0.86,
      ciLevel: 0.95,
      p: 0.003,
      events1: 105,
      events2: 77,
      events: 182,
      n1: 595,
      n2: 308,
      logrankP: 0.003,
    });
    expect(r.derivations.map((d) => d.method)).toEqual(['ci', 'p', 'logrank', 'events']);
  });

  it('side by side: SE 0.1488 (CI), 0.1504 (p), 0.1564 (log-rank with events), 0.1500 (events per arm)', () => {
    const se = Object.fromEntries(r.derivations.map((d) => [d.method, d.se]));
    const z975 = normalQuantile(0.975);
    expectClose(se.ci, (Math.log(0.86) - Math.log(0.48)) / (2 * z975), 1e-12);
    expectClose(se.p, Math.log(0.64) / normalQuantile(0.0015), 1e-12);
    expectClose(se.events, Math.sqrt(1 / 105 + 1 / 77), 1e-12);
    // Log-rank with the allocation 595:308: V = d·R/(1 + R)², log HR = −z/√V (HR < 1).
    const R = 595 / 308;
    const v = (182 * R) / (1 + R) ** 2;
    expectClose(se.logrank, 1 / Math.sqrt(v), 1e-12);
    expectClose(
      r.derivations.find((d) => d.method === 'logrank')!.logHr,
      normalQuantile(0.0015) / Math.sqrt(v),
      1e-12,
    );
  });

  it('no disagreement beyond rounding: the printed figures fit each other', () => {
    expect(r.consistent).toBe(true);
    expect(r.agreement.every((a) => a.verdict === 'consistent' || a.verdict === 'close')).toBe(
      true,
    );
  });

  it('the audit (trialstat check) checks the HR row: p vs CI and three derivations, all reproduced', () => {
    const items = checkDataset(dataset);
    expect(items.map((i) => [i.quantity, i.status])).toEqual([
      ['p vs CI', 'reproduced'],
      ['HR from HR with its exact p-value', 'reproduced'],
      ['HR from log-rank p (or z, χ²) with the number of events', 'reproduced'],
      ['HR from HR with the number of events', 'reproduced'],
    ]);
  });

  it('a misprinted CI (0.48 to 0.68) is flagged against the printed p: discrepant', () => {
    const bad = deriveHazardRatio({ ...reported, ciUpper: 0.68 }, { decimals });
    expect(bad.consistent).toBe(false);
    expect(bad.agreement.find((a) => a.methods.join() === 'ci,p')?.verdict).toBe('discrepant');
  });

  it('trialstat survival meta companion-crt: one study, derived from its CI', async () => {
    const out = await runCli(['survival', 'meta', 'companion-crt', '--json']);
    expect(out.code, out.stderr).toBe(0);
    const json = JSON.parse(out.stdout);
    expect(json.studies[0].derivation).toBe('ci');
    expectClose(json.pooled.hr, 0.64, 1e-12);
  });
});

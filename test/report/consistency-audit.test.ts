import { describe, expect, it } from 'vitest';
import { ANALYSES } from '../../src/report/analyses/index.js';
import { loadReportDataset } from '../../src/report/bundled-datasets.js';
import type { ReportDataset } from '../../src/report/dataset.js';

const audit = ANALYSES.get('consistency-audit')!;

async function combined(...names: string[]): Promise<ReportDataset> {
  const parts = await Promise.all(names.map((name) => loadReportDataset(name)));
  return { ...parts[0], name: names.join(' + '), tables: parts.flatMap((p) => p.tables) };
}

describe('consistency-audit analysis', () => {
  it('flags the impossible percentages of seed 001 (published-figures.md, "Figures that a consistency audit should examine")', async () => {
    const out = audit.run(await loadReportDataset('seed-figures-audit'), {
      quantities: ['percent'],
    });
    if (out.view.kind !== 'percent-audit') throw new Error('wrong view');
    const impossible = out.view.rows.filter((r) => !r.consistent).map((r) => r.label);
    expect(impossible).toContain('60% of 11 — llanso-2024-hla-drb1-imnm');
    expect(impossible).toContain('73% of 12 — jasinski-2017-itp-cr-abstract');
    expect(impossible).toContain('11% of 15 — dazukibart-sae-as-labelled-150mg');
    const hla = out.view.rows.find((r) => r.label.startsWith('60% of 11'))!;
    // The nearest counts are 6/11 = 54.5 % and 7/11 = 63.6 %, both outside ±0.5 points.
    expect(hla.nearest.map((d) => d.count)).toEqual([6, 7]);
    expect(hla.nearest.every((d) => Math.abs(d.difference) > hla.half)).toBe(true);
    const possible = out.view.rows.find((r) => r.label.startsWith('22% of 202'))!;
    expect(possible).toMatchObject({ consistent: true, verdict: '44/202 or 45/202' });
  });

  it('names each figure by its own dataset when datasets are combined, and shows the SD a p implies', async () => {
    const out = audit.run(await combined('rapami', 'miles-lam', 'dazukibart'), {
      quantities: ['p', 'p vs CI', 'estimate'],
    });
    const figures = new Set(out.table.rows.map((r) => r.figure.split(':')[0]));
    expect(figures).toEqual(new Set(['rapami', 'miles-lam', 'dazukibart']));
    const walk = out.table.rows.find(
      (r) => r.figure === 'rapami: Rapami' && r.what === '6MWD' && r.quantity === 'p',
    )!;
    expect(walk.reason).toContain('implies a pooled SD of 52.36 m');
    expect(out.notes.some((n) => n.includes('52.36 m'))).toBe(true);
  });

  it('filters by verdict', async () => {
    const out = audit.run(await loadReportDataset('seed-figures-audit'), {
      statuses: ['discrepant'],
    });
    expect(out.table.rows.length).toBeGreaterThan(0);
    expect(out.table.rows.every((r) => r.verdict.startsWith('DISCREPANT'))).toBe(true);
  });
});

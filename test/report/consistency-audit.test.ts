import { describe, expect, it } from 'vitest';
import { ANALYSES } from '../../src/report/analyses/index.js';
import { loadReportDataset } from '../../src/report/bundled-datasets.js';

const audit = ANALYSES.get('consistency-audit')!;

describe('consistency-audit: honest verdicts and registry checks in the audit report', () => {
  it('shows derived figures as "consistent by construction" and summarises independent reproductions apart', async () => {
    const out = audit.run(await loadReportDataset('dazukibart'), { quantities: ['percent'] });
    const sae600 = out.table.rows.find(
      (r) =>
        r.what === 'serious adverse events' && r.reported === '11%' && r.recomputed !== '26.67',
    )!;
    expect(sae600.verdict).toBe('derived (consistent by construction)');
    expect(out.notes[0]).toMatch(
      /^1 figures reproduced independently, 4 consistent by construction \(derived\), 1 discrepant \(1 distinct figure\)/,
    );
  });

  it('runs the registry-level checks with the source dates a report dataset carries', async () => {
    const out = audit.run(await loadReportDataset('myositis-trials-2025'), {
      quantities: ['status vs end date', 'registry id'],
    });
    expect(out.table.rows.map((r) => [r.figure, r.quantity])).toEqual([
      ['myositis-trials-2025: ADSVF-in-IBM', 'status vs end date'],
      ['myositis-trials-2025: ADSVF-in-IBM (seed-001 reading)', 'status vs end date'],
      ['myositis-trials-2025: Ruxolitinib cream (Cleveland Clinic)', 'registry id'],
      ['myositis-trials-2025: Ruxoprubart (NM8074) trial', 'registry id'],
    ]);
  });
});

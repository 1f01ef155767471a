import { describe, expect, it } from 'vitest';
import { ANALYSES } from '../../src/report/analyses/index.js';
import { CHARTS } from '../../src/report/charts/index.js';
import { renderSvg } from '../../src/report/render.js';
import { boinBoundaries, boinDecisionTable } from '../../src/stats/design/boin.js';
import { groupSequentialDesign } from '../../src/stats/design/group-sequential-design.js';

const empty = { name: 'x', title: 'x', sources: [], derivations: [], notes: [], tables: [] };

async function renders(chart: string, analysis: string, options: Record<string, unknown>) {
  const out = ANALYSES.get(analysis)!.run(empty, options);
  const made = CHARTS.get(chart)!.make(out.view, { title: chart });
  const rendered = await renderSvg(made.spec, {
    idPrefix: chart,
    title: chart,
    description: made.description,
  });
  expect(made.warnings).toEqual([]);
  expect(rendered.warnings).toEqual([]);
  expect(rendered.svg).toMatch(/^<svg[^>]* role="img"/);
  return { out, rendered };
}

describe('design report charts (issue 11 item 7, issue 13 item 7)', () => {
  it('dose-selection: grouped bars per dose with a "No MTD" category, one bar per design', async () => {
    const { out, rendered } = await renders('dose-selection', 'three-plus-three', {
      doses: ['5', '10', '20'],
      scenarios: ['0.05, 0.10, 0.20'],
      compare: ['boin'],
    });
    expect(out.view.kind).toBe('dose-selection');
    expect(rendered.svg).toContain('No MTD');
    expect(rendered.svg).not.toContain('Power (%)');
  });
  it('decision-table: the BOIN table of its boundaries, letters in the cells', async () => {
    const { out, rendered } = await renders('decision-table', 'dose-decision-table', {
      design: 'boin',
      target: 0.25,
      maxN: 9,
    });
    if (out.view.kind !== 'decision-table') throw new Error('wrong view');
    expect(out.view.decisions).toEqual(
      boinDecisionTable(boinBoundaries(0.25, { maxN: 9 })).decisions,
    );
    expect(rendered.svg).toContain('>DU<');
    // Target 0.25: λd = 0.2984, so 1 DLT of 3 (0.33) already de-escalates.
    expect(out.table.rows[2]).toEqual({
      n: '3',
      escalate: '≤ 0',
      deescalate: '≥ 1',
      exclude: '≥ 3',
    });
  });
  it('group-sequential-boundaries: the design of groupSequentialDesign, no legend conflict', async () => {
    const { out } = await renders('group-sequential-boundaries', 'group-sequential', {
      looks: 3,
      futility: 'bsOF',
    });
    if (out.view.kind !== 'boundaries') throw new Error('wrong view');
    const d = groupSequentialDesign({ kMax: 3, futility: { type: 'bsOF' } });
    expect(out.view.looks.map((l) => l.critical)).toEqual(d.criticalValues);
    expect(out.table.rows.map((r) => r.z)).toEqual(['3.710', '2.511', '1.993']);
  });
});

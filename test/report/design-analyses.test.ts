import { describe, expect, it } from 'vitest';
import { ANALYSES } from '../../src/report/analyses/index.js';
import { loadReportDataset } from '../../src/report/bundled-datasets.js';
import { threePlusThree } from '../../src/stats/design/three-plus-three.js';
import { expectClose } from '../support/close.js';

const run = (
  name: string,
  dataset: Awaited<ReturnType<typeof loadReportDataset>>,
  options: Record<string, unknown>,
) => ANALYSES.get(name)!.run(dataset, options);

describe('two-mean-power', () => {
  it('matches R power.t.test with the IBMFRS SD 4.6 (JNNP 2024): n = 84.0124 for 80 % at Δ = 2, power 0.7238 at n = 70', async () => {
    const out = run('two-mean-power', await loadReportDataset('design-inputs'), {
      outcome: 'IBMFRS total score',
      deltas: [2],
      sizes: [70],
    });
    if (out.view.kind !== 'power') throw new Error('wrong view');
    // R 4.2.2: power.t.test(n = 70, delta = 2, sd = 4.6)$power; power.t.test(delta = 2, sd = 4.6, power = 0.8)$n
    expectClose(out.view.series[0].points[0].power, 0.723846827892465, 1e-8);
    expect(out.table.rows[0].n80).toBe('84.01 → 85');
  });

  it('pools the SD of the MILES 6MWD change (51 and 59 m; R: 55.5265) and matches power.t.test', async () => {
    const out = run('two-mean-power', await loadReportDataset('miles-lam'), {
      outcome: '6MWD',
      scale: 'change',
      deltas: [34.4],
      sizes: [40],
    });
    if (out.view.kind !== 'power') throw new Error('wrong view');
    expect(out.notes[0]).toContain('55.53');
    // R: power.t.test(n = 40, delta = 34.4, sd = sqrt((33*51^2 + 40*59^2)/73))$power
    expectClose(out.view.series[0].points[0].power, 0.781235005370824, 1e-8);
  });

  it('fails clearly when no SD is available', async () => {
    const rapami = await loadReportDataset('rapami');
    expect(() =>
      run('two-mean-power', rapami, {
        outcome: '6MWD',
        scale: 'change',
        deltas: [30],
        sizes: [40],
      }),
    ).toThrow(/no change rows with an SD/);
  });
});

describe('three-plus-three and simon-design analyses', () => {
  it('tabulates the exact 3+3 characteristics per scenario', async () => {
    const out = run('three-plus-three', await loadReportDataset('myositis-trials-2025'), {
      doses: ['5', '10', '20'],
      scenarios: ['0.05, 0.10, 0.20'],
    });
    if (out.view.kind !== 'dose-selection') throw new Error('wrong view');
    const exact = threePlusThree([0.05, 0.1, 0.2]);
    expect(out.view.scenarios[0].designs[0].pSelect).toEqual(exact.pSelect);
    // P(no MTD) is a category of its own (issue 11: it was missing from the power-curve chart).
    expect(out.view.scenarios[0].designs[0].pNone).toBe(exact.pNone);
    expect(() =>
      run(
        'three-plus-three',
        { name: 'x', title: 'x', sources: [], derivations: [], notes: [], tables: [] },
        { doses: ['5', '10'], scenarios: ['0.1'] },
      ),
    ).toThrow(/scenarios\[0\]: expected 2 probabilities/);
  });

  it('puts BOIN and CRM beside 3+3 on the same scenarios and checks a planned total', async () => {
    const out = run('three-plus-three', await loadReportDataset('myositis-trials-2025'), {
      doses: ['5', '10', '20'],
      scenarios: ['0.05, 0.10, 0.20', '0.30, 0.45, 0.60'],
      compare: ['boin', 'crm'],
      target: 0.25,
      reps: 200,
      seed: 2,
      groups: 2,
      planned: 32,
    });
    if (out.view.kind !== 'dose-selection') throw new Error('wrong view');
    expect(out.view.scenarios[0].designs.map((d) => d.design)).toEqual(['3+3', 'BOIN', 'CRM']);
    for (const s of out.view.scenarios)
      for (const d of s.designs)
        expect(d.pSelect.reduce((a, b) => a + b, 0) + d.pNone).toBeCloseTo(1, 10);
    expect(out.notes[0]).toContain(
      '2 together need 6 to 36; 32 is within that range but not a multiple of 3',
    );
    expect(out.methods.join(' ')).toContain('BOIN (Liu & Yuan 2015');
  });

  it('the Simon chart is not a power curve: its y-axis is P(declare the drug active)', async () => {
    const out = run('simon-design', await loadReportDataset('jaki-jdm'), { p0: 0.1, p1: 0.3 });
    if (out.view.kind !== 'power') throw new Error('wrong view');
    expect(out.view.yTitle).toBe('P(declare the drug active) (%)');
  });

  it("gives Simon's optimal and minimax designs (Simon 1989, Table 1: 1/10, 5/29 and 1/15, 5/25)", async () => {
    const out = run('simon-design', await loadReportDataset('jaki-jdm'), { p0: 0.1, p1: 0.3 });
    expect(out.table.rows.map((r) => `${r.stage1}, ${r.overall}`)).toEqual([
      '1/10, 5/29',
      '1/15, 5/25',
    ]);
  });
});

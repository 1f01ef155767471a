import { describe, expect, it } from 'vitest';
import { checkDataset } from '../../src/analysis/check-dataset.js';
import { loadDataset } from '../../src/data/index.js';

/** Issue 15 §4: the datasets corrected against the seeds and completed, each with its source. */
const rowsOf = async (name: string, file: string) => {
  const dataset = await loadDataset(name);
  const table = dataset.tables.find((t) => t.file.endsWith(file));
  if (!table) throw new Error(`${name}/${file} not found`);
  return table.table.rows as unknown as Record<string, unknown>[];
};

describe('issue 15 corrections (labels against the seeds)', () => {
  it('Greco 2024 (EBMT): stem-cell transplantation, not "autologous" (seed-001 line 1419)', async () => {
    const greco = (await rowsOf('myositis-small-series', 'series.csv')).find((r) =>
      String(r.study).startsWith('Greco 2024'),
    )!;
    expect(greco.group).not.toMatch(/autologous/i);
    expect(greco.note).toContain('greffe de cellules souches');
  });

  it('NCT06672822: an overlap of connective-tissue diseases, not mixed connective tissue disease', async () => {
    const row = (await rowsOf('myositis-trials-2025', 'trials.csv')).find(
      (r) => r.registry_id === 'NCT06672822',
    )!;
    expect(row.condition).toContain('overlap of several connective-tissue diseases');
    expect(row.condition).not.toContain('mixed connective tissue disease');
  });

  it('IBMFRS decline: 6.3 % of the 0–40 range = −2.52 points a year, scale change (not percent-change)', async () => {
    const row = (await rowsOf('design-inputs', 'ibmfrs.csv')).find((r) => r.n === 181)!;
    expect(row).toMatchObject({
      scale: 'change',
      mean: -2.52,
      ci_lower: -2.88,
      ci_upper: -2.2,
      unit: 'points',
    });
    expect(row.derived).toContain('mean:percent-of-range');
  });

  it('dazukibart −18.8: the skin-predominant cohort, not the full cohort (seed-001 line 1172)', async () => {
    const rows = await rowsOf('dazukibart', 'arms-continuous.csv');
    expect(rows.some((r) => r.population === 'full cohort')).toBe(false);
    expect(rows.find((r) => r.mean === -18.8)!.population).toBe('skin-predominant cohort');
  });

  it('MILES: the numbers randomised (43 placebo, 46 sirolimus) are in the paper', async () => {
    const notes = (await loadDataset('miles-lam')).meta.notes ?? [];
    expect(notes.join(' ')).toContain('43 to placebo and 46 to sirolimus');
  });

  it('sirolimus-cytopenia: the published Jasinski reading (73 % of 12) is primary; 10/12 and 8/11 are alternatives', async () => {
    const series = await rowsOf('sirolimus-cytopenia', 'series.csv');
    const itp = series.filter(
      (r) => r.study === 'Jasinski 2017' && String(r.group).startsWith('ITP'),
    );
    expect(itp.map((r) => [r.group, r.events, r.n, r.reading])).toEqual([
      ['ITP (seed-004 reading)', 10, 12, 'alternative'],
      ['ITP (hypothesised 8/11)', 8, 11, 'alternative'],
    ]);
    const printed = await rowsOf('sirolimus-cytopenia', 'printed.csv');
    expect(printed.map((r) => [r.percent, r.n ?? null, r.reading, r.source])).toEqual([
      [73, 12, 'primary', 'jasinski-2017'],
      [83, 12, 'alternative', 'seed-004'],
      [78, null, 'primary', 'jasinski-2017'],
      [63, null, 'alternative', 'seed-004'],
    ]);
    const durations = await rowsOf('sirolimus-cytopenia', 'response-duration.csv');
    expect(durations.map((r) => [r.trial, r.median, r.unit])).toEqual([
      ['Jasinski 2017', 22, 'months'],
      ['Miano 2018', 15, 'months'],
    ]);
  });
});

describe('issue 15 landscape readings and statuses (myositis-trials-2025)', () => {
  it('every trial has a status', async () => {
    const rows = await rowsOf('myositis-trials-2025', 'trials.csv');
    expect(rows.filter((r) => r.status === undefined).map((r) => r.name)).toEqual([]);
  });

  it('RAPAMI: phase 2 (publication "phase 2b"), 45–80 years, 2015–2017, with seed-000\'s "phase II/III" as a reading', async () => {
    const rows = (await rowsOf('myositis-trials-2025', 'trials.csv')).filter(
      (r) => r.registry_id === 'NCT02481453',
    );
    expect(
      rows.map((r) => [r.name, r.phase, r.age_min, r.age_max, r.start, r.end, r.reading]),
    ).toEqual([
      ['RAPAMI', '2', 45, 80, '2015', '2017', 'primary'],
      ['RAPAMI (seed-000 reading)', '2/3', 45, 80, '2015', '2017', 'alternative'],
    ]);
  });

  it('Optimism ("déjà recrutés" vs "is recruiting 140") and ADSVF-in-IBM (uncultured, 6 months vs modified, 7 months) as readings', async () => {
    const rows = await rowsOf('myositis-trials-2025', 'trials.csv');
    const optimism = rows.filter((r) => r.registry_id === 'NCT04789070');
    expect(optimism.map((r) => [r.status, r.reading, r.source])).toEqual([
      ['active', 'primary', 'seed-001'],
      ['recruiting', 'alternative', 'seed-000'],
    ]);
    const adsvf = rows.filter((r) => r.registry_id === 'NCT05032131');
    expect(adsvf.map((r) => r.reading)).toEqual(['primary', 'alternative']);
    expect(adsvf[0].intervention).toContain('uncultured');
    expect(adsvf[0].intervention).toContain('month 6');
    expect(adsvf[1].intervention).toContain('modifiées');
    expect(adsvf[1].intervention).toContain("7 months' follow-up");
  });
});

describe('issue 15 completions', () => {
  it('the ADSVF-in-IBM design as structured data: two groups × 5/10/20 million cells, 3+3, DLT day 0–30, AEs to month 6', async () => {
    const levels = await rowsOf('adsvf-in-ibm', 'escalation.csv');
    expect(levels.map((r) => [r.group, r.level, r.dose])).toEqual([
      ['group 1', 1, 5],
      ['group 1', 2, 10],
      ['group 1', 3, 20],
      ['group 2', 1, 5],
      ['group 2', 2, 10],
      ['group 2', 3, 20],
    ]);
    for (const r of levels)
      expect(r).toMatchObject({
        rule: '3+3',
        cohort_size: 3,
        dlt_from_day: 0,
        dlt_to_day: 30,
        follow_up_months: 6,
        dose_unit: 'million cells',
      });
    const [trial] = await rowsOf('adsvf-in-ibm', 'registry.csv');
    expect(trial).toMatchObject({
      enrolment: 32,
      age_min: 45,
      age_max: 80,
      start: '2023-02-01',
      end: '2024-04',
      phase: '1',
    });
    const thresholds = (await rowsOf('adsvf-in-ibm', 'eligibility.csv')).filter(
      (r) => r.value !== undefined,
    );
    expect(thresholds.map((r) => `${r.variable} ${r.relation} ${r.value}`)).toEqual(
      expect.arrayContaining([
        'BMI < 18',
        'FVC < 50',
        'FEV1 < 50',
        'eGFR < 15',
        'age >= 45',
        'age (upper) <= 80',
      ]),
    );
  });

  it('RAY121: 60 % vs 30 % of 40 volunteers fits three splits only', async () => {
    const item = checkDataset(await loadDataset('seed-figures-audit')).find(
      (i) => i.quantity === 'arm split',
    )!;
    expect(item).toMatchObject({
      trial: 'haranaka-2024-ray121',
      status: 'reproduced',
      recomputed: 3,
    });
    expect(item.reason).toContain(
      '10 + 30 (6/10, 9/30); 20 + 20 (12/20, 6/20); 30 + 10 (18/30, 3/10)',
    );
  });

  it('verbal fractions: "près du quart" of 191, "la moitié" of 55, "un tiers" of 400 — listed, not judged', async () => {
    const items = checkDataset(await loadDataset('seed-figures-audit')).filter(
      (i) => i.quantity === 'verbal fraction',
    );
    expect(items.map((i) => [i.trial, i.status])).toEqual([
      ['wanberg-2024-diagnosis-delay', 'not-checkable'],
      ['maccora-2025-remission', 'not-checkable'],
      ['lodin-2024-wearables', 'not-checkable'],
    ]);
    expect(items[1].reason).toContain('the words stand for 27 or 28');
  });
});

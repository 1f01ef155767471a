import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ANALYSES } from '../../src/report/analyses/index.js';
import type { AnalysisView } from '../../src/report/analyses/analysis.js';
import { loadReportDataset } from '../../src/report/bundled-datasets.js';

// R reference values: test/reference/report.R (fisher.test, metafor::escalc, prop.test, power.prop.test, qnorm/pnorm).
const R = JSON.parse(
  readFileSync(new URL('../reference/fixtures/report.json', import.meta.url), 'utf8'),
);

function close(actual: number, expected: number, rel = 1e-10): void {
  expect(
    Math.abs(actual - expected) / Math.abs(expected),
    `${actual} vs ${expected}`,
  ).toBeLessThanOrEqual(rel);
}

async function run(name: string, dataset: string, options: Record<string, unknown>) {
  return ANALYSES.get(name)!.run(await loadReportDataset(dataset), options);
}

const as = <K extends AnalysisView['kind']>(view: AnalysisView, kind: K) => {
  expect(view.kind).toBe(kind);
  return view as Extract<AnalysisView, { kind: K }>;
};

describe('report analyses on the bundled datasets, against R', () => {
  it('binary-comparison: Rapami serious AEs (Wilson, Katz RR in the table, Fisher p)', async () => {
    const out = await run('binary-comparison', 'rapami', {
      arm: 'sirolimus',
      comparator: 'placebo',
      outcomes: ['serious adverse events'],
    });
    const view = as(out.view, 'adverse-events');
    const [sirolimus, placebo] = view.rates;
    expect([
      sirolimus.arm,
      sirolimus.events,
      sirolimus.n,
      placebo.arm,
      placebo.events,
      placebo.n,
    ]).toEqual(['sirolimus', 10, 22, 'placebo', 6, 22]);
    close(sirolimus.lower, R.rapami_sae.wilson_sirolimus[0]);
    close(sirolimus.upper, R.rapami_sae.wilson_sirolimus[1]);
    close(placebo.lower, R.rapami_sae.wilson_placebo[0]);
    close(placebo.upper, R.rapami_sae.wilson_placebo[1]);
    close(view.differences[0].estimate, 4 / 22);
    expect(out.table.rows[0].p).toBe('0.35'); // R: 0.3475
    expect(out.table.rows[0].rr).toBe('1.67 (0.73 to 3.79)'); // one count of decimals for estimate and limits; // R escalc: 1.667 (0.7328 to 3.791)
    expect(R.rapami_sae.fisher_p).toBeCloseTo(0.3475, 4);
  });

  it('binary-ratios: IBM veterans diabetes, Woolf OR and Katz RR', async () => {
    for (const measure of ['OR', 'RR'] as const) {
      const out = await run('binary-ratios', 'ibm-veterans', {
        measure,
        arm: 'IBM',
        comparator: 'no IBM',
        outcomes: ['diabetes'],
      });
      const [row] = as(out.view, 'effects').rows;
      const ref = R.ibm_diabetes[measure.toLowerCase()];
      close(row.estimate, ref.estimate);
      close(row.lower, ref.lower);
      close(row.upper, ref.upper);
    }
  });

  it('single-proportions: Rapami follow-up, Wilson intervals as prop.test(correct = FALSE)', async () => {
    const out = await run('single-proportions', 'rapami', {});
    const rows = as(out.view, 'proportions').rows;
    const byCount = Object.fromEntries(rows.map((r) => [`${r.events}/${r.n}`, r]));
    close(byCount['21/22'].lower, R.rapami_followup.wilson_21_22[0]);
    close(byCount['21/22'].upper, R.rapami_followup.wilson_21_22[1]);
    close(byCount['6/8'].lower, R.rapami_followup.wilson_6_8[0]);
    close(byCount['6/8'].upper, R.rapami_followup.wilson_6_8[1]);
  });

  it('two-proportion-power: power.prop.test at the observed Rapami SAE rates', async () => {
    const sizes = [22, 40, 60, 80, 100, 120, 160, 200];
    const out = await run('two-proportion-power', 'rapami', {
      arm: 'sirolimus',
      comparator: 'placebo',
      outcomes: ['serious adverse events'],
      sizes,
    });
    const [series] = as(out.view, 'power').series;
    series.points.forEach((p, i) => close(p.power, R.rapami_sae.power[i], 1e-9));
    expect(out.table.rows[0].needed).toBe(String(R.rapami_sae.n80));
  });

  it('ci-level-readings: dazukibart CDASI-A interval read as 90 % and 95 %', async () => {
    const out = await run('ci-level-readings', 'dazukibart', {
      measure: 'LSMD',
      readings: [0.9, 0.95],
    });
    // Each printed comparison is a subgroup of the forest; its rows are the readings.
    const rows = as(out.view, 'effects').rows.map((r) => ({
      ...r,
      label: `${r.group}: ${r.label}`,
    }));
    const read90 = rows.find(
      (r) =>
        r.label.includes('600 mg') && r.label.includes('pooled') && r.label.includes('read as 90%'),
    )!;
    const read95 = rows.find(
      (r) =>
        r.label.includes('600 mg') && r.label.includes('pooled') && r.label.includes('read as 95%'),
    )!;
    close(read90.lower, R.dazukibart_readings.read90.lower);
    close(read90.upper, R.dazukibart_readings.read90.upper);
    close(read95.lower, R.dazukibart_readings.read95.lower);
    close(read95.upper, R.dazukibart_readings.read95.upper);
    expect(out.notes[0]).toMatch(/^Derived: the SE/);
  });
});

describe('pooled-proportions against metafor rma(measure = "PLO", method = "REML")', () => {
  const cases = [
    {
      name: 'sirolimus complete response',
      dataset: 'sirolimus-cytopenia',
      ref: 'pooled_sirolimus',
      options: {
        outcomes: ['complete response'],
        // Jasinski ITP is not pooled: the published 73 % of 12 fits no count (issue 15).
        groups: ['ALPS', 'multilineage cytopenias (non-ALPS)', 'Evans syndrome'],
      },
    },
    {
      name: 'JAK inhibitors in JDM',
      dataset: 'jaki-jdm',
      ref: 'pooled_jaki',
      options: {
        outcomes: [
          'complete response at one year',
          'clinically inactive disease within 6 months',
          'complete response at week 24',
        ],
        groups: [
          'refractory JDM (baricitinib or ruxolitinib)',
          'JDM (9 refractory and 1 new-onset; ruxolitinib 7 or baricitinib 3)',
          'refractory and/or severe JDM (baricitinib)',
        ],
      },
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const out = await run('pooled-proportions', c.dataset, c.options);
      const view = as(out.view, 'effects');
      const ref = R[c.ref];
      // REML is iterative: 1e-6 relative (HELPERS.md), on percentages.
      close(view.pooled!.estimate, 100 * ref.estimate, 1e-6);
      close(view.pooled!.lower, 100 * ref.lower, 1e-6);
      close(view.pooled!.upper, 100 * ref.upper, 1e-6);
      close(view.pooled!.predictionLower!, 100 * ref.pi_lower, 1e-6);
      close(view.pooled!.predictionUpper!, 100 * ref.pi_upper, 1e-6);
      view.rows.forEach((row, i) => {
        close(row.weight!, ref.weights[i], 1e-6);
        close(row.lower, 100 * ref.study_lower[i], 1e-10);
        close(row.upper, 100 * ref.study_upper[i], 1e-10);
      });
      expect(view.reference).toBeNull();
    });
  }
});

describe('mean-difference and arm-means against R (Welch t from summaries; Cochrane SD from p)', () => {
  it('Rapami 6MWD with the SD derived from p = 0.035, and MILES 6MWD with printed SDs', async () => {
    const out = await run('mean-difference', 'rapami', {
      arm: 'sirolimus',
      comparator: 'placebo',
      outcomes: ['6MWD'],
    });
    const [rapami] = as(out.view, 'effects').rows;
    close(rapami.estimate, R.rapami_6mwd.md);
    close(rapami.lower, R.rapami_6mwd.lower);
    close(rapami.upper, R.rapami_6mwd.upper);
    expect(out.table.rows[0].p).toBe('0.035'); // equals the reported p by construction
    expect(out.notes[0]).toMatch(/pooled SD of 52\.4 m is derived from the reported p = 0\.035/);
    const miles = await run('mean-difference', 'miles-lam', {
      arm: 'sirolimus',
      comparator: 'placebo',
      outcomes: ['6MWD', 'FEV1'],
    });
    const rows = as(miles.view, 'effects').rows;
    const byLabel = Object.fromEntries(rows.map((r) => [r.label, r]));
    for (const [label, ref] of [
      ['6MWD', R.miles_6mwd],
      ['FEV1', R.miles_fev1],
    ] as const) {
      close(byLabel[label].estimate, ref.md);
      close(byLabel[label].lower, ref.lower);
      close(byLabel[label].upper, ref.upper);
    }
    expect(miles.notes).toEqual([]);
  });

  it('arm-means: t interval of the Rapami sirolimus 6MWD change', async () => {
    const out = await run('arm-means', 'rapami', {
      arm: 'sirolimus',
      comparator: 'placebo',
      outcomes: ['6MWD'],
    });
    const sirolimus = as(out.view, 'arm-summary').rows.find((r) => r.arm === 'sirolimus')!;
    close(sirolimus.lower!, R.rapami_6mwd.arm_ci[0]);
    close(sirolimus.upper!, R.rapami_6mwd.arm_ci[1]);
  });
});

describe('analyses across datasets and arms', () => {
  it('binary-ratios RD: one row per trial and dose, labelled by trial and arm, in percentage points', async () => {
    const [rapami, dazukibart] = await Promise.all([
      loadReportDataset('rapami'),
      loadReportDataset('dazukibart'),
    ]);
    const both = { ...rapami, tables: [...rapami.tables, ...dazukibart.tables] };
    const out = ANALYSES.get('binary-ratios')!.run(both, {
      measure: 'RD',
      arm: ['sirolimus', 'dazukibart 600 mg', 'dazukibart 150 mg'],
      comparator: 'placebo',
      outcomes: ['serious adverse events'],
    });
    const rows = as(out.view, 'effects').rows;
    // The 150 mg SAE row is an alternative reading of the same 4 events (dataset: reading = alternative), so it is left out.
    expect(rows.map((r) => r.label)).toEqual([
      'Rapami, sirolimus vs placebo',
      'Dazukibart phase 2, dazukibart 600 mg vs placebo',
    ]);
    close(rows[0].estimate, 100 * (10 / 22 - 6 / 22));
    close(rows[1].estimate, 100 * (4 / 37 - 1 / 23));
    expect(as(out.view, 'effects').scale).toBe('linear');
  });
});

describe('analysis sets (population column)', () => {
  it('arm-values keeps the pooled skin analysis set apart from the skin-predominant cohort (dazukibart, Lancet 2025)', async () => {
    const dataset = await loadReportDataset('dazukibart');
    const skin = ANALYSES.get('arm-values')!.run(dataset, {
      outcomes: ['CDASI-A'],
      population: 'pooled skin analysis set',
    });
    const all = ANALYSES.get('arm-values')!.run(dataset, { outcomes: ['CDASI-A'] });
    if (skin.view.kind !== 'arm-summary' || all.view.kind !== 'arm-summary')
      throw new Error('wrong view');
    expect(skin.view.rows.map((r) => r.estimate)).toEqual([-19.2, -16.6, -2.9]);
    expect(all.view.rows).toHaveLength(4);
  });
});

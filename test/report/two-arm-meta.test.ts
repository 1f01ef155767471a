import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AnalysisView } from '../../src/report/analyses/analysis.js';
import { ANALYSES } from '../../src/report/analyses/index.js';
import { loadReportDataset } from '../../src/report/bundled-datasets.js';
import { CHARTS } from '../../src/report/charts/index.js';
import type { ReportDataset } from '../../src/report/dataset.js';
import { renderSvg } from '../../src/report/render.js';
import { binaryEffectSizes } from '../../src/stats/meta/binary-effect-sizes.js';
import { mantelHaenszelWeights } from '../../src/stats/meta/mantel-haenszel-weights.js';

// metafor reference values: test/reference/two_arm_meta.R (rma, rma.mh, rma.peto, leave1out,
// influence, trimfill on metadat::dat.bcg), computed independently of trialstat's code.
const R = JSON.parse(
  readFileSync(new URL('../reference/fixtures/two_arm_meta.json', import.meta.url), 'utf8'),
);

function close(actual: number, expected: number, rel: number): void {
  expect(
    Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300),
    `${actual} vs ${expected}`,
  ).toBeLessThanOrEqual(rel);
}

const BCG = {
  arm: 'BCG',
  comparator: 'control',
  outcomes: ['tuberculosis'],
  measure: 'RR',
  armLabel: 'BCG',
  comparatorLabel: 'Control',
  favoursLeft: 'Favours BCG',
  favoursRight: 'Favours control',
};

const run = (dataset: ReportDataset, options: Record<string, unknown>) =>
  ANALYSES.get('two-arm-meta')!.run(dataset, options);

const effects = (view: AnalysisView) => {
  expect(view.kind).toBe('effects');
  return view as Extract<AnalysisView, { kind: 'effects' }>;
};

describe('two-arm-meta: metafor BCG example (golden)', () => {
  it('pooled RR 0.4894 (0.3441 to 0.6962), τ² 0.3132, I² 92.22% as published and as metafor', async () => {
    const out = run(await loadReportDataset('bcg-vaccine'), { ...BCG, method: 'REML' });
    const view = effects(out.view);
    const f = R.reml_z;
    // Iterative REML fit: 1e-6 against metafor.
    close(view.pooled!.estimate, f.rr, 1e-6);
    close(view.pooled!.lower, f.rr_lb, 1e-6);
    close(view.pooled!.upper, f.rr_ub, 1e-6);
    close(view.pooled!.predictionLower!, f.pi_lb, 1e-6);
    close(view.pooled!.predictionUpper!, f.pi_ub, 1e-6);
    // Published: Viechtbauer W (2010), J Stat Softw 36(3):1–48, pp. 19–20 (rma on dat.bcg,
    // predict(res, transf = exp)): estimate −0.7145, RR 0.4894 (0.3441, 0.6962), τ² 0.3132, I² 92.22%.
    expect(view.pooled!.estimate.toFixed(4)).toBe('0.4894');
    expect(view.pooled!.lower.toFixed(4)).toBe('0.3441');
    expect(view.pooled!.upper.toFixed(4)).toBe('0.6962');
    expect(f.tau2.toFixed(4)).toBe('0.3132');
    expect(f.I2.toFixed(2)).toBe('92.22');
    // Per-trial RRs and weights: closed forms (1e-10) and REML weights (1e-6).
    view.rows.forEach((row, i) => {
      expect(row.label).toBe(R.studies[i]);
      close(Math.log(row.estimate), R.yi[i], 1e-10);
      close(row.weight!, f.weights[i], 1e-6);
    });
    expect(view.forest!.effectHeader).toBe('Risk ratio IV, random (REML), 95% CI');
    expect(view.forest!.columns).toEqual(['BCG n/N', 'Control n/N']);
    expect(view.forest!.statements).toEqual([
      'Heterogeneity: τ² = 0.313; Q = 152.23, df = 12 (p < 0.001); I² = 92%',
      'Test for overall effect: z = −3.97 (p < 0.001)',
    ]);
    expect(view.pooled!.cells).toEqual(['191064', '166283']);
    expect(view.pooled!.totals).toEqual({ label: 'Total events', cells: ['1065', '1510'] });
  });

  it('renders the RevMan-style figure byte-identically to the golden SVG', async () => {
    const out = run(await loadReportDataset('bcg-vaccine'), { ...BCG, method: 'REML' });
    const chart = CHARTS.get('forest')!.make(out.view, { title: 'BCG vaccine and tuberculosis' });
    expect(chart.warnings).toEqual([]);
    const { svg, warnings } = await renderSvg(chart.spec, {
      idPrefix: 'bcg',
      title: 'BCG vaccine and tuberculosis',
      description: chart.description,
    });
    expect(warnings).toEqual([]);
    for (const text of [
      '>0.49 (0.34 to 0.70)<',
      '>Total (95% CI)<',
      '>95% prediction interval<',
      '>0.15 to 1.55<',
      '>Weight<',
      '>100.0%<',
      'I² = 92%',
      'τ² = 0.313',
      '>← Favours BCG<',
    ])
      expect(svg).toContain(text);
    await expect(svg).toMatchFileSnapshot('./golden/forest-bcg.svg');
  });

  it('Hartung–Knapp with DL: t(12) inference and the prediction interval from t, as metafor', async () => {
    const out = run(await loadReportDataset('bcg-vaccine'), { ...BCG, method: 'DL', test: 'knha' });
    const view = effects(out.view);
    const f = R.dl_knha;
    close(view.pooled!.estimate, f.rr, 1e-10); // DL is closed form
    close(view.pooled!.lower, f.rr_lb, 1e-10);
    close(view.pooled!.upper, f.rr_ub, 1e-10);
    close(view.pooled!.predictionLower!, f.pi_lb, 1e-10);
    expect(view.forest!.effectHeader).toBe('Risk ratio IV, random (DL, Hartung–Knapp), 95% CI');
    expect(view.forest!.statements![1]).toMatch(/^Test for overall effect: t\(12\) = /);
  });

  it('Mantel–Haenszel and Peto: pooled estimate and the weight column as metafor', async () => {
    const ds = await loadReportDataset('bcg-vaccine');
    const mh = effects(run(ds, { ...BCG, method: 'MH' }).view);
    close(Math.log(mh.pooled!.estimate), R.mh.estimate, 1e-10);
    mh.rows.forEach((row, i) => close(row.weight!, R.mh_weights.RR[i], 1e-10));
    expect(mh.forest!.effectHeader).toBe('Risk ratio M-H, fixed, 95% CI');
    expect(mh.forest!.statements![0]).toBe(
      'Heterogeneity: Q = 152.57, df = 12 (p < 0.001); I² = 92%',
    );
    const peto = effects(run(ds, { ...BCG, measure: 'OR', method: 'Peto' }).view);
    close(Math.log(peto.pooled!.estimate), R.peto.estimate, 1e-10);
    peto.rows.forEach((row, i) => close(row.weight!, R.peto.weights[i], 1e-10));
    const studies = R.studies.map((_: string, i: number) => {
      const yiRows = ds.tables[0].rows;
      const arm = yiRows[2 * i];
      const ctl = yiRows[2 * i + 1];
      return {
        study: R.studies[i],
        events1: arm.events as number,
        n1: arm.n as number,
        events2: ctl.events as number,
        n2: ctl.n as number,
      };
    });
    for (const m of ['OR', 'RD'] as const)
      mantelHaenszelWeights(studies, `MH-${m}`).forEach((w, i) =>
        close(w, R.mh_weights[m][i], 1e-10),
      );
    expect(binaryEffectSizes(studies, 'RR').studies).toHaveLength(13);
    expect(() => run(ds, { ...BCG, method: 'Peto' })).toThrow(/Peto pools odds ratios/);
  });

  it('subgroups by allocation: each REML fit and the test for subgroup differences as metafor', async () => {
    const subgroups = R.alloc.groups.map(
      (g: { name: string; studies: string[] }) => `${g.name}: ${g.studies.join('; ')}`,
    );
    const out = run(await loadReportDataset('bcg-vaccine'), {
      ...BCG,
      method: 'REML',
      subgroups,
    });
    const view = effects(out.view);
    const groups = view.forest!.subgroups!;
    expect(groups.map((g) => g.name)).toEqual(['random', 'alternate', 'systematic']);
    for (const g of groups) {
      const r = R.alloc.groups.find((x: { name: string }) => x.name === g.name);
      close(Math.log(g.pooled!.estimate), r.estimate, 1e-6);
      close(Math.log(g.pooled!.lower), r.ci_lb, 1e-6);
      close(Math.log(g.pooled!.upper), r.ci_ub, 1e-6);
      expect(g.statements![0]).toContain(`Q = ${r.QE.toFixed(2)}`);
    }
    expect(view.forest!.statements![2]).toBe(
      `Test for subgroup differences: Q = ${R.alloc.between.Q.toFixed(2)}, df = 2 (p = ${R.alloc.between.p.toFixed(2)}); I² = 0%`,
    );
    expect(out.table.rows[0].subgroup).toBe('random');
    const bad = { ...BCG, method: 'REML', subgroups: ['random: Aronson 1948'] };
    const ds = await loadReportDataset('bcg-vaccine');
    expect(() => run(ds, bad)).toThrow(/every trial in a subgroup/);
    expect(() => run(ds, { ...bad, subgroups: ['no colon'] })).toThrow(/Subgroup name/);
  });

  it('leave-one-out with influence diagnostics, cumulative by year, funnel with trim and fill', async () => {
    const ds = await loadReportDataset('bcg-vaccine');
    const inf = run(ds, { ...BCG, method: 'REML', show: 'influence' });
    const v = effects(inf.view);
    v.rows.forEach((row, i) => close(Math.log(row.estimate), R.leave1out.estimate[i], 1e-6));
    expect(inf.table.columns.map((c) => c.key)).toContain('cook');
    inf.table.rows.forEach((row, i) => {
      const printed = (x: number) => x.toFixed(3).replace('-', '\u2212');
      expect(row.rstudent).toBe(printed(R.influence.rstudent[i]));
      expect(row.dffits).toBe(printed(R.influence.dffits[i]));
      expect(row.cook).toBe(printed(R.influence.cook[i]));
      expect(row.hat).toBe(printed(R.influence.hat[i]));
      expect(row.influential).toBe(R.influence.inf[i] ? 'yes' : 'no');
    });
    expect(v.funnel).toBeUndefined();

    const cum = effects(
      run(ds, { ...BCG, method: 'REML', show: 'cumulative', cumulativeOrder: 'year' }).view,
    );
    const years = cum.rows.map((r) => Number(r.label.slice(-4)));
    expect(years).toEqual([...years].sort((a, b) => a - b));
    expect(cum.forest!.studyHeader).toBe('Cumulative, by year');
    close(Math.log(cum.rows.at(-1)!.estimate), R.reml_z.estimate, 1e-6);

    const studies = effects(run(ds, { ...BCG, method: 'REML' }).view);
    const filled = studies.funnel!.data.points.filter((p) => p.filled);
    expect(filled).toHaveLength(R.trimfill.k0);
    expect(studies.funnel!.note).toBe(
      `Trim and fill (L0): ${R.trimfill.k0} study estimated missing on the ${R.trimfill.side} (open circles)`,
    );
    const chart = CHARTS.get('funnel')!.make(studies, { title: 'Funnel' });
    expect(chart.description).toMatch(/13 studies and 1 filled by trim and fill/);
    expect(() => CHARTS.get('funnel')!.make(v, { title: 'No funnel' })).toThrow(/show: studies/);
  });

  it('a trial with no events in either arm (0/15 vs 0/23) is "Not estimable", not an RR', async () => {
    const ds = await loadReportDataset('bcg-vaccine');
    const table = ds.tables[0];
    const extra = [
      { ...table.rows[0], trial: 'Zero 2001', arm: 'BCG', events: 0, n: 15 },
      { ...table.rows[1], trial: 'Zero 2001', arm: 'control', events: 0, n: 23 },
    ];
    const withZero: ReportDataset = {
      ...ds,
      tables: [{ ...table, rows: [...table.rows, ...extra] }, ...ds.tables.slice(1)],
    };
    const out = run(withZero, { ...BCG, method: 'REML' });
    const view = effects(out.view);
    const zero = view.rows.find((r) => r.label === 'Zero 2001')!;
    expect(zero.estimable).toBe(false);
    expect(zero.cells).toEqual(['0/15', '0/23']);
    expect(out.table.rows.find((r) => r.study === 'Zero 2001')!.effect).toBe('Not estimable');
    // the other 13 trials pool exactly as before
    close(view.pooled!.estimate, R.reml_z.rr, 1e-6);
    expect(out.notes.some((n) => n.startsWith('Zero 2001 not estimable'))).toBe(true);
    const { svg } = await renderSvg(CHARTS.get('forest')!.make(view, { title: 'z' }).spec, {
      idPrefix: 'z',
      title: 'z',
      description: 'z',
    });
    expect(svg).toContain('>Not estimable<');
  });

  it('homogeneous trials print τ² = 0 and I² = 0%, never an exponent', async () => {
    const ds = await loadReportDataset('bcg-vaccine');
    const table = ds.tables[0];
    const same = ['A 2001', 'B 2002', 'C 2003'].flatMap((trial) => [
      { ...table.rows[0], trial, arm: 'BCG', events: 10, n: 100 },
      { ...table.rows[1], trial, arm: 'control', events: 20, n: 100 },
    ]);
    const out = run({ ...ds, tables: [{ ...table, rows: same }] }, { ...BCG, method: 'REML' });
    const statement = effects(out.view).forest!.statements![0];
    expect(statement).toBe('Heterogeneity: τ² = 0; Q = 0.00, df = 2 (p = 1.00); I² = 0%');
  });
});

describe('a ratio the data cannot identify is "not estimable" in every report view', () => {
  const options = { arm: 'dazukibart 150 mg', comparator: 'placebo', outcomes: ['death'] };
  it('dazukibart 150 mg vs placebo, deaths 0/15 vs 0/23: no RR 1.50 (0.03 to 71.8)', async () => {
    const ds = await loadReportDataset('dazukibart');
    const comparison = ANALYSES.get('binary-comparison')!.run(ds, options);
    expect(comparison.table.rows[0].arm).toMatch(/^0\/15/);
    expect(comparison.table.rows[0].comparator).toMatch(/^0\/23/);
    expect(comparison.table.rows[0].rr).toBe('not estimable');
    const ratios = ANALYSES.get('binary-ratios')!.run(ds, { ...options, measure: 'RR' });
    const view = effects(ratios.view);
    expect(view.rows[0].estimable).toBe(false);
    expect(view.rows[0].cells).toEqual(['0/15', '0/23']);
    expect(ratios.table.rows[0].estimate).toBe('not estimable');
    const chart = CHARTS.get('forest')!.make(view, { title: 'Deaths' });
    const { svg } = await renderSvg(chart.spec, { idPrefix: 'd', title: 'd', description: 'd' });
    expect(svg).toContain('>Not estimable<');
    expect(svg).not.toContain('1.50 (');
    // the RD is identifiable: 0 percentage points
    const rd = ANALYSES.get('binary-ratios')!.run(ds, { ...options, measure: 'RD' });
    expect(effects(rd.view).rows[0].estimable).toBeUndefined();
  });
});

describe('two-arm-meta on arm-continuous tables: MD and SMD as metafor (dat.normand1999)', () => {
  const N = R.normand;
  const rows = N.study.flatMap((trial: string, i: number) =>
    [
      ['specialist', N.n1[i], N.m1[i], N.sd1[i]],
      ['routine', N.n2[i], N.m2[i], N.sd2[i]],
    ].map(([arm, n, mean, sd]) => ({
      trial,
      outcome: 'length of stay',
      timepoint: 'discharge',
      arm,
      n,
      scale: 'value',
      mean_type: 'arithmetic',
      mean,
      sd,
      unit: 'days',
      reading: 'primary',
    })),
  );
  const dataset = async (): Promise<ReportDataset> => {
    const base = await loadReportDataset('miles-lam');
    return {
      ...base,
      name: 'normand',
      tables: [{ path: 'arms-continuous.csv', kind: 'arm-continuous', description: 'x', rows }],
    };
  };
  it.each(['MD', 'SMD'] as const)('%s, REML: trials, weights, pooled, τ², PI', async (measure) => {
    const out = run(await dataset(), {
      arm: 'specialist',
      comparator: 'routine',
      measure,
      method: 'REML',
    });
    const view = effects(out.view);
    const f = N[measure];
    expect(view.scale).toBe('linear');
    view.rows.forEach((row, i) => {
      expect(row.label).toBe(N.study[i]);
      close(row.estimate, f.yi[i], 1e-10);
      close(row.weight!, f.weights[i], 1e-6);
    });
    close(view.pooled!.estimate, f.estimate, 1e-6);
    close(view.pooled!.lower, f.ci_lb, 1e-6);
    close(view.pooled!.upper, f.ci_ub, 1e-6);
    close(view.pooled!.predictionLower!, f.pi_lb, 1e-6);
    close(view.pooled!.predictionUpper!, f.pi_ub, 1e-6);
    expect(view.forest!.columns).toEqual(['specialist mean (SD)', 'N', 'routine mean (SD)', 'N']);
    expect(view.rows[0].cells![1]).toBe(String(N.n1[0]));
    expect(view.pooled!.cells).toEqual([
      '',
      String(N.n1.reduce((a: number, b: number) => a + b, 0)),
      '',
      String(N.n2.reduce((a: number, b: number) => a + b, 0)),
    ]);
    expect(view.pooled!.totals).toBeUndefined();
    expect(view.forest!.statements![0]).toContain(`Q = ${f.QE.toFixed(2)}`);
    expect(out.table.columns.map((c) => c.key)).toContain('armN');
  });
  it('MH and Peto need events', async () => {
    await expect(async () =>
      run(await dataset(), {
        arm: 'specialist',
        comparator: 'routine',
        measure: 'MD',
        method: 'MH',
      }),
    ).rejects.toThrow(/for MD and SMD/);
  });
});

describe('compact forest (phones)', () => {
  it('BCG by allocation fits 390 CSS px with 11 px text: no data or weight columns, statements in lines', async () => {
    const subgroups = R.alloc.groups.map(
      (g: { name: string; studies: string[] }) => `${g.name}: ${g.studies.join('; ')}`,
    );
    const out = run(await loadReportDataset('bcg-vaccine'), { ...BCG, method: 'REML', subgroups });
    const chart = CHARTS.get('forest')!.make(out.view, {
      title: 'BCG vaccine and tuberculosis',
      compact: true,
    });
    const { svg, width } = await renderSvg(chart.spec, {
      idPrefix: 'c',
      title: 't',
      description: chart.description,
    });
    expect(width).toBeLessThanOrEqual(370);
    expect(svg).not.toContain('>Weight<');
    expect(svg).not.toContain('>BCG n/N<');
    expect(svg).not.toContain('>Total events<');
    expect(svg).toContain('>95% CI<');
    expect(svg).toContain('>Heterogeneity: τ² = 0.313;<');
    expect(svg).toContain('>I² = 92%<');
    const sizes = [...svg.matchAll(/font-size="(\d+(?:\.\d+)?)px"/g)].map((m) => Number(m[1]));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(10);
  });
});

import * as vega from 'vega';
import * as vegaLite from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { forestAxis } from '../../src/report/charts/forest-axis.js';
import { rowYear, sortForestRows } from '../../src/report/charts/forest-order.js';
import { forestPlot, type ForestPlotInput } from '../../src/report/charts/forest-plot.js';
import { renderSvg } from '../../src/report/render.js';
import { installTextMetrics } from '../../src/report/text-metrics/text-width.js';

installTextMetrics(vega as unknown as Parameters<typeof installTextMetrics>[0]);

interface Item {
  marktype: string;
  x: number;
  y: number;
  x2?: number;
  width?: number;
  size?: number;
  shape?: string;
  text?: string;
  fontWeight?: string;
}

/** Every leaf item of the rendered scenegraph, in the coordinates of the plot (0 = left edge of the plot area). */
async function scene(spec: TopLevelSpec): Promise<{ items: Item[]; width: number }> {
  const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: 'none' });
  await view.runAsync();
  const items: Item[] = [];
  const walk = (node: { marktype?: string; items?: unknown[] }, marktype?: string): void => {
    for (const child of (node.items ?? []) as Record<string, unknown>[]) {
      if ('marktype' in child) walk(child as never, child.marktype as string);
      else if (marktype === 'group') walk(child as never);
      else items.push({ ...(child as unknown as Item), marktype: marktype ?? '' });
    }
  };
  walk({ items: [(view.scenegraph() as unknown as { root: unknown }).root] } as never);
  const width = view.width();
  view.finalize();
  return { items, width };
}

const texts = (items: Item[]): string[] =>
  items.filter((i) => i.marktype === 'text').map((i) => String(i.text));

const BASE: ForestPlotInput = {
  title: 'Layout',
  axisTitle: 'Risk ratio',
  scale: 'log',
  favours: { left: 'Favours drug', right: 'Favours placebo' },
  columns: ['Drug n/N', 'Placebo n/N'],
  effectHeader: 'Risk ratio M-H, fixed, 95% CI',
  rows: [
    {
      label: 'Trial A 2001',
      estimate: 2,
      lower: 1.2,
      upper: 3.4,
      weight: 20,
      cells: ['10/50', '5/50'],
    },
    {
      label: 'Trial B 1999',
      estimate: 3,
      lower: 1.5,
      upper: 6,
      weight: 60,
      cells: ['30/100', '10/100'],
    },
    {
      label: 'Trial C 2010',
      estimate: 0.5,
      lower: 0.1,
      upper: 2.5,
      weight: 20,
      cells: ['2/40', '4/40'],
    },
    {
      label: 'Trial D 2012',
      estimate: NaN,
      lower: NaN,
      upper: NaN,
      estimable: false,
      cells: ['0/15', '0/23'],
    },
  ],
  pooled: {
    label: 'Total (95% CI)',
    estimate: 2.3,
    lower: 1.6,
    upper: 3.3,
    cells: ['205', '213'],
    totals: { label: 'Total events', cells: ['42', '19'] },
  },
  statements: ['Heterogeneity: Q = 3.10, df = 2 (p = 0.21); I² = 35%'],
};

describe('forest plot layout (rendered scenegraph)', () => {
  it('has the column headers, per-arm cells, totals, weights and statements', async () => {
    const { items } = await scene(forestPlot(BASE).spec);
    const t = texts(items);
    for (const expected of [
      'Study',
      'Drug n/N',
      'Placebo n/N',
      'Risk ratio M-H, fixed, 95% CI',
      'Weight',
      '10/50',
      '0/23',
      'Total (95% CI)',
      '205',
      'Total events',
      '42',
      '2.30 (1.60 to 3.30)',
      '60.0%',
      '100.0%',
      'Heterogeneity: Q = 3.10, df = 2 (p = 0.21); I² = 35%',
    ])
      expect(t, expected).toContain(expected);
    // The weight column is aligned: every weight ends at one x (right-aligned).
    const weights = items.filter((i) => i.marktype === 'text' && /^[\d.]+%$/.test(String(i.text)));
    expect(new Set(weights.map((w) => w.x)).size).toBe(1);
  });

  it('prints "Not estimable" for a 0/15 vs 0/23 row and draws no square or whisker for it', async () => {
    const chart = forestPlot(BASE);
    const { items } = await scene(chart.spec);
    const t = texts(items);
    expect(t).toContain('Not estimable');
    expect(t.some((s) => /^1\.50 \(/.test(s))).toBe(false);
    const squares = items.filter((i) => i.marktype === 'symbol' && i.shape === 'square');
    expect(squares).toHaveLength(3);
    expect(chart.description).toMatch(/1 not estimable/);
  });

  it('square area is proportional to weight', async () => {
    const { items } = await scene(forestPlot(BASE).spec);
    const squares = items.filter((i) => i.marktype === 'symbol' && i.shape === 'square');
    const weightByY = new Map([
      [0, 20],
      [1, 60],
      [2, 20],
    ]);
    const ys = [...new Set(squares.map((s) => s.y))].sort((a, b) => a - b);
    const ratios = squares.map((s) => s.size! / weightByY.get(ys.indexOf(s.y))!);
    for (const r of ratios) expect(r).toBeCloseTo(ratios[0], 10);
    // Area, not side: the heaviest square has three times the area of a 20 % one.
    expect(
      Math.max(...squares.map((s) => s.size!)) / Math.min(...squares.map((s) => s.size!)),
    ).toBeCloseTo(3, 10);
  });

  it('log axis is symmetric about 1; the null line is inside the frame with every CI on one side', async () => {
    const oneSided: ForestPlotInput = {
      ...BASE,
      rows: BASE.rows.filter((r) => r.estimable !== false && r.lower > 1),
      pooled: undefined,
    };
    const chart = forestPlot(oneSided);
    const { items } = await scene(chart.spec);
    const width = (chart.spec as { width: number }).width;
    const rules = items.filter((i) => i.marktype === 'rule' && i.x2 === undefined);
    const nullLine = rules.find((r) => Math.abs(r.x - width / 2) < 1e-6);
    expect(nullLine, 'a vertical rule at the centre of the plot').toBeDefined();
    expect(forestAxis([1.2, 6], { scale: 'log', reference: 1 })).toEqual([0.1, 10]);
    const [lo, hi] = forestAxis([1.2, 3.4, 1.5, 6], { scale: 'log', reference: 1 });
    expect(Math.log(lo)).toBeCloseTo(-Math.log(hi), 12);
    // favours labels inside the plot, one under each half
    const left = items.find((i) => i.text === '\u2190 Favours drug')!;
    const right = items.find((i) => i.text === 'Favours placebo \u2192')!;
    expect(left.x).toBeGreaterThan(0);
    expect(left.x).toBeLessThan(width / 2);
    expect(right.x).toBeGreaterThan(width / 2);
    expect(right.x).toBeLessThan(width);
  });

  it('linear axis always contains the null, centred on it', () => {
    expect(forestAxis([5, 20], { scale: 'linear', reference: 0 })).toEqual([-21.6, 21.6]);
    const [lo, hi] = forestAxis([-30, -2], { scale: 'linear', reference: 0 });
    expect(lo).toBeLessThan(-30);
    expect(hi).toBeCloseTo(-lo, 12);
    const [a, b] = forestAxis([0.2, 0.6], { scale: 'linear', reference: null });
    expect(a).toBeCloseTo(0.18, 12);
    expect(b).toBeCloseTo(0.62, 12);
  });

  it('draws an arrow where an interval runs past the axis limit', async () => {
    const cut: ForestPlotInput = {
      ...BASE,
      rows: [{ label: 'Wide', estimate: 5, lower: 0.5, upper: 900, weight: 100 }],
      pooled: undefined,
    };
    const chart = forestPlot(cut);
    const width = (chart.spec as { width: number }).width;
    const { items } = await scene(chart.spec);
    const arrows = items.filter((i) => i.marktype === 'symbol' && i.shape === 'triangle-right');
    expect(arrows).toHaveLength(1);
    expect(arrows[0].x).toBeCloseTo(width, 6);
    expect(items.filter((i) => i.shape === 'triangle-left')).toHaveLength(0);
    // the whisker stops at the frame
    const whisker = items.find((i) => i.marktype === 'rule' && i.x2 !== undefined)!;
    expect(Math.max(whisker.x, whisker.x2!)).toBeCloseTo(width, 6);
    // its text still gives the whole interval
    expect(texts(items)).toContain('5.00 (0.50 to 900.00)');
  });

  it('subgroups: headings, subtotals with weights, statements; rows sorted within each', async () => {
    const chart = forestPlot({
      ...BASE,
      sort: 'estimate',
      rows: BASE.rows.map((r, i) => ({ ...r, group: i < 2 ? 'Adults' : 'Children' })),
      subgroups: [
        {
          name: 'Adults',
          pooled: { label: 'Subtotal (95% CI)', estimate: 2.6, lower: 1.7, upper: 4 },
          statements: ['Heterogeneity: I² = 0%'],
        },
        {
          name: 'Children',
          pooled: { label: 'Subtotal (95% CI)', estimate: 0.5, lower: 0.1, upper: 2.5 },
        },
      ],
    });
    const { items } = await scene(chart.spec);
    const t = texts(items);
    expect(t.filter((s) => s === 'Subtotal (95% CI)')).toHaveLength(2);
    expect(t).toContain('Adults');
    expect(t).toContain('Children');
    expect(t).toContain('80.0%'); // 20 + 60
    expect(t).toContain('Heterogeneity: I² = 0%');
    const y = (label: string): number => items.find((i) => i.text === label)!.y;
    expect(y('Adults')).toBeLessThan(y('Trial A 2001'));
    expect(y('Trial A 2001')).toBeLessThan(y('Trial B 1999')); // 2 before 3
    expect(y('Trial B 1999')).toBeLessThan(y('Children'));
    expect(y('Trial C 2010')).toBeLessThan(y('Trial D 2012')); // not estimable last
    // two subtotal diamonds and the total's, three points each
    expect(items.filter((i) => i.marktype === 'area')).toHaveLength(9);
    expect(chart.description).toMatch(/in 2 subgroups/);
  });
});

describe('compact forest layout', () => {
  it('cuts long labels with an ellipsis, keeping the full text as a tooltip', async () => {
    const long =
      'Le Voyer 2021 — JDM (9 refractory and 1 new-onset; ruxolitinib 7 or baricitinib 3)';
    const chart = forestPlot({
      ...BASE,
      compact: true,
      rows: [{ ...BASE.rows[0], label: long }],
    });
    const { items } = await scene(chart.spec);
    const label = items.find((i) => i.marktype === 'text' && String(i.text) === long)!;
    expect(label).toBeDefined();
    expect((label as unknown as { limit: number }).limit).toBe(110);
    expect(JSON.stringify(chart.spec)).toContain('"tooltip":{"field":"text"}');
    const { svg } = await renderSvg(chart.spec, { idPrefix: 'l', title: 't', description: 'd' });
    expect(svg).toContain('\u2026');
    expect(svg).not.toContain(`>${long}</text>`);
  });
});

describe('full forest layout with a very long label', () => {
  it('caps the label column at 280 px: a 3 000-character label is cut, the plot keeps its width', async () => {
    const long = 'A'.repeat(3000);
    const chart = forestPlot({ ...BASE, rows: [{ ...BASE.rows[0], label: long }] });
    const { items } = await scene(chart.spec);
    const label = items.find((i) => i.marktype === 'text' && String(i.text) === long)!;
    expect((label as unknown as { limit: number }).limit).toBe(280);
    const { svg } = await renderSvg(chart.spec, { idPrefix: 'w', title: 't', description: 'd' });
    expect(Number(/width="(\d+)"/.exec(svg)![1])).toBeLessThan(1200);
    expect(svg).toContain('\u2026');
  });
});

describe('forest row order', () => {
  const rows = BASE.rows;
  const labels = (sort: Parameters<typeof sortForestRows>[1]) =>
    sortForestRows(rows, sort).map((r) => r.label);
  it('by estimate, weight, name, year; not estimable last', () => {
    expect(labels(undefined)).toEqual(rows.map((r) => r.label));
    const order = (...letters: string[]) =>
      letters.map((l) => rows.find((r) => r.label.startsWith(`Trial ${l}`))!.label);
    expect(labels('estimate')).toEqual(order('C', 'A', 'B', 'D'));
    expect(labels('weight')).toEqual(order('B', 'A', 'C', 'D'));
    expect(labels('name')).toEqual(order('A', 'B', 'C', 'D'));
    expect(labels('year')).toEqual(order('B', 'A', 'C', 'D'));
    expect(rowYear({ label: 'Comstock et al 1974' })).toBe(1974);
    expect(rowYear({ label: 'No year', year: 2003 })).toBe(2003);
    expect(rowYear({ label: 'Series 12' })).toBeUndefined();
  });
});

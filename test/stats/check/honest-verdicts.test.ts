import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/data/index.js';
import { checkDataset, summarize, type CheckItem } from '../../../src/analysis/check-dataset.js';

/** Issue 15, "Honest verdicts": what `trialstat check` claims about the bundled datasets. */
const NAMES = [
  'dazukibart',
  'design-inputs',
  'ibm-veterans',
  'jaki-jdm',
  'miles-lam',
  'myositis-small-series',
  'rapami',
  'seed-figures-audit',
  'sirolimus-cytopenia',
];

async function all(): Promise<CheckItem[]> {
  const items: CheckItem[] = [];
  for (const name of NAMES) items.push(...checkDataset(await loadDataset(name)));
  return items;
}

describe('honest verdicts', () => {
  it('reports counts derived from their own percentage apart, and counts only independent reproductions', async () => {
    const items = await all();
    const derived = items.filter((i) => i.status === 'reproduced' && !i.independent);
    // Every row whose count was filled in from its percentage (events:percent-to-count), plus the relabelled SAE row.
    expect(derived.length).toBeGreaterThanOrEqual(22);
    for (const item of derived) {
      expect(item.derivedInputs?.length).toBeGreaterThan(0);
      expect(item.reason).toContain('derived, consistent by construction');
    }
    const summary = summarize(items);
    expect(summary.derived).toBe(derived.length);
    expect(summary.reproduced).toBe(
      items.filter((i) => i.status === 'reproduced').length - derived.length,
    );
  });

  it('counts the expected discrepancies as distinct figures (dazukibart 11 %, Satirer 77 % and Jasinski 73 % are in two tables each)', async () => {
    const items = await all();
    const summary = summarize(items);
    const keys = items.filter((i) => i.status === 'discrepant').map((i) => i.figure);
    expect(keys.filter((k) => k === '11%|15|lancet-2025-news')).toHaveLength(2);
    expect(keys.filter((k) => k === '77%|7|seed-001')).toHaveLength(2);
    expect(keys.filter((k) => k === '73%|12|jasinski-2017')).toHaveLength(2);
    expect(summary.discrepant - summary.discrepantFigures).toBe(3);
    expect(summary.discrepantFigures).toBe(new Set(keys).size);
  });

  it('IBMWCI "12 % versus 24 %" is a degradation of an index score, not a share of 22 patients: not checkable as a count', async () => {
    const items = await all();
    const ibmwci = items.filter(
      (i) => /ibmwci/i.test(`${i.trial} ${i.outcome}`) && i.quantity === 'percent',
    );
    // rapami/percentages.csv and seed-figures-audit/percentages.csv, both arms
    expect(ibmwci).toHaveLength(4);
    for (const i of ibmwci) {
      expect(i).toMatchObject({ status: 'not-checkable', expected: true, recomputed: null });
      expect(i.reason).toContain('a change in a score, not a share of the patients');
    }
  });

  it('Maeda "0.0003 %" was made from "trois cas sur un million", a population rate: no manufactured discrepancy', async () => {
    const items = checkDataset(await loadDataset('seed-figures-audit'));
    const maeda = items.find((i) => i.trial === 'maeda-2024-anti-mitochondrial')!;
    expect(maeda).toMatchObject({ status: 'not-checkable', expected: true });
    expect(maeda.reason).toContain('a population rate, not a share of the patients studied');
    expect(summarize(items).unexpected).toBe(0);
  });

  it('Satirer "77 %" as a Kaplan–Meier estimate: unreachable with ≤ 7 at risk, and the verdict says so', async () => {
    const items = checkDataset(await loadDataset('seed-figures-audit')).filter(
      (i) => i.reported === '77%' && i.method === 'km-reachable',
    );
    // percentages.csv (percent_of = km-estimate) and time-to-event.csv: one figure
    expect(items).toHaveLength(2);
    for (const i of items) {
      expect(i).toMatchObject({ status: 'discrepant', expected: true, figure: '77%|7|seed-001' });
      expect(i.reason).toContain(
        'reachable near it: 62.5, 64.3, 66.7, 68.6, 71.4, 75, 80, 83.3, 85.7 %',
      );
      expect(i.reason).toContain('either the number at the start is not 7 or the figure is wrong');
    }
  });

  it('does not call the dazukibart SAE row re-assigned to 600 mg reproduced: any denominator 35–38 fits 4 (11 %)', async () => {
    const items = checkDataset(await loadDataset('dazukibart'));
    const row = items.find((i) => i.outcome === 'serious adverse events' && i.percent?.n === 37)!;
    expect(row).toMatchObject({ status: 'reproduced', independent: false });
    expect(row.reason).toContain('any denominator 35–38');
    expect(
      items.find((i) => i.outcome === 'serious adverse events' && i.percent?.n === 15),
    ).toMatchObject({ status: 'discrepant', expected: true });
    // The audit table's copy of the 600 mg reading is derived too (the denominator was chosen to fit).
    const audit = checkDataset(await loadDataset('seed-figures-audit')).find(
      (i) => i.trial === 'dazukibart-sae-600mg',
    )!;
    expect(audit).toMatchObject({ status: 'reproduced', independent: false });
    expect(audit.reason).toContain('any denominator 35–38');
  });
});

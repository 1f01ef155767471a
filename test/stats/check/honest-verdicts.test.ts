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

  it('counts the expected discrepancies as distinct figures (IBMWCI pair and dazukibart 11 % are in two tables each)', async () => {
    const items = await all();
    const summary = summarize(items);
    expect(summary.discrepant - summary.discrepantFigures).toBeGreaterThanOrEqual(3);
    const keys = items.filter((i) => i.status === 'discrepant').map((i) => i.figure);
    expect(keys.filter((k) => k === '11%|15|lancet-2025-news')).toHaveLength(2);
  });

  it('does not call the dazukibart SAE row re-assigned to 600 mg reproduced: any denominator 35–38 fits 4 (11 %)', async () => {
    const items = checkDataset(await loadDataset('dazukibart'));
    const row = items.find((i) => i.outcome === 'serious adverse events' && i.percent?.n === 37)!;
    expect(row).toMatchObject({ status: 'reproduced', independent: false });
    expect(row.reason).toContain('any denominator 35–38');
    expect(
      items.find((i) => i.outcome === 'serious adverse events' && i.percent?.n === 15),
    ).toMatchObject({ status: 'discrepant', expected: true });
  });
});

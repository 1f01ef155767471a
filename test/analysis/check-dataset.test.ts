import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/index.js';
import { checkDataset, summarize, type CheckItem } from '../../src/analysis/check-dataset.js';

const FIXTURE = 'test/stats/check/fixtures/check-demo';

async function items(): Promise<CheckItem[]> {
  return checkDataset(await loadDataset(FIXTURE));
}

function find(all: CheckItem[], outcome: string, quantity: string, line?: number): CheckItem {
  const found = all.filter(
    (i) =>
      i.outcome === outcome && i.quantity === quantity && (line === undefined || i.line === line),
  );
  if (found.length !== 1)
    throw new Error(
      `expected one ${outcome}/${quantity}${line ? ` at line ${line}` : ''}, found ${found.length}`,
    );
  return found[0];
}

describe('checkDataset', () => {
  it('reproduces a Welch comparison with the default methods', async () => {
    const all = await items();
    for (const quantity of ['estimate', 'ci_lower', 'ci_upper', 'p']) {
      expect(find(all, 'score', quantity, 2)).toMatchObject({ status: 'reproduced' });
    }
    expect(find(all, 'score', 'p', 2).method).toBe('welch-t');
    expect(find(all, 'score', 'p vs CI', 2).status).toBe('reproduced');
  });

  it('falls back to fingerprinting and names the method that reproduces the figures', async () => {
    const p = find(await items(), 'pain', 'p', 3);
    expect(p.status).toBe('reproduced');
    expect(p.method).toMatch(/^Student t, 95% CI/);
    expect(p.reason).toMatch(/not with the default \(welch-t gives 0\.05627\)/);
  });

  it('identifies the Koopman interval behind a published RR', async () => {
    const all = await items();
    expect(find(all, 'response', 'ci_lower').method).toMatch(/^koopman 95% CI/);
    expect(find(all, 'response', 'estimate').status).toBe('reproduced');
  });

  it('explains what a p without SDs implies (Cochrane Handbook 6.5.2.3)', async () => {
    const p = find(await items(), 'walk', 'p');
    expect(p.status).toBe('not-checkable');
    expect(p.derived?.quantity).toBe('pooled SD');
    expect(p.derived?.value).toBeCloseTo(52.36, 2);
    expect(p.reason).toContain('implies a pooled SD of 52.36 m');
  });

  it('does not judge a model-based p against a t-test', async () => {
    const p = find(await items(), 'score', 'p', 6);
    expect(p.status).toBe('not-checkable');
    expect(p.reason).toMatch(/ANCOVA adjusted for baseline/);
  });

  it('marks an irreproducible p as discrepant, and a known discrepancy as expected', async () => {
    const all = await items();
    expect(find(all, 'pain', 'p', 7)).toMatchObject({ status: 'discrepant', expected: false });
    expect(find(all, 'serious adverse events', 'percent')).toMatchObject({
      status: 'discrepant',
      expected: true,
    });
    expect(find(all, 'response', 'percent', 2)).toMatchObject({ status: 'reproduced' });
    expect(summarize(all)).toMatchObject({ discrepant: 2, unexpected: 1 });
  });

  it('names the file and line of each figure', async () => {
    const item = find(await items(), 'pain', 'p', 7);
    expect(item.file).toBe(`${FIXTURE}/comparisons.csv`);
    expect(item.dataset).toBe('check-demo');
  });

  it('rebuilds a CI from arm rows that print only SEs, and says the SDs were derived', async () => {
    const all = checkDataset(await loadDataset('test/analysis/fixtures/derivations'));
    const se = all.filter(
      (i) => i.trial === 'SE trial' && ['ci_lower', 'ci_upper', 'p'].includes(i.quantity),
    );
    expect(se.map((i) => i.status)).toEqual(['reproduced', 'reproduced', 'reproduced']);
    // R t.test on samples with SD = SE·√n (test/reference/analysis.R): −0.40367314616596.
    expect(se[0].recomputed).toBeCloseTo(-0.40367314616596, 12);
    expect(se[0].derivations?.map((d) => [d.method, d.arms])).toEqual([
      ['sd-from-se', ['active']],
      ['sd-from-se', ['placebo']],
    ]);
    expect(se[0].reason).toMatch(/sd of active derived \(sd-from-se\)/);
  });

  it('joins a published comparison to the arm rows of its own analysis set', async () => {
    const all = checkDataset(await loadDataset('test/analysis/fixtures/derivations'));
    const estimates = all.filter(
      (i) => i.trial === 'Population trial' && i.quantity === 'estimate',
    );
    // per protocol: 2.6 − 0.4 = 2.2; ITT: 2.0 − 0.5 = 1.5 (comparisons.csv lines 3 and 4).
    expect(estimates.map((i) => [i.line, i.recomputed])).toEqual([
      [3, 2.2],
      [4, 1.5],
    ]);
  });
});

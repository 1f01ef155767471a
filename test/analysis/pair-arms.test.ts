import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/index.js';
import {
  binaryEstimate,
  binaryPairs,
  binaryTest,
  chooseComparator,
  continuousEstimates,
  continuousPairs,
  datasetTables,
  joinPopulation,
  pairForComparison,
  rowsOfKind,
  type ContinuousPair,
  type DatasetTables,
} from '../../src/analysis/index.js';
import { meanFromMedian } from '../../src/stats/continuous/mean-from-median.js';
import { sdFromMedian } from '../../src/stats/continuous/sd-from-median.js';
import { loadReportDataset } from '../../src/report/bundled-datasets.js';

/** R: test/reference/analysis.R (t.test on samples with exactly the arms' means and SDs; uniroot for unprinted SDs). */
interface Reference {
  continuous: Record<
    string,
    {
      estimate: number;
      lower: number;
      upper: number;
      p: number;
      df: number;
      se: number;
      sd1?: number;
      sd2?: number;
    }
  >;
  binary: {
    rr: { estimate: number; lower: number; upper: number };
    or: { estimate: number; lower: number; upper: number };
    fisher_p: number;
  };
}
const R = JSON.parse(readFileSync('test/reference/fixtures/analysis.json', 'utf8')) as Reference;
const FIXTURE = 'test/analysis/fixtures/derivations';

const close = (actual: number, expected: number, rel: number): void => {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(expected)));
};

async function tables(): Promise<DatasetTables> {
  return datasetTables(await loadDataset(FIXTURE));
}

function only(
  pairs: readonly ContinuousPair[],
  trial: string,
  extra: (p: ContinuousPair) => boolean = () => true,
): ContinuousPair {
  const found = pairs.filter((p) => p.trial === trial && extra(p));
  expect(found).toHaveLength(1);
  return found[0];
}

function expectMd(pair: ContinuousPair, ref: Reference['continuous'][string], rel: number): void {
  const { md } = continuousEstimates(pair);
  expect(md).not.toBeNull();
  close(md!.estimate, ref.estimate, 1e-12);
  close(md!.ci.lower, ref.lower, rel);
  close(md!.ci.upper, ref.upper, rel);
  close(md!.test.p, ref.p, rel);
  close(md!.df, ref.df, rel);
}

describe('datasetTables', () => {
  it('reads a loaded dataset and a report dataset to the same typed rows', async () => {
    const loaded = datasetTables(await loadDataset('miles-lam'));
    const report = datasetTables(await loadReportDataset('miles-lam'));
    expect(rowsOfKind(report, 'arm-continuous')).toEqual(rowsOfKind(loaded, 'arm-continuous'));
    expect(rowsOfKind(loaded, 'arm-continuous')[0]).toMatchObject({
      trial: 'MILES',
      outcome: 'FEV1',
      arm: 'placebo',
      mean: -134,
      sd: 182,
      scale: 'change',
    });
    expect(loaded.tables.map((t) => t.file)).toEqual([
      'datasets/miles-lam/arms-continuous.csv',
      'datasets/miles-lam/comparisons.csv',
    ]);
  });

  it('leaves alternative readings out unless asked', async () => {
    const t = await tables();
    expect(rowsOfKind(t, 'arm-binary')).toHaveLength(2);
    expect(rowsOfKind(t, 'arm-binary', { readings: 'all' })).toHaveLength(3);
  });
});

describe('continuousPairs: derivations (R t.test on constructed samples, test/reference/analysis.R)', () => {
  it('SE only: SD = SE·√n, recorded, and the Welch MD of R', async () => {
    const pair = only(continuousPairs(await tables()).pairs, 'SE trial');
    close(pair.arm.sd!, R.continuous['SE trial'].sd1!, 1e-14);
    close(pair.comparator.sd!, R.continuous['SE trial'].sd2!, 1e-14);
    expect(pair.derivations.map((d) => [d.method, d.arms])).toEqual([
      ['sd-from-se', ['active']],
      ['sd-from-se', ['placebo']],
    ]);
    expectMd(pair, R.continuous['SE trial'], 1e-10);
    // The derivations travel to the MD result.
    expect(continuousEstimates(pair).md!.derivation.map((d) => d.method)).toEqual([
      'sd-from-se',
      'sd-from-se',
    ]);
  });

  it('CI only: the SD whose t interval has the printed width (R: uniroot on t.test)', async () => {
    const pair = only(continuousPairs(await tables()).pairs, 'CI trial');
    close(pair.arm.sd!, R.continuous['CI trial'].sd1!, 1e-9);
    close(pair.comparator.sd!, R.continuous['CI trial'].sd2!, 1e-9);
    expect(pair.derivations.map((d) => d.method)).toEqual(['sd-from-ci-t', 'sd-from-ci-t']);
    expect(pair.comparator.name).toBe('control');
    expectMd(pair, R.continuous['CI trial'], 1e-9);
  });

  it('means and a published p only: the pooled SD that gives the p (R: uniroot on t.test), unless turned off', async () => {
    const t = await tables();
    const pair = only(continuousPairs(t).pairs, 'P trial');
    close(pair.arm.sd!, R.continuous['P trial'].sd1!, 1e-9);
    expect(pair.comparator.sd).toBe(pair.arm.sd);
    expect(pair.derivations).toHaveLength(1);
    expect(pair.derivations[0]).toMatchObject({
      method: 'cochrane-p-to-sd',
      quantity: 'pooled sd',
      arms: ['active', 'placebo'],
    });
    expect(pair.reported?.p).toBe(0.04);
    expectMd(pair, R.continuous['P trial'], 1e-9);
    close(continuousEstimates(pair).md!.test.p, 0.04, 1e-9);
    const off = only(continuousPairs(t, {}, { sdFromP: false }).pairs, 'P trial');
    expect(off.arm.sd).toBeNull();
    expect(continuousEstimates(off)).toMatchObject({
      difference: 5.5,
      md: null,
      smd: null,
      missing: { what: 'sd', arm: 'active' },
    });
  });

  it('a median with quartiles only: mean by Luo 2018, SD by Wan 2014, recorded', async () => {
    const pair = only(continuousPairs(await tables()).pairs, 'Median trial');
    const active = { n: 40, median: 12, q1: 8, q3: 17 };
    expect(pair.arm.mean).toBe(meanFromMedian(active).value);
    expect(pair.arm.sd).toBe(sdFromMedian(active).value);
    expect(pair.derivations.map((d) => `${d.quantity}:${d.method}:${d.arms[0]}`)).toEqual([
      'mean:luo-2018-S2:active',
      'sd:wan-2014-S2:active',
      'mean:luo-2018-S2:placebo',
      'sd:wan-2014-S2:placebo',
    ]);
  });

  it('printed SDs are used as printed: no derivation', async () => {
    const pair = only(
      continuousPairs(await tables()).pairs,
      'Population trial',
      (p) => p.population === 'ITT',
    );
    expect(pair.derivations).toEqual([]);
    expectMd(pair, R.continuous['Population trial|ITT'], 1e-10);
  });
});

describe('continuousPairs: grouping rules', () => {
  it('keeps analysis sets apart and attaches the published comparison of the same set', async () => {
    const pairs = continuousPairs(await tables()).pairs.filter(
      (p) => p.trial === 'Population trial',
    );
    expect(pairs.map((p) => [p.population, p.reported?.p])).toEqual([
      ['ITT', 0.07],
      ['per protocol', 0.012],
    ]);
    expectMd(pairs[1], R.continuous['Population trial|per protocol'], 1e-10);
  });

  it('default scale: change, then percent-change, then value; a named scale or all on request', async () => {
    const t = await tables();
    const preferred = continuousPairs(t, { trials: 'Scale trial' });
    expect(preferred.pairs.map((p) => p.scale)).toEqual(['change']);
    expect(preferred.unpaired.map((u) => [u.reason, u.scale, u.kept])).toEqual([
      ['other-scale', 'value', 'change'],
      ['other-scale', 'percent-change', 'change'],
    ]);
    expectMd(preferred.pairs[0], R.continuous['Scale trial|change'], 1e-10);
    const value = continuousPairs(t, { trials: 'Scale trial', scale: 'value' }).pairs;
    expect(value.map((p) => p.scale)).toEqual(['value']);
    expectMd(value[0], R.continuous['Scale trial|value'], 1e-10);
    expect(
      continuousPairs(t, { trials: 'Scale trial', scale: 'all' }).pairs.map((p) => p.scale),
    ).toEqual(['change', 'value', 'percent-change']);
  });

  it('comparator: the one control-like arm, else the named one; each other arm against it', async () => {
    const t = await tables();
    const sham = continuousPairs(t, { trials: 'Three arm trial' }).pairs;
    expect(sham.map((p) => `${p.arm.name} vs ${p.comparator.name}`)).toEqual([
      'low dose vs sham',
      'high dose vs sham',
    ]);
    expectMd(sham[0], R.continuous['Three arm trial|low dose'], 1e-10);
    expectMd(sham[1], R.continuous['Three arm trial|high dose'], 1e-10);
    const named = continuousPairs(t, { trials: 'Three arm trial', comparator: 'low dose' }).pairs;
    expect(named.map((p) => `${p.arm.name} vs ${p.comparator.name}`)).toEqual([
      'high dose vs low dose',
      'sham vs low dose',
    ]);
    const chosen = continuousPairs(t, {
      trials: 'Three arm trial',
      arms: ['high dose'],
      comparator: 'sham',
    }).pairs;
    expect(chosen.map((p) => `${p.arm.name} vs ${p.comparator.name}`)).toEqual([
      'high dose vs sham',
    ]);
  });

  it('says why a group gives no pair', async () => {
    const t = await tables();
    const missing = continuousPairs(t, { trials: 'SE trial', comparator: 'sham' });
    expect(missing.pairs).toEqual([]);
    expect(missing.unpaired).toMatchObject([
      { trial: 'SE trial', reason: 'no-comparator', arms: ['active', 'placebo'] },
    ]);
    expect(
      continuousPairs(t, { trials: 'SE trial', arms: ['other'], comparator: 'placebo' }).unpaired[0]
        .reason,
    ).toBe('no-arm');
  });
});

describe('chooseComparator and joinPopulation', () => {
  it('control-like name, else the second of two arms, else none', () => {
    expect(chooseComparator(['placebo', 'drug'])).toEqual({ comparator: 'placebo' });
    expect(chooseComparator(['drug A', 'drug B'])).toEqual({ comparator: 'drug B' });
    expect(chooseComparator(['a', 'b', 'c'])).toEqual({ reason: 'ambiguous-comparator' });
    expect(chooseComparator(['a', 'b'], 'a')).toEqual({ comparator: 'a' });
    expect(chooseComparator(['a', 'b'], 'z')).toEqual({ reason: 'no-comparator' });
  });

  it('the same set, else rows naming none; another set never', () => {
    const rows = [{ population: 'ITT' }, { population: 'PP' }, {}];
    expect(joinPopulation(rows, 'PP')).toEqual([{ population: 'PP' }]);
    expect(joinPopulation(rows, 'safety')).toEqual([{}]);
    expect(joinPopulation([{ population: 'ITT' }], 'PP')).toEqual([]);
    expect(joinPopulation(rows, undefined)).toEqual([{}]);
    expect(joinPopulation([{ population: 'ITT' }], undefined)).toEqual([{ population: 'ITT' }]);
    expect(joinPopulation([{ population: 'ITT' }, { population: 'PP' }], undefined)).toEqual([]);
  });
});

describe('pairForComparison', () => {
  it('joins a published comparison to its analysis set', async () => {
    const t = await tables();
    for (const row of rowsOfKind(t, 'reported-comparison').filter(
      (r) => r.trial === 'Population trial',
    )) {
      const pair = pairForComparison(t, row) as ContinuousPair;
      expect(pair.population).toBe(row.population);
      expect(pair.reported).toBe(row);
    }
  });

  it('joins arm rows that name no set (Rapami) and prefers the change scale (MILES 6MWD)', async () => {
    const rapami = datasetTables(await loadDataset('rapami'));
    const walk = rowsOfKind(rapami, 'reported-comparison').find((r) => r.outcome === '6MWD')!;
    expect(walk.population).toBeDefined();
    expect(pairForComparison(rapami, walk)).toMatchObject({
      population: null,
      scale: 'change',
      arm: { name: 'sirolimus', mean: -4.1 },
    });
    const miles = datasetTables(await loadDataset('miles-lam'));
    const walk2 = rowsOfKind(miles, 'reported-comparison').find((r) => r.outcome === '6MWD')!;
    expect(pairForComparison(miles, walk2)).toMatchObject({
      scale: 'change',
      arm: { mean: 24 },
      comparator: { mean: 26 },
    });
  });

  it('pairs binary rows (alternative readings left out) and their estimates match epiR and fisher.test', async () => {
    const t = await tables();
    const { pairs, alternatives } = binaryPairs(t);
    expect(pairs).toHaveLength(1);
    expect(alternatives).toEqual([
      {
        trial: 'Binary trial',
        outcome: 'response',
        timepoint: null,
        population: null,
        arm: 'active',
      },
    ]);
    const pair = pairs[0];
    expect([pair.arm.events, pair.arm.n, pair.comparator.events, pair.comparator.n]).toEqual([
      12, 40, 5, 38,
    ]);
    const rr = binaryEstimate(pair, 'RR');
    const or = binaryEstimate(pair, 'OR');
    for (const [mine, ref] of [
      [rr, R.binary.rr],
      [or, R.binary.or],
    ] as const) {
      close(mine.estimate!, ref.estimate, 1e-12);
      close(mine.ci.lower!, ref.lower, 1e-10);
      close(mine.ci.upper!, ref.upper, 1e-10);
    }
    close(binaryTest(pair).p!, R.binary.fisher_p, 1e-10);
    expect(() => binaryEstimate(pair, 'RR', { method: 'woolf' })).toThrow(
      'method woolf is not a risk-ratio method (katz, koopman, mn)',
    );
  });
});

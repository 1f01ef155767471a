import { describe, expect, it } from 'vitest';
import { bundledDatasetNames, loadDataset, type Dataset } from '../../src/data/index.js';
import type { ArmComparison } from '../../src/analysis/compare-dataset.js';
import type { CheckItem } from '../../src/analysis/check-dataset.js';
import { joinPopulation } from '../../src/analysis/pair-arms.js';
import { loadReportDataset } from '../../src/report/bundled-datasets.js';
import type { ReportDataset } from '../../src/report/dataset.js';
import { ANALYSES } from '../../src/report/analyses/index.js';
import type { AnalysisOutput } from '../../src/report/analyses/analysis.js';
import { runCli } from '../support/cli.js';

/**
 * The same pair of arms gives the same numbers everywhere: every bundled dataset (and the
 * synthetic one with SE-only, CI-only, median-only and p-only arms) goes through
 * `trialstat compare --json`, `trialstat check --json`, `trialstat meta <dataset> --json` and
 * the report analyses that pair arms (mean-difference, arm-means, binary-ratios,
 * binary-comparison, two-arm-meta); each
 * pair's estimate, interval and p must be identical in all of them. The cases where the
 * views used to disagree (issue 10) have their own tests below.
 */

type Comparison = ArmComparison;

const FIXTURE = 'test/analysis/fixtures/derivations';
const DATASETS = [...bundledDatasetNames(), FIXTURE];

async function compareJson(name: string, extra: string[] = []): Promise<Comparison[]> {
  const result = await runCli(['compare', name, '--json', ...extra]);
  expect(result.code, result.stderr).toBe(0);
  return (JSON.parse(result.stdout) as { comparisons: Comparison[] }).comparisons;
}

async function checkJson(name: string): Promise<CheckItem[]> {
  const result = await runCli(['check', name, '--json', '--fail-on', 'never']);
  expect(result.code, result.stderr).toBe(0);
  return (JSON.parse(result.stdout) as { items: CheckItem[] }).items;
}

/** The report dataset cut down to the group of one pair (arm tables), so an analysis sees exactly that pair. */
function narrow(dataset: ReportDataset, c: Comparison): ReportDataset {
  const inGroup = (r: Record<string, unknown>): boolean =>
    r.trial === c.trial &&
    r.outcome === c.outcome &&
    ((r.timepoint as string | undefined) ?? null) === c.timepoint &&
    ((r.population as string | undefined) ?? null) === c.population;
  return {
    ...dataset,
    tables: dataset.tables.map((t) =>
      t.kind.startsWith('arm-') ? { ...t, rows: t.rows.filter(inGroup) } : t,
    ),
  };
}

function run(
  name: string,
  dataset: ReportDataset,
  options: Record<string, unknown>,
): AnalysisOutput {
  return ANALYSES.get(name)!.run(dataset, options);
}

const _find = (
  all: readonly Comparison[],
  c: Comparison,
  measure: Comparison['measure'],
): Comparison | undefined =>
  all.find(
    (x) =>
      x.measure === measure &&
      x.trial === c.trial &&
      x.outcome === c.outcome &&
      x.timepoint === c.timepoint &&
      x.population === c.population &&
      x.arm === c.arm &&
      x.comparator === c.comparator,
  );

/** Views of one pair: each name with the numbers it gave. */
type Seen = Record<
  string,
  { estimate: number | null; lower?: number | null; upper?: number | null; p?: number | null }
>;

function expectSame(seen: Seen, where: string): void {
  const [first, ...rest] = Object.entries(seen);
  for (const [view, numbers] of rest) {
    for (const key of Object.keys(numbers) as (keyof Seen[string])[]) {
      if (first[1][key] === undefined) continue;
      expect(numbers[key], `${where}: ${key} in ${view} vs ${first[0]}`).toBe(first[1][key]);
    }
  }
}

describe.each(DATASETS)('cross-view: %s', (name) => {
  it('compare, the report analyses and check give the same numbers for the same pair of arms', async () => {
    const comparisons = await compareJson(name);
    const items = await checkJson(name);
    const report = await loadReportDataset(name);
    const loaded = await loadDataset(name);
    let agreements = 0;

    for (const c of comparisons.filter((x) => x.measure === 'MD')) {
      const where = `${name}: ${c.trial}, ${c.outcome}, ${c.arm} vs ${c.comparator} (${c.scale})`;
      const options = { arm: c.arm, comparator: c.comparator, scale: c.scale };
      const md = run('mean-difference', narrow(report, c), options);
      const arms = run('arm-means', narrow(report, c), options);
      if (c.ci === null) {
        // No SD printed or derivable: every view leaves the interval out, and says so.
        expect(md.view.kind === 'effects' && md.view.rows, where).toEqual([]);
        expect(
          md.warnings.some((w) => w.includes('left out')),
          where,
        ).toBe(true);
        continue;
      }
      if (md.view.kind !== 'effects' || arms.view.kind !== 'arm-summary')
        throw new Error('unexpected view');
      expect(md.view.rows, where).toHaveLength(1);
      const row = md.view.rows[0];
      expectSame(
        {
          compare: { estimate: c.estimate, lower: c.ci.lower, upper: c.ci.upper },
          'mean-difference': { estimate: row.estimate, lower: row.lower, upper: row.upper },
        },
        where,
      );
      // arm-means draws each arm with the same (printed or derived) mean and SD as compare used.
      expect(
        arms.view.rows.map((r) => r.estimate),
        where,
      ).toEqual([c.inputs.mean1, c.inputs.mean2]);
      const sdCells = arms.table.rows.map((r) => r.sd);
      expect(sdCells.length, where).toBe(2);
      agreements++;
    }

    for (const c of comparisons.filter(
      (x) => x.measure === 'RR' || x.measure === 'OR' || x.measure === 'RD',
    )) {
      const where = `${name}: ${c.trial}, ${c.outcome}, ${c.arm} vs ${c.comparator}, ${c.measure}`;
      const data = narrow(report, c);
      const ratios = run('binary-ratios', data, {
        arm: c.arm,
        comparator: c.comparator,
        measure: c.measure,
      });
      if (ratios.view.kind !== 'effects') throw new Error('unexpected view');
      const points =
        c.measure === 'RD'
          ? (x: number | null | undefined) => (x == null ? x : x / 100)
          : (x: number | null | undefined) => x;
      if (c.estimate === null || c.ci?.lower === null || c.ci?.upper === null) {
        expect(ratios.table.rows[0].estimate, where).toBe('not estimable');
        continue;
      }
      const r = ratios.view.rows[0];
      // RDs are drawn in percentage points: 100·x/100 may differ from x in the last bit.
      const seen: Seen = {
        compare: { estimate: c.estimate, lower: c.ci!.lower, upper: c.ci!.upper },
      };
      if (c.measure === 'RD') {
        for (const [key, value] of [
          ['estimate', r.estimate],
          ['lower', r.lower],
          ['upper', r.upper],
        ] as const)
          expect(points(value)!, `${where}: ${key}`).toBeCloseTo(seen.compare[key]!, 14);
        const comparison = run('binary-comparison', data, { arm: c.arm, comparator: c.comparator });
        if (comparison.view.kind !== 'adverse-events') throw new Error('unexpected view');
        seen['binary-comparison'] = {
          estimate: comparison.view.differences[0].estimate,
          lower: comparison.view.differences[0].lower,
          upper: comparison.view.differences[0].upper,
        };
      } else {
        seen['binary-ratios'] = { estimate: r.estimate, lower: r.lower, upper: r.upper };
        // The meta-analysis forest draws each trial from escalc: the same Katz/Woolf interval on the log scale.
        // Except a table without events in either arm: riskRatio/oddsRatio give the 0.5-corrected ratio
        // with a "not identifiable" warning, escalc (and so the forest) leaves the trial out (metafor drop00).
        if (c.inputs.events1 === 0 && c.inputs.events2 === 0) {
          expect(
            () =>
              run('two-arm-meta', data, {
                arm: c.arm,
                comparator: c.comparator,
                measure: c.measure,
                method: 'FE',
              }),
            where,
          ).toThrow(/at least one study with an estimable effect/);
          expectSame(seen, where);
          continue;
        }
        const meta = run('two-arm-meta', data, {
          arm: c.arm,
          comparator: c.comparator,
          measure: c.measure,
          method: 'FE',
        });
        if (meta.view.kind !== 'effects') throw new Error('unexpected view');
        const study = meta.view.rows[0];
        for (const [key, value] of [
          ['estimate', study.estimate],
          ['lower', study.lower],
          ['upper', study.upper],
        ] as const) {
          expect(
            Math.abs(value - seen.compare[key]!) / seen.compare[key]!,
            `${where}: two-arm-meta ${key}`,
          ).toBeLessThan(1e-12);
        }
      }
      expectSame(seen, where);
      agreements++;
    }

    // check: each recomputed figure of a published comparison, with the default methods, is the compare number of the pair it joins.
    const reportedRows = loaded.tables
      .filter((t) => t.kind === 'reported-comparison')
      .flatMap((t) =>
        (
          t.table.rows as unknown as {
            $line: number;
            trial: string;
            outcome: string;
            arm: string;
            comparator: string;
            timepoint?: string;
            population?: string;
            measure: string;
            ci_level?: number;
          }[]
        ).map((row) => ({ file: t.file, row })),
      );
    for (const item of items.filter((i) => i.file.endsWith('.csv'))) {
      const reported = reportedRows.find(
        (r) => r.file === item.file && r.row.$line === item.line,
      )?.row;
      if (!reported || item.recomputed === null) continue;
      const measure = reported.measure === 'LSMD' ? 'MD' : reported.measure;
      const candidates = comparisons.filter(
        (c) =>
          c.measure === measure &&
          c.trial === reported.trial &&
          c.outcome === reported.outcome &&
          c.arm === reported.arm &&
          c.comparator === reported.comparator &&
          (reported.timepoint === undefined || c.timepoint === reported.timepoint),
      );
      const joined = joinPopulation(
        candidates.map((c) => ({ ...c, population: c.population ?? undefined })),
        reported.population,
      );
      if (joined.length !== 1) continue;
      const c = joined[0];
      const where = `${name}: check line ${item.line} ${item.quantity} vs compare ${c.trial}, ${c.outcome}`;
      const defaultMethod = measure === 'MD' ? 'welch-t' : `${c.ci?.method}; fisher-exact`;
      if (item.quantity === 'estimate') {
        expect(item.recomputed, where).toBe(c.estimate);
        agreements++;
      } else if (item.method === defaultMethod && (reported.ci_level ?? 0.95) === 0.95 && c.ci) {
        const expected =
          item.quantity === 'ci_lower'
            ? c.ci.lower
            : item.quantity === 'ci_upper'
              ? c.ci.upper
              : c.p;
        expect(item.recomputed, where).toBe(expected);
        agreements++;
      }
    }
    for (const item of items.filter((i) => i.derived)) {
      const reported = reportedRows.find(
        (r) => r.file === item.file && r.row.$line === item.line,
      )!.row;
      const c = comparisons.find(
        (x) =>
          x.measure === 'MD' &&
          x.trial === reported.trial &&
          x.outcome === reported.outcome &&
          x.arm === reported.arm,
      )!;
      // check says what SD the p implies; compare uses exactly that SD.
      expect(
        c.derivations.find((d) => d.method === 'cochrane-p-to-sd')?.value,
        `${name}: derived SD, line ${item.line}`,
      ).toBe(item.derived!.value);
      agreements++;
    }

    // meta <dataset>: each trial's effect is the compare number of its pair (RR on the natural scale, MD with its Welch SE).
    const byOutcome = new Map<string, Comparison[]>();
    for (const c of comparisons.filter((x) => x.measure === 'RR' || x.measure === 'MD'))
      byOutcome.set(`${c.measure}|${c.outcome}`, [
        ...(byOutcome.get(`${c.measure}|${c.outcome}`) ?? []),
        c,
      ]);
    for (const [key, group] of byOutcome) {
      const [measure, outcome] = key.split('|');
      // One pair per trial, and every pair estimable (a trial without events in either arm is left out by escalc).
      if (
        new Set(group.map((c) => c.trial)).size !== group.length ||
        group.some((c) => c.ci === null || (c.inputs.events1 === 0 && c.inputs.events2 === 0))
      )
        continue;
      if (
        comparisons.some(
          (c) => c.measure === measure && c.outcome === outcome && !group.includes(c),
        )
      )
        continue;
      const result = await runCli([
        'meta',
        name,
        '--measure',
        measure,
        '--outcome',
        outcome,
        '--method',
        'FE',
        '--json',
      ]);
      expect(result.code, `${name} meta ${key}: ${result.stderr}`).toBe(0);
      const studies = (
        JSON.parse(result.stdout) as {
          studies: {
            study: string;
            yi: number;
            vi: number;
            ci: { lower: number; upper: number };
          }[];
        }
      ).studies;
      expect(
        studies.map((x) => x.study),
        `${name} meta ${key}`,
      ).toEqual(group.map((c) => c.trial));
      for (const [i, c] of group.entries()) {
        const where = `${name}: meta ${key}, ${c.trial}`;
        if (measure === 'RR') {
          for (const [mine, theirs] of [
            [studies[i].ci.lower, c.ci!.lower!],
            [studies[i].ci.upper, c.ci!.upper!],
            [Math.exp(studies[i].yi), c.estimate!],
          ])
            expect(Math.abs(mine - theirs) / theirs, where).toBeLessThan(1e-12);
        } else {
          expect(studies[i].yi, where).toBe(c.estimate);
          expect(Math.abs(Math.sqrt(studies[i].vi) - c.se!) / c.se!, where).toBeLessThan(1e-12);
        }
        agreements++;
      }
    }

    // Every dataset with something to compare is compared somewhere.
    if (comparisons.length > 0) expect(agreements, name).toBeGreaterThan(0);
  });
});

describe('cross-view: the disagreements of issue 10 are gone', () => {
  async function views(): Promise<{
    comparisons: Comparison[];
    items: CheckItem[];
    report: ReportDataset;
    loaded: Dataset;
  }> {
    return {
      comparisons: await compareJson(FIXTURE),
      items: await checkJson(FIXTURE),
      report: await loadReportDataset(FIXTURE),
      loaded: await loadDataset(FIXTURE),
    };
  }

  it('two arm rows with only an SE: compare, the report and check give the same MD and interval', async () => {
    const { comparisons, items, report } = await views();
    const c = comparisons.find((x) => x.trial === 'SE trial' && x.measure === 'MD')!;
    expect(c.estimate).toBeCloseTo(0.9, 12);
    expect(c.ci!.lower).toBeCloseTo(-0.40367314616596, 12); // R t.test, test/reference/analysis.R
    const md = run('mean-difference', report, {
      arm: 'active',
      comparator: 'placebo',
      trials: ['SE trial'],
    });
    if (md.view.kind !== 'effects') throw new Error('unexpected view');
    expect(md.warnings.filter((w) => w.includes('SE trial'))).toEqual([]);
    expect(md.view.rows).toEqual([
      {
        label: 'score',
        estimate: c.estimate,
        lower: c.ci!.lower,
        upper: c.ci!.upper,
        cells: expect.any(Array),
      },
    ]);
    // The forest's per-arm cells: mean (SD) and N of each arm, the derived SDs marked †.
    const cells = md.view.rows[0].cells!;
    expect([cells[1], cells[3]]).toEqual(['30', '28']);
    expect(cells[0]).toMatch(/^5\.2.* \(2\.46†\)$/);
    expect(cells[2]).toMatch(/^4\.3.* \(2\.49†\)$/);
    expect(md.table.rows[0].sd).toBe('2.46 (from SE) / 2.49 (from SE)');
    expect(
      md.notes.some((n) =>
        n.startsWith('SE trial score: the SD of active is not printed; 2.46 points is derived'),
      ),
    ).toBe(true);
    const lower = items.find((i) => i.quantity === 'ci_lower' && i.line === 5)!;
    expect(lower).toMatchObject({ method: 'welch-t', recomputed: c.ci!.lower });
  });

  it('the report joins the published comparison of the same population', async () => {
    const { report } = await views();
    const md = run('mean-difference', report, {
      arm: 'active',
      comparator: 'placebo',
      trials: ['Population trial'],
    });
    expect(md.table.rows.map((r) => [r.outcome, r.reported])).toEqual([
      ['Population trial, score (week 12, change from baseline)', '0.07 (Welch t-test)'],
      ['Population trial, score (week 12, change from baseline)', '0.012 (Welch t-test)'],
    ]);
    const perProtocol = run('mean-difference', report, {
      arm: 'active',
      comparator: 'placebo',
      trials: ['Population trial'],
      population: 'per protocol',
    });
    expect(perProtocol.table.rows.map((r) => r.reported)).toEqual(['0.012 (Welch t-test)']);
  });

  it('one default scale (change first) and one comparator rule in every view', async () => {
    const { comparisons, report } = await views();
    const scale = comparisons.filter((x) => x.trial === 'Scale trial' && x.measure === 'MD');
    expect(scale.map((x) => x.scale)).toEqual(['change']);
    const md = run('mean-difference', report, {
      arm: 'active',
      comparator: 'placebo',
      trials: ['Scale trial'],
    });
    if (md.view.kind !== 'effects') throw new Error('unexpected view');
    expect(md.view.rows.map((r) => r.estimate)).toEqual([scale[0].estimate]);
    expect(md.view.rows[0].lower).toBe(scale[0].ci!.lower);
    const sham = comparisons.filter((x) => x.trial === 'Three arm trial' && x.measure === 'MD');
    expect(sham.map((x) => `${x.arm} vs ${x.comparator}`)).toEqual([
      'low dose vs sham',
      'high dose vs sham',
    ]);
    const all = await compareJson(FIXTURE, ['--scale', 'all']);
    expect(
      all.filter((x) => x.trial === 'Scale trial' && x.measure === 'MD').map((x) => x.scale),
    ).toEqual(['change', 'value', 'percent-change']);
  });

  it('Rapami: no SDs printed; compare, the report and check use the same SD derived from the published p', async () => {
    const comparisons = await compareJson('rapami');
    const items = await checkJson('rapami');
    const report = await loadReportDataset('rapami');
    const c = comparisons.find((x) => x.outcome === '6MWD' && x.measure === 'MD')!;
    const sd = c.derivations.find((d) => d.method === 'cochrane-p-to-sd')!.value;
    expect(items.find((i) => i.derived && i.line === 3)!.derived!.value).toBe(sd);
    const md = run('mean-difference', report, {
      arm: 'sirolimus',
      comparator: 'placebo',
      outcomes: ['6MWD'],
      scale: 'change',
    });
    if (md.view.kind !== 'effects') throw new Error('unexpected view');
    expect(md.view.rows[0]).toMatchObject({
      estimate: c.estimate,
      lower: c.ci!.lower,
      upper: c.ci!.upper,
    });
    expect(md.view.rows[0].lower).toBeCloseTo(2.54, 2);
  });
});

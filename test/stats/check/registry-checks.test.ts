import { describe, expect, it } from 'vitest';
import { checkDataset, summarize } from '../../../src/analysis/check-dataset.js';
import { loadDataset, parseKindText } from '../../../src/data/index.js';

/** Issue 15 §2: registry-level checks of trial-registry rows. */
const REGISTRY =
  'registry_id,name,intervention,condition,phase,enrolment,start,end,status,reading,source';

function dataset(
  registry: string[],
  escalation: string[] = [],
  dates: Record<string, string> = {},
) {
  const tables: ReturnType<typeof parseKindText>[] = [
    parseKindText(`${REGISTRY}\n${registry.join('\n')}\n`, 'trial-registry', 'r.csv'),
  ];
  if (escalation.length > 0)
    tables.push(
      parseKindText(
        `trial,registry_id,group,level,dose,dose_unit,rule,cohort_size,source\n${escalation.join('\n')}\n`,
        'dose-escalation',
        'e.csv',
      ),
    );
  return {
    name: 'synthetic',
    tables,
    meta: { sources: Object.entries(dates).map(([key, date]) => ({ key, date })) },
  };
}

const esc = (group: string, levels: number) =>
  Array.from(
    { length: levels },
    (_, i) => `T,NCT00000001,${group},${i + 1},${5 * 2 ** i},million cells,3+3,3,s`,
  );

describe('registry-level checks', () => {
  it('planned enrolment vs a 3+3 design: 32 against two escalations over three doses is discrepant, 30 is not', () => {
    const bad = checkDataset(
      dataset(['NCT00000001,T,x,IBM,1,32,,,recruiting,,s'], [...esc('g1', 3), ...esc('g2', 3)]),
    );
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({
      quantity: 'enrolment vs design',
      status: 'discrepant',
      recomputed: 30,
    });
    expect(bad[0].reason).toContain('2 3+3 escalations over 3 doses each treat 6 to 36 patients');
    expect(bad[0].reason).toContain('nearest 30 and 33');
    const ok = checkDataset(
      dataset(['NCT00000001,T,x,IBM,1,30,,,recruiting,,s'], [...esc('g1', 3), ...esc('g2', 3)]),
    );
    expect(ok[0]).toMatchObject({ status: 'reproduced' });
    expect(ok[0].reason).toContain('a full escalation can need up to 36');
  });

  it('end date before the as-of date with status recruiting; the default as-of is the latest source date', () => {
    const rows = [
      'NCT00000002,A,x,IBM,1,10,2023-02,2024-04,recruiting,,s1;s2',
      'NCT00000003,B,x,IBM,1,10,2023-02,2024-04,completed,,s2',
    ];
    // s1 is dated before the end date, s2 after: the row is judged as of s2 (2025).
    const items = checkDataset(dataset(rows, [], { s1: '2023-03-22', s2: '2025' }));
    expect(items.map((i) => [i.trial, i.quantity, i.status])).toEqual([
      ['A', 'status vs end date', 'discrepant'],
    ]);
    expect(items[0].reason).toContain('before 2025, the date of s2');
    // Without dates nothing is judged; with --as-of every open row is.
    expect(checkDataset(dataset(rows))).toEqual([]);
    expect(checkDataset(dataset(rows), { asOf: '2024-04' })).toEqual([]);
    expect(checkDataset(dataset(rows), { asOf: '2024-05-01' })).toHaveLength(1);
  });

  it('the same NCT id on two trials (alternative readings of one trial do not count)', () => {
    const items = checkDataset(
      dataset([
        'NCT06857240,Cream,x,DM,2,15,,,not-yet-recruiting,,s',
        'NCT06857240,Antibody,y,DM,2,15,,,not-yet-recruiting,,s',
        'NCT00000004,C,x,IBM,3,140,,,active,,s',
        'NCT00000004,C (other reading),x,IBM,3,140,,,recruiting,alternative,s',
      ]),
    );
    expect(items.map((i) => [i.trial, i.quantity])).toEqual([
      ['Cream', 'registry id'],
      ['Antibody', 'registry id'],
    ]);
  });

  it('two sources with different enrolment, by registry id or by the reading’s name', () => {
    const items = checkDataset(
      dataset([
        ',BIGTIM,x,IBM,,80,,,not-yet-recruiting,,s1',
        'NCT06536166,BIGTIM (registry record),x,IBM,,60,,,,alternative,s2',
        'NCT05895786,Phase 3,x,DM,3,270,,,recruiting,,s1',
        'NCT05895786,Phase 3 (later snapshot),x,DM,3,318,,,recruiting,alternative,s2',
      ]),
    );
    expect(items.map((i) => [i.trial, i.quantity, i.recomputed])).toEqual([
      ['BIGTIM (registry record)', 'enrolment across sources', 80],
      ['Phase 3 (later snapshot)', 'enrolment across sources', 270],
    ]);
  });

  it('bundled data: ADSVF-in-IBM 32 vs its design, its stale status, NCT06857240 twice, BIGTIM and dazukibart phase 3 — all recorded as expected', async () => {
    const items = [
      ...checkDataset(await loadDataset('adsvf-in-ibm')),
      ...checkDataset(await loadDataset('myositis-trials-2025')),
    ].filter((i) => i.quantity !== 'count vs landscape');
    expect(items.map((i) => `${i.trial}: ${i.quantity}`)).toEqual([
      'ADSVF-in-IBM: enrolment vs design',
      'ADSVF-in-IBM: status vs end date',
      'ADSVF-in-IBM (seed-001 reading): status vs end date',
      'Ruxolitinib cream (Cleveland Clinic): registry id',
      'Ruxoprubart (NM8074) trial: registry id',
      'BIGTIM (ClinicalTrials.gov record): enrolment across sources',
      'Dazukibart phase 3 (later registry snapshot): enrolment across sources',
    ]);
    expect(summarize(items)).toMatchObject({ discrepant: 7, unexpected: 0 });
  });

  it('seed 001 aggregate counts against the bundled landscape: fewer rows is not a refutation, more is a discrepancy', async () => {
    const items = checkDataset(await loadDataset('myositis-trials-2025')).filter(
      (i) => i.quantity === 'count vs landscape',
    );
    const verdict = Object.fromEntries(items.map((i) => [i.trial, [i.status, i.recomputed]]));
    expect(verdict).toEqual({
      'seed001-studies-2025': ['not-checkable', 56],
      'seed001-studies-2025-france': ['not-checkable', 21],
      'seed001-ibm-ongoing': ['not-checkable', 10],
      // the ulviprubart trial and its extension are two rows; the seed counts three trials in France
      'seed001-ibm-ongoing-france': ['discrepant', 4],
      'seed001-car-t-2025': ['not-checkable', 8],
      'seed001-car-t-2025-france': ['reproduced', 2],
      'seed001-car-t-participants': ['not-checkable', 267],
      'seed001-car-t-2024': ['not-checkable', null],
      'seed001-car-t-2023': ['not-checkable', null],
    });
    expect(items.find((i) => i.trial === 'seed001-ibm-ongoing-france')!.expected).toBe(true);
    expect(items.find((i) => i.trial === 'seed001-car-t-2025-france')!.reason).toContain(
      'Breakfree-1; YTB323 in myositis',
    );
  });
});

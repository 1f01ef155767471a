import { describe, expect, it } from 'vitest';
import { issuesOf } from './issues.js';
import { defineSchema, ordered, parseTable, printedDecimals, type RowOf } from '../../src/data/index.js';

const studies = defineSchema({
  name: 'meta-binary',
  columns: {
    study: { type: 'text', required: true },
    events1: { type: 'integer', required: true, min: 0 },
    n1: { type: 'integer', required: true, min: 1 },
    mean: { type: 'number' },
    sd: { type: 'number', min: 0 },
    p: { type: 'number', min: 0, max: 1 },
    scale: { type: 'enum', values: ['value', 'change'], default: 'value' },
  },
  key: ['study'],
  checks: [ordered('events1', 'n1')],
});

describe('parseTable', () => {
  it('returns typed rows with line numbers and printed text', () => {
    const table = parseTable('study,events1,n1,mean\nA,3,20,18.80\nB,0,5,\n', studies, { file: 'm.csv' });
    expect(table.rows).toHaveLength(2);
    const row: RowOf<typeof studies> = table.rows[0];
    expect(row).toMatchObject({ study: 'A', events1: 3, n1: 20, mean: 18.8, scale: 'value', $line: 2 });
    expect(row.$printed.mean).toBe('18.80');
    expect(printedDecimals(row.$printed.mean)).toBe(2);
    expect(table.rows[1].mean).toBeUndefined();
    expect(table.columns).toEqual(['study', 'events1', 'n1', 'mean']);
  });

  it('reports every issue with file, line and column', async () => {
    const issues = await issuesOf(() =>
      parseTable('study,events1,n1,sd,p\nA,3,20,-1,0.5\nB,30,20,1,1.5\nA,1,2,"18,8",x\n', studies, { file: 'm.csv' }),
    );
    expect(issues.map((i) => [i.file, i.line, i.column])).toEqual([
      ['m.csv', 2, 'sd'],
      ['m.csv', 3, 'p'],
      ['m.csv', 4, 'sd'],
      ['m.csv', 4, 'p'],
    ]);
    expect(issues[2].hint).toBe('decimal comma? use 18.8');
  });
});

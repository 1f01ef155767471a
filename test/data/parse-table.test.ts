import { describe, expect, expectTypeOf, it } from 'vitest';
import { issuesOf } from './issues.js';
import {
  defineSchema,
  ordered,
  parseTable,
  printedDecimals,
  type RowOf,
} from '../../src/data/index.js';

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
    const table = parseTable('study,events1,n1,mean\nA,3,20,18.80\nB,0,5,\n', studies, {
      file: 'm.csv',
    });
    expect(table.rows).toHaveLength(2);
    const row: RowOf<typeof studies> = table.rows[0];
    expect(row).toMatchObject({
      study: 'A',
      events1: 3,
      n1: 20,
      mean: 18.8,
      scale: 'value',
      $line: 2,
    });
    expect(row.$printed.mean).toBe('18.80');
    expect(printedDecimals(row.$printed.mean)).toBe(2);
    expect(table.rows[1].mean).toBeUndefined();
    expect(table.columns).toEqual(['study', 'events1', 'n1', 'mean']);
  });

  it('reports every issue with file, line and column', async () => {
    const issues = await issuesOf(() =>
      parseTable('study,events1,n1,sd,p\nA,3,20,-1,0.5\nB,30,20,1,1.5\nA,1,2,"18,8",x\n', studies, {
        file: 'm.csv',
      }),
    );
    expect(issues.map((i) => [i.file, i.line, i.column])).toEqual([
      ['m.csv', 2, 'sd'],
      ['m.csv', 3, 'p'],
      ['m.csv', 4, 'sd'],
      ['m.csv', 4, 'p'],
    ]);
    expect(issues[2].hint).toBe('decimal comma? use 18.8');
  });

  it('keeps extra columns as text when the schema says so', () => {
    const loose = defineSchema({
      columns: {
        study: { type: 'text', required: true },
        events1: { type: 'integer', required: true, min: 0 },
      },
      extraColumns: 'keep',
    });
    const { rows, columns } = parseTable('study,events1,subgroup,year\nA,3,adults,2019\n', loose, {
      file: 'm.csv',
    });
    expect(columns).toEqual(['study', 'events1', 'subgroup', 'year']);
    expect(rows[0].$extra).toEqual({ subgroup: 'adults', year: '2019' });
    const json = parseTable('[{"study": "A", "events1": 3, "subgroup": "kids"}]', loose, {
      file: 'm.json',
    });
    expect(json.rows[0].$extra).toEqual({ subgroup: 'kids' });
  });

  it('infers row types from the schema', () => {
    const { rows } = parseTable('study,events1,n1\nA,3,20\n', studies, { file: 'm.csv' });
    expectTypeOf(rows[0].study).toEqualTypeOf<string>();
    expectTypeOf(rows[0].events1).toEqualTypeOf<number>();
    expectTypeOf(rows[0].mean).toEqualTypeOf<number | undefined>();
    expectTypeOf(rows[0].scale).toEqualTypeOf<'value' | 'change'>();
    expectTypeOf(rows[0].$line).toEqualTypeOf<number>();
  });

  it('checks text patterns and dates, and runs custom checks', async () => {
    const schema = defineSchema({
      columns: {
        id: {
          type: 'text',
          required: true,
          pattern: /^[A-Z]{2}\d+$/,
          patternDescription: 'two capitals and digits (e.g. AB12)',
        },
        when: { type: 'date' },
        a: { type: 'number' },
        b: { type: 'number' },
      },
      checks: [
        (row, report) => {
          if (row.a !== undefined && row.b !== undefined && row.a + row.b > 1)
            report({ column: 'b', expected: 'a + b ≤ 1', found: `${row.a} + ${row.b}` });
        },
      ],
    });
    const issues = await issuesOf(() =>
      parseTable('id,when,a,b\nab1,2021-02-29,0.5,0.6\nAB1,2020-02-29,0.5,0.6\n', schema, {
        file: 'x.csv',
      }),
    );
    expect(issues.map((i) => [i.line, i.column, i.expected])).toEqual([
      [2, 'id', 'two capitals and digits (e.g. AB12)'],
      [2, 'when', 'a date YYYY, YYYY-MM or YYYY-MM-DD'],
      [3, 'b', 'a + b ≤ 1'],
    ]);
  });

  it('rejects a key column that is not a column', () => {
    expect(() => defineSchema({ columns: { a: { type: 'text' } }, key: ['b' as 'a'] })).toThrow(
      'key column "b"',
    );
  });
});

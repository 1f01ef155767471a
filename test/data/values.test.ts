import { describe, expect, it } from 'vitest';
import { parseKindText } from '../../src/data/index.js';
import { DataError, type InputIssue } from '../../src/errors.js';

function issues(
  text: string,
  kind: Parameters<typeof parseKindText>[1],
  file = 'x.csv',
): InputIssue[] {
  try {
    parseKindText(text, kind, file);
  } catch (error) {
    if (error instanceof DataError) return [...error.issues];
    throw error;
  }
  return [];
}

const binary = (events: string, n = '20') =>
  `trial,outcome,arm,events,n,source\nT,d,A,${events},${n},s\n`;

describe('values that cannot be stored are errors, never rounded or zeroed', () => {
  it('1e-999 as events (would read as 0), in CSV and JSON', () => {
    expect(issues(binary('1e-999'), 'arm-binary')).toEqual([
      {
        file: 'x.csv',
        line: 2,
        column: 'events',
        expected: 'a whole number ≥ 0',
        found: '1e-999',
        hint: 'too small to store: it would read as 0',
      },
    ]);
    expect(
      issues(
        '[{"trial":"T","outcome":"d","arm":"A","events":1e-999,"n":20,"source":"s"}]',
        'arm-binary',
        'x.json',
      )[0],
    ).toMatchObject({ column: 'events', found: '1e-999' });
    // A written zero is still zero.
    for (const zero of ['0', '0.000', '0e5', '-0'])
      expect(
        issues(binary(zero), 'arm-binary').filter(
          (i) => i.column === 'events' && /small/.test(i.hint ?? ''),
        ),
      ).toEqual([]);
  });

  it('a whole number beyond 2^53 (would be rounded)', () => {
    expect(issues(binary('1', '9007199254740993'), 'arm-binary')).toEqual([
      {
        file: 'x.csv',
        line: 2,
        column: 'n',
        expected: 'a whole number ≥ 1 up to 9007199254740991 (2^53 − 1)',
        found: '9007199254740993',
        hint: 'larger whole numbers cannot be stored exactly',
      },
    ]);
    expect(issues(binary('1', '9007199254740991'), 'arm-binary')).toEqual([]);
  });

  it('a JSON key given twice in one row', () => {
    expect(
      issues(
        '[\n{"trial":"T","outcome":"d","arm":"A","events":1,"n":20,"source":"s"},\n{"trial":"T","outcome":"d","arm":"B","events":1,"n":20,"n":30,"source":"s"}\n]',
        'arm-binary',
        'x.json',
      ),
    ).toEqual([
      {
        file: 'x.json',
        line: 3,
        column: 'n',
        expected: 'each key once in an object',
        found: '"n" again in the same object (JSON would keep only the last value)',
      },
    ]);
  });

  it('a negative or zero estimate or CI bound for a ratio measure (RR, OR, HR, ROM); fine for MD', () => {
    const text =
      'trial,outcome,measure,arm,comparator,estimate,ci_lower,ci_upper,source\nT,a,RR,A,B,-0.2,-0.5,0.1,s\nT,b,HR,A,B,0.8,0,1.2,s\nT,c,MD,A,B,-0.2,-0.5,0.1,s\n';
    expect(
      issues(text, 'reported-comparison').map((i) => [i.line, i.column, i.expected, i.found]),
    ).toEqual([
      [2, 'estimate', 'a number > 0 (RR is a ratio)', '-0.2'],
      [2, 'ci_lower', 'a number > 0 (RR is a ratio)', '-0.5'],
      [3, 'ci_lower', 'a number > 0 (HR is a ratio)', '0'],
    ]);
  });
});

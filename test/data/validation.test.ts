import { describe, expect, it } from 'vitest';
import { DataError, formatIssue } from '../../src/errors.js';
import { KINDS, KIND_NAMES, parseKindText, parseTable, type Kind } from '../../src/data/index.js';
import { issuesOf, where } from './issues.js';

const BINARY_HEADER = 'trial,outcome,arm,timepoint,events,n,percent,source';
const CONT_HEADER = 'trial,outcome,timepoint,arm,n,mean,sd,ci_lower,ci_upper,source';

function binary(...rows: string[]): string {
  return [BINARY_HEADER, ...rows].join('\n') + '\n';
}
function continuous(...rows: string[]): string {
  return [CONT_HEADER, ...rows].join('\n') + '\n';
}
const parseBinary = (text: string) => parseKindText(text, 'arm-binary', 'arms.csv');
const parseContinuous = (text: string) => parseKindText(text, 'arm-continuous', 'cont.csv');

describe('CSV structure', () => {
  it('accepts a UTF-8 BOM, CRLF line ends and a trailing newline', () => {
    const text =
      '\ufeff' +
      [BINARY_HEADER, 'T,death,A,,3,20,15,s1', 'T,death,B,,5,21,23.8,s1'].join('\r\n') +
      '\r\n';
    const { table } = parseBinary(text);
    expect(table.columns[0]).toBe('trial');
    expect(table.rows.map((row) => [row.arm, row.events, row.$line])).toEqual([
      ['A', 3, 2],
      ['B', 5, 3],
    ]);
  });

  it('counts lines through quoted line breaks and in \\r-only files', async () => {
    const text = binary(
      'T,death,A,,3,20,,"s1"',
      'T,death,B,,4,20,,s1',
      'T,death,C,,x,20,,s1',
    ).replace('"s1"', '"s1\nsecond line\r\nthird"');
    const issues = await issuesOf(() => parseBinary(text));
    expect(issues[0]).toMatchObject({ line: 6, column: 'events' });
    const cr = await issuesOf(() =>
      parseBinary(binary('T,death,A,,3,20,,s1', 'T,death,B,,x,20,,s1').replace(/\n/g, '\r')),
    );
    expect(cr[0]).toMatchObject({ line: 3, column: 'events' });
  });

  it('ignores trailing blank lines but reports a blank line between rows', async () => {
    expect(parseBinary(binary('T,death,A,,3,20,,s1') + '\n\n').table.rows).toHaveLength(1);
    const issues = await issuesOf(() =>
      parseBinary(binary('T,death,A,,3,20,,s1', '', 'T,death,B,,5,21,,s1')),
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      file: 'arms.csv',
      line: 3,
      column: '(whole line)',
      found: 'a blank line',
    });
  });

  it('reports unknown and missing columns in the header, with a suggestion', async () => {
    const issues = await issuesOf(() =>
      parseBinary('trial,outcome,arm,evnts,source\nT,death,A,3,s1\n'),
    );
    expect(where(issues)).toEqual([
      [1, 'evnts'],
      [1, 'events'],
      [1, 'n'],
    ]);
    expect(issues[0].found).toBe('unknown column "evnts"');
    expect(issues[0].hint).toBe('did you mean "events"?');
    expect(issues[1]).toMatchObject({
      expected: 'a column "events" (required by arm-binary)',
      found: 'no such column',
    });
  });

  it('reports a column named twice', async () => {
    const issues = await issuesOf(() =>
      parseBinary('trial,outcome,arm,events,n,n,source\nT,death,A,3,20,20,s1\n'),
    );
    expect(issues[0]).toMatchObject({ line: 1, column: 'n', expected: 'each column once' });
  });

  it('reports ragged rows (too few and too many cells)', async () => {
    const issues = await issuesOf(() =>
      parseBinary(binary('T,death,A,,3,20', 'T,death,B,,5,21,,s1,extra')),
    );
    expect(where(issues)).toEqual([
      [2, 'percent'],
      [3, '#9'],
    ]);
    expect(issues[1].hint).toBeUndefined();
    expect(issues[0]).toMatchObject({
      expected: '8 cells, one per header column',
      found: '6 cells',
    });
    expect(issues[1].found).toBe('9 cells');
  });

  it('explains an unquoted decimal comma that split a cell', async () => {
    const issues = await issuesOf(() =>
      parseContinuous(continuous('T,6MWD,month 12,A,20,18,8,4.5,,,s1')),
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      file: 'cont.csv',
      line: 2,
      column: 'mean',
      found: '11 cells',
    });
    expect(issues[0].hint).toBe('"18,8" in column mean looks like a decimal comma: write 18.8');
  });

  it('reports bad CSV quoting with its line', async () => {
    const issues = await issuesOf(() =>
      parseBinary(binary('T,death,A,,3,20,,s1', 'T,"death,B,,5,21,,s1')),
    );
    // Where the quote opened (line 3, character 3, the outcome cell), not the end of the file.
    expect(issues[0]).toMatchObject({
      file: 'arms.csv',
      line: 3,
      char: 3,
      column: 'outcome',
      found: 'no closing quote before the end of the file',
    });
    expect(issues[0].expected).toMatch(/a closing " for the quote that opens this cell/);
  });

  it('locates issues past the first 1 MB chunk of a text', async () => {
    const rows = Array.from(
      { length: 40_000 },
      (_, i) => `Trial ${i},death,"arm, ${i}",,1,20,,source`,
    );
    rows[39_000] = rows[39_000].replace(',1,20,', ',21,20,');
    const bad = await issuesOf(() => parseBinary(binary(...rows)));
    expect(bad).toEqual([expect.objectContaining({ line: 39_002, column: 'events' })]);
    rows[39_000] = 'T,"de"ath,A,,1,20,,s';
    const quoting = await issuesOf(() => parseBinary(binary(...rows)));
    expect(quoting[0]).toMatchObject({ line: 39_002 });
  });

  it('reports an empty file', async () => {
    const issues = await issuesOf(() => parseBinary(''));
    expect(issues).toEqual([
      {
        file: 'arms.csv',
        line: 1,
        column: '(header)',
        expected: 'a header line naming the columns',
        found: 'an empty file',
      },
    ]);
  });

  it('accepts a header-only file as an empty table', () => {
    expect(parseBinary(binary()).table.rows).toEqual([]);
  });
});

describe('cell values', () => {
  it('reports a quoted decimal comma and suggests the point', async () => {
    const issues = await issuesOf(() =>
      parseContinuous(continuous('T,6MWD,month 12,A,20,"18,8",4.5,,,s1')),
    );
    expect(issues).toEqual([
      {
        file: 'cont.csv',
        line: 2,
        column: 'mean',
        expected: 'a number',
        found: '"18,8"',
        hint: 'decimal comma? use 18.8',
      },
    ]);
    expect(formatIssue(issues[0])).toBe(
      'cont.csv:2: column "mean": expected a number, found "18,8" (decimal comma? use 18.8)',
    );
  });

  it('reports non-numbers with hints for %, NA, Unicode minus and thousands separators', async () => {
    const issues = await issuesOf(() =>
      parseContinuous(
        continuous('T,6MWD,month 12,A,20,abc,NA,,,s1', 'T,6MWD,month 12,B,"1,200",12%,4,−3.5,,s1'),
      ),
    );
    expect(where(issues)).toEqual([
      [2, 'mean'],
      [2, 'sd'],
      [3, 'n'],
      [3, 'mean'],
      [3, 'ci_lower'],
    ]);
    expect(issues.map((issue) => issue.hint)).toEqual([
      undefined,
      'leave the cell empty for a missing value',
      'no thousands separators: 1200',
      'drop the % sign: 12',
      'use the ASCII minus: -3.5',
    ]);
  });

  it('reports a negative SD', async () => {
    const issues = await issuesOf(() =>
      parseContinuous(continuous('T,6MWD,month 12,A,20,300,-4.5,,,s1')),
    );
    expect(issues).toEqual([
      { file: 'cont.csv', line: 2, column: 'sd', expected: 'a number ≥ 0', found: '-4.5' },
    ]);
  });

  it('reports n < 1 and a non-whole n', async () => {
    const issues = await issuesOf(() =>
      parseBinary(binary('T,death,A,,0,0,,s1', 'T,death,B,,1,2.5,,s1')),
    );
    expect(issues).toEqual([
      { file: 'arms.csv', line: 2, column: 'n', expected: 'a whole number ≥ 1', found: '0' },
      { file: 'arms.csv', line: 3, column: 'n', expected: 'a whole number ≥ 1', found: '2.5' },
    ]);
  });

  it('reports events > n on the events column', async () => {
    const issues = await issuesOf(() => parseBinary(binary('T,death,A,,21,20,,s1')));
    expect(issues).toEqual([
      {
        file: 'arms.csv',
        line: 2,
        column: 'events',
        expected: 'events ≤ n (20)',
        found: 'events = 21',
      },
    ]);
  });

  it('reports ci_lower > ci_upper', async () => {
    const issues = await issuesOf(() =>
      parseContinuous(continuous('T,6MWD,month 12,A,20,,40,310.5,290.25,s1')),
    );
    expect(issues).toEqual([
      {
        file: 'cont.csv',
        line: 2,
        column: 'ci_lower',
        expected: 'ci_lower ≤ ci_upper (290.25)',
        found: 'ci_lower = 310.5',
      },
    ]);
  });

  it('reports an estimate or mean outside its interval', async () => {
    const comparison = await issuesOf(() =>
      parseKindText(
        'trial,outcome,measure,arm,comparator,estimate,ci_lower,ci_upper,source\nT,o,RR,A,B,2.5,0.8,1.9,s\n',
        'reported-comparison',
        'c.csv',
      ),
    );
    expect(comparison).toEqual([
      {
        file: 'c.csv',
        line: 2,
        column: 'estimate',
        expected: 'estimate ≤ ci_upper (1.9)',
        found: 'estimate = 2.5',
      },
    ]);
    const mean = await issuesOf(() =>
      parseContinuous(continuous('T,6MWD,month 12,A,20,280,40,290,310,s1')),
    );
    expect(mean).toEqual([
      {
        file: 'cont.csv',
        line: 2,
        column: 'ci_lower',
        expected: 'ci_lower ≤ mean (280)',
        found: 'ci_lower = 290',
      },
    ]);
  });

  it('reports a missing required value', async () => {
    const issues = await issuesOf(() => parseBinary(binary('T,death,,,3,20,,s1')));
    expect(issues[0]).toMatchObject({ line: 2, column: 'arm', found: 'an empty cell' });
  });

  it('reports a duplicate key naming both lines', async () => {
    const issues = await issuesOf(() =>
      parseBinary(binary('T,death,A,,3,20,,s1', 'T,death,B,,4,20,,s1', 'T,death,A,,5,20,,s1')),
    );
    expect(issues).toEqual([
      {
        file: 'arms.csv',
        line: 4,
        column: 'trial, outcome, timepoint, population, arm',
        expected: 'a unique (trial, outcome, timepoint, population, arm)',
        found: '(T, death, , , A) again: duplicate of line 2',
      },
    ]);
  });

  it('reports every issue in the file, not only the first', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `T,death,A${i},,x,20,,s1`);
    const issues = await issuesOf(() => parseBinary(binary(...rows)));
    expect(issues).toHaveLength(30);
    expect(issues.at(-1)).toMatchObject({ line: 31, column: 'events' });
  });

  it('caps the kept issues but counts them all', async () => {
    const text = binary(...Array.from({ length: 12 }, (_, i) => `T,death,A${i},,x,20,,s1`));
    try {
      parseTable(text, KINDS['arm-binary'], { file: 'a.csv', maxIssues: 5 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DataError);
      expect((error as DataError).issues).toHaveLength(5);
      expect((error as DataError).message.split('\n')[0]).toBe('a.csv: 12 issues (first 5 shown):');
    }
  });

  it('applies enum defaults and rejects unknown enum values with a case hint', async () => {
    const ok = parseKindText(
      'trial,outcome,timepoint,arm,n,source\nT,o,w1,A,5,s\n',
      'arm-continuous',
      'c.csv',
    );
    expect(ok.table.rows[0]).toMatchObject({ scale: 'value', mean_type: 'arithmetic' });
    const issues = await issuesOf(() =>
      parseKindText(
        'trial,outcome,timepoint,arm,n,scale,source\nT,o,w1,A,5,Change,s\n',
        'arm-continuous',
        'c.csv',
      ),
    );
    expect(issues[0]).toMatchObject({
      line: 2,
      column: 'scale',
      expected: 'one of value, change, percent-change',
      found: '"Change"',
      hint: 'use change',
    });
  });
});

describe('JSON input', () => {
  it('reads an array of objects with lines and printed numbers', () => {
    const text =
      '[\n  {"trial": "T", "outcome": "death", "arm": "A", "events": 3, "n": 20, "percent": 15.0, "source": "s1"},\n  {"trial": "T", "outcome": "death", "arm": "B", "events": 5, "n": 21, "percent": null, "source": "s1"}\n]\n';
    const { table } = parseKindText(text, 'arm-binary', 'arms.json', 'json');
    expect(table.rows.map((row) => row.$line)).toEqual([2, 3]);
    expect(table.rows[0].$printed.percent).toBe('15.0');
    expect(table.rows[1].percent).toBeUndefined();
  });

  it('reports bad values with the line of their object', async () => {
    const text =
      '[\n{"trial": "T", "outcome": "d", "arm": "A", "events": 3, "n": 20, "source": "s"},\n{"trial": "T", "outcome": "d", "arm": "B", "events": 30, "n": "2,5", "source": "s", "extra": 1}\n]';
    const issues = await issuesOf(() => parseKindText(text, 'arm-binary', 'a.json', 'json'));
    expect(where(issues)).toEqual([
      [3, 'extra'],
      [3, 'n'],
    ]);
    expect(issues[1].hint).toBe('decimal comma? use 2.5');
  });

  it('reports a required key missing from one object', async () => {
    const text =
      '[\n{"trial": "T", "outcome": "d", "arm": "A", "events": 3, "n": 20, "source": "s"},\n{"trial": "T", "outcome": "d", "arm": "B", "n": 20, "source": "s"}\n]';
    const issues = await issuesOf(() => parseKindText(text, 'arm-binary', 'a.json', 'json'));
    expect(issues).toEqual([
      expect.objectContaining({
        line: 3,
        column: 'events',
        found: 'no "events" key in this object',
      }),
    ]);
  });

  it('reports invalid JSON and a non-array', async () => {
    expect(
      (await issuesOf(() => parseKindText('[\n{"a": 1,}\n]', 'arm-binary', 'a.json', 'json')))[0],
    ).toMatchObject({ file: 'a.json', line: 2, column: '(JSON)' });
    expect(
      (await issuesOf(() => parseKindText('{"a": 1}', 'arm-binary', 'a.json', 'json')))[0],
    ).toMatchObject({ line: 1, found: 'an object' });
  });
});

/** A valid row and a broken one for every kind, with the issue it must raise. */
const KIND_CASES: Record<
  Kind,
  { header: string; good: string; bad: string; issue: [string, string] }
> = {
  'arm-continuous': {
    header: 'trial,outcome,timepoint,arm,n,mean,sd,median,q1,q3,source',
    good: 'T,6MWD,month 12,A,20,300.5,40.25,301,280,320,s1',
    bad: 'T,6MWD,month 12,B,20,300.5,40.25,301,330,320,s1',
    issue: ['q1', 'q1 ≤ median (301)'],
  },
  'arm-binary': {
    header: 'trial,outcome,arm,events,n,source',
    good: 'T,death,A,0,20,s1',
    bad: 'T,death,B,-1,20,s1',
    issue: ['events', 'a whole number ≥ 0'],
  },
  'reported-comparison': {
    header:
      'trial,outcome,measure,arm,comparator,estimate,ci_lower,ci_upper,ci_level,p,p_relation,source',
    good: 'T,6MWD,MD,A,B,-34.4,-60.1,-8.7,0.95,0.009,=,s1',
    bad: 'T,6MWD,RR,A,B,0.8,0.5,1.2,0.95,1.2,<,s1',
    issue: ['p', 'a number in [0, 1]'],
  },
  'single-arm-proportion': {
    header: 'study,group,outcome,events,n,percent,source',
    good: 'Bride 2016,,complete response,4,10,40,s1',
    bad: 'Lee 2018,,complete response,4,10,140,s1',
    issue: ['percent', 'a number in [0, 100]'],
  },
  'reported-percentage': {
    header: 'id,context,percent,n,count,source',
    good: 'p1,responders,18.8,16,3,s1',
    bad: 'p2,responders,18.8,16,17,s1',
    issue: ['count', 'count ≤ n (16)'],
  },
  'trial-registry': {
    header: 'registry_id,name,intervention,condition,phase,start,end,status,source',
    good: 'NCT02481453,RAPAMI,sirolimus,inclusion body myositis,2/3,2015-09,2019,completed,s1',
    bad: 'NCT0248145,OTHER,drug,IBM,2,2020,2018-05,completed,s1',
    issue: ['registry_id', 'NCT followed by 8 digits (e.g. NCT02481453)'],
  },
  'arm-time-to-event': {
    header:
      'trial,outcome,arm,n,events,median,median_ci_lower,median_ci_upper,time,survival_percent,source',
    good: 'T,OS,A,69,64,103,54,126,,,s1',
    bad: 'T,OS,B,68,64,52.5,60,90,,,s1',
    issue: ['median_ci_lower', 'median_ci_lower ≤ median (52.5)'],
  },
  'km-curve': {
    header: 'trial,outcome,arm,time,survival,n_risk,source',
    good: 'T,OS,A,0,1,69,s1',
    bad: 'T,OS,A,30,1.2,,s1',
    issue: ['survival', 'a number in [0, 1]'],
  },
  'patient-level': {
    header: 'trial,outcome,arm,time,event,value,source',
    good: 'T,OS,A,72,1,,s1',
    bad: 'T,OS,A,411,,,s1',
    issue: ['event', 'time and event together'],
  },
  'arm-rate': {
    header: 'trial,outcome,arm,events,person_time,unit,source',
    good: 'AFASAK,stroke,warfarin,9,413,patient-years,s1',
    bad: 'AFASAK,stroke,placebo,19,0,patient-years,s1',
    issue: ['person_time', 'a number > 0'],
  },
  'dose-escalation': {
    header: 'trial,group,level,dose,dose_unit,rule,cohort_size,dlt_from_day,dlt_to_day,source',
    good: 'ADSVF-in-IBM,group 1,1,5,million cells,3+3,3,0,30,s1',
    bad: 'ADSVF-in-IBM,group 1,2,10,million cells,3+3,3,30,0,s1',
    issue: ['dlt_from_day', 'dlt_from_day ≤ dlt_to_day (0)'],
  },
  'eligibility-criterion': {
    header: 'trial,type,criterion,variable,relation,value,unit,source',
    good: 'ADSVF-in-IBM,exclusion,severe respiratory insufficiency,FVC,<,50,% predicted,s1',
    bad: 'ADSVF-in-IBM,exclusion,body mass index,BMI,≤,18,kg/m2,s1',
    issue: ['relation', 'one of <, <=, >, >=, ='],
  },
  'reported-count': {
    header: 'id,context,count,relation,measure,condition,source',
    good: 'ibm-2025,12 IBM studies ongoing or upcoming,12,=,trials,inclusion body myositis,s1',
    bad: 'car-t,CAR-T participants,-3,>,enrolment,,s1',
    issue: ['count', 'a whole number ≥ 0'],
  },
};

describe('every kind', () => {
  it('has a test case for each kind', () => {
    expect(Object.keys(KIND_CASES).sort()).toEqual([...KIND_NAMES].sort());
  });

  for (const kind of KIND_NAMES) {
    const { header, good, bad, issue } = KIND_CASES[kind];
    it(`${kind}: accepts a valid row and locates an invalid one`, async () => {
      expect(parseKindText(`${header}\n${good}\n`, kind, 'k.csv').table.rows).toHaveLength(1);
      const issues = await issuesOf(() =>
        parseKindText(`${header}\n${good}\n${bad}\n`, kind, 'k.csv'),
      );
      expect(issues[0]).toMatchObject({
        file: 'k.csv',
        line: 3,
        column: issue[0],
        expected: issue[1],
      });
    });
  }

  it('trial-registry: start after end and bad dates', async () => {
    const header = KIND_CASES['trial-registry'].header;
    const issues = await issuesOf(() =>
      parseKindText(
        `${header}\n,A,drug,IBM,2,2020,2018-05,completed,s1\n,B,drug,IBM,2,2020-13,,completed,s1\n`,
        'trial-registry',
        'r.csv',
      ),
    );
    expect(issues).toEqual([
      {
        file: 'r.csv',
        line: 2,
        column: 'start',
        expected: 'start ≤ end (2018-05)',
        found: 'start = 2020',
      },
      {
        file: 'r.csv',
        line: 3,
        column: 'start',
        expected: 'a date YYYY, YYYY-MM or YYYY-MM-DD',
        found: '"2020-13"',
      },
    ]);
  });

  it('checks the derived column format and that it names columns of the kind', async () => {
    const header = 'trial,outcome,arm,events,n,source,derived';
    const ok = parseKindText(
      `${header}\nT,d,A,3,20,s1,events:percent-to-count\n`,
      'arm-binary',
      'a.csv',
    );
    expect(ok.table.rows[0].derived).toBe('events:percent-to-count');
    const issues = await issuesOf(() =>
      parseKindText(
        `${header}\nT,d,A,3,20,s1,percent-to-count\nT,d,B,3,20,s1,evnts:x\n`,
        'arm-binary',
        'a.csv',
      ),
    );
    expect(where(issues)).toEqual([
      [2, 'derived'],
      [3, 'derived'],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/errors.js';
import { parseSpecText, validateSpec } from '../../src/report/spec.js';

const known = ['xss-trials', 'other'];
const good = {
  title: 'T',
  summary: 'S',
  sections: [
    {
      title: 'A',
      datasets: ['xss-trials'],
      analyses: [{ id: 'rr', type: 'reported-comparisons', options: { measure: 'RR' } }],
      charts: [{ type: 'forest', analysis: 'rr', title: 'Forest' }],
      tables: [{ analysis: 'rr' }],
    },
  ],
};

function issuesOf(
  spec: unknown,
): { column?: string; expected: string; found: string; file?: string }[] {
  try {
    validateSpec(spec, 'reports/bad.yaml', known);
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    return [...(error as DataError).issues];
  }
  throw new Error('expected a DataError');
}

const clone = (): typeof good => JSON.parse(JSON.stringify(good));

describe('report spec validation', () => {
  it('accepts a valid spec and fills the single dataset in', () => {
    const spec = validateSpec(good, 'reports/good.yaml', known);
    expect(spec.name).toBe('good');
    expect(spec.sections[0].analyses[0].datasets).toEqual(['xss-trials']);
    expect(spec.sections[0].charts[0].options).toEqual({ title: 'Forest' });
  });

  it('names file, path, expected and found for a wrong chart type', () => {
    const spec = clone();
    (spec.sections[0].charts[0] as { type: string }).type = 'pie';
    const [issue] = issuesOf(spec);
    expect(issue.file).toBe('reports/bad.yaml');
    expect(issue.column).toBe('sections[0].charts[0].type');
    expect(issue.expected).toMatch(/one of the charts forest, arm-dots/);
    expect(issue.found).toBe('"pie"');
  });

  it('reports every problem at once: unknown keys, wrong types, unknown names', () => {
    const spec = clone() as Record<string, unknown>;
    spec.colour = 'red';
    const section = (spec.sections as Record<string, unknown>[])[0];
    section.datasets = ['nope'];
    section.analyses = [
      { id: 'rr', type: 'magic', options: {} },
      { id: 'rr', type: 'reported-comparisons', options: { measure: 3, extra: true } },
    ];
    section.charts = [{ type: 'forest', analysis: 'missing', title: 5 }];
    const issues = issuesOf(spec);
    const paths = issues.map((i) => i.column);
    expect(paths).toEqual(
      expect.arrayContaining([
        'colour',
        'sections[0].datasets[0]',
        'sections[0].analyses[0].type',
        'sections[0].analyses[1].id',
        'sections[0].analyses[1].options.measure',
        'sections[0].analyses[1].options.extra',
        'sections[0].charts[0].analysis',
        'sections[0].charts[0].title',
      ]),
    );
    const byPath = Object.fromEntries(issues.map((i) => [i.column, i]));
    expect(byPath['sections[0].analyses[1].options.measure'].found).toBe('number 3');
    expect(byPath['sections[0].analyses[1].options.measure'].expected).toBe('a non-empty string');
    expect(byPath['sections[0].datasets[0]'].found).toBe('"nope"');
    expect(byPath.colour.found).toBe('unknown key "colour"');
  });

  it('checks option types, including a name-or-list option', () => {
    const spec = clone() as any;
    spec.sections[0].analyses = [
      { id: 'c', type: 'binary-comparison', options: { arm: 5, comparator: ['a'], level: 95 } },
    ];
    spec.sections[0].charts = [];
    spec.sections[0].tables = [];
    const byPath = Object.fromEntries(issuesOf(spec).map((i) => [i.column, i]));
    expect(byPath['sections[0].analyses[0].options.arm']).toMatchObject({
      expected: 'a string or a list of strings',
      found: 'number 5',
    });
    expect(byPath['sections[0].analyses[0].options.comparator']).toMatchObject({
      expected: 'a non-empty string',
      found: 'a list of 1',
    });
    expect(byPath['sections[0].analyses[0].options.level']).toMatchObject({
      expected: 'a number > 0 and < 1',
      found: 'number 95',
    });
  });

  it('rejects a chart fed by an analysis producing the wrong kind of data', () => {
    const spec = clone();
    spec.sections[0].analyses.push({ id: 'tl', type: 'trial-landscape', options: {} as never });
    spec.sections[0].charts = [{ type: 'forest', analysis: 'tl', title: 'x' }];
    const [issue] = issuesOf(spec);
    expect(issue.column).toBe('sections[0].charts[0].analysis');
    expect(issue.expected).toBe('an analysis producing effects data (for a forest chart)');
  });

  it('requires title, summary and non-empty sections, and mappings where mappings belong', () => {
    expect(issuesOf({ sections: [] }).map((i) => i.column)).toEqual([
      'title',
      'summary',
      'sections',
    ]);
    expect(issuesOf([1, 2])[0]).toMatchObject({
      column: '(top level)',
      expected: 'a mapping',
      found: 'a list of 2',
    });
    const spec = clone();
    (spec.sections as unknown[])[0] = 'text';
    expect(issuesOf(spec)[0]).toMatchObject({ column: 'sections[0]', expected: 'a mapping' });
  });

  it('needs an explicit dataset when a section names several', () => {
    const spec = clone();
    spec.sections[0].datasets = ['xss-trials', 'other'];
    expect(issuesOf(spec)[0]).toMatchObject({
      column: 'sections[0].analyses[0].dataset',
      found: 'nothing',
    });
  });

  it('turns YAML syntax errors and duplicate keys into issues with a line', () => {
    for (const text of ['title: a\n  bad: [\n', 'title: a\ntitle: b\n']) {
      try {
        parseSpecText(text, 'x.yaml');
        throw new Error('no error');
      } catch (error) {
        expect(error).toBeInstanceOf(DataError);
        expect((error as DataError).issues[0]).toMatchObject({
          file: 'x.yaml',
          expected: 'valid YAML',
        });
        expect((error as DataError).issues[0].line).toBeGreaterThan(0);
      }
    }
    expect(() => parseSpecText('{', 'x.json')).toThrow(DataError);
  });
});

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import {
  KINDS,
  bundledDatasetNames,
  loadDataset,
  loadInput,
  packageRoot,
  readTableFile,
  toTable,
  type ArmBinaryRow,
} from '../../src/data/index.js';
import { issuesOf, where } from './issues.js';

const FIXTURES = 'test/data/fixtures';
const tmp = mkdtempSync(join(tmpdir(), 'trialstat-data-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('loading a dataset folder', () => {
  it('loads and types every table of a valid dataset', async () => {
    const dataset = await loadDataset(`${FIXTURES}/good-trial`);
    expect(dataset.name).toBe('good-trial');
    expect(dataset.bundled).toBe(false);
    expect(dataset.tables.map((t) => [t.file, t.kind, t.table.rows.length])).toEqual([
      [`${FIXTURES}/good-trial/arms.csv`, 'arm-continuous', 2],
      [`${FIXTURES}/good-trial/events.csv`, 'arm-binary', 2],
      [`${FIXTURES}/good-trial/comparisons.json`, 'reported-comparison', 1],
    ]);
    const comparison = dataset.tables[2].table.rows[0];
    expect(comparison.$printed.ci_lower).toBe('-4.10');
    expect(dataset.meta.sources.map((s) => s.key)).toEqual(['paper', 'registry']);
  });

  it('reports every dataset-level issue across files at once', async () => {
    const issues = await issuesOf(() => loadDataset(`${FIXTURES}/bad-trial`));
    const meta = `${FIXTURES}/bad-trial/dataset.json`;
    const arms = `${FIXTURES}/bad-trial/arms.csv`;
    const summary = issues.map((issue) => [issue.file, issue.line, issue.column, issue.found]);
    expect(summary).toEqual([
      [meta, 14, 'note', 'unknown field "note"'],
      [meta, 2, 'name', '"not-the-folder"'],
      [meta, 8, 'files[2].kind', '"arm-contnuous"'],
      [meta, 11, 'sources[0]', 'none'],
      [arms, 3, 'events', 'events = 30'],
      [meta, 7, 'files.path', 'no such file'],
      [meta, 5, 'files', 'unlisted.csv not listed'],
      [arms, 2, 'derived', '"guess"'],
      [arms, 3, 'source', '"papr"'],
    ]);
    expect(issues[3].expected).toBe('at least one of doi, pmid, url, document');
  });

  it('reports source keys that are not in dataset.json', async () => {
    const dir = join(tmp, 'refs');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'dataset.json'),
      JSON.stringify({
        name: 'refs',
        title: 't',
        description: 'd',
        files: [{ path: 'a.csv', kind: 'arm-binary' }],
        sources: [{ key: 's1', citation: 'c', pmid: '1' }],
      }),
    );
    writeFileSync(
      join(dir, 'a.csv'),
      'trial,outcome,arm,events,n,source\nT,d,A,1,2,s1;s2\nT,d,B,1,2,s3\n',
    );
    const issues = await issuesOf(() => loadDataset(dir));
    expect(where(issues)).toEqual([
      [2, 'source'],
      [3, 'source'],
    ]);
    expect(issues[0]).toMatchObject({
      file: `${dir}/a.csv`,
      expected: 'a source key from dataset.json (s1)',
      found: '"s2"',
    });
  });

  it('finds datasets by bundled name in the datasets folder', async () => {
    const dataset = await loadDataset('good-trial', { datasetsDir: FIXTURES });
    expect(dataset.bundled).toBe(true);
    expect(dataset.tables[0].file).toBe('datasets/good-trial/arms.csv');
    expect(bundledDatasetNames({ datasetsDir: FIXTURES })).toEqual(['bad-trial', 'good-trial']);
  });

  it('names the bundled datasets when a name is unknown', async () => {
    await expect(loadDataset('no-such-dataset', { datasetsDir: FIXTURES })).rejects.toThrow(
      'dataset: expected a dataset folder or a bundled dataset name (bad-trial, good-trial), found "no-such-dataset"',
    );
  });
});

describe('loading a table file', () => {
  it('reads a CSV file by path with a kind', async () => {
    const table = await readTableFile(`${FIXTURES}/files/arm-binary.csv`, KINDS['arm-binary']);
    expect(table.file).toBe(`${FIXTURES}/files/arm-binary.csv`);
    expect(table.rows.map((row) => row.n)).toEqual([20, 22]);
  });

  it('reports all issues of a file streamed from disk', async () => {
    const issues = await issuesOf(() =>
      readTableFile(`${FIXTURES}/files/arm-binary-bad.csv`, KINDS['arm-binary']),
    );
    expect(issues.map((i) => [i.file, i.line, i.column])).toEqual([
      [`${FIXTURES}/files/arm-binary-bad.csv`, 3, 'trial, outcome, timepoint, population, arm'],
      [`${FIXTURES}/files/arm-binary-bad.csv`, 4, 'events'],
    ]);
  });

  it('reports a missing file', async () => {
    const issues = await issuesOf(() => readTableFile('no/such.csv', KINDS['arm-binary']));
    expect(issues).toEqual([
      { file: 'no/such.csv', expected: 'a readable file', found: 'no such file' },
    ]);
  });

  it('streams a BOM + CRLF file in small chunks with correct lines', async () => {
    const path = join(tmp, 'big.csv');
    const rows = Array.from({ length: 5000 }, (_, i) => `T,o,arm${i},${i % 7},${7 + (i % 5)},s`);
    writeFileSync(path, '\ufefftrial,outcome,arm,events,n,source\r\n' + rows.join('\r\n') + '\r\n');
    const { rows: parsed } = await readTableFile(path, KINDS['arm-binary']);
    expect(parsed).toHaveLength(5000);
    expect(parsed[4999]).toMatchObject({ arm: 'arm4999', $line: 5001 });
  });
});

describe('loadInput', () => {
  it('loads a file with --kind, a file from its dataset.json, a folder and a bundled name', async () => {
    const file = await loadInput(`${FIXTURES}/files/arm-binary.csv`, { kind: 'arm-binary' });
    expect(file.type === 'table' && file.table.table.rows.length).toBe(2);
    const inDataset = await loadInput(`${FIXTURES}/good-trial/events.csv`);
    expect(inDataset.type === 'table' && inDataset.table.kind).toBe('arm-binary');
    const folder = await loadInput(`${FIXTURES}/good-trial`);
    expect(folder.type === 'dataset' && folder.dataset.name).toBe('good-trial');
    const byName = await loadInput('good-trial', { datasetsDir: FIXTURES });
    expect(byName.type === 'dataset' && byName.dataset.bundled).toBe(true);
  });

  it('reads stdin as CSV or JSON', async () => {
    const csv = await loadInput('-', {
      kind: 'arm-binary',
      readStdin: async () => 'trial,outcome,arm,events,n,source\nT,d,A,1,2,s\n',
    });
    expect(csv.type === 'table' && csv.table.file).toBe('<stdin>');
    const json = await loadInput('-', {
      kind: 'arm-binary',
      readStdin: async () =>
        '[{"trial":"T","outcome":"d","arm":"A","events":1,"n":2,"source":"s"}]',
    });
    expect(json.type === 'table' && json.table.table.format).toBe('json');
    const issues = await issuesOf(() =>
      loadInput('-', {
        kind: 'arm-binary',
        readStdin: async () => 'trial,outcome,arm,events,n,source\nT,d,A,3,2,s\n',
      }),
    );
    expect(issues[0]).toMatchObject({ file: '<stdin>', line: 2, column: 'events' });
  });

  it('asks for --kind for a lone file or stdin', async () => {
    await expect(loadInput('-')).rejects.toBeInstanceOf(InputError);
    await expect(loadInput(`${FIXTURES}/files/arm-binary.csv`)).rejects.toThrow(
      /--kind: expected the kind of/,
    );
    await expect(loadInput('nothing-here')).rejects.toThrow(/expected a file, a dataset folder/);
  });
});

describe('toTable and package root', () => {
  it('builds an arquero table of the value columns', async () => {
    const table = await readTableFile(`${FIXTURES}/files/arm-binary.csv`, KINDS['arm-binary']);
    const rows: ArmBinaryRow[] = table.rows;
    const t = toTable(rows);
    expect(t.numRows()).toBe(2);
    expect(t.columnNames()).not.toContain('$line');
    expect(t.array('events')).toEqual([3, 4]);
    expect(toTable(rows, ['arm', '$line']).objects()).toEqual([
      { arm: 'A', $line: 2 },
      { arm: 'B', $line: 3 },
    ]);
  });

  it('finds the package root from src/', () => {
    expect(packageRoot()).toBe(process.cwd());
  });
});

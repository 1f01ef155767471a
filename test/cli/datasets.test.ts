import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { bundledDatasetNames, loadDataset } from '../../src/data/index.js';
import { runCli } from '../support/cli.js';

const FIXTURE = 'test/data/fixtures/good-trial';

describe('trialstat datasets', () => {
  it('lists every bundled dataset as JSON with name, title, kinds, rows, sources', async () => {
    const result = await runCli(['datasets', '--json']);
    expect(result.code).toBe(0);
    const list = JSON.parse(result.stdout) as {
      name: string;
      title: string;
      kinds: string[];
      rows: number;
      sources: number;
    }[];
    const names = bundledDatasetNames();
    expect(list.map((d) => d.name)).toEqual(names);
    for (const entry of list) {
      const dataset = await loadDataset(entry.name);
      expect(entry.title).toBe(dataset.meta.title);
      expect(entry.rows).toBe(dataset.tables.reduce((sum, t) => sum + t.table.rows.length, 0));
      expect(entry.sources).toBe(dataset.meta.sources.length);
      expect(entry.kinds.sort()).toEqual([...new Set(dataset.tables.map((t) => t.kind))].sort());
    }
  });

  it('prints a table with a header row and one line per dataset', async () => {
    const result = await runCli(['datasets']);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split('\n');
    const names = bundledDatasetNames();
    if (names.length === 0) expect(lines).toEqual(['No bundled datasets.']);
    else {
      expect(lines[0]).toMatch(/^name\s+title\s+kinds\s+rows\s+sources$/);
      expect(lines.slice(2).map((line) => line.split(/\s+/)[0])).toEqual(names);
    }
  });

  it('shows one table of a dataset folder in every format, numbers as printed', async () => {
    const table = await runCli(['datasets', 'show', FIXTURE, '--file', 'arms.csv']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('290.0');
    expect(table.stdout.split('\n')[0]).toMatch(
      /^trial\s+outcome\s+timepoint\s+arm\s+n\s+mean\s+sd\s+unit\s+better\s+source$/,
    );
    const csv = await runCli([
      'datasets',
      'show',
      FIXTURE,
      '--file',
      'arms.csv',
      '--format',
      'csv',
    ]);
    expect(csv.stdout.split('\n')[1]).toBe('GT,walk,week 12,drug,20,310.5,40.25,m,higher,paper');
    const json = await runCli([
      'datasets',
      'show',
      FIXTURE,
      '--file',
      'events.csv',
      '--format',
      'json',
    ]);
    expect(JSON.parse(json.stdout)[0]).toEqual({
      trial: 'GT',
      outcome: 'fall',
      arm: 'drug',
      events: 3,
      n: 20,
      percent: 15,
      source: 'paper',
      derived: 'events:percent-to-count',
    });
    const md = await runCli([
      'datasets',
      'show',
      FIXTURE,
      '--file',
      'events.csv',
      '--format',
      'md',
    ]);
    expect(md.stdout.split('\n')[0]).toBe(
      '| trial | outcome | arm | events | n | percent | source | derived |',
    );
  });

  it('shows all tables with headings, and JSON per file', async () => {
    const all = await runCli(['datasets', 'show', FIXTURE]);
    expect(all.stdout).toContain('arms.csv (arm-continuous, 2 rows)');
    expect(all.stdout).toContain('comparisons.json (reported-comparison, 1 rows)');
    const json = JSON.parse(
      (await runCli(['datasets', 'show', FIXTURE, '--format', 'json'])).stdout,
    ) as { tables: { file: string }[] };
    expect(json.tables.map((t) => t.file)).toEqual(['arms.csv', 'events.csv', 'comparisons.json']);
  });

  it('shows a bundled dataset by name', async () => {
    // rapami has several tables, so --format json prints the dataset object (one table prints its rows).
    const name = 'rapami';
    expect(bundledDatasetNames()).toContain(name);
    const result = await runCli(['datasets', 'show', name, '--format', 'json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).name).toBe(name);
  });

  it('exits 2 with a clear message for an unknown dataset, file or format', async () => {
    const unknown = await runCli(['datasets', 'show', 'no-such-dataset']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(
      /^trialstat: dataset: expected a dataset folder or a bundled dataset name/,
    );
    const file = await runCli(['datasets', 'show', FIXTURE, '--file', 'nope.csv']);
    expect(file.code).toBe(2);
    expect(file.stderr).toContain(
      '--file: expected a file of good-trial: arms.csv, events.csv, comparisons.json, found "nope.csv"',
    );
    const csv = await runCli(['datasets', 'show', FIXTURE, '--format', 'csv']);
    expect(csv.code).toBe(2);
    const format = await runCli(['datasets', 'show', FIXTURE, '--format', 'xml']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('expected one of table, csv, json, md, found "xml"');
    for (const result of [unknown, file, csv, format])
      expect(result.stderr).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });

  it('finds the bundled datasets from the compiled dist/ too', () => {
    const result = spawnSync(process.execPath, ['dist/cli/main.js', 'datasets', '--json'], {
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect((JSON.parse(result.stdout) as { name: string }[]).map((d) => d.name)).toEqual(
      bundledDatasetNames(),
    );
  });

  it('has help with examples', async () => {
    const result = await runCli(['datasets', 'show', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Examples:');
  });
});

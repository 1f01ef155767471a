import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/data/index.js';
import { DataError } from '../../src/errors.js';
import { runCli } from '../support/cli.js';
import { useTempDirs } from '../support/temp-dirs.js';

const tempDir = useTempDirs('trialstat-provenance');
const PLAIN = 'trial,outcome,arm,events,n\nT,death,A,3,20\nT,death,B,5,21\n';

describe("provenance columns: required in bundled datasets, optional in a user's own files", () => {
  it('validate, compare and a dataset folder of the user accept a table without source', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plain.csv'), PLAIN);
    const validate = await runCli(['validate', 'plain.csv', '--kind', 'arm-binary'], { cwd: dir });
    expect(validate).toMatchObject({ code: 0, stderr: '' });
    expect(
      (await runCli(['compare', 'plain.csv', '--kind', 'arm-binary'], { cwd: dir })).code,
    ).toBe(0);
    expect((await runCli(['validate', '-', '--kind', 'arm-binary'], { stdin: PLAIN })).code).toBe(
      0,
    );
    // A user's folder: dataset.json with the tables, no source column.
    cpSync('datasets/ibm-veterans', join(dir, 'ibm-veterans'), { recursive: true });
    const csv = join(dir, 'ibm-veterans', 'arms-binary.csv');
    // Drop the 7th column (source); the cells before it hold no commas.
    const stripped = readFileSync(csv, 'utf8')
      .split('\n')
      .map((line) =>
        line
          .split(',')
          .filter((_, i) => i !== 6)
          .join(','),
      )
      .join('\n');
    writeFileSync(csv, stripped);
    expect(stripped.split('\n')[0]).toBe('trial,outcome,arm,events,n,percent,derived,note');
    expect(
      (await loadDataset(join(dir, 'ibm-veterans'))).tables[0].table.rows.length,
    ).toBeGreaterThan(0);
  });

  it('a bundled dataset without a source column, or with an empty source cell, is an error', async () => {
    const root = tempDir();
    cpSync('datasets/ibm-veterans', join(root, 'ibm-veterans'), { recursive: true });
    const csv = join(root, 'ibm-veterans', 'arms-binary.csv');
    const lines = readFileSync(csv, 'utf8').split('\n');
    // Empty the source cell of the first data row (column 7: trial,outcome,arm,events,n,percent,source).
    const cells = lines[1].split(',');
    cells[6] = '';
    lines[1] = cells.join(',');
    writeFileSync(csv, lines.join('\n'));
    const error = await loadDataset('ibm-veterans', { datasetsDir: root }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).issues).toContainEqual({
      file: 'datasets/ibm-veterans/arms-binary.csv',
      line: 2,
      column: 'source',
      expected: 'a source key from dataset.json (required in bundled datasets)',
      found: 'an empty cell',
    });
  });
});

import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/errors.js';
import { bundledDatasetNames, bundledDatasetsDir, loadDataset } from '../../src/data/index.js';

// Every folder under datasets/ (including ones added later) must load cleanly.
const root = bundledDatasetsDir();
const folders = existsSync(root)
  ? readdirSync(root, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort()
  : [];

describe('bundled datasets', () => {
  it('finds every dataset folder (each has a dataset.json)', () => {
    expect(bundledDatasetNames()).toEqual(folders);
    for (const name of folders)
      expect(existsSync(join(root, name, 'dataset.json')), `${name}/dataset.json`).toBe(true);
  });

  for (const name of folders) {
    it(`${name} loads and validates cleanly`, async () => {
      let dataset;
      try {
        dataset = await loadDataset(name);
      } catch (error) {
        // Show every issue in the failure message, not only that it threw.
        if (error instanceof DataError) expect.fail(error.message);
        throw error;
      }
      expect(dataset.name).toBe(name);
      expect(dataset.bundled).toBe(true);
      expect(dataset.tables.length).toBe(dataset.meta.files.length);
      for (const table of dataset.tables)
        expect(table.table.rows.length, table.file).toBeGreaterThan(0);
    });
  }
});

import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { DataError, InputError, type InputIssue } from '../errors.js';
import { lineOf, validateDatasetMeta, type DatasetFile, type DatasetMeta } from './dataset-meta.js';
import { derivedPairs, isKind, KINDS, splitList, type Kind, type KindRows } from './kinds/index.js';
import { parseTable } from './parse-table.js';
import { bundledDatasetsDir } from './package-root.js';
import { decodeText } from './decode-text.js';
import { readBytes, readIntoBuilder, readTableFile } from './read-table-file.js';
import type { ColumnSpecs, Schema } from './schema.js';
import type { ParsedTable } from './table-builder.js';

/** One validated table of a kind. */
export interface LoadedTable<K extends Kind = Kind> {
  /** Name used in messages: a path, `<stdin>`, or `datasets/<name>/<file>`. */
  readonly file: string;
  readonly kind: K;
  readonly description?: string;
  readonly table: ParsedTable<KindRows[K]>;
}

export interface DatasetOptions {
  /** Base for relative folder paths (default: process.cwd()). */
  cwd?: string;
  /** Where bundled names are looked up (default: `<package root>/datasets`). */
  datasetsDir?: string;
}

/** A dataset folder, validated as a whole. */
export interface Dataset {
  readonly name: string;
  /** Absolute folder path. */
  readonly dir: string;
  readonly bundled: boolean;
  readonly meta: DatasetMeta;
  readonly tables: readonly LoadedTable[];
}

/**
 * Loads a dataset by bundled name (`rapami`) or folder path, validating dataset.json,
 * every table, and the links between them (every `source` key in a table is a source,
 * every `derived` key a derivation, every table file listed). Throws DataError with all
 * issues of all files, or InputError when nothing of that name exists. Node only.
 */
export async function loadDataset(
  nameOrPath: string,
  options: DatasetOptions = {},
): Promise<Dataset> {
  const cwd = options.cwd ?? process.cwd();
  const asPath = resolve(cwd, nameOrPath);
  if (isDir(asPath)) return loadDatasetFolder(asPath, nameOrPath.replace(/[\\/]+$/, ''), false);
  const bundled = join(options.datasetsDir ?? bundledDatasetsDir(), nameOrPath);
  if (/^[a-z0-9-]+$/.test(nameOrPath) && isDir(bundled))
    return loadDatasetFolder(bundled, `datasets/${nameOrPath}`, true);
  const names = bundledDatasetNames(options);
  throw new InputError(
    'dataset',
    nameOrPath,
    `a dataset folder or a bundled dataset name (${names.length > 0 ? names.join(', ') : 'none bundled'})`,
  );
}

/** Names of the bundled datasets (folders of `<package root>/datasets` with a dataset.json), sorted. */
export function bundledDatasetNames(options: DatasetOptions = {}): string[] {
  const root = options.datasetsDir ?? bundledDatasetsDir();
  if (!isDir(root)) return [];
  return readdirSync(root)
    .filter((name) => existsSync(join(root, name, 'dataset.json')))
    .sort();
}

/** Loads every bundled dataset (sorted by name). Node only. */
export async function loadBundledDatasets(options: DatasetOptions = {}): Promise<Dataset[]> {
  const datasets: Dataset[] = [];
  for (const name of bundledDatasetNames(options))
    datasets.push(await loadDataset(name, { datasetsDir: options.datasetsDir }));
  return datasets;
}

async function loadDatasetFolder(dir: string, display: string, bundled: boolean): Promise<Dataset> {
  const metaFile = `${display}/dataset.json`;
  const metaPath = join(dir, 'dataset.json');
  if (!existsSync(metaPath))
    throw new DataError([
      { file: metaFile, expected: 'a dataset.json in the dataset folder', found: 'no such file' },
    ]);
  const text = decodeText(await readBytes(metaPath, metaFile), metaFile);
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const line = position ? text.slice(0, Number(position[1])).split('\n').length : undefined;
    throw new DataError([
      { file: metaFile, line, column: '(JSON)', expected: 'valid JSON', found: message },
    ]);
  }
  const issues: InputIssue[] = validateDatasetMeta(data, {
    file: metaFile,
    folder: basename(dir),
    text,
  });
  const meta = data as DatasetMeta;
  const tables: LoadedTable[] = [];
  const files: readonly Partial<DatasetFile>[] = Array.isArray(meta.files) ? meta.files : [];
  for (const entry of files) {
    if (typeof entry?.path !== 'string' || typeof entry.kind !== 'string' || !isKind(entry.kind))
      continue;
    const file = `${display}/${entry.path}`;
    if (!existsSync(join(dir, entry.path))) {
      issues.push({
        file: metaFile,
        line: lineOf(text, `"${entry.path}"`),
        column: 'files.path',
        expected: `a file ${entry.path} in the folder`,
        found: 'no such file',
      });
      continue;
    }
    // Partial reads: the rows that parsed still get their source and derived keys checked.
    const builder = await readIntoBuilder(join(dir, entry.path), schemaOf(entry.kind), { file });
    const { table, issues: tableIssues } = builder.partial();
    issues.push(...tableIssues);
    tables.push({
      file,
      kind: entry.kind,
      description: entry.description,
      table,
    } as unknown as LoadedTable);
  }
  const listed = new Set(files.map((entry) => entry?.path));
  for (const name of readdirSync(dir).sort()) {
    if (/\.(csv|json)$/i.test(name) && name !== 'dataset.json' && !listed.has(name)) {
      issues.push({
        file: metaFile,
        line: lineOf(text, '"files"'),
        column: 'files',
        expected: `an entry for every table file`,
        found: `${name} not listed`,
      });
    }
  }
  if (bundled) issues.push(...requireProvenance(tables));
  issues.push(...checkReferences(meta, tables));
  if (issues.length > 0)
    throw new DataError(
      issues,
      `${display}: ${issues.length} ${issues.length === 1 ? 'issue' : 'issues'}:`,
    );
  return { name: meta.name, dir, bundled, meta, tables };
}

/**
 * A bundled dataset is documentation: every table has a `source` column and every row a
 * source key. A user's own files and folders may leave provenance out.
 */
function requireProvenance(tables: readonly LoadedTable[]): InputIssue[] {
  const issues: InputIssue[] = [];
  for (const { file, table } of tables) {
    if (table.rows.length > 0 && !table.columns.includes('source')) {
      issues.push({
        file,
        line: 1,
        column: 'source',
        expected: 'a column "source" (required in bundled datasets)',
        found: 'no such column',
      });
      continue;
    }
    for (const row of table.rows) {
      if (splitList(row.source).length === 0)
        issues.push({
          file,
          line: row.$line,
          column: 'source',
          expected: 'a source key from dataset.json (required in bundled datasets)',
          found: 'an empty cell',
        });
    }
  }
  return issues;
}

/** Every `source` key used in a table exists in sources; every `derived` key in derivations. */
function checkReferences(meta: DatasetMeta, tables: readonly LoadedTable[]): InputIssue[] {
  const issues: InputIssue[] = [];
  const sources = new Set(
    (Array.isArray(meta.sources) ? meta.sources : []).map((source) => source?.key),
  );
  const derivations = new Set(
    (Array.isArray(meta.derivations) ? meta.derivations : []).map((derivation) => derivation?.key),
  );
  const known = (set: Set<unknown>): string =>
    set.size > 0 ? [...set].join(', ') : 'none defined';
  for (const { file, table } of tables) {
    for (const row of table.rows) {
      for (const key of splitList(row.source)) {
        if (!sources.has(key)) {
          issues.push({
            file,
            line: row.$line,
            column: 'source',
            expected: `a source key from dataset.json (${known(sources)})`,
            found: `"${key}"`,
          });
        }
      }
      for (const [, key] of derivedPairs(row.derived)) {
        if (!derivations.has(key)) {
          issues.push({
            file,
            line: row.$line,
            column: 'derived',
            expected: `a derivation key from dataset.json (${known(derivations)})`,
            found: `"${key}"`,
          });
        }
      }
    }
  }
  return issues;
}

/**
 * Reads one table file of a known kind (Node only). `file` names it in messages
 * (default: the path). Throws DataError with every issue.
 */
export async function readKindFile<K extends Kind>(
  path: string,
  kind: K,
  options: { file?: string; description?: string } = {},
): Promise<LoadedTable<K>> {
  const file = options.file ?? path;
  const table = (await readTableFile(path, schemaOf(kind), { file })) as unknown as ParsedTable<
    KindRows[K]
  >;
  return { file, kind, description: options.description, table };
}

/** Parses table text of a known kind (stdin, tests); `file` names it in messages. */
export function parseKindText<K extends Kind>(
  text: string,
  kind: K,
  file: string,
  format?: 'csv' | 'json',
): LoadedTable<K> {
  const table = parseTable(text, schemaOf(kind), { file, format }) as unknown as ParsedTable<
    KindRows[K]
  >;
  return { file, kind, table };
}

/** The kind's schema, widened (the generic K makes KINDS[K] a union the parser cannot infer from). */
function schemaOf(kind: Kind): Schema<ColumnSpecs> {
  return KINDS[kind] as unknown as Schema<ColumnSpecs>;
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

import { basename, isAbsolute, relative, resolve } from 'node:path';
import {
  bundledDatasetNames,
  isKind,
  loadDataset,
  loadInput,
  readKindFile,
  type Dataset,
  type LoadedTable,
} from '../data/index.js';
import { InputError } from '../errors.js';
import { isDatasetPath, type DatasetReference, type ReportDataset } from './dataset.js';

/**
 * Loads what a spec names through the validating loaders (src/data) and keeps what a
 * report needs: a bundled dataset by name, or (relative to the spec's folder) a dataset
 * folder, a table file listed in a dataset.json beside it, or a `{ file, kind }` table.
 * A path is validated exactly as a bundled dataset is. A dataset read from a path is
 * named by the reference as written, so the manifest and `verify` find it by that name.
 */
export async function loadReportDataset(
  name: string,
  from?: DatasetReference,
): Promise<ReportDataset> {
  if (from?.file !== undefined) {
    if (from.kind === undefined || !isKind(from.kind))
      throw new InputError(`${name}: kind`, from.kind, 'a dataset kind');
    const path = resolve(from.baseDir, from.file);
    return fromTable(name, from.file, await readKindFile(path, from.kind, { file: shown(path) }));
  }
  if (from && isDatasetPath(name)) {
    // Messages name the path as the user can find it from where they ran the build.
    const input = await loadInput(shown(resolve(from.baseDir, name)), { cwd: process.cwd() });
    if (input.type === 'table') return fromTable(name, name, input.table);
    // Table paths as the spec names them: the page must not depend on where the project lives.
    const dataset = fromDataset(input.dataset);
    return {
      ...dataset,
      name,
      tables: dataset.tables.map((t) => ({
        ...t,
        path: `${name.replace(/[\\/]+$/, '')}/${basename(t.path)}`,
      })),
    };
  }
  return fromDataset(await loadDataset(name));
}

/** A path relative to the working directory when it is inside it, else absolute. */
function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

function fromDataset(dataset: Dataset): ReportDataset {
  const meta = dataset.meta;
  return {
    name: meta.name,
    title: meta.title,
    description: meta.description,
    ...(meta.registry ? { registry: [...meta.registry] } : {}),
    ...(meta.units ? { units: { ...meta.units } } : {}),
    sources: meta.sources.map((s) => ({
      key: s.key,
      citation: s.citation,
      ...(s.doi ? { doi: s.doi } : {}),
      ...(s.pmid ? { pmid: s.pmid } : {}),
      ...(s.url ? { url: s.url } : {}),
      ...(s.where ? { where: s.where } : {}),
      ...(s.date ? { date: s.date } : {}),
    })),
    derivations: (meta.derivations ?? []).map((d) => ({ key: d.key, description: d.description })),
    notes: [...(meta.notes ?? [])],
    tables: dataset.tables.map((t) => ({
      path: t.file,
      kind: t.kind,
      ...(t.description ? { description: t.description } : {}),
      rows: t.table.rows as unknown as Record<string, unknown>[],
    })),
  };
}

/** A lone table file: no dataset.json, so no sources; the page says so. */
function fromTable(name: string, path: string, table: LoadedTable): ReportDataset {
  return {
    name,
    title: name,
    sources: [],
    derivations: [],
    notes: [
      `${name} is a table file without a dataset.json: its rows carry no recorded sources beyond their own columns.`,
    ],
    tables: [
      { path, kind: table.kind, rows: table.table.rows as unknown as Record<string, unknown>[] },
    ],
  };
}

/** Names a report spec may use in `datasets` without a path. */
export function reportDatasetNames(): string[] {
  return bundledDatasetNames();
}

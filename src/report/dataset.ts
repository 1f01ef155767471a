/**
 * What the report builder needs from a dataset: its metadata for provenance and its
 * validated tables. Produced from the dataset loader (src/data) by the builder, or
 * supplied directly by tests.
 */
export interface ReportSource {
  key: string;
  citation: string;
  doi?: string;
  pmid?: string;
  url?: string;
  where?: string;
  /** When the source was written (dataset.json `sources[].date`): registry statuses are judged as of it. */
  date?: string;
}

export interface ReportTable {
  path: string;
  kind: string;
  description?: string;
  rows: readonly Record<string, unknown>[];
}

export interface ReportDataset {
  name: string;
  title: string;
  description?: string;
  registry?: string[];
  /** Outcome → unit, from dataset.json (a table's `unit` column wins). */
  units?: Record<string, string>;
  sources: ReportSource[];
  derivations: { key: string; description: string }[];
  notes: string[];
  tables: ReportTable[];
}

/**
 * Where a spec's dataset reference points: the spec's folder (paths are relative to it)
 * and, for a `{ file, kind }` entry, the file and its kind.
 */
export interface DatasetReference {
  baseDir: string;
  file?: string;
  kind?: string;
}

/**
 * Loads a dataset by its reference in a spec (a bundled name, or a path relative to the
 * spec); throws DataError/InputError for an unknown or invalid one.
 */
export type DatasetLoader = (name: string, from?: DatasetReference) => Promise<ReportDataset>;

/**
 * Whether a spec's dataset entry is a path (to a folder or a table file) rather than a
 * bundled name: it has a slash, starts with `.`, or ends in `.csv`/`.json`. Bundled names
 * are `[a-z0-9-]+`, so the two never collide (a folder `mine` beside the spec is `./mine`).
 */
export function isDatasetPath(reference: string): boolean {
  return /[\\/]/.test(reference) || reference.startsWith('.') || /\.(csv|json)$/i.test(reference);
}

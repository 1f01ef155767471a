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

/** Loads a dataset by name; throws DataError/InputError for an unknown or invalid one. */
export type DatasetLoader = (name: string) => Promise<ReportDataset>;

import { bundledDatasetNames, loadDataset } from '../data/index.js';
import type { ReportDataset } from './dataset.js';

/** Loads a bundled dataset through the validating loader (src/data) and keeps what a report needs. */
export async function loadReportDataset(name: string): Promise<ReportDataset> {
  const dataset = await loadDataset(name);
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
    })),
    derivations: (meta.derivations ?? []).map((d) => ({ key: d.key, description: d.description })),
    notes: [...(meta.notes ?? [])],
    tables: dataset.tables.map((t) => ({ path: t.file, kind: t.kind, ...(t.description ? { description: t.description } : {}), rows: t.table.rows as unknown as Record<string, unknown>[] })),
  };
}

/** Names a report spec may use in `datasets`. */
export function reportDatasetNames(): string[] {
  return bundledDatasetNames();
}

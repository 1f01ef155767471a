import { describe, expect, it } from 'vitest';
import { ANALYSES } from '../../src/report/analyses/index.js';
import type { ReportDataset } from '../../src/report/dataset.js';

const empty: ReportDataset = {
  name: 'none',
  title: 'none',
  sources: [],
  derivations: [],
  notes: [],
  tables: [],
};
const run = (options: Record<string, unknown>) =>
  ANALYSES.get('document-scan')!.run(empty, options);

describe('document-scan (trialstat scan over the bundled seed documents, for the audit report)', () => {
  it('summarises every seed document and lists its findings; seed 001 has two inconsistencies (Satirer 77 % of 7, 60 % of 11)', () => {
    const out = run({});
    expect(out.notes).toHaveLength(5);
    expect(out.notes.join('\n')).toMatch(
      /^seed-001 \(afm-avancees-2025-myopathies-inflammatoires\.md, fr\): \d+ figures found/m,
    );
    const inconsistent = out.table.rows.filter((r) => r.verdict === 'INCONSISTENT');
    expect(inconsistent).toEqual([
      expect.objectContaining({ document: 'seed-001', kind: 'survival-percent', figure: '77 %' }),
      expect.objectContaining({ document: 'seed-001', kind: 'percent', figure: "60% d'entre eux" }),
    ]);
    expect(out.table.rows.some((r) => r.kind === 'verbal-fraction')).toBe(true);
    expect(out.warnings).toEqual([]);
  });

  it('filters documents and verdicts, and warns about a document that is not bundled', () => {
    const out = run({
      documents: ['rapami-final-results.txt', 'nope.txt'],
      verdicts: ['not-checked'],
    });
    expect(out.notes).toHaveLength(1);
    expect(out.table.rows.map((r) => [r.document, r.where, r.verdict])).toEqual([
      ['seed-000', '18:35', 'not checked'],
    ]);
    expect(out.warnings).toEqual([
      'document-scan: nope.txt is not a bundled document (documents/sources.json)',
    ]);
  });
});

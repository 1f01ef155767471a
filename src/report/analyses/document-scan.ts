import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../data/package-root.js';
import { scanText } from '../../scan/scan-text.js';
import type { ScanFinding, ScanVerdict } from '../../scan/types.js';
import type { AnalysisDefinition } from './analysis.js';

const VERDICT_TEXT: Record<ScanVerdict, string> = {
  consistent: 'consistent',
  rounding: 'consistent only through rounding',
  inconsistent: 'INCONSISTENT',
  'not-checked': 'not checked',
};

/** A bundled example document and its source (documents/sources.json). */
interface DocumentEntry {
  file: string;
  key: string;
  source: string;
  format: 'text' | 'markdown' | 'html';
}

function bundledDocuments(): DocumentEntry[] {
  const path = join(packageRoot(), 'documents', 'sources.json');
  return (JSON.parse(readFileSync(path, 'utf8')) as { documents: DocumentEntry[] }).documents;
}

/**
 * `trialstat scan` over bundled documents (documents/, the five seeds): every checkable figure
 * each one prints, the check that applies and the verdict, as a report table. It reads no
 * dataset: the documents are the input (verify re-reads the same bundled files).
 */
export const documentScan: AnalysisDefinition = {
  name: 'document-scan',
  description:
    'Every checkable figure of the bundled documents found and checked by trialstat scan (percentages, estimates with CI and p, test statistics, means, arm sizes, verbal fractions).',
  kinds: [],
  produces: 'percent-audit',
  options: {
    documents: {
      type: 'string-list',
      description:
        'Document files in documents/ (default: every document listed in documents/sources.json).',
    },
    verdicts: {
      type: 'string-list',
      description:
        'Verdicts to list: consistent, rounding, inconsistent, not-checked (default all; the summary counts all).',
    },
  },
  run(_dataset, options) {
    const all = bundledDocuments();
    const wanted = options.documents as string[] | undefined;
    const verdicts = options.verdicts as string[] | undefined;
    const unknown = (wanted ?? []).filter((file) => !all.some((d) => d.file === file));
    const documents = wanted ? all.filter((d) => wanted.includes(d.file)) : all;
    const rows: Record<string, string>[] = [];
    const notes: string[] = [];
    for (const document of documents) {
      const text = readFileSync(join(packageRoot(), 'documents', document.file), 'utf8');
      const result = scanText(text, { format: document.format });
      const s = result.summary;
      notes.push(
        `${document.key} (${document.file}, ${result.locale}): ${s.findings} figure${s.findings === 1 ? '' : 's'} found — ${s.consistent} consistent, ${s.rounding} consistent only through rounding, ${s.inconsistent} inconsistent, ${s.notChecked} not checked.`,
      );
      for (const finding of result.findings)
        if (!verdicts || verdicts.includes(finding.verdict)) rows.push(row(document, finding));
    }
    return {
      view: { kind: 'percent-audit', rows: [] },
      table: {
        columns: [
          { key: 'document', label: 'Document' },
          { key: 'where', label: 'Line:col' },
          { key: 'kind', label: 'Kind' },
          { key: 'figure', label: 'Figure' },
          { key: 'check', label: 'Check' },
          { key: 'verdict', label: 'Verdict' },
          { key: 'reason', label: 'Why' },
        ],
        rows,
      },
      methods: [
        'trialstat scan reads each document (plain text, Markdown or HTML; English or French number conventions) and extracts the figures it can check: "n (x %)" and "x % of n" with the group sizes stated in the passage, estimates with intervals and p, APA-style test statistics, means with SD and n, arm sizes against totals, percentages of one denominator that should sum to 100, and verbal fractions. Precision over recall: a figure whose denominator or reading is not certain is listed as not checked, never judged.',
      ],
      notes,
      warnings: unknown.map(
        (file) => `document-scan: ${file} is not a bundled document (documents/sources.json)`,
      ),
    };
  },
};

function row(document: DocumentEntry, finding: ScanFinding): Record<string, string> {
  return {
    document: document.key,
    where: `${finding.line}:${finding.column}`,
    kind: finding.kind,
    figure: finding.text.length > 60 ? `${finding.text.slice(0, 59)}…` : finding.text,
    check: finding.check,
    verdict: VERDICT_TEXT[finding.verdict],
    reason: finding.reason,
  };
}

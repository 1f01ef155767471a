import { documentText } from '../scan/document-text.js';
import type { ScanFinding, ScanResult, ScanVerdict } from '../scan/types.js';
import { escapeHtml, pageHead } from './html.js';

const LABELS: Record<ScanVerdict, string> = {
  consistent: 'consistent',
  rounding: 'consistent only through rounding',
  inconsistent: 'inconsistent',
  'not-checked': 'not checked',
};

const STYLE = `
body { font-family: "trialstat-sans", Arial, sans-serif; color: #222; background: #fff; margin: 0 auto; max-width: 980px; padding: 24px 32px 64px; line-height: 1.5; }
h1 { font-size: 24px; margin: 0 0 8px; } h2 { font-size: 18px; margin: 32px 0 8px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
.doc { white-space: pre-wrap; font-size: 14px; border: 1px solid #e3e3e3; padding: 12px 16px; background: #fcfcfc; }
mark { padding: 0 2px; border-radius: 2px; }
mark.consistent { background: #d9f2dc; } mark.rounding { background: #fff1c2; } mark.inconsistent { background: #f9c9c4; outline: 1px solid #b3261e; } mark.not-checked { background: #e6e6e6; }
mark sup a { color: #333; text-decoration: none; font-size: 10px; }
table { border-collapse: collapse; font-size: 13px; } th, td { border-bottom: 1px solid #e3e3e3; padding: 3px 10px 3px 0; text-align: left; vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
ol.notes li { margin: 6px 0; font-size: 13px; } .verdict { font-weight: bold; } .where { color: #666; }
.legend span { margin-right: 14px; padding: 0 4px; }
`;

export interface ScanPageOptions {
  /** Page title; default "Scan of <name>". */
  title?: string;
  /** The document's name shown on the page (a file name). */
  name?: string;
}

/**
 * A self-contained HTML page for a scan: the document's text with every finding
 * highlighted by verdict and numbered, each number linking to a footnote with the
 * check, the verdict and its reason. Same safety rules as the reports: no script,
 * nothing fetched (the CSP forbids both), every piece of document text escaped — an
 * HTML document is shown as its text, never as markup.
 * @example scanPage(source, scanText(source), { name: 'abstract.txt' })
 */
export function scanPage(
  source: string,
  result: ScanResult,
  options: ScanPageOptions = {},
): string {
  const name = options.name ?? 'document';
  const title = options.title ?? `Scan of ${name}`;
  const doc = documentText(source, result.format);
  // Findings carry source offsets: find the text range each came from.
  const toText = (start: number, end: number): [number, number] => {
    let from = doc.map.findIndex((offset) => offset >= start);
    if (from < 0) from = doc.text.length;
    let to = from;
    while (to < doc.text.length && doc.mapEnd[to] <= end) to++;
    return [from, Math.max(to, from)];
  };
  const marks = result.findings.map((finding, index) => ({
    finding,
    index: index + 1,
    range: toText(finding.start, finding.end),
  }));
  let body = '';
  let at = 0;
  for (const { finding, index, range } of marks) {
    const [from, to] = range;
    if (from < at) continue;
    body += escapeHtml(doc.text.slice(at, from));
    body += `<mark class="${finding.verdict}" id="f${index}" title="${escapeHtml(`${LABELS[finding.verdict]}: ${finding.reason}`)}">${escapeHtml(doc.text.slice(from, to))}<sup><a href="#n${index}">${index}</a></sup></mark>`;
    at = to;
  }
  body += escapeHtml(doc.text.slice(at));
  const s = result.summary;
  const summaryRows = (
    [
      ['consistent', s.consistent],
      ['rounding', s.rounding],
      ['inconsistent', s.inconsistent],
      ['not-checked', s.notChecked],
    ] as const
  )
    .map(
      ([verdict, count]) =>
        `<tr><td><mark class="${verdict}">${escapeHtml(LABELS[verdict])}</mark></td><td class="num">${count}</td></tr>`,
    )
    .join('\n');
  const notes = marks.map(({ finding, index }) => note(finding, index)).join('\n');
  return `${pageHead(title, STYLE)}
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p>${s.findings} checkable figure${s.findings === 1 ? '' : 's'} found in ${escapeHtml(name)} (${escapeHtml(result.format)}, ${result.locale === 'fr' ? 'French' : 'English'} number conventions). A figure whose reading is uncertain is listed as not checked, never judged.</p>
<table><thead><tr><th>verdict</th><th class="num">figures</th></tr></thead><tbody>
${summaryRows}
</tbody></table>
<h2>Document</h2>
<div class="doc">${body}</div>
<h2>Findings</h2>
<ol class="notes">
${notes}
</ol>
<p class="where">Made by trialstat scan. Checks: percent ↔ count (rounding half either way; truncation reported apart), p ↔ CI (Altman &amp; Bland 2011), statistic ↔ p (statcheck rules), GRIM/GRIMMER, arm sizes vs totals, CI symmetry, verbal fractions, shares summing to 100 %.</p>
</body>
</html>
`;
}

function note(finding: ScanFinding, index: number): string {
  return `<li id="n${index}"><a href="#f${index}">${escapeHtml(finding.text)}</a> <span class="where">(line ${finding.line}, column ${finding.column}; ${escapeHtml(finding.kind)})</span> — <span class="verdict">${escapeHtml(LABELS[finding.verdict])}</span>: ${escapeHtml(finding.reason)}. <span class="where">Check: ${escapeHtml(finding.check)}.</span></li>`;
}

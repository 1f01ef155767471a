import type { AnalysisTable } from './analyses/analysis.js';
import type { ReportDataset } from './dataset.js';
import { fontFaceCss } from './text-metrics/font-face.js';
import { REPORT_FONT } from './text-metrics/text-width.js';

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * JSON for a `<script type="application/json">` block: `<` is written as `\u003c` so no
 * string inside can close the tag (or open a comment); U+2028/2029 are escaped too.
 */
export function embedJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export interface HtmlFigure {
  id: string;
  svg: string;
  caption: string;
  warnings: string[];
  /** Embedded as JSON next to the SVG. */
  embedded: unknown;
  table?: HtmlTable;
}

export interface HtmlTable {
  title: string;
  table: AnalysisTable;
}

export interface HtmlSection {
  id: string;
  title: string;
  text?: string;
  figures: HtmlFigure[];
  tables: HtmlTable[];
}

export interface HtmlReport {
  title: string;
  summary: string;
  sections: HtmlSection[];
  methods: string[];
  software: string[];
  datasets: ReportDataset[];
  notes: string[];
  warnings: string[];
  /** ISO time, only when the user asked for a timestamp (otherwise output is byte-identical). */
  builtAt?: string;
  /** What `trialstat verify` needs to rebuild the page: spec, dataset rows, versions. */
  manifest?: unknown;
}

const STYLE = `
:root { color-scheme: light; }
body { font-family: ${REPORT_FONT}; font-kerning: none; color: #222; background: #fff; margin: 0 auto; max-width: 1100px; padding: 24px 32px 64px; line-height: 1.45; }
h1 { font-size: 26px; margin: 0 0 8px; } h2 { font-size: 20px; margin: 40px 0 8px; border-bottom: 1px solid #ddd; padding-bottom: 4px; } h3 { font-size: 15px; margin: 20px 0 6px; }
.summary { font-size: 15px; max-width: 75ch; }
nav ol { padding-left: 20px; margin: 4px 0; } nav a { color: #0b5394; }
figure { margin: 20px 0; } figure svg { max-width: 100%; height: auto; display: block; }
svg text { font-kerning: none; }
figcaption { font-size: 13px; color: #444; max-width: 90ch; }
.warning { color: #8a4b00; font-size: 13px; }
table { border-collapse: collapse; font-size: 13px; margin: 8px 0 16px; }
caption { text-align: left; font-weight: bold; padding: 4px 0; }
th, td { border-bottom: 1px solid #e3e3e3; padding: 3px 10px 3px 0; text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
dl.provenance dt { font-weight: bold; margin-top: 8px; } dl.provenance dd { margin-left: 20px; }
.built { color: #666; font-size: 12px; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  nav { display: none; }
  figure, table { break-inside: avoid; }
  h2 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
`.trim();

function renderTable(table: HtmlTable): string {
  const head = table.table.columns
    .map((c) => `<th scope="col"${c.numeric ? ' class="num"' : ''}>${escapeHtml(c.label)}</th>`)
    .join('');
  const body = table.table.rows
    .map(
      (row) =>
        `<tr>${table.table.columns.map((c) => `<td${c.numeric ? ' class="num"' : ''}>${escapeHtml(row[c.key] ?? '')}</td>`).join('')}</tr>`,
    )
    .join('\n');
  return `<table>\n<caption>${escapeHtml(table.title)}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

function renderFigure(figure: HtmlFigure): string {
  const warnings = figure.warnings
    .map((w) => `<p class="warning">Warning: ${escapeHtml(w)}</p>`)
    .join('\n');
  return [
    `<figure id="${escapeHtml(figure.id)}">`,
    figure.svg,
    `<figcaption>${escapeHtml(figure.caption)}</figcaption>`,
    warnings,
    figure.table ? renderTable(figure.table) : '',
    `<script type="application/json" id="${escapeHtml(figure.id)}-vega-lite">${embedJson(figure.embedded)}</script>`,
    '</figure>',
  ]
    .filter(Boolean)
    .join('\n');
}

function renderProvenance(dataset: ReportDataset): string {
  const sources = dataset.sources
    .map((s) => {
      const ids = [
        s.doi ? `DOI: ${s.doi}` : '',
        s.pmid ? `PMID: ${s.pmid}` : '',
        s.url ? `URL: ${s.url}` : '',
      ]
        .filter(Boolean)
        .join('; ');
      return `<li>${escapeHtml(s.citation)}${ids ? ` <span class="ids">(${escapeHtml(ids)})</span>` : ''}${s.where ? ` — ${escapeHtml(s.where)}` : ''}</li>`;
    })
    .join('\n');
  const derivations = dataset.derivations
    .map((d) => `<li><strong>${escapeHtml(d.key)}</strong>: ${escapeHtml(d.description)}</li>`)
    .join('\n');
  const notes = dataset.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('\n');
  const alternatives = dataset.tables
    .flatMap((t) => t.rows.filter((row) => row.reading === 'alternative'))
    .map((row) => {
      const what = ['trial', 'study', 'name', 'id', 'group', 'outcome', 'arm']
        .map((k) => row[k])
        .filter((v) => typeof v === 'string' && v !== '')
        .join(', ');
      return `<li>${escapeHtml(what)}${typeof row.note === 'string' ? `: ${escapeHtml(row.note)}` : ''}</li>`;
    })
    .join('\n');
  return [
    `<dt>${escapeHtml(dataset.title)} <code>${escapeHtml(dataset.name)}</code></dt>`,
    dataset.description ? `<dd>${escapeHtml(dataset.description)}</dd>` : '',
    dataset.registry?.length ? `<dd>Registry: ${escapeHtml(dataset.registry.join(', '))}</dd>` : '',
    `<dd>Sources:<ul>\n${sources}\n</ul></dd>`,
    derivations ? `<dd>Derived values:<ul>\n${derivations}\n</ul></dd>` : '',
    notes ? `<dd>Notes:<ul>\n${notes}\n</ul></dd>` : '',
    alternatives
      ? `<dd>Alternative readings (sources conflict; kept in the dataset, left out of the analyses):<ul>\n${alternatives}\n</ul></dd>`
      : '',
  ]
    .filter(Boolean)
    .join('\n');
}

const list = (items: string[]): string =>
  `<ul>\n${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('\n')}\n</ul>`;

/**
 * Start of a self-contained page up to `</head>`: the Content-Security-Policy lets no
 * script run and nothing be fetched (inline styles, data: images and the embedded data: font
 * only). Every page carries the report font, so its text is drawn with the measured widths.
 */
export function pageHead(title: string, style: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:">
<title>${escapeHtml(title)}</title>
<style>\n${fontFaceCss()}\n${style}</style>`;
}

/**
 * One self-contained HTML page: inline SVG charts with their data tables and embedded
 * specs, methods, provenance and notes. No scripts run, nothing is fetched: no external
 * scripts, fonts, stylesheets or images. Every string from a dataset or spec is escaped.
 */
export function renderHtml(report: HtmlReport): string {
  const toc = report.sections
    .map((s) => `<li><a href="#${escapeHtml(s.id)}">${escapeHtml(s.title)}</a></li>`)
    .join('\n');
  const sections = report.sections
    .map((s) =>
      [
        `<section id="${escapeHtml(s.id)}">`,
        `<h2>${escapeHtml(s.title)}</h2>`,
        s.text ? `<p>${escapeHtml(s.text)}</p>` : '',
        ...s.figures.map(renderFigure),
        ...s.tables.map(renderTable),
        '</section>',
      ]
        .filter(Boolean)
        .join('\n'),
    )
    .join('\n');
  return `${pageHead(report.title, `\n${STYLE}\n`)}
</head>
<body>
<header>
<h1>${escapeHtml(report.title)}</h1>
<p class="summary">${escapeHtml(report.summary)}</p>
${report.builtAt ? `<p class="built">Built ${escapeHtml(report.builtAt)}</p>\n` : ''}</header>
<nav aria-label="Contents"><ol>
${toc}
<li><a href="#methods">Methods</a></li>
<li><a href="#provenance">Data provenance</a></li>
</ol></nav>
<main>
${sections}
<section id="methods">
<h2>Methods</h2>
${list(report.methods)}
<h3>Software</h3>
${list(report.software)}
</section>
<section id="provenance">
<h2>Data provenance</h2>
<dl class="provenance">
${report.datasets.map(renderProvenance).join('\n')}
</dl>
${report.notes.length ? `<h3>Derived values</h3>\n${list(report.notes)}` : ''}
${report.warnings.length ? `<h3>Warnings</h3>\n${list(report.warnings)}` : ''}
</section>
</main>
${report.manifest !== undefined ? `<script type="application/json" id="trialstat-manifest">${embedJson(report.manifest)}</script>\n` : ''}</body>
</html>
`;
}

import type { AnalysisTable } from './analyses/analysis.js';
import type { ReportDataset } from './dataset.js';
import { fontFaceCss } from './text-metrics/font-face.js';
import { REPORT_FONT } from './text-metrics/text-width.js';

/**
 * Escapes text for HTML element content and quoted attribute values, and closes any bidi
 * embedding, override or isolate the text leaves open (U+202A–U+202E, U+2066–U+2068), so
 * a dataset string cannot reverse the text after it (issue 16). Cells and list items also
 * take `dir="auto"`; inline strings are wrapped in `<bdi>`.
 * @example escapeHtml('a\u202Eb') // 'a\u202Eb\u202C'
 */
export function escapeHtml(text: string): string {
  return closeBidi(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Appends the PDF (U+202C) and PDI (U+2069) characters that unclosed bidi controls need. */
function closeBidi(text: string): string {
  if (!/[\u202A-\u202E\u2066-\u2069]/.test(text)) return text;
  // Per UAX #9: an isolate initiator opens a level that PDI closes (with any embeddings
  // inside it); PDF closes the innermost embedding or override.
  const open: ('embedding' | 'isolate')[] = [];
  for (const c of text) {
    if (/[\u202A\u202B\u202D\u202E]/.test(c)) open.push('embedding');
    else if (/[\u2066-\u2068]/.test(c)) open.push('isolate');
    else if (c === '\u202C' && open.at(-1) === 'embedding') open.pop();
    else if (c === '\u2069') {
      const at = open.lastIndexOf('isolate');
      if (at >= 0) open.length = at;
    }
  }
  return (
    text +
    open
      .reverse()
      .map((k) => (k === 'isolate' ? '\u2069' : '\u202C'))
      .join('')
  );
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
  /** Notes on what the drawing leaves out or how it marks things (not problems). */
  notes?: string[];
  /**
   * A second rendering laid out for phones (narrower plot, same text sizes), shown instead of
   * `svg` below 700 px by a media query; absent when `svg` already fits a phone.
   */
  narrowSvg?: string;
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
  /** Key results, one sentence each (estimates with intervals, verdicts): the page opens with them. */
  keyResults?: string[];
  /** Content hash of the build, printed in the page footer and the running print footer. */
  buildId?: string;
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

/** Width below which a figure's narrow rendering replaces the wide one (phones, small tablets). */
export const NARROW_BREAKPOINT = 700;

const STYLE = `
:root { color-scheme: light; }
body { font-family: ${REPORT_FONT}; font-kerning: none; color: #222; background: #fff; margin: 0 auto; max-width: 1100px; padding: 24px 32px 64px; line-height: 1.45; overflow-wrap: break-word; }
h1 { font-size: 26px; margin: 0 0 8px; } h2 { font-size: 20px; margin: 40px 0 8px; border-bottom: 1px solid #ddd; padding-bottom: 4px; } h3 { font-size: 15px; margin: 20px 0 6px; }
.summary { font-size: 15px; max-width: 75ch; }
.key-results { font-size: 15px; max-width: 80ch; border-left: 4px solid #0b5394; padding: 4px 0 4px 14px; margin: 12px 0 20px; }
.key-results h2 { font-size: 16px; margin: 0 0 4px; border: 0; padding: 0; }
.key-results ul { margin: 0; padding-left: 20px; }
nav ol { padding-left: 20px; margin: 4px 0; } a { color: #0b5394; }
figure { margin: 20px 0; }
.chart { overflow-x: auto; max-width: 100%; }
.chart svg { max-width: 100%; height: auto; display: block; }
.chart-narrow { display: none; }
svg text { font-kerning: none; }
figcaption { font-size: 13px; color: #444; max-width: 90ch; }
.warning { color: #7a4100; font-size: 13px; }
.note { color: #444; font-size: 13px; }
.table-scroll { overflow-x: auto; max-width: 100%; margin: 8px 0 16px; }
table { border-collapse: collapse; font-size: 13px; margin: 0; }
caption { text-align: left; font-weight: bold; padding: 4px 0; }
th, td { border-bottom: 1px solid #e3e3e3; padding: 3px 10px 3px 0; text-align: left; vertical-align: top; }
tbody th { font-weight: normal; min-width: 8em; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
dl.provenance dt { font-weight: bold; margin-top: 8px; } dl.provenance dd { margin-left: 20px; }
ol.citations li { margin: 4px 0; }
.built, footer { color: #595959; font-size: 12px; }
@media (max-width: ${NARROW_BREAKPOINT - 0.02}px) {
  body { padding: 16px 12px 48px; }
  h1 { font-size: 22px; }
  .has-narrow > .chart-wide { display: none; }
  .has-narrow > .chart-narrow { display: block; }
  /* Never shrink a chart's text on a phone: it scrolls inside its own box instead. */
  .chart svg { max-width: none; }
  tbody th { min-width: 7em; }
}
@page { size: A4; margin: 20mm 16mm 22mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  nav { display: none; }
  .chart-narrow { display: none !important; }
  .chart-wide { display: block !important; }
  .chart { overflow: visible; }
  .chart svg { max-width: 100% !important; }
  /* A figure's drawing and caption stay together; its data table may break across pages. */
  .chart, figcaption { break-inside: avoid; }
  .chart { break-after: avoid; }
  tr { break-inside: avoid; }
  thead { display: table-header-group; }
  h2, h3, caption { break-after: avoid; }
  .table-scroll { overflow: visible; }
  a { color: inherit; text-decoration: none; }
}
`.trim();

/** A string for CSS `content`: quoted, with quotes, backslashes, newlines and `<` escaped. */
function cssString(text: string): string {
  return `"${text.replace(/[\\"<>\n\r\f]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

/**
 * The running header and footer of printed pages (CSS page-margin boxes): the title top
 * left, the build id bottom left, "Page n of N" bottom right.
 */
function printStyle(title: string, buildId: string | undefined): string {
  const footer = buildId ? cssString(`trialstat build ${buildId}`) : '""';
  return `@page { @top-left { content: ${cssString(title)}; font-size: 9pt; color: #444; } @bottom-left { content: ${footer}; font-size: 8pt; color: #444; } @bottom-right { content: "Page " counter(page) " of " counter(pages); font-size: 8pt; color: #444; } }`;
}

/**
 * A data table in its own horizontally scrolling box (a wide table never widens the page).
 * The first column heads its row (`th scope="row"`); text cells take their direction from
 * their own content (`dir="auto"`), so a right-to-left or bidi-override string in a dataset
 * cannot reorder the cells around it.
 */
function renderTable(table: HtmlTable): string {
  const columns = table.table.columns;
  const head = columns
    .map((c) => `<th scope="col"${c.numeric ? ' class="num"' : ''}>${escapeHtml(c.label)}</th>`)
    .join('');
  const body = table.table.rows
    .map(
      (row) =>
        `<tr>${columns
          .map((c, i) => {
            const tag = i === 0 ? 'th scope="row"' : 'td';
            const attrs = c.numeric ? ' class="num"' : ' dir="auto"';
            return `<${tag}${attrs}>${escapeHtml(row[c.key] ?? '')}</${i === 0 ? 'th' : 'td'}>`;
          })
          .join('')}</tr>`,
    )
    .join('\n');
  return `<div class="table-scroll">\n<table>\n<caption>${escapeHtml(table.title)}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>\n</div>`;
}

function renderFigure(figure: HtmlFigure): string {
  const warnings = figure.warnings
    .map((w) => `<p class="warning">Warning: ${escapeHtml(w)}</p>`)
    .join('\n');
  const chart = figure.narrowSvg
    ? `<div class="has-narrow">\n<div class="chart chart-wide">${figure.svg}</div>\n<div class="chart chart-narrow">${figure.narrowSvg}</div>\n</div>`
    : `<div class="chart">${figure.svg}</div>`;
  return [
    `<figure id="${escapeHtml(figure.id)}">`,
    chart,
    `<figcaption>${escapeHtml(figure.caption)}</figcaption>`,
    ...(figure.notes ?? []).map((n) => `<p class="note">Note: ${escapeHtml(n)}</p>`),
    warnings,
    figure.table ? renderTable(figure.table) : '',
    `<script type="application/json" id="${escapeHtml(figure.id)}-vega-lite">${embedJson(figure.embedded)}</script>`,
    '</figure>',
  ]
    .filter(Boolean)
    .join('\n');
}

/** A link only for http(s) addresses; anything else stays text. */
function link(href: string, text: string): string {
  return /^https?:\/\/[^\s"<>]+$/i.test(href)
    ? `<a href="${escapeHtml(href)}" rel="noopener noreferrer">${escapeHtml(text)}</a>`
    : escapeHtml(text);
}

/** Links for a source's identifiers: DOI (doi.org), PMID (PubMed), URL. */
function sourceLinks(source: ReportDataset['sources'][number]): string[] {
  return [
    source.doi ? `doi: ${link(`https://doi.org/${source.doi}`, source.doi)}` : '',
    source.pmid
      ? `PMID: ${link(`https://pubmed.ncbi.nlm.nih.gov/${encodeURIComponent(source.pmid)}/`, source.pmid)}`
      : '',
    source.url ? link(source.url, source.url) : '',
  ].filter(Boolean);
}

/** A registry id as a link: NCT numbers to ClinicalTrials.gov, EudraCT/ISRCTN as text. */
function registryLink(id: string): string {
  return /^NCT\d{8}$/.test(id)
    ? link(`https://clinicaltrials.gov/study/${id}`, id)
    : escapeHtml(id);
}

/** A dataset's provenance as a reader cites it: numbered citations with their links and where in each source the figures are. */
function renderProvenance(dataset: ReportDataset): string {
  const sources = dataset.sources
    .map((s) => {
      const links = sourceLinks(s);
      return `<li dir="auto"><bdi>${escapeHtml(s.citation)}</bdi>${links.length ? ` ${links.join('; ')}.` : ''}${s.where ? `<br><span class="note">Where: <bdi>${escapeHtml(s.where)}</bdi></span>` : ''}</li>`;
    })
    .join('\n');
  const derivations = dataset.derivations
    .map((d) => `<li dir="auto">${escapeHtml(d.description)}</li>`)
    .join('\n');
  const notes = dataset.notes.map((n) => `<li dir="auto">${escapeHtml(n)}</li>`).join('\n');
  const alternatives = dataset.tables
    .flatMap((t) => t.rows.filter((row) => row.reading === 'alternative'))
    .map((row) => {
      const what = ['trial', 'study', 'name', 'id', 'group', 'outcome', 'arm']
        .map((k) => row[k])
        .filter((v) => typeof v === 'string' && v !== '')
        .join(', ');
      return `<li dir="auto"><bdi>${escapeHtml(what)}</bdi>${typeof row.note === 'string' ? `: <bdi>${escapeHtml(row.note)}</bdi>` : ''}</li>`;
    })
    .join('\n');
  return [
    `<dt dir="auto">${escapeHtml(dataset.title)}</dt>`,
    dataset.description ? `<dd dir="auto">${escapeHtml(dataset.description)}</dd>` : '',
    dataset.registry?.length
      ? `<dd>Trial registration: ${dataset.registry.map(registryLink).join(', ')}</dd>`
      : '',
    `<dd>Sources:<ol class="citations">\n${sources}\n</ol></dd>`,
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
  `<ul>\n${items.map((i) => `<li dir="auto">${escapeHtml(i)}</li>`).join('\n')}\n</ul>`;

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
        `<h2 dir="auto">${escapeHtml(s.title)}</h2>`,
        s.text ? `<p dir="auto">${escapeHtml(s.text)}</p>` : '',
        ...s.figures.map(renderFigure),
        ...s.tables.map(renderTable),
        '</section>',
      ]
        .filter(Boolean)
        .join('\n'),
    )
    .join('\n');
  return `${pageHead(report.title, `\n${STYLE}\n${printStyle(report.title, report.buildId)}\n`)}
</head>
<body>
<header>
<h1 dir="auto">${escapeHtml(report.title)}</h1>
<p class="summary" dir="auto">${escapeHtml(report.summary)}</p>
${report.keyResults?.length ? `<section class="key-results" aria-labelledby="key-results">\n<h2 id="key-results">Key results</h2>\n${list(report.keyResults)}\n</section>\n` : ''}
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
${report.buildId ? `<footer><p>trialstat build ${escapeHtml(report.buildId)}</p></footer>\n` : ''}${report.manifest !== undefined ? `<script type="application/json" id="trialstat-manifest">${embedJson(report.manifest)}</script>\n` : ''}</body>
</html>
`;
}

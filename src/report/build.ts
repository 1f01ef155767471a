import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeText } from '../data/decode-text.js';
import { CheckFailedError, DataError, InputError } from '../errors.js';
import { openStagedFolder, type StagingFs } from '../io/staged-folder.js';
import { VERSION } from '../version.js';
import type { AnalysisOutput } from './analyses/analysis.js';
import { ANALYSES } from './analyses/index.js';
import { CHARTS, type ChartDefinition } from './charts/index.js';
import type { AnalysisView } from './analyses/analysis.js';
import { checkSelections } from './check-selections.js';
import type { DatasetLoader, ReportDataset } from './dataset.js';
import { escapeHtml, pageHead, renderHtml, type HtmlFigure, type HtmlSection } from './html.js';
import { keyResults } from './key-results.js';
import { hasSideBySidePanels, NARROW_WIDTH, narrowSpec } from './narrow-spec.js';
import { renderSvg, rendererVersions, type RenderOptions } from './render.js';
import { parseSpecText, validateSpec, type ReportSpec } from './spec.js';

/** Folder of the bundled report specs (`reports/` at the package root). */
export const BUNDLED_REPORTS_DIR = fileURLToPath(new URL('../../reports/', import.meta.url));

/** The bundled spec files, sorted by name. */
export function bundledSpecFiles(dir = BUNDLED_REPORTS_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => /\.(ya?ml|json)$/i.test(f))
    .sort()
    .map((f) => join(dir, f));
}

export interface BuildOptions {
  /** Spec files to build. */
  specFiles: string[];
  outDir: string;
  loadDataset: DatasetLoader;
  knownDatasets: readonly string[];
  /** Only with `--timestamp`: printed in each page (otherwise output is byte-identical). */
  timestamp?: string;
  /** Progress messages (the CLI passes one only when stderr is a terminal). */
  onProgress?: (message: string) => void;
  /** File-system calls for writing the output (tests inject ENOSPC, EROFS, ...). Default node:fs. */
  fs?: StagingFs;
}

export interface BuiltReport {
  name: string;
  title: string;
  file: string;
  warnings: string[];
}

/** Reads and validates every spec first, so a bad spec stops the build before anything is written. */
export function loadSpecs(specFiles: string[], knownDatasets: readonly string[]): ReportSpec[] {
  const issues: DataError['issues'][number][] = [];
  const specs: ReportSpec[] = [];
  for (const file of specFiles) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file);
    } catch {
      throw new InputError('spec', file, 'a readable report spec file (.yaml, .yml or .json)');
    }
    try {
      specs.push(validateSpec(parseSpecText(decodeText(bytes, file), file), file, knownDatasets));
    } catch (error) {
      if (error instanceof DataError) issues.push(...error.issues);
      else throw error;
    }
  }
  const names = new Map<string, string>();
  for (const spec of specs) {
    const other = names.get(spec.name);
    if (other)
      issues.push({
        file: spec.file,
        expected: 'report names that differ (each becomes <name>.html)',
        found: `the same name as ${other}`,
      });
    names.set(spec.name, spec.file);
  }
  if (issues.length)
    throw new DataError(
      issues,
      `${issues.length} problem${issues.length === 1 ? '' : 's'} in report specs:`,
    );
  return specs;
}

const slug = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '') || 'x';

/** Several datasets read as one: their tables side by side (provenance stays per dataset). */
function combine(parts: ReportDataset[]): ReportDataset {
  if (parts.length === 1) return parts[0];
  return {
    name: parts.map((p) => p.name).join(' + '),
    title: parts.map((p) => p.title).join(' + '),
    sources: parts.flatMap((p) => p.sources),
    derivations: parts.flatMap((p) => p.derivations),
    notes: parts.flatMap((p) => p.notes),
    units: Object.assign({}, ...parts.map((p) => p.units ?? {})),
    tables: parts.flatMap((p) => p.tables),
  };
}

/** Identifies the manifest layout that `trialstat verify` reads. */
export const MANIFEST_FORMAT = 'trialstat-report-manifest/1';

/**
 * Everything needed to rebuild a report without its source files: the validated spec
 * (analysis names and options), the dataset rows exactly as loaded, and the versions.
 * Embedded in each page; `trialstat verify` rebuilds from it and compares every number.
 */
export interface ReportManifest {
  format: typeof MANIFEST_FORMAT;
  trialstat: string;
  renderer: { vega: string; vegaLite: string };
  spec: ReportSpec;
  datasets: ReportDataset[];
  timestamp?: string;
}

/**
 * The phone rendering of a chart type that has a `compact` option (the forest plot: no per-arm
 * or weight columns, short labels with the full text as a tooltip), when the wide rendering does
 * not fit a phone and the spec has not asked for the compact layout already.
 */
async function renderCompact(
  definition: ChartDefinition,
  view: AnalysisView,
  options: { title: string; [key: string]: unknown },
  render: RenderOptions,
  wideWidth: number,
): Promise<string | undefined> {
  if (wideWidth <= NARROW_WIDTH || !('compact' in definition.options) || options.compact === true)
    return undefined;
  const compact = definition.make(view, { ...options, compact: true });
  const narrow = await renderSvg(compact.spec, render);
  return narrow.width < wideWidth ? narrow.svg : undefined;
}

/**
 * A phone rendering of a chart wider than a phone: panels stacked, plots narrowed, text
 * sizes kept (see narrowSpec). A chart is (fixed text and padding) + (plot widths) wide;
 * the plot widths are read from the spec, so one re-layout at the scale that fits
 * NARROW_WIDTH is enough. When even the narrowest readable plots do not fit, the chart
 * scrolls inside its own box rather than shrinking its text. Undefined when it already fits.
 */
async function renderNarrow(
  spec: Parameters<typeof renderSvg>[0],
  options: RenderOptions,
  wideWidth: number,
): Promise<string | undefined> {
  if (wideWidth <= NARROW_WIDTH) return undefined;
  const plots = plotWidths(spec);
  if (plots.across <= 0) return undefined;
  const fixed = Math.max(0, wideWidth - plots.across);
  // Stacked panels each keep their own share of the fixed part (axis labels, legends).
  const stacked = hasSideBySidePanels(spec);
  const widest = stacked ? plots.widest : plots.across;
  const share = stacked ? fixed / Math.max(1, plots.panels) : fixed;
  const scale = Math.min(1, Math.max(0.15, (NARROW_WIDTH - share) / widest));
  const narrow = await renderSvg(narrowSpec(spec, scale), options);
  return narrow.width < wideWidth ? narrow.svg : undefined;
}

/**
 * Plot widths in a spec: `across` is the width the plots take side by side (hconcat sums,
 * layers and vconcat take the widest), `widest` the widest single panel, `panels` the
 * number of side-by-side panels at the top.
 */
function plotWidths(node: unknown): { across: number; widest: number; panels: number } {
  if (typeof node !== 'object' || node === null) return { across: 0, widest: 0, panels: 0 };
  const spec = node as Record<string, unknown>;
  const own = typeof spec.width === 'number' ? spec.width : 0;
  const children = (key: string) =>
    Array.isArray(spec[key]) ? (spec[key] as unknown[]).map(plotWidths) : [];
  const h = children('hconcat');
  if (h.length > 0) {
    return {
      across: h.reduce((sum, c) => sum + c.across, 0),
      widest: Math.max(...h.map((c) => c.widest)),
      panels: h.length,
    };
  }
  const inner = [...children('layer'), ...children('vconcat')];
  const across = Math.max(own, ...inner.map((c) => c.across));
  return { across, widest: Math.max(own, ...inner.map((c) => c.widest)), panels: 1 };
}

/** Runs one report's analyses and charts and returns its HTML. Analysis failures become CheckFailedError (exit 1). */
export async function buildReportHtml(
  spec: ReportSpec,
  loadDataset: DatasetLoader,
  timestamp?: string,
): Promise<{ html: string; warnings: string[] }> {
  const datasets = new Map<string, ReportDataset>();
  const baseDir = dirname(resolve(spec.file));
  for (const section of spec.sections) {
    for (const name of section.datasets) {
      const entry = section.datasetFiles?.[name];
      if (!datasets.has(name))
        datasets.set(
          name,
          await loadDataset(name, {
            baseDir,
            ...(entry ? { file: entry.file, kind: entry.kind } : {}),
          }),
        );
    }
  }
  const methods: string[] = [];
  const keys: string[] = [];
  const notes: string[] = [];
  const warnings: string[] = [];
  const addUnique = (target: string[], items: string[]): void => {
    for (const item of items) if (!target.includes(item)) target.push(item);
  };
  // Options that name an arm, outcome, trial, ... absent from the data: exit 2, before anything runs.
  const selectionIssues = spec.sections.flatMap((section, s) =>
    section.analyses.flatMap((step, a) => {
      const definition = ANALYSES.get(step.type)!;
      if (definition.kinds.length === 0) return [];
      return checkSelections(
        combine(step.datasets.map((name) => datasets.get(name)!)),
        definition.kinds,
        step.options,
        spec.file,
        `sections[${s}].analyses[${a}]`,
      );
    }),
  );
  if (selectionIssues.length > 0)
    throw new DataError(
      selectionIssues,
      `${spec.file}: ${selectionIssues.length} option${selectionIssues.length === 1 ? '' : 's'} select${selectionIssues.length === 1 ? 's' : ''} nothing:`,
    );
  const sections: HtmlSection[] = [];
  let figureCount = 0;
  for (const [s, section] of spec.sections.entries()) {
    const outputs = new Map<string, AnalysisOutput>();
    for (const [a, step] of section.analyses.entries()) {
      const definition = ANALYSES.get(step.type)!;
      const dataset = combine(step.datasets.map((name) => datasets.get(name)!));
      // An analysis with no kinds reads nothing from its dataset (planning: power, 3+3, Simon).
      if (
        definition.kinds.length > 0 &&
        !dataset.tables.some((t) => definition.kinds.includes(t.kind))
      ) {
        throw new DataError([
          {
            file: spec.file,
            column: `sections[${s}].analyses[${a}].dataset`,
            expected: `a dataset with a ${definition.kinds.join(' or ')} table (for ${step.type})`,
            found: `"${step.datasets.join(', ')}" (tables: ${dataset.tables.map((t) => t.kind).join(', ')})`,
          },
        ]);
      }
      try {
        const output = definition.run(dataset, step.options);
        // Each name exists but together they select no rows (an outcome not in that trial, ...).
        if (definition.kinds.length > 0 && output.table.rows.length === 0) {
          throw new DataError([
            {
              file: spec.file,
              column: `sections[${s}].analyses[${a}].options`,
              expected: `options that select at least one row of ${step.datasets.join(', ')} (for ${step.type})`,
              found: `${JSON.stringify(step.options)}, which select nothing${output.warnings.length ? `: ${output.warnings.join('; ')}` : ''}`,
            },
          ]);
        }
        outputs.set(step.id, output);
        addUnique(keys, keyResults(output.view, section.title));
        addUnique(methods, output.methods);
        addUnique(notes, output.notes);
        addUnique(
          warnings,
          output.warnings.map((w) => `${section.title}: ${w}`),
        );
      } catch (error) {
        if (error instanceof DataError) throw error;
        const message = error instanceof Error ? error.message : String(error);
        throw new CheckFailedError(
          `${spec.file}: sections[${s}].analyses[${a}] (${step.id}, ${step.type}) failed: ${message}`,
        );
      }
    }
    const figures: HtmlFigure[] = [];
    for (const step of section.charts) {
      const output = outputs.get(step.analysis)!;
      const definition = CHARTS.get(step.type)!;
      const chart = definition.make(output.view, step.options);
      figureCount += 1;
      const id = `fig-${figureCount}`;
      const rendered = await renderSvg(chart.spec, {
        idPrefix: id,
        title: step.options.title,
        description: chart.description,
      });
      const narrowOptions = {
        idPrefix: `${id}-narrow`,
        title: step.options.title,
        description: chart.description,
      };
      // A chart with a layout of its own for phones (the forest's `compact`) uses it; the
      // others are re-laid by narrowSpec.
      const narrowSvg =
        (await renderCompact(
          definition,
          output.view,
          step.options,
          narrowOptions,
          rendered.width,
        )) ?? (await renderNarrow(chart.spec, narrowOptions, rendered.width));
      const chartWarnings = [...chart.warnings, ...rendered.warnings];
      addUnique(
        warnings,
        chartWarnings.map((w) => `${section.title}: ${w}`),
      );
      figures.push({
        id,
        svg: rendered.svg,
        ...(narrowSvg ? { narrowSvg } : {}),
        ...(chart.notes?.length ? { notes: chart.notes } : {}),
        caption: `Figure ${figureCount}. ${chart.description}`,
        warnings: chartWarnings,
        embedded: {
          chart: step.type,
          analysis: step.analysis,
          data: output.view,
          vegaLite: chart.spec,
        },
        table: { title: `Data for figure ${figureCount}`, table: output.table },
      });
    }
    const tables = section.tables.map((t) => ({
      title: t.title ?? `Results: ${t.analysis}`,
      table: outputs.get(t.analysis)!.table,
    }));
    sections.push({
      id: `section-${s + 1}-${slug(section.title)}`,
      title: section.title,
      ...(section.text ? { text: section.text } : {}),
      figures,
      tables,
    });
  }
  const versions = await rendererVersions();
  const manifest: ReportManifest = {
    format: MANIFEST_FORMAT,
    trialstat: VERSION,
    renderer: versions,
    // The file name only: an absolute path would differ between machines and break byte-identical output.
    spec: { ...spec, file: basename(spec.file) },
    datasets: [...datasets.values()],
    ...(timestamp ? { timestamp } : {}),
  };
  const html = renderHtml({
    title: spec.title,
    buildId: buildId(manifest),
    keyResults: keys,
    methods: onceEach(methods),
    summary: spec.summary,
    sections,
    software: [
      `trialstat ${VERSION}`,
      `vega ${versions.vega}`,
      `vega-lite ${versions.vegaLite}`,
      'Charts rendered to SVG in Node (no browser); text measured with a Liberation Sans/Arial width table.',
    ],
    datasets: [...datasets.values()],
    notes,
    warnings,
    ...(timestamp ? { builtAt: timestamp } : {}),
    manifest,
  });
  return { html, warnings };
}

/**
 * Methods listed once each: a sentence that another one starts with (the same method,
 * described at more length elsewhere) is dropped.
 */
function onceEach(methods: string[]): string[] {
  const stem = (m: string) => m.replace(/[.\s]+$/, '');
  return methods.filter(
    (m, i) =>
      !methods.some((other, j) => j !== i && other.length > m.length && other.startsWith(stem(m))),
  );
}

/** A short content hash of what the page was built from (same inputs, same id). */
function buildId(manifest: ReportManifest): string {
  return createHash('sha256').update(JSON.stringify(manifest)).digest('hex').slice(0, 12);
}

function renderIndex(
  reports: BuiltReport[],
  summaries: Map<string, string>,
  timestamp?: string,
): string {
  const items = reports
    .map(
      (r) =>
        `<li><a href="${escapeHtml(encodeURIComponent(r.name))}.html">${escapeHtml(r.title)}</a><br><span>${escapeHtml(summaries.get(r.name) ?? '')}</span></li>`,
    )
    .join('\n');
  return `${pageHead('trialstat reports', 'body { font-family: Arial, "Liberation Sans", Helvetica, sans-serif; max-width: 800px; margin: 0 auto; padding: 24px; color: #222; } li { margin: 10px 0; } span { color: #555; font-size: 14px; }')}
</head>
<body>
<h1>trialstat reports</h1>
<ul>
${items}
</ul>
<p>trialstat ${escapeHtml(VERSION)}${timestamp ? `, built ${escapeHtml(timestamp)}` : ''}</p>
</body>
</html>
`;
}

/**
 * Builds reports all-or-nothing: validates every spec (DataError, exit 2), then stages
 * each page as it is built in a hidden folder beside the output folder
 * (src/io/staged-folder.ts), and only when every analysis ran (else CheckFailedError,
 * exit 1) and every file was written (else OutputError, exit 2) moves `<name>.html` and
 * `index.html` into place. A failed or killed build leaves the previous build as it was;
 * the next build removes what a killed one left. Same inputs → same bytes.
 */
export async function buildReports(options: BuildOptions): Promise<BuiltReport[]> {
  const specs = loadSpecs(options.specFiles, options.knownDatasets);
  const outDir = resolve(options.outDir);
  const stage = openStagedFolder(outDir, {
    what: 'the report folder',
    ...(options.fs ? { fs: options.fs } : {}),
  });
  try {
    const built: BuiltReport[] = [];
    for (const [i, spec] of specs.entries()) {
      options.onProgress?.(`[${i + 1}/${specs.length}] ${spec.name}`);
      const page = await buildReportHtml(spec, options.loadDataset, options.timestamp);
      stage.write(`${spec.name}.html`, page.html);
      built.push({
        name: spec.name,
        title: spec.title,
        file: join(outDir, `${spec.name}.html`),
        warnings: page.warnings,
      });
    }
    // Last, so the index never links to a page that is not in place.
    stage.write(
      'index.html',
      renderIndex(built, new Map(specs.map((s) => [s.name, s.summary])), options.timestamp),
    );
    stage.commit();
    return built;
  } finally {
    stage.abort(); // no-op after a commit; removes the staging folder after any failure
  }
}

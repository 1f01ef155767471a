/**
 * Report specs: `reports/<name>.yaml` (or `.json`) → `<name>.html`.
 *
 * ```yaml
 * title: "Rapami: sirolimus vs placebo"          # required
 * summary: One paragraph under the title.        # required
 * sections:                                      # required, at least one
 *   - title: Serious adverse events              # required
 *     text: Optional paragraph.
 *     datasets: [rapami]                         # required: bundled names, or paths relative to this spec:
 *                                                #   ./my-trial (a dataset folder), data/arms.csv (a table
 *                                                #   listed in a dataset.json beside it), or
 *                                                #   { file: my-arms.csv, kind: arm-binary, name: mine }
 *     analyses:                                  # at least one
 *       - id: sae                                # unique in the report
 *         type: binary-comparison                # a name from ANALYSES (src/report/analyses/index.ts)
 *         dataset: rapami                        # optional with one section dataset; a list reads several together
 *         options: { arm: sirolimus, comparator: placebo }   # checked against the analysis's options
 *     charts:
 *       - type: adverse-events                   # a name from CHARTS; must accept the analysis's output
 *         analysis: sae
 *         title: Serious adverse events          # chart options: title (required), subtitle, ...
 *     tables:
 *       - analysis: sae
 *         title: Optional caption
 * ```
 * Every chart also shows its analysis's table; `tables` adds tables without a chart.
 */
import { statSync } from 'node:fs';
import { basename, dirname, extname, resolve } from 'node:path';
import { KIND_NAMES } from '../data/kinds/index.js';
import { kindFromDatasetJson } from '../data/load-input.js';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { DataError, type InputIssue } from '../errors.js';
import { ANALYSES } from './analyses/index.js';
import { CHARTS } from './charts/index.js';
import { isDatasetPath } from './dataset.js';
import { checkOptions, describeFound } from './options-schema.js';

export interface AnalysisStep {
  id: string;
  type: string;
  /** One dataset, or several whose tables are read together (e.g. two trials side by side). */
  datasets: string[];
  options: Record<string, unknown>;
}

export interface ChartStep {
  type: string;
  analysis: string;
  options: { title: string; subtitle?: string; [key: string]: unknown };
}

export interface TableStep {
  analysis: string;
  title?: string;
}

export interface ReportSection {
  title: string;
  text?: string;
  /** References as written: bundled names, paths, or the `name` (default `file`) of a `{ file, kind }` entry. */
  datasets: string[];
  /** The `{ file, kind }` entries, by reference. */
  datasetFiles?: Record<string, { file: string; kind: string }>;
  analyses: AnalysisStep[];
  charts: ChartStep[];
  tables: TableStep[];
}

/** A validated report spec (`reports/<name>.yaml` or `.json`). */
export interface ReportSpec {
  /** File name without extension: the output is `<name>.html`. */
  name: string;
  file: string;
  title: string;
  summary: string;
  sections: ReportSection[];
}

type Obj = Record<string, unknown>;

class Checker {
  readonly issues: InputIssue[] = [];
  constructor(readonly file: string) {}

  add(path: string, expected: string, found: string): void {
    this.issues.push({ file: this.file, column: path, expected, found });
  }

  /** A mapping with only `allowed` keys; unknown keys are issues. */
  mapping(value: unknown, path: string, allowed: readonly string[]): Obj | undefined {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      this.add(path || '(top level)', 'a mapping', describeFound(value));
      return undefined;
    }
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key))
        this.add(
          path ? `${path}.${key}` : key,
          `one of the keys ${allowed.join(', ')}`,
          `unknown key "${key}"`,
        );
    }
    return value as Obj;
  }

  string(obj: Obj, key: string, path: string, required: boolean): string | undefined {
    const value = obj[key];
    const at = path ? `${path}.${key}` : key;
    if (value === undefined) {
      if (required) this.add(at, 'a non-empty string', 'nothing (required)');
      return undefined;
    }
    if (typeof value !== 'string' || value.trim() === '') {
      this.add(at, 'a non-empty string', describeFound(value));
      return undefined;
    }
    return value;
  }

  list(obj: Obj, key: string, path: string, required: boolean): unknown[] {
    const value = obj[key];
    const at = path ? `${path}.${key}` : key;
    if (value === undefined) {
      if (required) this.add(at, 'a non-empty list', 'nothing (required)');
      return [];
    }
    if (!Array.isArray(value) || (required && value.length === 0)) {
      this.add(at, required ? 'a non-empty list' : 'a list', describeFound(value));
      return [];
    }
    return value;
  }
}

/**
 * An analysis's `dataset`: a name or a list of names from the section's `datasets`;
 * may be left out when the section names exactly one.
 */
function analysisDatasets(
  check: Checker,
  value: unknown,
  path: string,
  sectionDatasets: string[],
): string[] | undefined {
  const expected = `one of the section's datasets (${sectionDatasets.join(', ')}) or a list of them`;
  if (value === undefined) {
    if (sectionDatasets.length === 1) return [sectionDatasets[0]];
    if (sectionDatasets.length > 1)
      check.add(path, `${expected} (the section names several)`, 'nothing');
    return undefined;
  }
  const names = Array.isArray(value) ? value : [value];
  if (names.length === 0) {
    check.add(path, expected, 'an empty list');
    return undefined;
  }
  let ok = true;
  names.forEach((name, i) => {
    if (typeof name !== 'string' || !sectionDatasets.includes(name)) {
      check.add(
        Array.isArray(value) ? `${path}[${i}]` : path,
        expected,
        typeof name === 'string' ? `"${name}"` : describeFound(name),
      );
      ok = false;
    }
  });
  return ok ? (names as string[]) : undefined;
}

/**
 * One entry of a section's `datasets`: a bundled name, a path (relative to the spec) to a
 * dataset folder or to a table file that a dataset.json beside it lists, or a mapping
 * `{ file, kind, name? }` for a table file of a given kind. Checks that the folder or file
 * exists (its content is validated when it is loaded, as strictly as a bundled dataset).
 */
function datasetReference(
  check: Checker,
  value: unknown,
  at: string,
  specFile: string,
  known: readonly string[],
): { name: string; file?: string; kind?: string } | undefined {
  const baseDir = dirname(resolve(specFile));
  const expected = `a bundled dataset (${known.join(', ') || 'none found'}), a path relative to the spec to a dataset folder or a table file, or { file, kind }`;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const entry = check.mapping(value, at, ['file', 'kind', 'name']);
    if (!entry) return undefined;
    const file = check.string(entry, 'file', at, true);
    const kind = check.string(entry, 'kind', at, true);
    const name = check.string(entry, 'name', at, false);
    if (kind !== undefined && !(KIND_NAMES as readonly string[]).includes(kind))
      check.add(`${at}.kind`, `one of the kinds ${KIND_NAMES.join(', ')}`, `"${kind}"`);
    if (file !== undefined && !isFile(resolve(baseDir, file))) {
      check.add(
        `${at}.file`,
        'a table file (.csv or .json), relative to the spec',
        `"${file}" (${describePath(resolve(baseDir, file))})`,
      );
      return undefined;
    }
    if (
      file === undefined ||
      kind === undefined ||
      !(KIND_NAMES as readonly string[]).includes(kind)
    )
      return undefined;
    return { name: name ?? file, file, kind };
  }
  if (typeof value !== 'string' || value.trim() === '') {
    check.add(at, expected, describeFound(value));
    return undefined;
  }
  if (!isDatasetPath(value)) {
    if (known.includes(value)) return { name: value };
    check.add(at, expected, `"${value}"`);
    return undefined;
  }
  const path = resolve(baseDir, value);
  if (isDirectory(path)) {
    if (!isFile(resolve(path, 'dataset.json')))
      check.add(
        at,
        'a dataset folder (with a dataset.json)',
        `"${value}", a folder without dataset.json`,
      );
    return { name: value };
  }
  if (!isFile(path)) {
    check.add(
      at,
      'a dataset folder or a table file, relative to the spec',
      `"${value}" (${describePath(path)})`,
    );
    return undefined;
  }
  if (!/\.(csv|json)$/i.test(value)) {
    check.add(at, 'a table file ending in .csv or .json', `"${value}"`);
    return undefined;
  }
  if (kindFromDatasetJson(path) === undefined) {
    check.add(
      at,
      `a table file whose kind is known: list it in a dataset.json beside it, or write { file: ${JSON.stringify(value)}, kind: <${KIND_NAMES.join(' | ')}> }`,
      `"${value}", kind unknown`,
    );
    return undefined;
  }
  return { name: value };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function describePath(path: string): string {
  return isDirectory(path) ? `${path} is a folder` : `no such file: ${path}`;
}

/** Reads the text of a spec file as YAML (or JSON for `.json`); syntax errors become issues with a line. */
export function parseSpecText(text: string, file: string): unknown {
  if (extname(file).toLowerCase() === '.json') {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new DataError(
        [{ file, expected: 'valid JSON', found: (error as Error).message }],
        `${file}: not a valid report spec`,
      );
    }
  }
  try {
    // maxAliasCount bounds what aliases may expand to ("billion laughs"); a spec needs few.
    return parseYaml(text, { uniqueKeys: true, prettyErrors: true, maxAliasCount: 100 });
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const line = error.linePos?.[0]?.line;
      throw new DataError(
        [
          {
            file,
            ...(line !== undefined ? { line } : {}),
            expected: 'valid YAML',
            found: error.message.split('\n')[0],
          },
        ],
        `${file}: not a valid report spec`,
      );
    }
    // The yaml package throws a ReferenceError for an alias bomb and for an alias to nothing.
    if (error instanceof ReferenceError && /alias/i.test(error.message)) {
      const issue = /excessive/i.test(error.message)
        ? {
            expected: 'a report spec with few YAML aliases (&anchor / *alias)',
            found: 'aliases that expand to too much data (a YAML alias bomb?)',
          }
        : {
            expected: 'every YAML alias (*name) after its anchor (&name)',
            found: error.message.replace(/\s*\(the anchor must be set before the alias\)/, ''),
          };
      throw new DataError([{ file, ...issue }], `${file}: not a valid report spec`);
    }
    if (error instanceof RangeError) {
      throw new DataError(
        [
          {
            file,
            expected: 'a report spec nested a few levels deep',
            found: 'nesting too deep to read',
          },
        ],
        `${file}: not a valid report spec`,
      );
    }
    throw error;
  }
}

/**
 * Validates a parsed spec as strictly as datasets are validated: unknown keys, wrong
 * types, unknown dataset, analysis and chart names, charts pointing at analyses whose
 * output they cannot draw. Every problem is collected; throws one DataError naming the
 * file and the path in the spec (`sections[2].charts[0].type`) of each.
 */
export function validateSpec(
  value: unknown,
  file: string,
  knownDatasets: readonly string[],
): ReportSpec {
  const check = new Checker(file);
  const name = basename(file).replace(/\.(ya?ml|json)$/i, '');
  const top = check.mapping(value, '', ['title', 'summary', 'sections']);
  const spec: ReportSpec = { name, file, title: '', summary: '', sections: [] };
  if (top) {
    spec.title = check.string(top, 'title', '', true) ?? '';
    spec.summary = check.string(top, 'summary', '', true) ?? '';
    const ids = new Set<string>();
    check.list(top, 'sections', '', true).forEach((rawSection, s) => {
      const path = `sections[${s}]`;
      const section = check.mapping(rawSection, path, [
        'title',
        'text',
        'datasets',
        'analyses',
        'charts',
        'tables',
      ]);
      if (!section) return;
      const out: ReportSection = {
        title: check.string(section, 'title', path, true) ?? '',
        datasets: [],
        analyses: [],
        charts: [],
        tables: [],
      };
      const text = check.string(section, 'text', path, false);
      if (text !== undefined) out.text = text;
      check.list(section, 'datasets', path, true).forEach((dataset, d) => {
        const reference = datasetReference(
          check,
          dataset,
          `${path}.datasets[${d}]`,
          file,
          knownDatasets,
        );
        if (reference === undefined) return;
        out.datasets.push(reference.name);
        if (reference.file)
          (out.datasetFiles ??= {})[reference.name] = {
            file: reference.file,
            kind: reference.kind!,
          };
      });
      const produced = new Map<string, string>();
      check.list(section, 'analyses', path, true).forEach((rawAnalysis, a) => {
        const at = `${path}.analyses[${a}]`;
        const analysis = check.mapping(rawAnalysis, at, ['id', 'type', 'dataset', 'options']);
        if (!analysis) return;
        const id = check.string(analysis, 'id', at, true);
        if (id !== undefined && ids.has(id))
          check.add(`${at}.id`, 'an id not used before in this report', `"${id}" again`);
        const type = check.string(analysis, 'type', at, true);
        const definition = type !== undefined ? ANALYSES.get(type) : undefined;
        if (type !== undefined && !definition)
          check.add(
            `${at}.type`,
            `one of the analyses ${[...ANALYSES.keys()].join(', ')}`,
            `"${type}"`,
          );
        const dataset = analysisDatasets(check, analysis.dataset, `${at}.dataset`, out.datasets);
        if (definition)
          checkOptions(analysis.options, definition.options, `${at}.options`, file, check.issues);
        if (id !== undefined) {
          ids.add(id);
          if (definition) produced.set(id, definition.produces);
        }
        if (id && type && definition && dataset)
          out.analyses.push({
            id,
            type,
            datasets: dataset,
            options: (analysis.options as Obj | undefined) ?? {},
          });
      });
      check.list(section, 'charts', path, false).forEach((rawChart, c) => {
        const at = `${path}.charts[${c}]`;
        if (rawChart === null || typeof rawChart !== 'object' || Array.isArray(rawChart)) {
          check.add(at, 'a mapping', describeFound(rawChart));
          return;
        }
        const { type: rawType, analysis: rawAnalysis, ...options } = rawChart as Obj;
        const chart = check.mapping(rawChart, at, Object.keys(rawChart as Obj));
        if (!chart) return;
        const type = check.string(chart, 'type', at, true);
        const definition = type !== undefined ? CHARTS.get(type) : undefined;
        if (type !== undefined && !definition)
          check.add(
            `${at}.type`,
            `one of the charts ${[...CHARTS.keys()].join(', ')}`,
            `"${rawType as string}"`,
          );
        const analysis = check.string(chart, 'analysis', at, true);
        const kind = analysis !== undefined ? produced.get(analysis) : undefined;
        if (analysis !== undefined && kind === undefined)
          check.add(
            `${at}.analysis`,
            `the id of an analysis in this section (${[...produced.keys()].join(', ')})`,
            `"${rawAnalysis as string}"`,
          );
        if (definition && kind !== undefined && definition.accepts !== kind)
          check.add(
            `${at}.analysis`,
            `an analysis producing ${definition.accepts} data (for a ${definition.name} chart)`,
            `"${analysis}", which produces ${kind} data`,
          );
        if (definition) checkOptions(options, definition.options, at, file, check.issues);
        if (definition && kind === definition.accepts && typeof options.title === 'string')
          out.charts.push({
            type: type!,
            analysis: analysis!,
            options: options as ChartStep['options'],
          });
      });
      check.list(section, 'tables', path, false).forEach((rawTable, t) => {
        const at = `${path}.tables[${t}]`;
        const table = check.mapping(rawTable, at, ['analysis', 'title']);
        if (!table) return;
        const analysis = check.string(table, 'analysis', at, true);
        const title = check.string(table, 'title', at, false);
        if (analysis !== undefined && !produced.has(analysis))
          check.add(
            `${at}.analysis`,
            `the id of an analysis in this section (${[...produced.keys()].join(', ')})`,
            `"${analysis}"`,
          );
        else if (analysis !== undefined) out.tables.push({ analysis, ...(title ? { title } : {}) });
      });
      spec.sections.push(out);
    });
  }
  if (check.issues.length > 0)
    throw new DataError(
      check.issues,
      `${file}: ${check.issues.length} problem${check.issues.length === 1 ? '' : 's'} in the report spec:`,
    );
  return spec;
}

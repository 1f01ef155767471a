import { InputError } from '../errors.js';
import { VERSION } from '../version.js';
import { buildReportHtml, MANIFEST_FORMAT, type ReportManifest } from './build.js';
import type { ReportDataset } from './dataset.js';

/** A number that differs between the page and its rebuild. */
export interface Drift {
  /** Where it is: section, and table / figure / chart drawing / embedded data. */
  location: string;
  /** The number printed in the page. */
  inReport: string;
  /** The number the rebuild prints there. */
  recomputed: string;
  /** Text just before it, for finding it. */
  context: string;
}

export interface VerifyResult {
  /** True when every number in the page is reproduced. */
  verified: boolean;
  /** Numbers compared (tables, text, chart drawings, embedded chart data). */
  numbers: number;
  drifts: Drift[];
  /** Set when the page and its rebuild differ in something other than a number. */
  structure: string | null;
  builtWith: string;
  verifiedWith: string;
}

const MANIFEST = /<script type="application\/json" id="trialstat-manifest">([\s\S]*?)<\/script>/;
const NUMBER = /[-\u2212]?\d+(?:\.\d+)?(?:[eE][-+\u2212]?\d+)?/g;

/**
 * Recomputes every number in a built report: the page's embedded manifest (spec,
 * dataset rows, versions) is rebuilt with this version of trialstat and each number of
 * the rebuild is compared with the number at the same place in the page. A changed
 * digit anywhere — a table cell, a caption, a chart, the embedded chart data — is a
 * drift; so is a result that a newer trialstat computes differently.
 */
export async function verifyReportHtml(html: string, file = 'report'): Promise<VerifyResult> {
  const manifest = readManifest(html, file);
  const datasets = new Map(manifest.datasets.map((d) => [d.name, d]));
  const loader = async (name: string): Promise<ReportDataset> => {
    const dataset = datasets.get(name);
    if (!dataset)
      throw new InputError(`${file}: manifest`, name, 'a dataset embedded in the manifest');
    return dataset;
  };
  const rebuilt = (await buildReportHtml(manifest.spec, loader, manifest.timestamp)).html;
  return { ...compareNumbers(html, rebuilt), builtWith: manifest.trialstat, verifiedWith: VERSION };
}

function readManifest(html: string, file: string): ReportManifest {
  const match = MANIFEST.exec(html);
  if (!match)
    throw new InputError(
      file,
      'an HTML file without a manifest',
      'a report built by trialstat report (it embeds a trialstat-manifest script)',
    );
  let manifest: ReportManifest;
  try {
    manifest = JSON.parse(match[1]) as ReportManifest;
  } catch {
    throw new InputError(
      file,
      'a manifest that is not valid JSON',
      'the manifest trialstat report embeds (was the file edited?)',
    );
  }
  if (manifest?.format !== MANIFEST_FORMAT || !manifest.spec || !Array.isArray(manifest.datasets)) {
    throw new InputError(
      file,
      `a manifest of format ${String(manifest?.format)}`,
      `format ${MANIFEST_FORMAT}`,
    );
  }
  return manifest;
}

/** Walks both pages token by token: numbers are compared one by one, other text must match. */
function compareNumbers(
  page: string,
  rebuilt: string,
): Omit<VerifyResult, 'builtWith' | 'verifiedWith'> {
  const a = tokens(page);
  const b = tokens(rebuilt);
  const drifts: Drift[] = [];
  let numbers = 0;
  let structure: string | null = null;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x && y && x.number && y.number) {
      numbers++;
      if (x.text !== y.text)
        drifts.push({
          location: locate(page, x.offset),
          inReport: x.text,
          recomputed: y.text,
          context: before(page, x.offset),
        });
      continue;
    }
    if (!x || !y || x.text !== y.text) {
      const offset = x?.offset ?? page.length;
      structure = `the page differs from its rebuild in ${locate(page, offset)} near "${before(page, offset)}"`;
      break;
    }
  }
  return { verified: drifts.length === 0 && structure === null, numbers, drifts, structure };
}

interface Token {
  text: string;
  number: boolean;
  offset: number;
}

function tokens(html: string): Token[] {
  // The manifest is the input of the rebuild, not an output: leave it out of the comparison.
  const end = MANIFEST.exec(html)?.index ?? html.length;
  const out: Token[] = [];
  let last = 0;
  for (const match of html.slice(0, end).matchAll(NUMBER)) {
    if (match.index! > last)
      out.push({ text: html.slice(last, match.index), number: false, offset: last });
    out.push({ text: match[0], number: true, offset: match.index! });
    last = match.index! + match[0].length;
  }
  if (last < end) out.push({ text: html.slice(last, end), number: false, offset: last });
  return out;
}

/** Section and part of the page an offset falls in. */
function locate(html: string, offset: number): string {
  const head = html.slice(0, offset);
  const section = [...head.matchAll(/<h2[^>]*>([\s\S]*?)<\/h2>/g)].pop()?.[1];
  const lastOpen = (tag: string): number => head.lastIndexOf(`<${tag}`);
  const lastClose = (tag: string): number => head.lastIndexOf(`</${tag}>`);
  const inside = (tag: string): boolean => lastOpen(tag) > lastClose(tag);
  const caption = [
    ...head.matchAll(/<(?:figcaption|caption)>([\s\S]*?)<\/(?:figcaption|caption)>/g),
  ].pop()?.[1];
  const part = inside('svg')
    ? 'a chart drawing'
    : inside('script')
      ? 'embedded chart data'
      : inside('table')
        ? `a table${caption ? ` (${strip(caption)})` : ''}`
        : 'the text';
  return `${section ? `section "${strip(section)}", ` : ''}${part}`;
}

function before(html: string, offset: number): string {
  const text = strip(html.slice(Math.max(0, offset - 400), offset));
  // Start at a word boundary so the context reads cleanly.
  return text.length <= 60 ? text : text.slice(-60).replace(/^\S*\s/, '');
}

function strip(text: string): string {
  return text
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

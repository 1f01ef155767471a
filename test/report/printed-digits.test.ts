import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printedDecimals } from '../../src/data/checks.js';
import { buildReports, bundledSpecFiles } from '../../src/report/build.js';
import { loadReportDataset, reportDatasetNames } from '../../src/report/bundled-datasets.js';

/**
 * Issue 11, "numbers as printed": a value transcribed from a source keeps the digits it was
 * printed with. For every bundled report, every dataset value with a printed text is looked
 * for in the page's tables: a cell number that is the same value with other digits (−9.00
 * for a printed −9.0) or the value re-rounded (−11.1 for a printed −11.07) in the same table
 * row as the value's own row labels is a failure.
 */
interface Cell {
  text: string;
  value: number;
  decimals: number;
}

const NUMBER = /(?<![\w.])[−-]?\d+(?:\.\d+)?(?![\w.])/g;

/** Computed columns: a recomputed value may carry more digits than the printed one. */
const COMPUTED_COLUMN = /recomputed|derived/i;

const text = (html: string): string =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');

/** Each table row's text, without the cells of computed columns. */
function tableRows(html: string): string[] {
  const rows: string[] = [];
  for (const table of html.matchAll(/<table>([\s\S]*?)<\/table>/g)) {
    const head = /<thead>([\s\S]*?)<\/thead>/.exec(table[1])?.[1] ?? '';
    const headers = [...head.matchAll(/<th[^>]*>([\s\S]*?)<\/th>/g)].map((m) => text(m[1]));
    const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(table[1])?.[1] ?? '';
    for (const row of body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)) {
      const cells = [...row[1].matchAll(/<(?:td|th)[^>]*>([\s\S]*?)<\/(?:td|th)>/g)];
      rows.push(
        cells
          .filter((_, i) => !COMPUTED_COLUMN.test(headers[i] ?? ''))
          .map((c) => text(c[1]))
          .join(' | '),
      );
    }
  }
  return rows;
}

function numbers(text: string): Cell[] {
  return [...text.matchAll(NUMBER)].map((m) => {
    const plain = m[0].replace('−', '-');
    return { text: m[0], value: Number(plain), decimals: printedDecimals(plain) };
  });
}

describe('bundled reports show transcribed values with their printed digits', () => {
  let dir: string;
  const pages: { name: string; html: string }[] = [];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'trialstat-printed-'));
    const built = await buildReports({
      specFiles: bundledSpecFiles(),
      outDir: dir,
      loadDataset: loadReportDataset,
      knownDatasets: reportDatasetNames(),
    });
    for (const r of built) pages.push({ name: r.name, html: readFileSync(r.file, 'utf8') });
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('every printed value shown in a table keeps its digits', () => {
    const problems: string[] = [];
    let checked = 0;
    for (const page of pages) {
      const manifest = JSON.parse(
        /<script type="application\/json" id="trialstat-manifest">([\s\S]*?)<\/script>/.exec(
          page.html,
        )?.[1] ?? '{"datasets":[]}',
      ) as { datasets: { tables: { rows: Record<string, unknown>[] }[] }[] };
      const rows = tableRows(page.html);
      for (const dataset of manifest.datasets)
        for (const table of dataset.tables)
          for (const row of table.rows) {
            const printed = (row.$printed ?? {}) as Record<string, string>;
            // The row's own words (trial, arm, outcome, ...) find the table rows about it.
            const words = Object.entries(row)
              .filter(([k, v]) => typeof v === 'string' && !k.startsWith('$') && k !== 'note')
              .map(([, v]) => v as string)
              .filter((v) => v.length > 2 && !/^\d/.test(v));
            const about = rows.filter((r) => words.filter((w) => r.includes(w)).length >= 2);
            for (const [field, text] of Object.entries(printed)) {
              const value = Number(text);
              const decimals = printedDecimals(text);
              if (!Number.isFinite(value) || (decimals === 0 && Number.isInteger(value))) continue;
              for (const r of about)
                for (const cell of numbers(r)) {
                  const same = cell.value === value;
                  const reRounded =
                    cell.decimals < decimals &&
                    cell.decimals > 0 &&
                    cell.value === Number(value.toFixed(cell.decimals)) &&
                    cell.value !== value &&
                    cell.value !== 0;
                  if (same) checked += 1;
                  if ((same && cell.decimals !== decimals) || reRounded)
                    problems.push(
                      `${page.name}: ${field} printed "${text}" shown as "${cell.text}" in "${r.trim().replace(/\s+/g, ' ').slice(0, 100)}"`,
                    );
                }
            }
          }
    }
    expect(problems).toEqual([]);
    // The check found the transcribed values it looks for.
    expect(checked).toBeGreaterThan(20);
  });
});

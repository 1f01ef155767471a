import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CheckFailedError, DataError } from '../../src/errors.js';
import { buildReports } from '../../src/report/build.js';
import { embedJson, escapeHtml } from '../../src/report/html.js';
import type { ReportDataset } from '../../src/report/dataset.js';
import {
  FIXTURE_DATASETS,
  FIXTURE_SPECS_DIR,
  loadFixtureDataset,
} from './fixtures/load-fixture.js';

const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'trialstat-report-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const xssSpec = join(FIXTURE_SPECS_DIR, 'xss.yaml');
const build = (outDir: string, specFiles = [xssSpec], loadDataset = loadFixtureDataset) =>
  buildReports({ specFiles, outDir, loadDataset, knownDatasets: FIXTURE_DATASETS });

describe('report build', () => {
  it('is deterministic: two builds give byte-identical files', async () => {
    const a = tempDir();
    const b = tempDir();
    await build(a);
    await build(b);
    const files = readdirSync(a).sort();
    expect(files).toEqual(['index.html', 'xss.html']);
    for (const file of files)
      expect(readFileSync(join(a, file)).equals(readFileSync(join(b, file)))).toBe(true);
  });

  it('prints a timestamp only when asked', async () => {
    const dir = tempDir();
    await buildReports({
      specFiles: [xssSpec],
      outDir: dir,
      loadDataset: loadFixtureDataset,
      knownDatasets: FIXTURE_DATASETS,
      timestamp: '2026-01-02T03:04:05Z',
    });
    expect(readFileSync(join(dir, 'xss.html'), 'utf8')).toContain('Built 2026-01-02T03:04:05Z');
  });

  it('escapes every string from datasets and specs', async () => {
    const dir = tempDir();
    await build(dir);
    const html = readFileSync(join(dir, 'xss.html'), 'utf8');
    // The only <script> elements are the JSON data blocks.
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts)
      expect(tag).toMatch(
        /^<script type="application\/json" id="(fig-\d+-vega-lite|trialstat-manifest)">$/,
      );
    expect(html).not.toMatch(/<img\b/);
    expect(html).not.toMatch(/<b>|<i>/);
    expect(html).toContain('XSS sample &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; co.');
    // Inside JSON blocks `<` is \u003c, so no string can close the tag.
    const bodies = (
      html.match(/<script type="application\/json"[^>]*>([\s\S]*?)<\/script>/g) ?? []
    ).map((block) => block.replace(/^<script[^>]*>/, '').replace(/<\/script>$/, ''));
    for (const body of bodies) expect(body).not.toContain('<');
    expect(JSON.stringify(JSON.parse(bodies[0]))).toContain('<script>alert(1)</script>');
    // SVG text is escaped too.
    const svg = html.slice(html.indexOf('<svg'), html.indexOf('</svg>'));
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('escapes quotes and ampersands, and embeds JSON safely', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
    expect(embedJson({ s: '</script><!--' })).toBe('{"s":"\\u003c/script>\\u003c!--"}');
    expect(JSON.parse(embedJson({ s: '</script>\u2028' }))).toEqual({ s: '</script>\u2028' });
  });

  it('closes bidi overrides and isolates a dataset string leaves open (issue 16)', () => {
    // RLO reverses everything after it until a PDF: each escaped string brings its own.
    expect(escapeHtml('arm \u202Eplacebo')).toBe('arm \u202Eplacebo\u202C');
    expect(escapeHtml('\u2067a\u202Bb')).toBe('\u2067a\u202Bb\u202C\u2069');
    expect(escapeHtml('\u202Ea\u202C and \u2066b\u2069')).toBe('\u202Ea\u202C and \u2066b\u2069');
    expect(escapeHtml('plain')).toBe('plain');
  });

  it('a bad spec stops the build with every issue and writes nothing (exit 2)', async () => {
    const dir = tempDir();
    const bad = join(dir, 'bad.yaml');
    writeFileSync(
      bad,
      'title: x\nsummary: y\nsections:\n  - title: s\n    datasets: [xss-trials]\n    analyses:\n      - { id: a, type: reported-comparisons, options: { measure: RR } }\n    charts:\n      - { type: forest, analysis: a, title: t, colour: red }\n',
    );
    const out = join(dir, 'out');
    const error = await build(out, [xssSpec, bad]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).issues[0]).toMatchObject({
      file: bad,
      column: 'sections[0].charts[0].colour',
    });
    expect(() => readdirSync(out)).toThrow();
  });

  it('a failing analysis exits 1 and leaves earlier outputs intact', async () => {
    const dir = tempDir();
    await build(dir);
    const before = readFileSync(join(dir, 'xss.html'));
    const broken = async (name: string): Promise<ReportDataset> => {
      const dataset = await loadFixtureDataset(name);
      // A row whose fields are not what the analysis reads makes it throw.
      return {
        ...dataset,
        tables: dataset.tables.map((t) =>
          t.kind === 'trial-registry' ? { ...t, rows: null as never } : t,
        ),
      };
    };
    const error = await build(dir, [xssSpec], broken).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CheckFailedError);
    expect((error as Error).message).toMatch(
      /sections\[1\]\.analyses\[0\] \(trials, trial-landscape\) failed/,
    );
    expect(readFileSync(join(dir, 'xss.html')).equals(before)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

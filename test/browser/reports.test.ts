import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS, hasChromium } from '../support/chromium.js';
import { buildReports, bundledSpecFiles } from '../../src/report/build.js';
import { loadReportDataset, reportDatasetNames } from '../../src/report/bundled-datasets.js';
import { textWidth } from '../../src/report/text-metrics/text-width.js';
import {
  FIXTURE_DATASETS,
  FIXTURE_SPECS_DIR,
  loadFixtureDataset,
} from '../report/fixtures/load-fixture.js';

if (!hasChromium)
  console.warn(
    `test/browser/reports.test.ts: skipped, ${CHROMIUM} is not installed (CI installs it with apt-get install chromium)`,
  );

/** 'Hamburgefonstiv' at 1000 px from the width table (sum of per-mille advances), kerning off. */
const EXPECTED_FONT_WIDTH = textWidth('Hamburgefonstiv', 1000);

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));

interface PageReport {
  consoleErrors: string[];
  requests: string[];
  dialogs: string[];
  charts: { id: string; width: number; height: number; texts: number; outside: string[] }[];
  headings: string[];
  /** Width of a test string in the embedded font at 1000 px, or null when it did not load. */
  fontWidth: number | null;
}

describe.skipIf(!hasChromium)('built reports in headless chromium', () => {
  let outDir: string;
  let profile: string;
  let context: BrowserContext;
  const pages: string[] = [];

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'trialstat-browser-'));
    profile = mkdtempSync(join(tmpdir(), 'trialstat-chromium-profile-'));
    const bundled = await buildReports({
      specFiles: bundledSpecFiles(),
      outDir: join(outDir, 'bundled'),
      loadDataset: loadReportDataset,
      knownDatasets: reportDatasetNames(),
    });
    const fixtures = await buildReports({
      specFiles: [join(FIXTURE_SPECS_DIR, 'xss.yaml')],
      outDir: join(outDir, 'fixtures'),
      loadDataset: loadFixtureDataset,
      knownDatasets: FIXTURE_DATASETS,
    });
    pages.push(
      ...bundled.map((r) => r.file),
      join(outDir, 'bundled', 'index.html'),
      ...fixtures.map((r) => r.file),
    );
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      args: [...CHROMIUM_ARGS],
      viewport: { width: 1200, height: 900 },
    });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    rmSync(outDir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  });

  async function open(file: string): Promise<PageReport> {
    const page = await context.newPage();
    const url = pathToFileURL(file).href;
    const report: PageReport = {
      consoleErrors: [],
      requests: [],
      dialogs: [],
      charts: [],
      headings: [],
      fontWidth: null,
    };
    page.on('console', (message) => {
      if (message.type() === 'error') report.consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => report.consoleErrors.push(error.message));
    page.on('request', (request) => {
      if (request.url() !== url) report.requests.push(request.url());
    });
    page.on('dialog', async (dialog) => {
      report.dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    await page.goto(url, { waitUntil: 'load' });
    // Runs in the page; typed loosely because the project compiles without the DOM lib.
    const measured = await page.evaluate(async () => {
      const doc = (globalThis as any).document;
      // The page carries its font: measure it as canvas does (kerning off), no system font involved.
      const faces = await doc.fonts.load('1000px "trialstat-sans"');
      const ctx = doc.createElement('canvas').getContext('2d');
      ctx.fontKerning = 'none';
      ctx.font = '1000px "trialstat-sans"';
      const fontWidth = faces.length > 0 ? Number(ctx.measureText('Hamburgefonstiv').width) : null;
      const charts = [...doc.querySelectorAll('figure > svg')].map((svg: any) => {
        const box = svg.getBoundingClientRect();
        const texts = [...svg.querySelectorAll('text')];
        const outside = texts
          .filter((text: any) => {
            const r = text.getBoundingClientRect();
            if (r.width === 0 && r.height === 0) return false;
            return (
              r.left < box.left - 1 ||
              r.right > box.right + 1 ||
              r.top < box.top - 1 ||
              r.bottom > box.bottom + 1
            );
          })
          .map((text: any) => String(text.textContent ?? ''));
        return {
          id: svg.closest('figure')?.id ?? '',
          width: box.width,
          height: box.height,
          texts: texts.length,
          outside,
        };
      });
      return {
        fontWidth,
        charts,
        headings: [...doc.querySelectorAll('h1, h2, figcaption, td')].map((e: any) =>
          String(e.textContent ?? ''),
        ),
      } as { fontWidth: number | null; charts: PageReport['charts']; headings: string[] };
    });
    report.fontWidth = measured.fontWidth;
    report.charts = measured.charts;
    report.headings = measured.headings;
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({
      path: join(
        ARTIFACTS,
        `${basename(file, '.html')}${file.includes('fixtures') ? '-fixture' : ''}.png`,
      ),
      fullPage: true,
    });
    await page.close();
    return report;
  }

  it('opens every report without console errors or requests, with charts drawn inside their boxes', async () => {
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const file of pages) {
      const report = await open(file);
      expect({
        file,
        errors: report.consoleErrors,
        requests: report.requests,
        dialogs: report.dialogs,
      }).toEqual({ file, errors: [], requests: [], dialogs: [] });
      if (!file.endsWith('index.html')) expect(report.charts.length, file).toBeGreaterThan(0);
      // The embedded subset is the font of the width table the layout was measured with.
      expect(report.fontWidth, `${file}: embedded font`).not.toBeNull();
      // Table widths are rounded per character: up to 0.5 per mille each (DejaVu would be ~12 % wider).
      expect(
        Math.abs((report.fontWidth ?? 0) - EXPECTED_FONT_WIDTH),
        `${file}: embedded font width`,
      ).toBeLessThan(8);
      for (const chart of report.charts) {
        expect(chart.width, `${file} ${chart.id}`).toBeGreaterThan(0);
        expect(chart.height, `${file} ${chart.id}`).toBeGreaterThan(0);
        expect(chart.texts, `${file} ${chart.id}: text labels checked`).toBeGreaterThan(3);
        expect(chart.outside, `${file} ${chart.id}: labels outside the SVG`).toEqual([]);
      }
    }
  }, 120_000);

  it('shows the XSS sample as text without running it', async () => {
    const report = await open(pages[pages.length - 1]);
    expect(report.dialogs).toEqual([]);
    expect(report.headings[0]).toBe('XSS sample <script>alert(1)</script>');
    expect(report.headings).toContain('<script>alert(1)</script>');
  }, 60_000);
});

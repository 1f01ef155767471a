import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
import { pdfTextPositions } from './pdf-text-positions.js';

if (!hasChromium)
  console.warn(
    `test/browser/reports.test.ts: skipped, ${CHROMIUM} is not installed (CI installs it with apt-get install chromium)`,
  );

/** 'Hamburgefonstiv' at 1000 px from the width table (sum of per-mille advances), kerning off. */
const EXPECTED_FONT_WIDTH = textWidth('Hamburgefonstiv', 1000);

const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));

/** Viewport widths every report is checked at: a laptop and a phone. */
const WIDTHS = [1280, 390] as const;
/** WCAG 2.1 AA: 4.5:1 for text, 3:1 for large text (≥ 24 px, or ≥ 18.66 px bold). */
const MIN_CONTRAST = 4.5;
const MIN_CHART_TEXT_PX = 9;

interface PageReport {
  consoleErrors: string[];
  requests: string[];
  dialogs: string[];
  /** Visible charts only (a figure's narrow or wide rendering, whichever the width shows). */
  charts: {
    id: string;
    width: number;
    height: number;
    texts: number;
    outside: string[];
    /** Smallest rendered text, in CSS px, and which text it is. */
    minFont: number;
    minFontText: string;
  }[];
  /** document width minus viewport width (> 0: the page scrolls sideways). */
  overflow: number;
  /** Text whose contrast with its background is below WCAG AA. */
  lowContrast: string[];
  /** Data marks below 3:1 against the chart background. */
  lowContrastMarks: string[];
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
      viewport: { width: 1280, height: 900 },
    });
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    rmSync(outDir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  });

  const artifactName = (file: string, width: number): string =>
    `${basename(file, '.html')}${file.includes('fixtures') ? '-fixture' : ''}-${width}px.png`;

  async function open(file: string, width: number): Promise<PageReport> {
    const page = await context.newPage();
    await page.setViewportSize({ width, height: 900 });
    const url = pathToFileURL(file).href;
    const report: PageReport = {
      consoleErrors: [],
      requests: [],
      dialogs: [],
      charts: [],
      overflow: 0,
      lowContrast: [],
      lowContrastMarks: [],
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
    const measured = await page.evaluate(
      async ({ minContrast }) => {
        const doc = (globalThis as any).document;
        const win = globalThis as any;
        // The page carries its font: measure it as canvas does (kerning off), no system font involved.
        const faces = await doc.fonts.load('1000px "trialstat-sans"');
        const ctx = doc.createElement('canvas').getContext('2d');
        ctx.fontKerning = 'none';
        ctx.font = '1000px "trialstat-sans"';
        const fontWidth =
          faces.length > 0 ? Number(ctx.measureText('Hamburgefonstiv').width) : null;
        const visible = (el: any): boolean => {
          const r = el.getBoundingClientRect();
          return r.width > 0 && r.height > 0;
        };
        const charts = [...doc.querySelectorAll('figure svg')].filter(visible).map((svg: any) => {
          const box = svg.getBoundingClientRect();
          const viewBox = svg.viewBox?.baseVal;
          const scale = box.width / (viewBox?.width || svg.width.baseVal.value || box.width);
          const texts = [...svg.querySelectorAll('text')];
          let minFont = Number.POSITIVE_INFINITY;
          let minFontText = '';
          const outside: string[] = [];
          for (const text of texts) {
            const r = text.getBoundingClientRect();
            if (r.width === 0 && r.height === 0) continue;
            const size = Number.parseFloat(win.getComputedStyle(text).fontSize) * scale;
            if (size < minFont) {
              minFont = size;
              minFontText = String(text.textContent ?? '');
            }
            if (
              r.left < box.left - 1 ||
              r.right > box.right + 1 ||
              r.top < box.top - 1 ||
              r.bottom > box.bottom + 1
            )
              outside.push(String(text.textContent ?? ''));
          }
          return {
            id: svg.closest('figure')?.id ?? '',
            width: box.width,
            height: box.height,
            texts: texts.length,
            outside,
            minFont,
            minFontText,
          };
        });
        // WCAG relative luminance and contrast of every visible text against its background.
        const rgb = (css: string): number[] | null => {
          const m = /rgba?\(([^)]+)\)/.exec(css);
          if (!m) return null;
          const parts = m[1]
            .split(/[ ,/]+/)
            .filter(Boolean)
            .map(Number);
          return parts.length === 4 && parts[3] === 0 ? null : parts.slice(0, 3);
        };
        const luminance = ([r, g, b]: number[]): number => {
          const lin = (c: number) => {
            const s = c / 255;
            return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
          };
          return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
        };
        const background = (el: any): number[] => {
          for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
            const c = rgb(win.getComputedStyle(e).backgroundColor);
            if (c) return c;
          }
          return [255, 255, 255];
        };
        const lowContrast: string[] = [];
        const seen = new Set<string>();
        for (const el of doc.body.querySelectorAll('*')) {
          const own = [...el.childNodes]
            .filter((n: any) => n.nodeType === 3)
            .map((n: any) => n.textContent)
            .join('')
            .trim();
          if (!own || !visible(el)) continue;
          const style = win.getComputedStyle(el);
          const inSvg = el.closest('svg') !== null;
          const fg = rgb(inSvg ? style.fill : style.color);
          if (!fg) continue;
          const bg = inSvg ? [255, 255, 255] : background(el);
          const [hi, lo] = [luminance(fg), luminance(bg)].sort((x, y) => y - x);
          const ratio = (hi + 0.05) / (lo + 0.05);
          const px = Number.parseFloat(style.fontSize);
          const large = px >= 24 || (px >= 18.66 && Number(style.fontWeight) >= 700);
          const needed = large ? 3 : minContrast;
          const key = `${style.color}|${style.fill}|${own.slice(0, 40)}`;
          if (ratio < needed && !seen.has(key)) {
            seen.add(key);
            lowContrast.push(
              `${ratio.toFixed(2)}:1 ${inSvg ? style.fill : style.color} "${own.slice(0, 40)}"`,
            );
          }
        }
        // Data marks (WCAG 1.4.11): points, bars, rules and lines at 3:1 against the white
        // chart background. Regions (area marks, rect bands such as significance contours) are
        // backgrounds for the marks, and see-through bands are exempt.
        const lowContrastMarks: string[] = [];
        for (const mark of doc.querySelectorAll(
          'svg [role="graphics-symbol"]:is([aria-roledescription="point"], [aria-roledescription="bar"], [aria-roledescription="rule mark"], [aria-roledescription="line mark"], [aria-roledescription="tick"])',
        )) {
          if (!visible(mark)) continue;
          const style = win.getComputedStyle(mark);
          if (Number(style.opacity) < 1 || Number(style.fillOpacity) < 1) continue;
          // A light fill with a 3:1 outline passes: the outline draws the shape.
          const outline = style.stroke !== 'none' && Number.parseFloat(style.strokeWidth) > 0;
          const paint = (outline ? rgb(style.stroke) : null) ?? rgb(style.fill);
          if (!paint) continue;
          const ratio = 1.05 / (luminance(paint) + 0.05);
          const key = `${style.fill}|${style.stroke}`;
          if (ratio < 3 && !seen.has(key)) {
            seen.add(key);
            lowContrastMarks.push(`${ratio.toFixed(2)}:1 ${style.fill} ${style.stroke}`);
          }
        }
        return {
          fontWidth,
          charts,
          lowContrastMarks,
          overflow: doc.documentElement.scrollWidth - doc.documentElement.clientWidth,
          lowContrast,
          headings: [...doc.querySelectorAll('h1, h2, figcaption, td, th')].map((e: any) =>
            String(e.textContent ?? ''),
          ),
        };
      },
      { minContrast: MIN_CONTRAST },
    );
    Object.assign(report, measured);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, artifactName(file, width)), fullPage: true });
    await page.close();
    return report;
  }

  for (const width of WIDTHS) {
    it(`at ${width} px: no console errors or requests, no sideways scrolling, chart text inside its SVG and at least ${MIN_CHART_TEXT_PX} px, text contrast ≥ ${MIN_CONTRAST}:1`, async () => {
      expect.soft(pages.length).toBeGreaterThanOrEqual(3);
      for (const file of pages) {
        const report = await open(file, width);
        const where = `${basename(file)} at ${width} px`;
        expect
          .soft({
            file,
            errors: report.consoleErrors,
            requests: report.requests,
            dialogs: report.dialogs,
          })
          .toEqual({ file, errors: [], requests: [], dialogs: [] });
        expect.soft(report.overflow, `${where}: page wider than the screen`).toBeLessThanOrEqual(0);
        expect.soft(report.lowContrast, `${where}: text below WCAG AA contrast`).toEqual([]);
        expect.soft(report.lowContrastMarks, `${where}: marks below 3:1`).toEqual([]);
        if (!file.endsWith('index.html'))
          expect.soft(report.charts.length, where).toBeGreaterThan(0);
        // The embedded subset is the font of the width table the layout was measured with.
        expect.soft(report.fontWidth, `${where}: embedded font`).not.toBeNull();
        // Table widths are rounded per character: up to 0.5 per mille each (DejaVu would be ~12 % wider).
        expect
          .soft(
            Math.abs((report.fontWidth ?? 0) - EXPECTED_FONT_WIDTH),
            `${where}: embedded font width`,
          )
          .toBeLessThan(8);
        for (const chart of report.charts) {
          expect.soft(chart.width, `${where} ${chart.id}`).toBeGreaterThan(0);
          expect.soft(chart.height, `${where} ${chart.id}`).toBeGreaterThan(0);
          expect.soft(chart.texts, `${where} ${chart.id}: text labels checked`).toBeGreaterThan(3);
          expect.soft(chart.outside, `${where} ${chart.id}: labels outside the SVG`).toEqual([]);
          expect
            .soft(chart.minFont, `${where} ${chart.id}: smallest chart text "${chart.minFontText}"`)
            .toBeGreaterThanOrEqual(MIN_CHART_TEXT_PX - 0.01);
        }
        expect.soft(existsSync(join(ARTIFACTS, artifactName(file, width))), where).toBe(true);
      }
    }, 300_000);
  }

  it('prints a report on A4 with margins, a running header and footer, and no half-empty pages', async () => {
    const file = pages.find((f) => basename(f) === 'rapami.html') ?? pages[0];
    const page = await context.newPage();
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    await page.close();
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, `${basename(file, '.html')}.pdf`), pdf);
    const printed = pdfTextPositions(pdf);
    expect(printed.length, 'pages').toBeGreaterThan(1);
    const mm = 72 / 25.4;
    // The page CSS: @page { size: A4; margin: 20mm 16mm 22mm }.
    const margin = { top: 20 * mm, right: 16 * mm, bottom: 22 * mm, left: 16 * mm };
    for (const [i, p] of printed.entries()) {
      const where = `page ${i + 1} of ${printed.length}`;
      expect([Math.round(p.width / mm), Math.round(p.height / mm)], `${where}: A4`).toEqual([
        210, 297,
      ]);
      const header = p.texts.filter((t) => t.y < margin.top);
      const footer = p.texts.filter((t) => t.y > p.height - margin.bottom);
      const body = p.texts.filter((t) => t.y >= margin.top && t.y <= p.height - margin.bottom);
      expect(header.length, `${where}: running header (title)`).toBeGreaterThan(0);
      // Bottom left the build id, bottom right "Page n of N".
      expect(
        footer.some((t) => t.x < p.width / 2),
        `${where}: build id`,
      ).toBe(true);
      expect(
        footer.some((t) => t.x > p.width / 2),
        `${where}: page number`,
      ).toBe(true);
      for (const t of p.texts) {
        expect(t.x, `${where}: text left of the left margin`).toBeGreaterThanOrEqual(
          margin.left - 1,
        );
        expect(t.x, `${where}: text right of the right margin`).toBeLessThanOrEqual(
          p.width - margin.right + 1,
        );
      }
      expect(body.length, `${where}: empty page`).toBeGreaterThan(0);
      // Every page but the last is filled at least half way down (no half-empty pages).
      if (i < printed.length - 1)
        expect(Math.max(...body.map((t) => t.y)), `${where}: half-empty page`).toBeGreaterThan(
          p.height / 2,
        );
    }
  }, 120_000);

  it('shows the XSS sample as text without running it', async () => {
    const report = await open(pages[pages.length - 1], 1280);
    expect(report.dialogs).toEqual([]);
    expect(report.headings[0]).toBe('XSS sample <script>alert(1)</script>');
    expect(report.headings).toContain('<script>alert(1)</script>');
  }, 60_000);
});

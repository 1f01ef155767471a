import { describe, expect, it } from 'vitest';
import { buildReportHtml, bundledSpecFiles, loadSpecs } from '../../src/report/build.js';
import { loadReportDataset, reportDatasetNames } from '../../src/report/bundled-datasets.js';

/** Every forest plot of the bundled reports, as rendered SVG. */
async function bundledForests(): Promise<{ report: string; svg: string }[]> {
  const specs = loadSpecs(bundledSpecFiles(), reportDatasetNames());
  const out: { report: string; svg: string }[] = [];
  for (const spec of specs) {
    const { html } = await buildReportHtml(spec, loadReportDataset);
    for (const [svg] of html.matchAll(/<svg[\s\S]*?<\/svg>/g))
      if (/<desc[^>]*>Forest plot of/.test(svg)) out.push({ report: spec.file, svg });
  }
  return out;
}

describe('every forest plot of the bundled reports is laid out as RevMan lays it out', () => {
  it('has a header row with the effect column headed by its interval, and no unlabelled numbers', async () => {
    const forests = await bundledForests();
    expect(forests.length).toBeGreaterThanOrEqual(12);
    for (const { report, svg } of forests) {
      const bold = [...svg.matchAll(/font-weight="bold"[^>]*>([^<]*)</g)].map((m) => m[1]);
      expect(
        bold.some((t) => /CI\b/.test(t)),
        `${report}: effect column header`,
      ).toBe(true);
      // no "estimate (lo to hi) weight%" glued together in one text
      expect(svg, report).not.toMatch(/\)\s+\d+(\.\d+)?%</);
      // no ratio printed for a table without events in either arm
      expect(svg, report).not.toContain('0.0313 to 71.8');
    }
  }, 120_000);
});

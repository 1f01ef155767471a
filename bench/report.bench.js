// Report benchmark: build time of all bundled reports, and per-chart render time of this
// package's in-process renderer compared, in the same run, with vega-lite's `vl2svg` CLI
// on the same Vega-Lite specs (taken from the built pages). Rows follow bench/run.js:
// `reference` names the row compared with, `ratio` = value / reference value (below 1 = faster). vl2svg starts a Node process per chart, so its time includes
// start-up and module loading; that is the cost a build pays when it shells out to it.
// Run: npm run build && node bench/report.bench.js
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { buildReports, bundledSpecFiles } from '../dist/report/build.js';
import { loadReportDataset, reportDatasetNames } from '../dist/report/bundled-datasets.js';
import { renderSvg } from '../dist/report/render.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const VL2SVG = join(root, 'node_modules', '.bin', 'vl2svg');

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function timeAsync(fn, repeats) {
  const times = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

function embeddedSpecs(html) {
  const specs = [];
  for (const match of html.matchAll(
    /<script type="application\/json" id="([^"]+)-vega-lite">([\s\S]*?)<\/script>/g,
  )) {
    const embedded = JSON.parse(match[2]);
    specs.push({ id: match[1], chart: embedded.chart, spec: embedded.vegaLite });
  }
  return specs;
}

export async function run({ repeats = 3, referenceRepeats = 1 } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'trialstat-bench-report-'));
  const rows = [];
  try {
    const specFiles = bundledSpecFiles();
    const knownDatasets = reportDatasetNames();
    // First build warms vega's lazy import; the median of the following is reported.
    const built = await buildReports({
      specFiles,
      outDir: join(dir, 'warm'),
      loadDataset: loadReportDataset,
      knownDatasets,
    });
    const buildMs = await timeAsync(
      () =>
        buildReports({
          specFiles,
          outDir: join(dir, 'out'),
          loadDataset: loadReportDataset,
          knownDatasets,
        }),
      repeats,
    );

    // One chart of each type (the first built): vl2svg starts a process per chart (~0.5–1 s),
    // so comparing all charts would take the run past the ~30 s budget of bench/run.js.
    const allCharts = built.flatMap((report) =>
      embeddedSpecs(readFileSync(report.file, 'utf8')).map((c) => ({ ...c, report: report.name })),
    );
    const charts = allCharts.filter(
      (c, i) => allCharts.findIndex((d) => d.chart === c.chart) === i,
    );
    let oursTotal = 0;
    let theirsTotal = 0;
    const perChart = [];
    for (const [index, chart] of charts.entries()) {
      const ours = await timeAsync(
        () =>
          renderSvg(chart.spec, { idPrefix: 'b', title: chart.chart, description: chart.chart }),
        repeats,
      );
      const file = join(dir, `chart-${index}.vl.json`);
      writeFileSync(file, JSON.stringify(chart.spec));
      const theirs = await timeAsync(async () => {
        execFileSync(VL2SVG, [file, join(dir, `chart-${index}.svg`)], {
          stdio: ['ignore', 'ignore', 'ignore'],
        });
      }, referenceRepeats);
      oursTotal += ours;
      theirsTotal += theirs;
      const name = `${chart.report} ${chart.id} (${chart.chart})`;
      perChart.push(
        {
          name: `vl2svg CLI: ${name}`,
          value: theirs,
          unit: 'ms',
          reference: `vl2svg CLI: ${name}`,
          ratio: 1,
        },
        {
          name: `renderSvg: ${name}`,
          value: ours,
          unit: 'ms',
          reference: `vl2svg CLI: ${name}`,
          ratio: ours / theirs,
        },
      );
    }
    const totalRef = `vl2svg CLI: ${charts.length} charts, one of each type`;
    rows.push(
      { name: totalRef, value: theirsTotal, unit: 'ms', reference: totalRef, ratio: 1 },
      {
        name: `renderSvg: ${charts.length} charts, one of each type`,
        value: oursTotal,
        unit: 'ms',
        reference: totalRef,
        ratio: oursTotal / theirsTotal,
      },
      // A whole build (analyses, every chart, HTML) against vl2svg rendering only the sample.
      {
        name: `build ${built.length} bundled reports (${allCharts.length} charts, analyses, HTML)`,
        value: buildMs,
        unit: 'ms',
        reference: totalRef,
        ratio: buildMs / theirsTotal,
      },
      ...perChart,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const rows = await run();
  for (const row of rows)
    console.log(
      `${row.name}: ${row.value.toFixed(1)} ${row.unit} (ratio ${row.ratio.toFixed(3)} to ${row.reference})`,
    );
}

import { resolve } from 'node:path';
import type { Command } from 'commander';
import { ANALYSES } from '../../report/analyses/index.js';
import { CHARTS } from '../../report/charts/index.js';
import type { CliContext } from '../context.js';

/** `trialstat report [spec...] [--out DIR] [--timestamp]`: builds report specs into HTML. */
export function registerReport(program: Command, context: CliContext): void {
  program
    .command('report')
    .description('build HTML reports from report specs (default: every bundled report) into one folder with an index.html')
    .argument('[spec...]', 'report spec files (.yaml, .yml or .json); none = all bundled specs in reports/')
    .option('--out <dir>', 'output folder', 'reports/build')
    .option('--timestamp', 'print the build time in each page (output is otherwise byte-identical between builds)')
    .addHelpText(
      'after',
      `
Exit codes: 0 built, 1 an analysis failed (earlier outputs are left intact), 2 a bad spec or dataset.

A spec (YAML or JSON) has title, summary and sections; each section names datasets,
analyses (id, type, dataset, options), charts (type, analysis, title, ...) and tables.
Analyses: ${[...ANALYSES.keys()].join(', ')}
Charts:   ${[...CHARTS.keys()].join(', ')}

Examples:
  $ trialstat report
  $ trialstat report reports/rapami.yaml --out /tmp/reports
  $ npm run report`,
    )
    .action(async (specs: string[], options: { out: string; timestamp?: boolean }) => {
      const { io } = context;
      // vega and the report modules load only when a report is built.
      const [{ buildReports, bundledSpecFiles }, { loadReportDataset, reportDatasetNames }] = await Promise.all([
        import('../../report/build.js'),
        import('../../report/bundled-datasets.js'),
      ]);
      const specFiles = specs.length > 0 ? specs.map((s) => resolve(io.cwd, s)) : bundledSpecFiles();
      const built = await buildReports({
        specFiles,
        outDir: resolve(io.cwd, options.out),
        loadDataset: loadReportDataset,
        knownDatasets: reportDatasetNames(),
        ...(options.timestamp ? { timestamp: new Date().toISOString() } : {}),
        ...(io.stderrIsTTY && specFiles.length > 1 ? { onProgress: (message: string) => io.stderr(`${message}\n`) } : {}),
      });
      for (const report of built) {
        io.stdout(`${report.file}${report.warnings.length ? ` (${report.warnings.length} warning${report.warnings.length === 1 ? '' : 's'})` : ''}\n`);
      }
      io.stdout(`${resolve(io.cwd, options.out, 'index.html')}\n`);
    });
}

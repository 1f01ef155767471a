import { resolve } from 'node:path';
import { formatJson } from '../../format/json.js';
import type { Command } from 'commander';
import { ANALYSES } from '../../report/analyses/index.js';
import { CHARTS } from '../../report/charts/index.js';
import type { CliContext } from '../context.js';
import { writeWarnings } from '../messages.js';

/** `trialstat report [spec...] [--out DIR] [--timestamp]`: builds report specs into HTML. */
export function registerReport(program: Command, context: CliContext): void {
  program
    .command('report')
    .description(
      'build HTML reports from report specs (default: every bundled report) into one folder with an index.html',
    )
    .argument(
      '[spec...]',
      'report spec files (.yaml, .yml or .json); none = all bundled specs in reports/',
    )
    .option('--out <dir>', 'output folder', 'reports/build')
    .option(
      '--timestamp',
      'print the build time in each page (output is otherwise byte-identical between builds)',
    )
    .option(
      '--quiet',
      'do not print the warnings of each report on stderr (they stay in the pages)',
    )
    .option(
      '--json',
      'print { reports: [{ name, title, file, warnings }], index } as JSON (warnings not printed)',
    )
    .addHelpText(
      'after',
      `
Exit codes: 0 built, 1 an analysis failed, 2 a bad spec or dataset, an option that selects
nothing, or an output folder that cannot be written. A build is all-or-nothing: on any
failure the previous build in --out is left as it was.

Warnings (a zero cell corrected, a row left out) are printed on stderr as
"warning: <report>: <section>: ..." and shown in the page; --quiet hides them here.

A spec (YAML or JSON) has title, summary and sections; each section names datasets,
analyses (id, type, dataset, options), charts (type, analysis, title, ...) and tables.
Datasets are bundled names or paths relative to the spec: a dataset folder (./my-trial),
a table file listed in a dataset.json beside it, or { file: arms.csv, kind: arm-binary };
each is validated as strictly as a bundled dataset.
Analyses: ${[...ANALYSES.keys()].join(', ')}
Charts:   ${[...CHARTS.keys()].join(', ')}

Examples:
  $ trialstat report
  $ trialstat report reports/rapami.yaml --out /tmp/reports
  $ trialstat report reports/rapami.yaml --out /tmp/reports --quiet --json
  $ npm run report`,
    )
    .action(
      async (
        specs: string[],
        options: { out: string; timestamp?: boolean; quiet?: boolean; json?: boolean },
      ) => {
        const { io } = context;
        // vega and the report modules load only when a report is built.
        const [{ buildReports, bundledSpecFiles }, { loadReportDataset, reportDatasetNames }] =
          await Promise.all([
            import('../../report/build.js'),
            import('../../report/bundled-datasets.js'),
          ]);
        const specFiles =
          specs.length > 0 ? specs.map((s) => resolve(io.cwd, s)) : bundledSpecFiles();
        const built = await buildReports({
          specFiles,
          outDir: resolve(io.cwd, options.out),
          loadDataset: loadReportDataset,
          knownDatasets: reportDatasetNames(),
          ...(options.timestamp ? { timestamp: new Date().toISOString() } : {}),
          ...(io.stderrIsTTY && specFiles.length > 1
            ? { onProgress: (message: string) => io.stderr(`${message}\n`) }
            : {}),
        });
        const index = resolve(io.cwd, options.out, 'index.html');
        if (options.json) {
          io.stdout(
            formatJson({
              reports: built.map(({ name, title, file, warnings }) => ({
                name,
                title,
                file,
                warnings,
              })),
              index,
            }),
          );
          return;
        }
        for (const report of built) {
          io.stdout(
            `${report.file}${report.warnings.length ? ` (${report.warnings.length} warning${report.warnings.length === 1 ? '' : 's'})` : ''}\n`,
          );
        }
        io.stdout(`${index}\n`);
        if (!options.quiet)
          writeWarnings(
            io,
            built.flatMap((report) => report.warnings.map((w) => `${report.name}: ${w}`)),
          );
      },
    );
}

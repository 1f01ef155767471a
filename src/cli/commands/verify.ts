import { resolve } from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import type { CliContext } from '../context.js';
import { formatJson } from '../../format/json.js';
import { writeNotes } from '../messages.js';

/** `trialstat verify <report.html...>`: recompute every number of built reports. */
export function registerVerify(program: Command, context: CliContext): void {
  program
    .command('verify')
    .description(
      'recompute every number in built reports from the inputs they embed; exit 1 if any has drifted',
    )
    .argument('<report...>', 'HTML reports built by trialstat report')
    .option(
      '--json',
      'print one { file, verified, numbers, drifts, structure, builtWith, verifiedWith } per report',
    )
    .addHelpText(
      'after',
      `
Each report embeds its spec, the dataset rows it was built from and the versions used.
verify rebuilds the page from them with this trialstat and compares every number, in
tables, text, chart drawings and embedded chart data. A changed digit, or a result that
this version computes differently, is reported with where it is.

Examples:
  $ trialstat verify reports/build/rapami.html
  $ trialstat verify reports/build/*.html --json`,
    )
    .action(async (files: string[], options: { json?: boolean }) => {
      const { io } = context;
      const [{ verifyReportHtml }, { readBytes }, { decodeText }] = await Promise.all([
        import('../../report/verify.js'),
        import('../../data/read-table-file.js'),
        import('../../data/decode-text.js'),
      ]);
      const results = [];
      const skipped: string[] = [];
      for (const file of files) {
        const html = decodeText(await readBytes(resolve(io.cwd, file), file), file);
        // `reports/build/*.html` includes index.html, which has nothing to verify.
        if (files.length > 1 && !html.includes('id="trialstat-manifest"')) {
          skipped.push(file);
          writeNotes(io, [
            `skipped ${file}: no trialstat manifest in it (an index page, or not built by trialstat report)`,
          ]);
          continue;
        }
        const result = await verifyReportHtml(html, file);
        results.push({ file, ...result });
        if (!result.verified) context.setExitCode(1);
        if (options.json) continue;
        const versions =
          result.builtWith === result.verifiedWith
            ? ''
            : ` (built with trialstat ${result.builtWith}, verified with ${result.verifiedWith})`;
        if (result.verified) {
          io.stdout(`${file}: verified — all ${result.numbers} numbers reproduced${versions}\n`);
          continue;
        }
        io.stdout(
          `${file}: DRIFTED — ${result.drifts.length} of ${result.numbers} numbers differ${versions}\n`,
        );
        for (const drift of result.drifts.slice(0, 20)) {
          io.stdout(
            `  ${drift.location}: ${drift.inReport} in the report, ${drift.recomputed} recomputed (after "${drift.context}")\n`,
          );
        }
        if (result.drifts.length > 20) io.stdout(`  … and ${result.drifts.length - 20} more\n`);
        if (result.structure) io.stdout(`  ${result.structure}\n`);
      }
      if (results.length === 0)
        throw new InputError(
          'report',
          skipped.join(', '),
          'at least one report built by trialstat report (each embeds a trialstat-manifest)',
        );
      if (options.json)
        io.stdout(formatJson(results.length === 1 && files.length === 1 ? results[0] : results));
    });
}

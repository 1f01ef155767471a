import { readFileSync } from 'node:fs';
import { formatJson } from '../../format/json.js';
import { extname, resolve } from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { renderTable, type Column } from '../../format/table.js';
import { writeFileAtomic } from '../../io/write-atomic.js';
import { scanText } from '../../scan/scan-text.js';
import type { DocumentFormat, ScanFinding, ScanLocale } from '../../scan/types.js';
import type { CliContext } from '../context.js';
import { choice } from '../options.js';

const VERDICT_TEXT: Record<ScanFinding['verdict'], string> = {
  consistent: 'consistent',
  rounding: 'rounding only',
  inconsistent: 'INCONSISTENT',
  'not-checked': 'not checked',
};

/** `trialstat scan <file | ->`: find and check every checkable figure in a document. */
export function registerScan(program: Command, context: CliContext): void {
  program
    .command('scan')
    .description(
      'find every checkable figure in a trial report, abstract or press release and check it; exit 1 if any is inconsistent',
    )
    .argument('<file>', 'a plain-text, Markdown or HTML document, or - for standard input')
    .option(
      '--format <format>',
      'text, markdown, html or auto (from the file extension, then the content)',
      choice(['auto', 'text', 'markdown', 'html'] as const),
      'auto',
    )
    .option(
      '--locale <locale>',
      'number conventions: en, fr (decimal comma) or auto',
      choice(['auto', 'en', 'fr'] as const),
      'auto',
    )
    .option('--json', 'print { file, locale, format, summary, findings } as JSON')
    .option(
      '--html <out>',
      'also write a self-contained HTML page: the document with each figure highlighted by verdict and explained',
    )
    .addHelpText(
      'after',
      `
Finds percentages with counts ("10/22 (45 %)", "45 % of 22", "4 (11 %) in the 150 mg
group" with the arm size stated elsewhere), estimates with CIs and p ("HR 0.72
(0.61–0.85)", "MD −16.3 (95 % CI −20.4 to −12.1), p < 0.0001"), test statistics
("t(28) = 2.20, p = .03"), means with SD and n on integer scores (GRIM/GRIMMER), arm
sizes vs the randomised total, verbal fractions ("half of 55") and shares that must
sum to 100 %. Verdicts: consistent, rounding (only if truncated), inconsistent, not
checked (with the reason). French conventions (decimal comma, "IC 95 %",
"p=0,038", thin spaces) are detected.

Examples:
  $ trialstat scan documents/rapami-final-results.txt
  $ trialstat scan examples/abstract.html --html scan.html
  $ echo "t(28) = 2.20, p = .03" | trialstat scan - --json   # exit 1: inconsistent`,
    )
    .action(
      async (
        file: string,
        options: {
          format: 'auto' | DocumentFormat;
          locale: 'auto' | ScanLocale;
          json?: boolean;
          html?: string;
        },
      ) => {
        const { io } = context;
        let source: string;
        if (file === '-') source = await io.readStdin();
        else {
          try {
            source = readFileSync(resolve(io.cwd, file), 'utf8');
          } catch {
            throw new InputError('file', file, 'a readable text, Markdown or HTML file');
          }
        }
        if (source.includes('\u0000'))
          throw new InputError(
            'file',
            file,
            'a text document (this one contains NUL bytes: binary?)',
          );
        const format = options.format !== 'auto' ? options.format : formatFromName(file);
        const result = scanText(source, {
          format,
          locale: options.locale === 'auto' ? undefined : options.locale,
        });
        const name = file === '-' ? '<stdin>' : file;
        if (options.html) {
          const { scanPage } = await import('../../report/scan-page.js');
          writeFileAtomic(resolve(io.cwd, options.html), scanPage(source, result, { name }));
        }
        if (result.summary.inconsistent > 0) context.setExitCode(1);
        if (options.json) {
          io.stdout(formatJson({ file: name, ...result }));
          return;
        }
        const columns: Column<ScanFinding>[] = [
          { header: 'where', text: (f) => `${f.line}:${f.column}` },
          { header: 'kind', text: (f) => f.kind },
          { header: 'figure', text: (f) => clip(f.text.replace(/\s+/g, ' '), 48) },
          { header: 'verdict', text: (f) => VERDICT_TEXT[f.verdict] },
          { header: 'why', text: (f) => f.reason },
        ];
        const s = result.summary;
        if (result.findings.length > 0) io.stdout(renderTable(result.findings, columns, 'table'));
        io.stdout(
          `${name}: ${s.findings} figure${s.findings === 1 ? '' : 's'} found — ${s.consistent} consistent, ${s.rounding} consistent only through rounding, ${s.inconsistent} inconsistent, ${s.notChecked} not checked (${result.format}, ${result.locale})\n`,
        );
        if (options.html) io.stdout(`wrote ${options.html}\n`);
      },
    );
}

function formatFromName(file: string): DocumentFormat | undefined {
  const extension = extname(file).toLowerCase();
  if (extension === '.html' || extension === '.htm' || extension === '.xhtml') return 'html';
  if (extension === '.md' || extension === '.markdown') return 'markdown';
  if (extension === '.txt') return 'text';
  return undefined;
}

function clip(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

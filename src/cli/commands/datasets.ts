import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { renderTable, TABLE_FORMATS, type Column, type TableFormat } from '../../format/table.js';
// Specific modules, not data/index.js: keeps arquero out of the CLI's start-up.
import {
  bundledDatasetNames,
  loadDataset,
  type Dataset,
  type LoadedTable,
} from '../../data/load-dataset.js';
import type { RowMeta } from '../../data/schema.js';
import { choice } from '../options.js';
import type { CliContext } from '../context.js';
import { formatJson } from '../../format/json.js';

/** One line of `trialstat datasets --json` (field names are a contract). */
export interface DatasetSummary {
  name: string;
  title: string;
  kinds: string[];
  rows: number;
  sources: number;
  files: { path: string; kind: string; rows: number }[];
}

export function summarizeDataset(dataset: Dataset): DatasetSummary {
  const files = dataset.tables.map((table) => ({
    path: table.file.split('/').pop() ?? table.file,
    kind: table.kind,
    rows: table.table.rows.length,
  }));
  return {
    name: dataset.name,
    title: dataset.meta.title,
    kinds: [...new Set(files.map((file) => file.kind))],
    rows: files.reduce((sum, file) => sum + file.rows, 0),
    sources: dataset.meta.sources.length,
    files,
  };
}

const LIST_COLUMNS: Column<DatasetSummary>[] = [
  { header: 'name', text: (d) => d.name },
  { header: 'title', text: (d) => d.title },
  { header: 'kinds', text: (d) => d.kinds.join(', '), value: (d) => d.kinds.join(';') },
  { header: 'rows', text: (d) => String(d.rows), value: (d) => d.rows, align: 'right' },
  { header: 'sources', text: (d) => String(d.sources), value: (d) => d.sources, align: 'right' },
];

export function registerDatasets(program: Command, context: CliContext): void {
  const { io } = context;
  const datasets = program
    .command('datasets')
    .description('list the bundled datasets (name, title, kinds, rows, sources), or show one')
    .option('--json', 'print the list as JSON')
    .action(async (options: { json?: boolean }) => {
      const summaries: DatasetSummary[] = [];
      for (const name of bundledDatasetNames())
        summaries.push(summarizeDataset(await loadDataset(name)));
      if (options.json) io.stdout(formatJson(summaries));
      else if (summaries.length === 0) io.stdout('No bundled datasets.\n');
      else io.stdout(renderTable(summaries, LIST_COLUMNS, 'table'));
    });
  datasets.addHelpText(
    'after',
    `
Examples:
  $ trialstat datasets
  $ trialstat datasets --json
  $ trialstat datasets show rapami
  $ trialstat datasets show rapami --file arms-binary.csv --format csv`,
  );

  datasets
    .command('show')
    .description('print the tables of a dataset (a bundled name or a dataset folder)')
    .argument('<name>', 'bundled dataset name or dataset folder')
    .option('--file <file>', 'only this table file of the dataset (e.g. arms.csv)')
    .option(
      '--format <format>',
      `output format: ${TABLE_FORMATS.join(', ')}`,
      choice(TABLE_FORMATS),
      'table' as TableFormat,
    )
    .action(async (name: string, options: { file?: string; format: TableFormat }) => {
      const dataset = await loadDataset(name, { cwd: io.cwd });
      const tables = selectTables(dataset, options.file);
      io.stdout(showTables(dataset, tables, options.format));
    })
    .addHelpText(
      'after',
      `
Numbers print as in the source file (18.80 stays 18.80); csv and json need --file when
the dataset has several tables, except json, which then prints one entry per file.

Examples:
  $ trialstat datasets show rapami
  $ trialstat datasets show rapami --file comparisons.csv --format md
  $ trialstat datasets show ./examples/my-dataset --file arms.csv --format json`,
    );
}

function selectTables(dataset: Dataset, file: string | undefined): readonly LoadedTable[] {
  if (file === undefined) return dataset.tables;
  const match = dataset.tables.filter((table) => table.file.split('/').pop() === file);
  if (match.length === 0) {
    throw new InputError(
      '--file',
      file,
      `a file of ${dataset.name}: ${dataset.tables.map((t) => t.file.split('/').pop()).join(', ')}`,
    );
  }
  return match;
}

function showTables(dataset: Dataset, tables: readonly LoadedTable[], format: TableFormat): string {
  if (tables.length === 1) return renderTable(tables[0].table.rows, columnsOf(tables[0]), format);
  if (format === 'csv') {
    throw new InputError(
      '--file',
      undefined,
      `one file for csv output: ${tables.map((t) => t.file.split('/').pop()).join(', ')}`,
    );
  }
  if (format === 'json') {
    const entries = tables.map((table) => ({
      file: table.file.split('/').pop(),
      kind: table.kind,
      rows: JSON.parse(renderTable(table.table.rows, columnsOf(table), 'json')) as unknown,
    }));
    return formatJson({ name: dataset.name, title: dataset.meta.title, tables: entries });
  }
  const heading = (table: LoadedTable): string => {
    const title = `${table.file.split('/').pop()} (${table.kind}, ${table.table.rows.length} rows)`;
    return format === 'md' ? `### ${title}\n\n` : `${title}\n`;
  };
  return tables
    .map((table) => heading(table) + renderTable(table.table.rows, columnsOf(table), format))
    .join('\n');
}

/** A row's value in a column named at run time (rows are typed per kind, columns are not). */
const cell = (row: RowMeta, name: string): unknown => Reflect.get(row, name);

/** The file's columns in file order; human formats print numbers as printed in the file. */
function columnsOf(table: LoadedTable): Column<RowMeta>[] {
  return table.table.columns.map((name) => ({
    header: name,
    text: (row: RowMeta) => row.$printed[name] ?? String(cell(row, name) ?? ''),
    value: (row: RowMeta) => cell(row, name),
    align: row0IsNumber(table, name) ? 'right' : 'left',
  }));
}

function row0IsNumber(table: LoadedTable, name: string): boolean {
  return table.table.rows.some((row) => name in row.$printed);
}

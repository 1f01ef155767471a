#!/usr/bin/env node
/**
 * Benchmark runner: `npm run bench` (builds, then runs `node bench/run.js [filter]`).
 *
 * Runs every `bench/*.bench.js` file (or those whose name contains `filter`) and prints
 * one table of results. Results are ratios against a reference measured in the same run
 * on the same machine, so they compare across machines and under load.
 *
 * Adding a benchmark (other helpers): create `bench/<area>.bench.js`, plain ESM JS that
 * imports the compiled code from `../dist/...js` (no TS loader), and export
 *
 *   export async function run() {
 *     return [
 *       // one row per measurement; the reference itself has ratio 1
 *       { name: 'csv-parse alone: time', value: 210, unit: 'ms', reference: 'csv-parse alone: time', ratio: 1 },
 *       { name: 'parseTable arm-binary: time', value: 420, unit: 'ms', reference: 'csv-parse alone: time', ratio: 2.0 },
 *     ];
 *   }
 *
 * `reference` names the row it is compared with, `ratio` = value / reference value
 * (lower is better for time and memory). Keep a run under ~30 s: the machine is shared.
 * Helpers for timing and peak memory in a fresh process are in bench/measure.js.
 * The runner also writes bench/results/latest.json (git-ignored).
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2] ?? '';
const files = readdirSync(here)
  .filter((name) => name.endsWith('.bench.js') && name.includes(filter))
  .sort();

const all = [];
let failed = false;
for (const file of files) {
  const started = Date.now();
  process.stderr.write(`bench: ${file} ...\n`);
  try {
    const module = await import(pathToFileURL(join(here, file)).href);
    if (typeof module.run !== 'function') throw new Error('exports no run() function');
    const rows = await module.run();
    for (const row of rows) all.push({ file, ...row });
    process.stderr.write(
      `bench: ${file} done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
  } catch (error) {
    failed = true;
    process.stderr.write(
      `bench: ${file} failed: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
  }
}

const columns = [
  ['file', (r) => r.file],
  ['name', (r) => r.name],
  ['value', (r) => formatValue(r.value), 'right'],
  ['unit', (r) => r.unit],
  // Two significant digits below 0.1, so a 200× speed-up does not print as 0.00.
  [
    'ratio',
    (r) =>
      Number.isFinite(r.ratio)
        ? Math.abs(r.ratio) >= 0.1
          ? r.ratio.toFixed(2)
          : r.ratio.toPrecision(2)
        : '—',
    'right',
  ],
  ['reference', (r) => r.reference ?? '—'],
];
const cells = all.map((row) => columns.map(([, get]) => String(get(row))));
const widths = columns.map(([header], i) =>
  Math.max(header.length, ...cells.map((row) => row[i].length)),
);
const line = (values) =>
  values
    .map((value, i) =>
      columns[i][2] === 'right' ? value.padStart(widths[i]) : value.padEnd(widths[i]),
    )
    .join('  ')
    .trimEnd();
process.stdout.write(
  [
    line(columns.map(([header]) => header)),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...cells.map(line),
  ].join('\n') + '\n',
);

mkdirSync(join(here, 'results'), { recursive: true });
const latest = { node: process.version, date: new Date().toISOString(), results: all };
writeFileSync(join(here, 'results', 'latest.json'), JSON.stringify(latest, null, 2) + '\n');
// A full, successful run rewrites the README's benchmark table (a filtered run does not).
if (filter === '' && !failed) {
  const { writeReadmeTable } = await import('./readme-table.js');
  writeReadmeTable(latest);
  process.stderr.write('bench: README.md benchmark table rewritten\n');
}
process.exitCode = failed || files.length === 0 ? 1 : 0;

function formatValue(value) {
  if (!Number.isFinite(value)) return String(value);
  return Math.abs(value) >= 100
    ? value.toFixed(0)
    : Math.abs(value) >= 1
      ? value.toFixed(1)
      : value.toPrecision(2);
}

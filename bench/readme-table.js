#!/usr/bin/env node
/**
 * Writes the benchmark table into README.md between the markers
 * `<!-- bench:start -->` and `<!-- bench:end -->`, from bench/results/latest.json (written by
 * `npm run bench`). bench/run.js calls it after a full run; run it by hand to rewrite the table
 * from the last results: `node bench/readme-table.js`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

function cell(value, unit) {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const digits =
    Math.abs(value) >= 100
      ? value.toFixed(0)
      : Math.abs(value) >= 1
        ? value.toFixed(1)
        : value.toPrecision(2);
  return `${digits} ${unit}`;
}

function ratio(r) {
  if (!Number.isFinite(r)) return '—';
  return Math.abs(r) >= 0.1 ? `${r.toFixed(2)}×` : `${r.toPrecision(2)}×`;
}

/** The Markdown table: one row per measurement that has a reference in the same run. */
export function benchTable(latest) {
  const machine = cpus();
  const rows = latest.results.filter((r) => Number.isFinite(r.ratio) && r.ratio !== 1);
  const escape = (text) => String(text).replace(/\|/g, '\\|');
  return [
    `Measured by \`npm run bench\` on ${latest.date.slice(0, 10)}: ${machine.length} × ${machine[0]?.model.trim() ?? 'unknown CPU'}, Node ${latest.node}.`,
    'Ratios are trialstat ÷ the reference measured in the same run (below 1 is faster or smaller;',
    'for rates such as trials/s, above 1 is faster). Absolute times depend on the machine; the ratios travel.',
    '',
    '| benchmark | trialstat | ratio | reference (same run) |',
    '|---|---:|---:|---|',
    ...rows.map(
      (r) =>
        `| ${escape(r.name)} | ${cell(r.value, r.unit)} | ${ratio(r.ratio)} | ${escape(typeof r.reference === 'number' ? cell(r.reference, r.unit) : (r.reference ?? '—'))}${r.note ? ` — ${escape(r.note).slice(0, 160)}` : ''} |`,
    ),
  ].join('\n');
}

export function writeReadmeTable(latest, readmePath = join(here, '..', 'README.md')) {
  const readme = readFileSync(readmePath, 'utf8');
  const a = readme.indexOf(START);
  const b = readme.indexOf(END);
  if (a === -1 || b === -1 || b < a) throw new Error(`README.md has no ${START} … ${END} section`);
  const next = `${readme.slice(0, a + START.length)}\n${benchTable(latest)}\n${readme.slice(b)}`;
  writeFileSync(readmePath, next);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  writeReadmeTable(JSON.parse(readFileSync(join(here, 'results', 'latest.json'), 'utf8')));
}

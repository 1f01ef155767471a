/**
 * Loading a 100 000-row arm-binary table: trialstat (validated, typed rows) against
 * csv-parse alone and JSON.parse alone on the same data, each in a fresh process.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureInChild } from './measure.js';

const ROWS = 100_000;
const MILLION = 1_000_000;
const worker = join(dirname(fileURLToPath(import.meta.url)), 'data-load.worker.js');

export async function run() {
  const dir = mkdtempSync(join(tmpdir(), 'trialstat-bench-'));
  try {
    const csvPath = join(dir, 'arms.csv');
    const jsonPath = join(dir, 'arms.json');
    const records = generate(ROWS);
    writeFileSync(
      csvPath,
      'trial,outcome,timepoint,arm,events,n,percent,source,derived\n' +
        records.map((r) => Object.values(r).join(',')).join('\n') +
        '\n',
    );
    writeFileSync(jsonPath, '[\n' + records.map((r) => JSON.stringify(r)).join(',\n') + '\n]\n');

    const measure = (variant, path, rows = ROWS) => {
      const result = measureInChild(worker, [variant, path]);
      if (result.rows !== rows)
        throw new Error(`${variant}: ${result.rows} rows, expected ${rows}`);
      return result;
    };
    const csvRef = measure('csv-parse', csvPath);
    const csvColumnsRef = measure('csv-parse-columns', csvPath);
    const jsonRef = measure('json-parse', jsonPath);
    const rows = [];
    const add = (name, result, refName, ref) => {
      rows.push({
        name: `${name}: time`,
        value: result.ms,
        unit: 'ms',
        reference: `${refName}: time`,
        ratio: result.ms / ref.ms,
      });
      rows.push({
        name: `${name}: peak memory`,
        value: result.peakMB,
        unit: 'MB',
        reference: `${refName}: peak memory`,
        ratio: result.peakMB / ref.peakMB,
      });
    };
    add('csv-parse/sync alone, 100k rows', csvRef, 'csv-parse/sync alone, 100k rows', csvRef);
    add(
      'readTableFile arm-binary CSV file',
      measure('trialstat-stream', csvPath),
      'csv-parse/sync alone, 100k rows',
      csvRef,
    );
    const text = measure('trialstat-text', csvPath);
    add('parseTable arm-binary CSV text', text, 'csv-parse/sync alone, 100k rows', csvRef);
    add(
      'csv-parse/sync columns + cast, 100k rows',
      csvColumnsRef,
      'csv-parse/sync columns + cast, 100k rows',
      csvColumnsRef,
    );
    // Target (issue 18): ≤ 1.5× csv-parse producing typed records, with every check still made.
    add(
      'parseTable arm-binary CSV text (vs typed csv-parse; target ≤ 1.5)',
      text,
      'csv-parse/sync columns + cast, 100k rows',
      csvColumnsRef,
    );
    add('JSON.parse alone, 100k rows', jsonRef, 'JSON.parse alone, 100k rows', jsonRef);
    // Target (issue 18): ≤ 3× JSON.parse.
    add(
      'parseTable arm-binary JSON text (target ≤ 3)',
      measure('trialstat-json', jsonPath),
      'JSON.parse alone, 100k rows',
      jsonRef,
    );
    // Scale: 10⁶ rows streamed from a file (constant memory per row), against csv-parse
    // producing typed records from the same file. BENCH_MILLION=0 skips it.
    if (process.env.BENCH_MILLION !== '0') {
      const bigPath = join(dir, 'arms-1e6.csv');
      writeFileSync(
        bigPath,
        'trial,outcome,timepoint,arm,events,n,percent,source,derived\n' +
          generate(MILLION)
            .map((r) => Object.values(r).join(','))
            .join('\n') +
          '\n',
      );
      const bigRef = measure('csv-parse-columns', bigPath, MILLION);
      add(
        'csv-parse/sync columns + cast, 10⁶ rows',
        bigRef,
        'csv-parse/sync columns + cast, 10⁶ rows',
        bigRef,
      );
      add(
        'readTableFile arm-binary CSV file, 10⁶ rows (streamed)',
        measure('trialstat-stream', bigPath, MILLION),
        'csv-parse/sync columns + cast, 10⁶ rows',
        bigRef,
      );
    }
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Deterministic arm-binary rows: unique (trial, outcome, timepoint, arm), events ≤ n, percent printed to 1 decimal. */
function generate(count) {
  const rows = [];
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = 0; i < count; i += 1) {
    const n = 10 + Math.floor(next() * 500);
    const events = Math.floor(next() * (n + 1));
    rows.push({
      trial: `T${Math.floor(i / 100)}`,
      outcome: i % 2 ? 'death' : 'serious adverse events',
      timepoint: 'month 12',
      arm: `arm ${i}`,
      events,
      n,
      percent: ((100 * events) / n).toFixed(1),
      source: 's1',
      derived: i % 10 === 0 ? 'events:percent-to-count' : '',
    });
  }
  return rows;
}

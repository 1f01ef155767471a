/**
 * Worker for data.bench.js: loads one file one way in a fresh process and prints
 * `{ ms, peakMB, rows }` as JSON. Usage: node data-load.worker.js <variant> <path>
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { KINDS, parseTable, readTableFile } from '../dist/data/index.js';
import { timeAndPeak } from './measure.js';

const [variant, path] = process.argv.slice(2);
const schema = KINDS['arm-binary'];
const variants = {
  // References: the libraries alone, text already in memory.
  'csv-parse': () => parse(readFileSync(path, 'utf8'), { bom: true }).length - 1,
  // csv-parse producing typed records (header names as keys, numbers cast): the fair reference.
  'csv-parse-columns': () =>
    parse(readFileSync(path, 'utf8'), { bom: true, columns: true, cast: true }).length,
  'json-parse': () => JSON.parse(readFileSync(path, 'utf8')).length,
  // trialstat: typed, validated rows.
  'trialstat-stream': async () => (await readTableFile(path, schema)).rows.length,
  'trialstat-text': () =>
    parseTable(readFileSync(path, 'utf8'), schema, { file: path }).rows.length,
  'trialstat-json': () =>
    parseTable(readFileSync(path, 'utf8'), schema, { file: path, format: 'json' }).rows.length,
};
const { ms, peakMB, result } = await timeAndPeak(variants[variant]);
process.stdout.write(JSON.stringify({ ms, peakMB, rows: result }) + '\n');

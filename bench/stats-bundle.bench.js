/**
 * Size of the browser-safe entry `trialstat/stats`: the esbuild-minified browser bundle of
 * src/stats/index.ts, raw and gzip-compressed, as a ratio against the TypeScript source it is
 * built from (every input file esbuild reports, as written) — so the row tracks what a web page
 * pays per line of statistics, not an absolute budget. Bundling is done by
 * scripts/bundle-stats.mjs, the script the browser-entry test uses.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { bundleStats } from '../scripts/bundle-stats.mjs';

export async function run() {
  const { code, inputs } = await bundleStats();
  const source = inputs.map((file) => readFileSync(file, 'utf8')).join('\n');
  const sourceBytes = Buffer.byteLength(source);
  const sourceGzip = gzipSync(source).length;
  const raw = Buffer.byteLength(code);
  const gzip = gzipSync(code).length;
  const ref = `${inputs.length} source files: size`;
  const refGzip = `${inputs.length} source files: gzip`;
  return [
    { name: ref, value: sourceBytes / 1024, unit: 'KiB', reference: ref, ratio: 1 },
    {
      name: 'trialstat/stats bundle: minified',
      value: raw / 1024,
      unit: 'KiB',
      reference: ref,
      ratio: raw / sourceBytes,
    },
    { name: refGzip, value: sourceGzip / 1024, unit: 'KiB', reference: refGzip, ratio: 1 },
    {
      name: 'trialstat/stats bundle: minified + gzip',
      value: gzip / 1024,
      unit: 'KiB',
      reference: refGzip,
      ratio: gzip / sourceGzip,
    },
  ];
}

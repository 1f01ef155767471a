/**
 * Size of the offline page web/build/index.html (`npm run web`): raw and gzip-compressed, as
 * ratios against the trialstat/stats bundle measured in the same run (scripts/bundle-stats.mjs),
 * so the row shows what the page adds around the statistics core: the CLI's command modules,
 * commander, the embedded datasets, the font and the page's own code. Also the page's script
 * alone and the embedded files, so a jump can be traced to its part.
 */
import { gzipSync } from 'node:zlib';
import { bundleStats } from '../scripts/bundle-stats.mjs';
import { buildPage, embeddedFiles } from '../web/build.mjs';

export async function run() {
  const { code } = await bundleStats();
  const { html } = await buildPage();
  const files = JSON.stringify(embeddedFiles());
  const ref = 'trialstat/stats bundle: minified';
  const refGzip = 'trialstat/stats bundle: minified + gzip';
  const stats = Buffer.byteLength(code);
  const statsGzip = gzipSync(code).length;
  const row = (name, bytes, reference, base) => ({
    name,
    value: bytes / 1024,
    unit: 'KiB',
    reference,
    ratio: bytes / base,
  });
  return [
    row(`${ref} (web reference)`, stats, ref, stats),
    row('web/build/index.html: size', Buffer.byteLength(html), ref, stats),
    row('web page: embedded datasets', Buffer.byteLength(files), ref, stats),
    row(`${refGzip} (web reference)`, statsGzip, refGzip, statsGzip),
    row('web/build/index.html: gzip', gzipSync(html).length, refGzip, statsGzip),
  ];
}

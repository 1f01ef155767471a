/**
 * Bundles the browser-safe entry `trialstat/stats` (src/stats/index.ts) for the browser with
 * esbuild, as a minified IIFE exposing `globalThis.trialstatStats`. `platform: 'browser'` makes
 * esbuild refuse any `node:*` import, so a successful bundle proves the module graph is Node-free.
 * Used by test/stats/browser-entry.test.ts and by `npm run bench` (bundle size).
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

export async function bundleStats() {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('../src/stats/index.ts', import.meta.url))],
    bundle: true,
    minify: true,
    platform: 'browser',
    format: 'iife',
    globalName: 'trialstatStats',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].text;
  return { code, bytes: Buffer.byteLength(code), inputs: Object.keys(result.metafile.inputs) };
}

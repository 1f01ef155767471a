/**
 * `npm run web`: builds web/build/index.html, the offline calculator page, as one file.
 *
 * The page runs the CLI's own command modules (src/cli/commands/*, parsed by commander) on
 * an in-memory io, so its options, defaults, validation, --explain text and numbers are the
 * CLI's by construction. esbuild bundles web/src/main.ts for the browser; Node built-ins are
 * replaced by the small shims in web/src/node/ (a read-only file system holding the bundled
 * datasets, POSIX paths, a process object), and src/cli/commands/index.ts by the page's
 * command list (web/src/cli-commands.ts). Script, styles and the report font are inlined;
 * the CSP allows that one script (by hash) and nothing from any server. Same sources → same
 * bytes: files are read in sorted order and nothing time- or machine-dependent goes in.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const web = join(root, 'web');
const shims = join(web, 'src', 'node');

/** Every file under `dir`, sorted, as POSIX paths relative to the package root. */
function walk(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [relative(root, path)];
    });
}

/** The virtual file system: /trialstat/package.json and /trialstat/datasets/**. */
export function embeddedFiles() {
  const files = { '/trialstat/package.json': JSON.stringify({ name: 'trialstat' }) };
  for (const file of walk(join(root, 'datasets')))
    files[`/trialstat/${file.split('\\').join('/')}`] = readFileSync(join(root, file), 'utf8');
  return files;
}

const NODE_SHIMS = {
  fs: 'fs.ts',
  'fs/promises': 'fs.ts',
  path: 'path.ts',
  url: 'url.ts',
  process: 'process.ts',
  events: 'events.ts',
};

const pagePlugin = {
  name: 'trialstat-page',
  setup(b) {
    b.onResolve({ filter: /^node:/ }, (args) => ({
      path: join(shims, NODE_SHIMS[args.path.slice(5)] ?? 'unavailable.cjs'),
    }));
    b.onResolve({ filter: /^(fs|path|url|events|process)$/ }, (args) => ({
      path: join(shims, NODE_SHIMS[args.path]),
    }));
    b.onResolve({ filter: /\/commander\.js$/ }, (args) =>
      args.importer.includes(join('src', 'cli'))
        ? { path: join(web, 'src', 'commander.ts') }
        : undefined,
    );
    b.onResolve({ filter: /commands\/index\.js$/ }, (args) =>
      args.importer.includes(join('src', 'cli'))
        ? { path: join(web, 'src', 'cli-commands.ts') }
        : undefined,
    );
    b.onLoad({ filter: /web[\\/]src[\\/]node[\\/]files\.ts$/ }, () => ({
      contents: `export const FILES = ${JSON.stringify(embeddedFiles())};`,
      loader: 'js',
    }));
  },
};

/** The page's script, minified (and its esbuild metafile, for the bench). */
export async function bundlePage(entry = join(web, 'src', 'main.ts')) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    charset: 'utf8',
    legalComments: 'none',
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [pagePlugin],
    inject: [join(shims, 'process-global.ts')],
    // The loaders locate the package from their own URL: put them inside the virtual tree.
    define: { 'import.meta.url': '"file:///trialstat/src/data/module.js"' },
  });
  return { code: result.outputFiles[0].text, metafile: result.metafile };
}

/** The report font (the same WOFF2 subset the reports embed), as @font-face rules. */
function fontCss() {
  const subset = JSON.parse(
    readFileSync(
      join(root, 'src', 'report', 'text-metrics', 'liberation-sans-subset.json'),
      'utf8',
    ),
  );
  return ['normal', 'bold']
    .map(
      (weight) =>
        `@font-face{font-family:"trialstat-sans";font-style:normal;font-weight:${weight === 'bold' ? 700 : 400};font-display:block;src:url(data:font/woff2;base64,${subset.faces[weight].woff2}) format("woff2")}`,
    )
    .join('\n');
}

const sha256 = (text) => createHash('sha256').update(text, 'utf8').digest('base64');

/** The whole page as one string. */
export async function buildPage() {
  const { code, metafile } = await bundlePage();
  // A script may not contain "</script": escape it where strings hold it.
  const script = code.replace(/<\/(script)/gi, '<\\/$1');
  const style = `${fontCss()}\n${readFileSync(join(web, 'src', 'page.css'), 'utf8')}`;
  const csp = [
    "default-src 'none'",
    `script-src 'sha256-${sha256(script)}'`,
    "style-src 'unsafe-inline'",
    'img-src data:',
    'font-src data:',
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
  const html = readFileSync(join(web, 'src', 'page.html'), 'utf8')
    .replace('<!--CSP-->', `<meta http-equiv="Content-Security-Policy" content="${csp}">`)
    .replace('/*STYLE*/', () => style)
    .replace('/*SCRIPT*/', () => script);
  return { html, metafile };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = join(web, 'build', 'index.html');
  const { html } = await buildPage();
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, html);
  process.stdout.write(
    `web: ${relative(root, out)} (${(Buffer.byteLength(html) / 1024).toFixed(0)} KiB)\n`,
  );
}

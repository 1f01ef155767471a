import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';

/**
 * The layer rules of docs (architecture.md): src/stats is pure, only src/cli writes to the
 * terminal, only src/report imports vega. `layerViolations` checks source texts and returns one
 * line per broken rule: `path: rule (the offending text)`.
 */

export interface SourceFile {
  /** Path from the repository root with forward slashes, e.g. `src/stats/adjust.ts`. */
  path: string;
  text: string;
}

/** Top-level folders of src/ that src/stats may not import (Node-only or above it). */
const FORBIDDEN_FOR_STATS = ['data', 'report', 'cli', 'format', 'io', 'parallel', 'analysis'];

/** Block comments and whole-line `//` comments removed (doc comments mention console and node:). */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

/** Module specifiers of static imports/exports and dynamic imports. */
export function specifiers(text: string): string[] {
  const out: string[] = [];
  const body = code(text);
  for (const match of body.matchAll(/\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g))
    out.push(match[1]);
  for (const match of body.matchAll(/\bimport\s*['"]([^'"]+)['"]/g)) out.push(match[1]);
  for (const match of body.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(match[1]);
  return out;
}

/** The src/ folder a relative specifier lands in (`src/data/x.js` → `data`), or null. */
function targetLayer(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const resolved = posix.normalize(posix.join(posix.dirname(from), specifier));
  const match = /^src\/([^/]+)\//.exec(resolved);
  return match ? match[1] : null;
}

export function layerViolations(files: readonly SourceFile[]): string[] {
  const problems: string[] = [];
  for (const file of files) {
    const inStats = file.path.startsWith('src/stats/');
    const inCli = file.path.startsWith('src/cli/');
    const inReport = file.path.startsWith('src/report/');
    for (const specifier of specifiers(file.text)) {
      if (inStats && specifier.startsWith('node:'))
        problems.push(`${file.path}: stats imports a Node built-in (${specifier})`);
      if (
        inStats &&
        ['fs', 'path', 'os', 'stream', 'child_process', 'worker_threads', 'url', 'crypto'].includes(
          specifier,
        )
      ) {
        problems.push(`${file.path}: stats imports a Node built-in (${specifier})`);
      }
      const layer = targetLayer(file.path, specifier);
      if (inStats && layer !== null && FORBIDDEN_FOR_STATS.includes(layer))
        problems.push(`${file.path}: stats imports from ${layer}/ (${specifier})`);
      if (!inReport && /^vega(-lite|-[a-z]+)?(\/|$)/.test(specifier))
        problems.push(`${file.path}: only report/ may import vega (${specifier})`);
    }
    if (!inCli) {
      const body = code(file.text);
      for (const match of body.matchAll(
        /\bconsole\s*\.\s*[a-zA-Z]+|\bprocess\s*\.\s*(?:stdout|stderr)\b/g,
      )) {
        problems.push(
          `${file.path}: only cli/ writes to the terminal (${match[0].replace(/\s+/g, '')})`,
        );
      }
    }
  }
  return problems;
}

/** Every .ts file under a folder, as SourceFiles with repository-relative paths. */
export function readSources(root: string, folder: string): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (relative: string): void => {
    for (const entry of readdirSync(join(root, relative), { withFileTypes: true })) {
      const path = posix.join(relative, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|mts|js|mjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
        out.push({ path, text: readFileSync(join(root, path), 'utf8') });
    }
  };
  walk(folder);
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

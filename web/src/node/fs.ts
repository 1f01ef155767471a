/**
 * `node:fs` for the page: a read-only file system over the files the build embeds (the
 * bundled datasets and a package.json, under /trialstat). The CLI's dataset loaders read
 * from it unchanged; anything else (writing, a missing file) fails as Node would, with an
 * errno code, so the CLI explains it the way it does in a terminal.
 */
import { FILES } from './files.js';

function missing(path: string, syscall: string): Error {
  return Object.assign(new Error(`ENOENT: no such file or directory, ${syscall} '${path}'`), {
    code: 'ENOENT',
    errno: -2,
    syscall,
    path,
  });
}

function normal(path: string | URL): string {
  const text = typeof path === 'string' ? path : path.pathname;
  return text.length > 1 ? text.replace(/\/+$/, '') : text;
}

function isDirectory(path: string): boolean {
  const prefix = path === '/' ? '/' : `${path}/`;
  return Object.keys(FILES).some((file) => file.startsWith(prefix));
}

export function existsSync(path: string | URL): boolean {
  const p = normal(path);
  return p in FILES || isDirectory(p);
}

export function readFileSync(path: string | URL, encoding?: unknown): string | Uint8Array {
  const p = normal(path);
  const text = FILES[p];
  if (text === undefined) throw missing(p, 'open');
  return encoding === undefined ? new TextEncoder().encode(text) : text;
}

export function statSync(path: string | URL, options?: { throwIfNoEntry?: boolean }) {
  const p = normal(path);
  const file = p in FILES;
  if (!file && !isDirectory(p)) {
    if (options?.throwIfNoEntry === false) return undefined;
    throw missing(p, 'stat');
  }
  return { isFile: () => file, isDirectory: () => !file, size: file ? FILES[p].length : 0 };
}

export function readdirSync(path: string | URL): string[] {
  const p = normal(path);
  if (!isDirectory(p)) throw missing(p, 'scandir');
  const prefix = p === '/' ? '/' : `${p}/`;
  const names = new Set<string>();
  for (const file of Object.keys(FILES))
    if (file.startsWith(prefix)) names.add(file.slice(prefix.length).split('/')[0]);
  return [...names].sort();
}

function unavailable(name: string): () => never {
  return () => {
    throw Object.assign(new Error(`${name}: not available in the browser page`), {
      code: 'EROFS',
    });
  };
}

export const writeFileSync = unavailable('writeFileSync');
export const mkdirSync = unavailable('mkdirSync');
export const renameSync = unavailable('renameSync');
export const rmSync = unavailable('rmSync');
export const openSync = unavailable('openSync');
export const closeSync = unavailable('closeSync');
export const fsyncSync = unavailable('fsyncSync');
export const writeSync = unavailable('writeSync');
export const mkdtempSync = unavailable('mkdtempSync');
export const realpathSync = (path: string): string => normal(path);
export const constants = {};

export const promises = {
  readFile: async (path: string | URL, encoding?: unknown) => readFileSync(path, encoding),
};
export const readFile = promises.readFile;
export default {
  existsSync,
  readFileSync,
  statSync,
  readdirSync,
  writeFileSync,
  mkdirSync,
  renameSync,
  rmSync,
  realpathSync,
  promises,
};

import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { DataError, InputError } from '../errors.js';
import { isKind, KIND_NAMES, type Kind } from './kinds/index.js';
import {
  bundledDatasetNames,
  loadDataset,
  parseKindText,
  readKindFile,
  type Dataset,
  type LoadedTable,
} from './load-dataset.js';
import type { DataFormat } from './table-builder.js';

export type LoadedInput =
  | { readonly type: 'dataset'; readonly dataset: Dataset }
  | { readonly type: 'table'; readonly table: LoadedTable };

export interface LoadInputOptions {
  /** Kind of a single file or stdin. A file inside a dataset folder takes its kind from dataset.json. */
  kind?: Kind;
  /** For stdin: default is JSON when the text starts with `[`, else CSV. */
  format?: DataFormat;
  cwd?: string;
  /** Where bundled names are looked up (default: `<package root>/datasets`). */
  datasetsDir?: string;
  /** Reads all of standard input, for `-`. */
  readStdin?: () => Promise<string>;
}

/**
 * Loads what a user names: `-` (stdin, needs `kind`), a table file (needs `kind` unless
 * its folder's dataset.json lists it), a dataset folder, or a bundled dataset name.
 * Everything is validated; throws DataError (all issues) or InputError. Node only.
 */
export async function loadInput(
  target: string,
  options: LoadInputOptions = {},
): Promise<LoadedInput> {
  const cwd = options.cwd ?? process.cwd();
  if (target === '-') {
    const kind = requireKind(options.kind, 'standard input');
    const text = options.readStdin ? await options.readStdin() : '';
    const format = options.format ?? (/^\ufeff?\s*\[/.test(text) ? 'json' : 'csv');
    return { type: 'table', table: parseKindText(text, kind, '<stdin>', format) };
  }
  const path = resolve(cwd, target);
  if (existsSync(path) && statSync(path).isFile()) {
    const kind = options.kind ?? kindFromDatasetJson(path);
    return {
      type: 'table',
      table: await readKindFile(path, requireKind(kind, target), { file: target }),
    };
  }
  // `studies.csv` that is not there is a missing file, not an unknown dataset name.
  if (!existsSync(path) && /\.(csv|json)$/i.test(target))
    throw new DataError([{ file: target, expected: 'a readable file', found: 'no such file' }]);
  if (existsSync(path) || bundledDatasetNames(options).includes(target)) {
    return {
      type: 'dataset',
      dataset: await loadDataset(target, { cwd, datasetsDir: options.datasetsDir }),
    };
  }
  throw new InputError(
    'input',
    target,
    'a file, a dataset folder, a bundled dataset name, or - for standard input',
  );
}

function requireKind(kind: Kind | undefined, what: string): Kind {
  if (kind === undefined)
    throw new InputError(
      '--kind',
      undefined,
      `the kind of ${what}: one of ${KIND_NAMES.join(', ')}`,
    );
  return kind;
}

/** The kind dataset.json next to `path` gives it, if any. */
export function kindFromDatasetJson(path: string): Kind | undefined {
  const metaPath = join(dirname(path), 'dataset.json');
  if (!existsSync(metaPath)) return undefined;
  try {
    const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as {
      files?: { path?: unknown; kind?: unknown }[];
    };
    const entry = meta.files?.find((file) => file?.path === basename(path));
    return typeof entry?.kind === 'string' && isKind(entry.kind) ? entry.kind : undefined;
  } catch {
    return undefined; // a broken dataset.json: the user must say --kind
  }
}

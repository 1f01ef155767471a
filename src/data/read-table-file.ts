import { readFile } from 'node:fs/promises';
import { DataError } from '../errors.js';
import { bytesIntoBuilder, formatOf } from './parse-table.js';
import type { ColumnSpecs, RowMeta, Schema, ValuesOf } from './schema.js';
import type { ParseOptions, ParsedTable, TableBuilder } from './table-builder.js';

/**
 * Reads and validates a table file (Node only): its bytes go through the same strict
 * UTF-8 decoder and the same parser as standard input and `parseTable`, so a file and
 * the same bytes piped in give the same rows and the same issues. Throws DataError.
 *
 * @example
 * const { rows } = await readTableFile('arms.csv', KINDS['arm-binary']);
 */
export async function readTableFile<C extends ColumnSpecs>(
  path: string,
  schema: Schema<C>,
  options: Partial<ParseOptions> = {},
): Promise<ParsedTable<ValuesOf<C> & RowMeta>> {
  return (await readIntoBuilder(path, schema, options)).finish();
}

/** Reads a file into a TableBuilder (the caller chooses `finish` or `partial`); throws DataError for an unreadable file. */
export async function readIntoBuilder<C extends ColumnSpecs>(
  path: string,
  schema: Schema<C>,
  options: Partial<ParseOptions> = {},
): Promise<TableBuilder<C>> {
  const file = options.file ?? path;
  return bytesIntoBuilder(await readBytes(path, file), schema, {
    ...options,
    file,
    format: options.format ?? formatOf(path),
  });
}

/** A file's bytes; a missing, unreadable or folder path is a DataError naming it. */
export async function readBytes(path: string, file = path): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const found = READ_ERRORS[code ?? ''];
    if (found) throw new DataError([{ file, expected: 'a readable file', found }]);
    throw error;
  }
}

const READ_ERRORS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'a folder',
  EACCES: 'no permission to read it',
  EPERM: 'no permission to read it',
  ENOTDIR: 'a path through a file (a part of it is not a folder)',
  ELOOP: 'a loop of symbolic links',
  ENAMETOOLONG: 'a path too long',
  EIO: 'an input/output error from the device',
};

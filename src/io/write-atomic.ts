import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { explainFsError } from './explain-fs-error.js';

/**
 * Writes a file so that readers see either the old content or the whole new content:
 * the bytes go to a temporary file in the same folder, which is then renamed over
 * the target (rename is atomic within one file system). On failure the temporary
 * file is removed and the target is untouched, and a file-system error becomes an
 * OutputError (what, where, why). For several files that must change together use
 * `openStagedFolder`.
 */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (error) {
    throw explainFsError(error, path, 'write');
  }
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(temporary, content);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw explainFsError(error, path, 'write');
  }
}

import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { OutputError } from '../errors.js';

/** Plain words for the system errors a user's environment causes (not bugs). */
const REASONS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exceeded',
  EFBIG: 'the file is too large for the file system',
  ENOTDIR: 'a file is in the way where a folder is needed',
  EEXIST: 'a file is in the way where a folder is needed',
  EISDIR: 'a folder is in the way where a file is needed',
  ENOENT: 'no such file or folder',
  ENAMETOOLONG: 'the path is too long',
  ELOOP: 'too many symbolic links in the path',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  EBUSY: 'the file or folder is busy',
  EXDEV: 'it is on another file system',
  EIO: 'an input/output error from the device',
};

/** A Node system error (has a string `code` such as ENOSPC) that `explainFsError` has words for. */
export function isEnvironmentError(error: unknown): error is NodeJS.ErrnoException {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return error instanceof Error && typeof code === 'string' && code in REASONS;
}

/**
 * Turns a file-system error met while doing `action` on `path` into an OutputError that
 * says what, where and why in one line; anything that is not an environment error is
 * returned unchanged (a bug keeps its stack). For "a file is in the way" it names the
 * file that is in the way, not the folder that could not be made.
 *
 * @example
 * explainFsError(enotdir, '/tmp/out/reports', 'write the report folder').message
 * // 'cannot write the report folder /tmp/out/reports: /tmp/out is a file, not a folder (ENOTDIR)'
 */
export function explainFsError(error: unknown, path: string, action: string): unknown {
  if (error instanceof OutputError || !isEnvironmentError(error)) return error;
  const code = error.code!;
  let reason = REASONS[code];
  if (code === 'ENOTDIR' || code === 'EEXIST') {
    const blocker = fileInTheWay(path);
    if (blocker !== undefined) reason = `${blocker} is a file, not a folder`;
  }
  return new OutputError(path, action, reason, code);
}

/** The first existing path component of `path` (itself or an ancestor) that is not a folder. */
function fileInTheWay(path: string): string | undefined {
  const chain: string[] = [];
  for (let p = resolve(path); ; p = dirname(p)) {
    chain.unshift(p);
    if (dirname(p) === p) break;
  }
  for (const p of chain) {
    try {
      if (!statSync(p).isDirectory()) return p;
    } catch {
      return undefined; // does not exist: nothing further down is in the way
    }
  }
  return undefined;
}

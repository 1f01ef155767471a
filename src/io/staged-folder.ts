import * as nodeFs from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { OutputError } from '../errors.js';
import { explainFsError } from './explain-fs-error.js';

/** The file-system calls a staged write makes; tests pass a wrapper that injects ENOSPC, EROFS, ... */
export type StagingFs = Pick<
  typeof nodeFs,
  | 'mkdirSync'
  | 'writeFileSync'
  | 'renameSync'
  | 'rmSync'
  | 'readdirSync'
  | 'statSync'
  | 'linkSync'
  | 'copyFileSync'
  | 'unlinkSync'
>;

export interface StagedFolderOptions {
  /** Default: node:fs. */
  fs?: StagingFs;
  /** What the folder holds, for messages (default "the output folder"). */
  what?: string;
}

/** `.<folder>.trialstat-<pid>-<id>.tmp`: a staging folder (beside the output folder or inside it). */
const STAGING = /^\.(.+)\.trialstat-(\d+)-[0-9a-z]+\.tmp$/;
/** `.<file>.<pid>.<time>.tmp`: a temporary file of `writeFileAtomic` (and of builds before staging). */
const TEMP_FILE = /^\..+\.(\d+)\.\d+\.tmp$/;
/** A staging folder this old is stale even if its process id is in use again. */
const STALE_MS = 24 * 60 * 60 * 1000;

let counter = 0;
/** Staging folders of this process still in use (a sweep must not remove them). */
const LIVE = new Set<string>();

/**
 * Writes a set of files into a folder all-or-nothing. Files are written to a hidden staging
 * folder on the same file system (beside the output folder, or inside it when the output
 * folder is a mount point or its parent is not writable); `commit` then moves them into
 * place. A failure at any point (including while moving: replaced files are put back from
 * hard links kept in the staging folder) leaves the previous content as it was. A staging
 * folder left by a killed process is removed by the next `openStagedFolder` on that folder.
 * Every file-system error becomes an OutputError (what, where, why).
 *
 * Files in the output folder that this write does not name are left alone.
 *
 * @example
 * const stage = openStagedFolder('reports/build', { what: 'the report folder' });
 * stage.write('a.html', html);          // nothing visible in reports/build yet
 * stage.commit();                       // reports/build/a.html replaced
 */
export function openStagedFolder(outDir: string, options: StagedFolderOptions = {}): StagedFolder {
  return new StagedFolder(
    resolve(outDir),
    options.fs ?? nodeFs,
    options.what ?? 'the output folder',
  );
}

export class StagedFolder {
  /** Absolute path of the staging folder. */
  readonly dir: string;
  private readonly files: string[] = [];
  private done = false;
  /** Whether the staging folder is beside the output folder (then a new output folder is one rename). */
  private readonly beside: boolean;

  constructor(
    readonly outDir: string,
    private readonly fs: StagingFs,
    private readonly what: string,
  ) {
    const outStat = this.stat(outDir);
    if (outStat && !outStat.isDirectory())
      throw new OutputError(
        outDir,
        `write ${what}`,
        `${outDir} is a file, not a folder`,
        'ENOTDIR',
      );
    const parent = dirname(outDir);
    this.guard(() => fs.mkdirSync(parent, { recursive: true }), outDir, `write ${what}`);
    removeStaleStaging(outDir, fs);
    const name = `.${basename(outDir)}.trialstat-${process.pid}-${(Date.now() * 1000 + (counter++ % 1000)).toString(36)}.tmp`;
    // A mount point's parent is another file system, where a rename into it would fail (EXDEV).
    const parentStat = this.stat(parent);
    let beside = !outStat || !parentStat || outStat.dev === parentStat.dev;
    let dir = beside ? join(parent, name) : join(outDir, name);
    try {
      fs.mkdirSync(dir);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // A writable output folder in a read-only parent: stage inside it instead.
      if (!(beside && outStat && (code === 'EACCES' || code === 'EPERM' || code === 'EROFS'))) {
        throw beside && !outStat
          ? explainFsError(error, parent, `create ${what} in`)
          : explainFsError(error, outDir, `write ${what}`);
      }
      beside = false;
      dir = join(outDir, name);
      this.guard(() => fs.mkdirSync(dir), outDir, `write ${what}`);
    }
    this.beside = beside;
    this.dir = dir;
    LIVE.add(dir);
  }

  /** Stages one file (a plain name, no folders). Nothing appears in the output folder yet. */
  write(name: string, content: string | Uint8Array): void {
    if (this.done) throw new Error('StagedFolder: write after commit or abort');
    if (name !== basename(name) || name.startsWith('.'))
      throw new Error(`StagedFolder: not a plain file name: ${name}`);
    const path = join(this.dir, name);
    try {
      this.fs.writeFileSync(path, content);
    } catch (error) {
      this.abort();
      throw explainFsError(error, join(this.outDir, name), 'write');
    }
    if (!this.files.includes(name)) this.files.push(name);
  }

  /**
   * Moves every staged file into the output folder, in the order written (write an index
   * last so it never links to a page not yet in place). All or nothing.
   */
  commit(): void {
    if (this.done) throw new Error('StagedFolder: commit after commit or abort');
    this.done = true;
    const { fs, outDir } = this;
    if (this.beside && !this.stat(outDir)) {
      // A new output folder: one atomic rename of the whole staging folder.
      try {
        fs.renameSync(this.dir, outDir);
        return;
      } catch (error) {
        this.cleanup();
        throw explainFsError(error, outDir, `write ${this.what}`);
      }
    }
    const backups = join(this.dir, '.previous');
    const moved: { name: string; hadPrevious: boolean }[] = [];
    try {
      fs.mkdirSync(backups);
      // Keep the previous files (hard links cost no space; copies where links are refused).
      const previous = new Set<string>();
      for (const name of this.files) {
        const target = join(outDir, name);
        const existing = this.stat(target);
        if (!existing) continue;
        if (existing.isDirectory())
          throw new OutputError(target, 'write', `${target} is a folder, not a file`, 'EISDIR');
        try {
          fs.linkSync(target, join(backups, name));
        } catch {
          fs.copyFileSync(target, join(backups, name));
        }
        previous.add(name);
      }
      for (const name of this.files) {
        fs.renameSync(join(this.dir, name), join(outDir, name));
        moved.push({ name, hadPrevious: previous.has(name) });
      }
    } catch (error) {
      // Put back what was replaced, remove what was added; then report the first error.
      for (const { name, hadPrevious } of moved.reverse()) {
        try {
          if (hadPrevious) fs.renameSync(join(backups, name), join(outDir, name));
          else fs.unlinkSync(join(outDir, name));
        } catch {
          // best effort: the error below is what the user needs to see
        }
      }
      this.cleanup();
      throw explainFsError(error, outDir, `write ${this.what}`);
    }
    this.cleanup();
  }

  /** Removes the staging folder; the output folder is untouched. Safe to call twice. */
  abort(): void {
    this.done = true;
    this.cleanup();
  }

  private cleanup(): void {
    LIVE.delete(this.dir);
    try {
      this.fs.rmSync(this.dir, { recursive: true, force: true });
    } catch {
      // left for the next build's stale-staging sweep
    }
  }

  private stat(path: string): nodeFs.Stats | undefined {
    try {
      return this.fs.statSync(path);
    } catch {
      return undefined;
    }
  }

  private guard(action: () => void, path: string, what: string): void {
    try {
      action();
    } catch (error) {
      throw explainFsError(error, path, what);
    }
  }
}

/**
 * Removes staging folders (beside or inside `outDir`) and temporary files (inside it) left
 * by processes that no longer run, e.g. a build killed with SIGKILL. Staging of a live
 * process (a concurrent build) is left alone. Returns the removed paths.
 */
export function removeStaleStaging(outDir: string, fs: StagingFs = nodeFs): string[] {
  const removed: string[] = [];
  const sweep = (folder: string, accept: (entry: string) => number | undefined): void => {
    let entries: string[];
    try {
      entries = fs.readdirSync(folder);
    } catch {
      return;
    }
    for (const entry of entries) {
      const pid = accept(entry);
      if (pid === undefined) continue;
      const path = join(folder, entry);
      if (
        LIVE.has(path) ||
        (pid !== process.pid && processAlive(pid) && !olderThan(fs, path, STALE_MS))
      )
        continue;
      try {
        fs.rmSync(path, { recursive: true, force: true });
        removed.push(path);
      } catch {
        // not ours to fix here; the build goes on
      }
    }
  };
  const name = basename(outDir);
  sweep(dirname(outDir), (entry) => {
    const match = STAGING.exec(entry);
    return match && match[1] === name ? Number(match[2]) : undefined;
  });
  sweep(outDir, (entry) => {
    const match = STAGING.exec(entry) ?? TEMP_FILE.exec(entry);
    return match ? Number(match[match.length - 1]) : undefined;
  });
  return removed;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function olderThan(fs: StagingFs, path: string, ms: number): boolean {
  try {
    return Date.now() - fs.statSync(path).mtimeMs > ms;
  } catch {
    return false;
  }
}

import * as fs from 'node:fs';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputError } from '../../src/errors.js';
import { explainFsError } from '../../src/io/explain-fs-error.js';
import { useTempDirs } from '../support/temp-dirs.js';
import {
  openStagedFolder,
  removeStaleStaging,
  type StagingFs,
} from '../../src/io/staged-folder.js';

const tempDir = useTempDirs('trialstat-stage');

const systemError = (code: string, syscall: string, path: string): NodeJS.ErrnoException =>
  Object.assign(new Error(`${code}: ${syscall} '${path}'`), { code, syscall, path });

/** node:fs with one call made to fail: `fail(name, args)` returns an error code to throw, or undefined. */
function faultyFs(fail: (call: keyof StagingFs, path: string) => string | undefined): StagingFs {
  const wrap = <K extends keyof StagingFs>(name: K): StagingFs[K] =>
    ((...args: unknown[]) => {
      const path = String(
        args[name === 'renameSync' || name === 'linkSync' || name === 'copyFileSync' ? 1 : 0],
      );
      const code = fail(name, path);
      if (code) throw systemError(code, name.replace(/Sync$/, ''), path);
      return (fs[name] as (...a: unknown[]) => unknown)(...args);
    }) as StagingFs[K];
  return {
    mkdirSync: wrap('mkdirSync'),
    writeFileSync: wrap('writeFileSync'),
    renameSync: wrap('renameSync'),
    rmSync: wrap('rmSync'),
    readdirSync: wrap('readdirSync'),
    statSync: wrap('statSync'),
    linkSync: wrap('linkSync'),
    copyFileSync: wrap('copyFileSync'),
    unlinkSync: wrap('unlinkSync'),
  };
}

/** Every file under `dir` (relative, sorted) with its content: to compare a folder before and after. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile())
      out[join(entry.parentPath, entry.name).slice(dir.length + 1)] = readFileSync(
        join(entry.parentPath, entry.name),
        'utf8',
      );
  }
  return out;
}

describe('openStagedFolder', () => {
  it('writes nothing visible until commit, then moves every file into a new folder', () => {
    const root = tempDir();
    const out = join(root, 'build');
    const stage = openStagedFolder(out);
    stage.write('a.html', 'A');
    stage.write('index.html', 'I');
    expect(fs.existsSync(out)).toBe(false);
    expect(readdirSync(root)).toEqual([
      expect.stringMatching(/^\.build\.trialstat-\d+-[0-9a-z]+\.tmp$/),
    ]);
    stage.commit();
    expect(snapshot(out)).toEqual({ 'a.html': 'A', 'index.html': 'I' });
    expect(readdirSync(root)).toEqual(['build']);
  });

  it('replaces files in an existing folder and leaves files it does not name alone', () => {
    const out = join(tempDir(), 'build');
    mkdirSync(out);
    writeFileSync(join(out, 'a.html'), 'old A');
    writeFileSync(join(out, 'mine.txt'), 'user file');
    const stage = openStagedFolder(out);
    stage.write('a.html', 'new A');
    stage.write('b.html', 'B');
    stage.commit();
    expect(snapshot(out)).toEqual({ 'a.html': 'new A', 'b.html': 'B', 'mine.txt': 'user file' });
    expect(readdirSync(join(out, '..'))).toEqual(['build']);
  });

  for (const code of ['ENOSPC', 'EROFS', 'EDQUOT', 'EIO']) {
    it(`${code} while staging: an OutputError naming the file, the previous files intact, no staging left`, () => {
      const root = tempDir();
      const out = join(root, 'build');
      mkdirSync(out);
      writeFileSync(join(out, 'a.html'), 'old A');
      const before = snapshot(root);
      const stage = openStagedFolder(out, {
        fs: faultyFs((call, path) =>
          call === 'writeFileSync' && path.endsWith('b.html') ? code : undefined,
        ),
        what: 'the report folder',
      });
      stage.write('a.html', 'new A');
      const error = (() => {
        try {
          stage.write('b.html', 'B');
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(OutputError);
      expect((error as OutputError).message).toMatch(
        new RegExp(`^cannot write ${join(out, 'b.html')}: .+ \\(${code}\\)$`),
      );
      expect(snapshot(root)).toEqual(before);
      expect(readdirSync(root)).toEqual(['build']);
    });
  }

  it('a failure while moving files into place puts back every file already replaced', () => {
    const root = tempDir();
    const out = join(root, 'build');
    mkdirSync(out);
    writeFileSync(join(out, 'a.html'), 'old A');
    writeFileSync(join(out, 'index.html'), 'old index');
    const before = snapshot(root);
    // The first two renames (a.html, new.html) succeed, the third (index.html) fails.
    let renames = 0;
    const stage = openStagedFolder(out, {
      fs: faultyFs((call) => (call === 'renameSync' && ++renames === 3 ? 'EIO' : undefined)),
    });
    stage.write('a.html', 'new A');
    stage.write('new.html', 'N');
    stage.write('index.html', 'new index');
    expect(() => stage.commit()).toThrow(OutputError);
    expect(snapshot(root)).toEqual(before);
    expect(readdirSync(root)).toEqual(['build']);
  });

  it('falls back to copies when hard links are refused', () => {
    const out = join(tempDir(), 'build');
    mkdirSync(out);
    writeFileSync(join(out, 'a.html'), 'old A');
    const stage = openStagedFolder(out, {
      fs: faultyFs((call) => (call === 'linkSync' ? 'EPERM' : undefined)),
    });
    stage.write('a.html', 'new A');
    stage.commit();
    expect(snapshot(out)).toEqual({ 'a.html': 'new A' });
  });

  it('a file where the folder should be, or where a parent folder should be, is one clear error', () => {
    const root = tempDir();
    const file = join(root, 'afile');
    writeFileSync(file, 'x');
    expect(() => openStagedFolder(file, { what: 'the report folder' })).toThrow(
      `cannot write the report folder ${file}: ${file} is a file, not a folder (ENOTDIR)`,
    );
    expect(() =>
      openStagedFolder(join(file, 'sub', 'deeper'), { what: 'the report folder' }),
    ).toThrow(
      `cannot write the report folder ${join(file, 'sub', 'deeper')}: ${file} is a file, not a folder`,
    );
    expect(readFileSync(file, 'utf8')).toBe('x');
  });

  it('a read-only or unwritable parent: stages inside an existing output folder instead', () => {
    const root = tempDir();
    const out = join(root, 'build');
    mkdirSync(out);
    const refuseBeside = faultyFs((call, path) =>
      call === 'mkdirSync' && path.startsWith(join(root, '.build.')) ? 'EACCES' : undefined,
    );
    const stage = openStagedFolder(out, { fs: refuseBeside });
    expect(stage.dir.startsWith(`${out}/`)).toBe(true);
    stage.write('a.html', 'A');
    stage.commit();
    expect(snapshot(out)).toEqual({ 'a.html': 'A' });
    expect(readdirSync(out)).toEqual(['a.html']);
  });

  it('an unwritable parent and no output folder yet: names the parent', () => {
    const root = tempDir();
    const out = join(root, 'build');
    const readOnly = faultyFs((call, path) =>
      call === 'mkdirSync' && path.startsWith(join(root, '.build.')) ? 'EROFS' : undefined,
    );
    expect(() => openStagedFolder(out, { fs: readOnly, what: 'the report folder' })).toThrow(
      `cannot create the report folder in ${root}: the file system is read-only (EROFS)`,
    );
  });

  it('removes staging folders and temporary files of dead processes, keeps those of live ones', () => {
    const root = tempDir();
    const out = join(root, 'build');
    mkdirSync(out);
    const dead = 2 ** 22 + 12345; // above the kernel's pid_max default, so no process has it
    mkdirSync(join(root, `.build.trialstat-${dead}-abc.tmp`));
    writeFileSync(join(root, `.build.trialstat-${dead}-abc.tmp`, 'a.html'), 'half');
    mkdirSync(join(root, `.other.trialstat-${dead}-abc.tmp`)); // another folder's: not ours
    mkdirSync(join(root, `.build.trialstat-${process.ppid}-abc.tmp`)); // a live process
    writeFileSync(join(out, `.a.html.${dead}.1700000000000.tmp`), 'half');
    writeFileSync(join(out, 'a.html'), 'A');
    const removed = removeStaleStaging(out);
    expect(removed.sort()).toEqual(
      [
        join(out, `.a.html.${dead}.1700000000000.tmp`),
        join(root, `.build.trialstat-${dead}-abc.tmp`),
      ].sort(),
    );
    expect(readdirSync(root).sort()).toEqual(
      [
        `.build.trialstat-${process.ppid}-abc.tmp`,
        `.other.trialstat-${dead}-abc.tmp`,
        'build',
      ].sort(),
    );
    expect(readdirSync(out)).toEqual(['a.html']);
  });
});

describe('explainFsError', () => {
  it('says what, where and why for environment errors and leaves bugs alone', () => {
    const error = explainFsError(systemError('ENOSPC', 'write', '/x/a.html'), '/x/a.html', 'write');
    expect(error).toBeInstanceOf(OutputError);
    expect((error as Error).message).toBe('cannot write /x/a.html: the disk is full (ENOSPC)');
    const bug = new TypeError('x is undefined');
    expect(explainFsError(bug, '/x', 'write')).toBe(bug);
  });
});

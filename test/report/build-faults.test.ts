import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OutputError } from '../../src/errors.js';
import type { StagingFs } from '../../src/io/staged-folder.js';
import { buildReports } from '../../src/report/build.js';
import { runCli } from '../support/cli.js';
import { useTempDirs } from '../support/temp-dirs.js';
import {
  FIXTURE_DATASETS,
  FIXTURE_SPECS_DIR,
  loadFixtureDataset,
} from './fixtures/load-fixture.js';

const tempDir = useTempDirs('trialstat-faults');
const mounts: string[] = [];
// Registered after useTempDirs' hook, so it runs first: unmount, then remove.
afterAll(() => {
  for (const m of mounts) spawnSync('umount', [m]);
});

const RAPAMI = 'reports/rapami.yaml';
const IBM = 'reports/ibm-veterans.yaml';
const xssSpec = join(FIXTURE_SPECS_DIR, 'xss.yaml');

/** Every file under `dir` (names sorted) → bytes as hex-free base64, to compare folders. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir).sort())
    out[name] = readFileSync(join(dir, name)).toString('base64');
  return out;
}

const tmpLeft = (root: string): string[] =>
  readdirSync(root, { recursive: true })
    .map(String)
    .filter((f) => /\.tmp($|\/)/.test(f));

/** Mounts a tmpfs (root only, where the kernel allows it); undefined otherwise. */
function tmpfs(options: string): string | undefined {
  const dir = tempDir();
  const result = spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], {
    encoding: 'utf8',
  });
  if (result.status !== 0) return undefined;
  mounts.push(dir);
  return dir;
}

/** One line, no stack, exit 2. */
function expectOneLine(result: { code: number; stderr: string }, pattern: RegExp): void {
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(pattern);
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(result.stderr).not.toMatch(/\n\s+at |internal error/);
}

describe('report: output folder problems are one line, exit 2, and change nothing', () => {
  it('a file where the output folder should be', async () => {
    const root = tempDir();
    const file = join(root, 'afile');
    writeFileSync(file, 'mine');
    expectOneLine(
      await runCli(['report', RAPAMI, '--out', file]),
      new RegExp(
        `^trialstat: cannot write the report folder ${file}: ${file} is a file, not a folder \\(ENOTDIR\\)\\n$`,
      ),
    );
    expect(readFileSync(file, 'utf8')).toBe('mine');
    expect(readdirSync(root)).toEqual(['afile']);
  });

  it('a file where a parent folder should be (ENOTDIR)', async () => {
    const root = tempDir();
    const file = join(root, 'afile');
    writeFileSync(file, 'mine');
    expectOneLine(
      await runCli(['report', RAPAMI, '--out', join(file, 'sub')]),
      new RegExp(
        `^trialstat: cannot write the report folder ${join(file, 'sub')}: ${file} is a file, not a folder`,
      ),
    );
    expect(readdirSync(root)).toEqual(['afile']);
  });

  it('a folder where a page should be', async () => {
    const root = tempDir();
    mkdirSync(join(root, 'rapami.html'));
    expectOneLine(
      await runCli(['report', RAPAMI, '--out', root]),
      /^trialstat: cannot write .*rapami\.html: .*rapami\.html is a folder, not a file \(EISDIR\)\n$/,
    );
    expect(readdirSync(root)).toEqual(['rapami.html']);
  });

  // Injected through the write module: tests cannot fill a disk or remount one read-only everywhere.
  for (const [code, words] of [
    ['ENOSPC', 'the disk is full'],
    ['EROFS', 'the file system is read-only'],
    ['EACCES', 'permission denied'],
  ] as const) {
    it(`${code} while writing index.html leaves the previous build intact`, async () => {
      // The build folder inside a temp root of its own, so the scan for temp files left beside
      // it reads only this test's files (not all of /tmp, where other runs come and go).
      const out = join(tempDir(), 'build');
      await buildReports({
        specFiles: [xssSpec],
        outDir: out,
        loadDataset: loadFixtureDataset,
        knownDatasets: FIXTURE_DATASETS,
        timestamp: 'first',
      });
      const before = snapshot(out);
      const faulty: StagingFs = {
        ...fs,
        writeFileSync: ((path: fs.PathOrFileDescriptor, ...rest: unknown[]) => {
          if (String(path).endsWith('index.html'))
            throw Object.assign(new Error(`${code}: write`), { code, syscall: 'write', path });
          return (fs.writeFileSync as (...a: unknown[]) => void)(path, ...rest);
        }) as typeof fs.writeFileSync,
      };
      const error = await buildReports({
        specFiles: [xssSpec],
        outDir: out,
        loadDataset: loadFixtureDataset,
        knownDatasets: FIXTURE_DATASETS,
        timestamp: 'second',
        fs: faulty,
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OutputError);
      expect((error as Error).message).toBe(
        `cannot write ${join(out, 'index.html')}: ${words} (${code})`,
      );
      expect(snapshot(out)).toEqual(before);
      expect(tmpLeft(join(out, '..'))).toEqual([]);
    });
  }

  it('a full disk (a tiny tmpfs): exit 2, nothing half-written', async (context) => {
    const mount = tmpfs('size=96k');
    if (!mount)
      return context.skip('cannot mount a tmpfs here (needs root and a kernel that allows it)');
    const result = await runCli(['report', '--out', join(mount, 'build')]);
    expectOneLine(result, /^trialstat: cannot write .*\.html: the disk is full \(ENOSPC\)\n$/);
    expect(readdirSync(mount)).toEqual([]);
  });

  it('a read-only file system (a read-only tmpfs): exit 2', async (context) => {
    const mount = tmpfs('ro,size=64k');
    if (!mount)
      return context.skip('cannot mount a tmpfs here (needs root and a kernel that allows it)');
    expectOneLine(
      await runCli(['report', RAPAMI, '--out', join(mount, 'build')]),
      new RegExp(
        `^trialstat: cannot create the report folder in ${mount}: the file system is read-only \\(EROFS\\)\\n$`,
      ),
    );
    expectOneLine(
      await runCli(['report', RAPAMI, '--out', mount]),
      new RegExp(
        `^trialstat: cannot write the report folder ${mount}: the file system is read-only \\(EROFS\\)\\n$`,
      ),
    );
  });

  it('a YAML alias bomb in a spec: exit 2, one line naming the file', async () => {
    const root = tempDir();
    const spec = join(root, 'bomb.yaml');
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i += 1) {
      const prev = String.fromCharCode(96 + i);
      levels.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${prev}`).join(',')}]`,
      );
    }
    writeFileSync(spec, `${levels.join('\n')}\ntitle: t\n`);
    const result = await runCli(['report', spec, '--out', join(root, 'out')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `${spec}: expected a report spec with few YAML aliases (&anchor / *alias), found aliases that expand to too much data (a YAML alias bomb?)`,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(root, 'out'))).toBe(false);
  });
});

describe('report: a build killed with SIGKILL', () => {
  it('leaves the previous build intact; the next build removes its temp files and gives the clean bytes', async () => {
    const root = tempDir();
    const clean = join(root, 'clean');
    const out = join(root, 'build');
    const cli = join(process.cwd(), 'dist/cli/main.js');
    expect(existsSync(cli), 'dist/ is built by `npm test` (npm run build)').toBe(true);
    const build = (dir: string, specs: string[] = []) =>
      spawnSync(process.execPath, [cli, 'report', ...specs, '--out', dir], { encoding: 'utf8' });
    expect(build(clean).status).toBe(0);
    // The previous build: two reports only, so a complete new build differs from it.
    expect(build(out, [RAPAMI, IBM]).status).toBe(0);
    const previous = snapshot(out);

    // Kill the full build once its staging folder holds a page: mid-way, before anything moves.
    const child = spawn(process.execPath, [cli, 'report', '--out', out], { stdio: 'ignore' });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    const staged = await new Promise<boolean>((resolve) => {
      const started = Date.now();
      const poll = setInterval(() => {
        const staging = readdirSync(root).find((f) => f.startsWith('.build.trialstat-'));
        const pages = staging
          ? (() => {
              try {
                return readdirSync(join(root, staging));
              } catch {
                return [];
              }
            })()
          : [];
        if (pages.some((p) => p.endsWith('.html')) || Date.now() - started > 20_000) {
          clearInterval(poll);
          child.kill('SIGKILL');
          resolve(pages.length > 0);
        }
      }, 2);
    });
    expect(await exited).toBe('SIGKILL');
    expect(staged).toBe(true);
    expect(snapshot(out)).toEqual(previous);
    expect(tmpLeft(root).length).toBeGreaterThan(0); // what the killed build left

    expect(build(out).status).toBe(0);
    expect(tmpLeft(root)).toEqual([]);
    expect(snapshot(out)).toEqual(snapshot(clean));
    // Three full builds and a killed one: minutes on a loaded 2-core machine.
  }, 300_000);
});

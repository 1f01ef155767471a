import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { commandTree } from '../support/command-tree.js';
import {
  type DocumentedExample,
  helpExamples,
  markdownExamples,
  parseExample,
  shellWords,
} from '../support/documented-examples.js';
import { useTempDirs } from '../support/temp-dirs.js';

/**
 * Every example the documentation prints runs and exits as documented (issue 16): each
 * `$ trialstat …` line of every command's --help "Examples:" section, and each trialstat line of
 * the shell code blocks of README.md and docs/*.md. They run in a fresh folder that holds the
 * package's examples/, documents/, datasets/ and report specs, as from the package folder; an
 * absolute /tmp path in an example is moved into that folder, so runs never collide.
 */

const root = process.cwd();
const tempDir = useTempDirs('trialstat-examples');

async function documentedExamples(): Promise<DocumentedExample[]> {
  const all: DocumentedExample[] = [];
  for (const { path } of await commandTree()) {
    const help = await runCli([...path, '--help']);
    all.push(...helpExamples(['trialstat', ...path, '--help'].join(' '), help.stdout));
  }
  all.push(...markdownExamples('README.md'));
  for (const file of readdirSync('docs')
    .filter((f) => f.endsWith('.md'))
    .sort())
    all.push(...markdownExamples(join('docs', file)));
  // The same command printed in two places runs once.
  const seen = new Set<string>();
  return all.filter((e) => {
    const key = JSON.stringify([e.argv, e.stdin, e.exitCode]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A folder laid out like the package: examples, documents, datasets and the report specs. */
function packageLikeFolder(): string {
  const dir = tempDir();
  for (const name of ['examples', 'documents', 'datasets'])
    symlinkSync(resolve(root, name), join(dir, name));
  mkdirSync(join(dir, 'reports'));
  for (const file of readdirSync(resolve(root, 'reports')).filter((f) => /\.(ya?ml|json)$/.test(f)))
    symlinkSync(resolve(root, 'reports', file), join(dir, 'reports', file));
  mkdirSync(join(dir, 'tmp'));
  return dir;
}

/** `reports/build/*.html` expanded as a shell would (a `*` in the last path segment only). */
function expandGlob(word: string, cwd: string): string[] {
  if (!word.includes('*')) return [word];
  const slash = word.lastIndexOf('/');
  const folder = slash === -1 ? '.' : word.slice(0, slash);
  const pattern = new RegExp(
    `^${word
      .slice(slash + 1)
      .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')}$`,
  );
  const names = readdirSync(resolve(cwd, folder))
    .filter((name) => pattern.test(name))
    .sort();
  return names.length === 0
    ? [word]
    : names.map((name) => (slash === -1 ? name : `${folder}/${name}`));
}

describe('the documented examples parse as a shell would', () => {
  it('quotes, pipes, redirects and the documented exit code', () => {
    expect(shellWords(`a "b c" 'd e' f\\ g "\\"h\\""`)).toEqual(['a', 'b c', 'd e', 'f g', '"h"']);
    expect(
      parseExample('x', `npx trialstat meta a.csv --outcome "complete response"   # note`),
    ).toMatchObject({ argv: ['meta', 'a.csv', '--outcome', 'complete response'], exitCode: 0 });
    expect(
      parseExample('x', 'trialstat scan d.md --html /tmp/s.html   # exit 1: "60 %"'),
    ).toMatchObject({ exitCode: 1 });
    expect(
      parseExample('x', 'trialstat check   # every dataset; exit 1 on a discrepancy'),
    ).toMatchObject({ exitCode: 0 });
    expect(parseExample('x', 'cat e.json | trialstat validate - --kind arm-binary')).toMatchObject({
      stdin: { file: 'e.json' },
      argv: ['validate', '-', '--kind', 'arm-binary'],
    });
    expect(parseExample('x', `printf '1\\n2\\n' | trialstat adjust -`)).toMatchObject({
      stdin: { text: '1\n2\n' },
    });
    expect(parseExample('x', 'trialstat survival km a --ipd > out.csv')).toMatchObject({
      argv: ['survival', 'km', 'a', '--ipd'],
      redirect: 'out.csv',
    });
    expect(parseExample('x', 'npm run report')).toBeNull();
  });
});

describe('every documented example runs and exits as documented', async () => {
  const examples = await documentedExamples();
  let cwd = '';
  beforeAll(() => {
    cwd = packageLikeFolder();
  });

  it('finds the examples of README.md and of every --help', () => {
    expect(markdownExamples('README.md').length).toBeGreaterThan(40);
    expect(examples.filter((e) => e.from.endsWith('--help')).length).toBeGreaterThan(100);
  });

  // In order: `report` builds what `verify` then reads, as a reader running them in turn.
  for (const example of examples) {
    it(`${example.from}: ${example.line}`, async () => {
      const argv = example.argv
        .map((word) => word.replace(/^\/tmp\//, `${cwd}/tmp/`))
        .flatMap((word) => expandGlob(word, cwd));
      const stdin =
        example.stdin === undefined
          ? undefined
          : 'file' in example.stdin
            ? readFileSync(resolve(cwd, example.stdin.file))
            : example.stdin.text;
      const r = await runCli(argv, { cwd, stdin });
      if (example.redirect) writeFileSync(resolve(cwd, example.redirect), r.stdout);
      expect(r.code, `${example.line}\n${r.stderr}`).toBe(example.exitCode);
      expect(r.stderr, 'no stack trace').not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
      if (example.exitCode === 0) expect(r.stdout.length, 'prints its result').toBeGreaterThan(0);
    });
  }
});

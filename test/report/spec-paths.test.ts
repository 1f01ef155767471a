import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { useTempDirs } from '../support/temp-dirs.js';

const tempDir = useTempDirs('trialstat-spec-paths');

const section = (datasets: string, dataset: string) => `title: Mine
summary: My own data.
sections:
  - title: Comorbidities
    datasets: ${datasets}
    analyses:
      - { id: a, type: binary-comparison, dataset: ${dataset}, options: { arm: IBM, comparator: no IBM } }
    charts:
      - { type: adverse-events, analysis: a, title: Comorbidities }
`;

/** A folder with specs/ and data/: a copy of the bundled ibm-veterans dataset, and a lone CSV. */
function project(): string {
  const root = tempDir();
  mkdirSync(join(root, 'specs'));
  cpSync('datasets/ibm-veterans', join(root, 'data', 'ibm-veterans'), { recursive: true });
  writeFileSync(
    join(root, 'data', 'arms.csv'),
    'trial,outcome,arm,events,n,source\nT,diabetes,IBM,362,732,me\nT,diabetes,no IBM,80,1215,me\n',
  );
  return root;
}

describe('report specs naming data by path (relative to the spec)', () => {
  it('a dataset folder, a table file listed in its dataset.json, and { file, kind }: built, and verify recomputes them', async () => {
    const root = project();
    const specs = [
      ['folder.yaml', section('[../data/ibm-veterans]', '../data/ibm-veterans')],
      [
        'listed.yaml',
        section('[../data/ibm-veterans/arms-binary.csv]', '../data/ibm-veterans/arms-binary.csv'),
      ],
      ['file.yaml', section('[{ file: ../data/arms.csv, kind: arm-binary, name: mine }]', 'mine')],
    ];
    for (const [name, text] of specs) writeFileSync(join(root, 'specs', name), text);
    const out = join(root, 'out');
    // Run from another folder: paths are relative to the spec, not to the working directory.
    const result = await runCli(
      ['report', ...specs.map(([name]) => join(root, 'specs', name)), '--out', out, '--quiet'],
      { cwd: tempDir() },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const page = readFileSync(join(out, 'file.html'), 'utf8');
    expect(page).toContain('362/732');
    expect(readFileSync(join(out, 'folder.html'), 'utf8')).toContain('Liarski');
    // Same bytes from a copy of the project elsewhere: no absolute path gets into a page.
    const copy = join(tempDir(), 'moved');
    cpSync(root, copy, { recursive: true });
    expect(
      (
        await runCli([
          'report',
          ...specs.map(([name]) => join(copy, 'specs', name)),
          '--out',
          join(copy, 'out2'),
          '--quiet',
        ])
      ).code,
    ).toBe(0);
    for (const [name] of specs) {
      const file = name.replace('.yaml', '.html');
      expect(
        readFileSync(join(copy, 'out2', file)).equals(readFileSync(join(out, file))),
        file,
      ).toBe(true);
    }
    const verified = await runCli([
      'verify',
      join(out, 'folder.html'),
      join(out, 'listed.html'),
      join(out, 'file.html'),
    ]);
    expect(verified.stderr).toBe('');
    expect(verified.code).toBe(0);
  });

  it('is validated as strictly as a bundled dataset: a bad cell is exit 2 naming file, line and column', async () => {
    const root = project();
    writeFileSync(
      join(root, 'data', 'arms.csv'),
      'trial,outcome,arm,events,n,source\nT,diabetes,IBM,362,73.2,me\nT,diabetes,no IBM,80,1215,me\n',
    );
    const spec = join(root, 'specs', 'file.yaml');
    writeFileSync(
      spec,
      section('[{ file: ../data/arms.csv, kind: arm-binary }]', '../data/arms.csv'),
    );
    const result = await runCli(['report', spec, '--out', join(root, 'out')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `${join(root, 'data', 'arms.csv')}:2: column "n": expected a whole number ≥ 1, found 73.2`,
    );
    // A dataset folder with a table not listed in its dataset.json.
    writeFileSync(join(root, 'data', 'ibm-veterans', 'extra.csv'), 'x\n');
    writeFileSync(spec, section('[../data/ibm-veterans]', '../data/ibm-veterans'));
    const folder = await runCli(['report', spec, '--out', join(root, 'out')]);
    expect(folder.code).toBe(2);
    expect(folder.stderr).toMatch(
      /ibm-veterans\/dataset\.json:\d+: column "files": expected an entry for every table file, found extra\.csv not listed/,
    );
  });

  it('a path that names nothing, a folder without dataset.json, a table of unknown kind: exit 2 with the spec path', async () => {
    const root = project();
    writeFileSync(join(root, 'data', 'lone.csv'), 'trial\n');
    mkdirSync(join(root, 'data', 'empty'));
    const spec = join(root, 'specs', 'bad.yaml');
    writeFileSync(
      spec,
      `title: t
summary: s
sections:
  - title: x
    datasets: [../data/nope, ../data/empty, ../data/lone.csv, { file: ../data/arms.csv, kind: arm-binaryy }, rapamy]
    analyses:
      - { id: a, type: trial-landscape, dataset: rapamy }
`,
    );
    const result = await runCli(['report', spec, '--out', join(root, 'out')]);
    expect(result.code).toBe(2);
    const lines = result.stderr.split('\n');
    expect(lines).toContain(
      `${spec}: at sections[0].datasets[0]: expected a dataset folder or a table file, relative to the spec, found "../data/nope" (no such file: ${join(root, 'data', 'nope')})`,
    );
    expect(lines).toContain(
      `${spec}: at sections[0].datasets[1]: expected a dataset folder (with a dataset.json), found "../data/empty", a folder without dataset.json`,
    );
    expect(
      lines.some((l) =>
        l.startsWith(
          `${spec}: at sections[0].datasets[2]: expected a table file whose kind is known: list it in a dataset.json beside it, or write { file: "../data/lone.csv", kind: <arm-continuous | `,
        ),
      ),
    ).toBe(true);
    expect(
      lines.some(
        (l) =>
          l.startsWith(
            `${spec}: at sections[0].datasets[3].kind: expected one of the kinds arm-continuous,`,
          ) && l.endsWith('found "arm-binaryy"'),
      ),
    ).toBe(true);
    expect(
      lines.some(
        (l) =>
          l.startsWith(`${spec}: at sections[0].datasets[4]: expected a bundled dataset (`) &&
          l.endsWith('found "rapamy"'),
      ),
    ).toBe(true);
  });
});

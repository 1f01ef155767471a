import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSelections } from '../../src/report/check-selections.js';
import type { ReportDataset } from '../../src/report/dataset.js';
import { runCli } from '../support/cli.js';
import { useTempDirs } from '../support/temp-dirs.js';

const tempDir = useTempDirs('trialstat-select');

const rapami = readFileSync('reports/rapami.yaml', 'utf8');

describe('report: an option that selects nothing', () => {
  it('a misspelt arm: exit 2 naming the spec path, the names that exist and the likely one; nothing written', async () => {
    const dir = tempDir();
    const spec = join(dir, 'rapami.yaml');
    writeFileSync(spec, rapami.replace('comparator: placebo', 'comparator: placebos'));
    const out = join(dir, 'out');
    const result = await runCli(['report', spec, '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^trialstat: .*rapami\.yaml: \d+ options? selects? nothing:\n/);
    expect(result.stderr).toContain(
      `${spec}: at sections[0].analyses[0].options.comparator: expected an arm in rapami + miles-lam (placebo, sirolimus), found "placebos", which selects nothing (did you mean "placebo"?)`,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(dir)).toEqual(['rapami.yaml']);
  });

  it('names that each exist but select no row together: exit 2 naming the analysis', async () => {
    const dir = tempDir();
    const spec = join(dir, 'combo.yaml');
    // ibm-veterans has the arm "IBM" and rapami has "sirolimus": read together, each exists, no outcome has both.
    writeFileSync(
      spec,
      'title: t\nsummary: s\nsections:\n  - title: x\n    datasets: [ibm-veterans, rapami]\n    analyses:\n      - { id: a, type: binary-comparison, dataset: [ibm-veterans, rapami], options: { arm: IBM, comparator: placebo } }\n',
    );
    const result = await runCli(['report', spec, '--out', join(dir, 'out')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `${spec}: at sections[0].analyses[0].options: expected options that select at least one row of ibm-veterans, rapami (for binary-comparison), found {"arm":"IBM","comparator":"placebo"}, which select nothing`,
    );
    expect(readdirSync(dir)).toEqual(['combo.yaml']);
  });

  it('checks list options element by element and table file names', () => {
    const dataset: ReportDataset = {
      name: 'd',
      title: 'D',
      sources: [],
      derivations: [],
      notes: [],
      tables: [
        {
          path: 'd/arms.csv',
          kind: 'arm-binary',
          rows: [
            { trial: 'T', outcome: 'death', arm: 'A', events: 1, n: 10 },
            { trial: 'T', outcome: 'stroke', arm: 'B', events: 2, n: 10 },
          ],
        },
      ],
    };
    const issues = checkSelections(
      dataset,
      ['arm-binary'],
      { arm: ['A', 'C'], comparator: 'B', outcomes: ['death', 'Stroke'], files: ['arm.csv'] },
      's.yaml',
      'sections[0].analyses[0]',
    );
    expect(issues.map((i) => [i.column, i.expected, i.found, i.hint])).toEqual([
      [
        'sections[0].analyses[0].options.files[0]',
        'an arm-binary table file of d (arms.csv)',
        '"arm.csv", which selects nothing',
        'did you mean "arms.csv"?',
      ],
    ]);
    // With the file name right, the row values are checked.
    const rows = checkSelections(
      dataset,
      ['arm-binary'],
      { arm: ['A', 'C'], comparator: 'B', outcomes: ['death', 'Stroke'] },
      's.yaml',
      'sections[0].analyses[0]',
    );
    expect(rows.map((i) => [i.column, i.expected, i.found, i.hint])).toEqual([
      [
        'sections[0].analyses[0].options.arm[1]',
        'an arm in d (A, B)',
        '"C", which selects nothing',
        'did you mean "A"?',
      ],
      [
        'sections[0].analyses[0].options.outcomes[1]',
        'an outcome in d (death, stroke)',
        '"Stroke", which selects nothing',
        'did you mean "stroke"?',
      ],
    ]);
    // A column the tables do not have (no population values) is not checked.
    expect(
      checkSelections(
        dataset,
        ['arm-binary'],
        { population: 'ITT', arm: 'A', comparator: 'B' },
        's.yaml',
        'x',
      ),
    ).toEqual([]);
  });
});

describe('report: warnings', () => {
  it('are printed on stderr, one line each, naming the report; --quiet hides them; --json carries them', async () => {
    const dir = tempDir();
    const shown = await runCli(['report', 'reports/rapami.yaml', '--out', dir]);
    expect(shown.code).toBe(0);
    const lines = shown.stderr.trim().split('\n');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^warning: rapami: .+/);
    expect(shown.stdout).toContain(
      `rapami.html (${lines.length} warning${lines.length === 1 ? '' : 's'})`,
    );
    const quiet = await runCli(['report', 'reports/rapami.yaml', '--out', dir, '--quiet']);
    expect(quiet.stderr).toBe('');
    const json = await runCli(['report', 'reports/rapami.yaml', '--out', dir, '--json']);
    expect(json.stderr).toBe('');
    const parsed = JSON.parse(json.stdout) as {
      reports: { name: string; file: string; warnings: string[] }[];
      index: string;
    };
    expect(parsed.reports[0]).toMatchObject({ name: 'rapami', file: join(dir, 'rapami.html') });
    expect(parsed.reports[0].warnings.map((w) => `warning: rapami: ${w}`)).toEqual(lines);
    expect(parsed.index).toBe(join(dir, 'index.html'));
  });
});

import { CHARTS } from '../../src/report/charts/index.js';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/program.js';
import { runCli } from '../support/cli.js';

const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'trialstat-report-cli-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('trialstat report', () => {
  it('builds every bundled report and an index, byte-identical on a second run', async () => {
    const a = tempDir();
    const b = tempDir();
    const first = await runCli(['report', '--out', a, '--quiet']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    await runCli(['report', '--out', b]);
    const files = readdirSync(a).sort();
    expect(files).toEqual(
      expect.arrayContaining([
        'index.html',
        'rapami.html',
        'dazukibart.html',
        'safety.html',
        'ibm-veterans.html',
        'single-arm-series.html',
      ]),
    );
    for (const file of files)
      expect(readFileSync(join(a, file)).equals(readFileSync(join(b, file))), file).toBe(true);
    expect(first.stdout).toContain(join(a, 'index.html'));
  }, 120_000); // two full builds (each chart drawn wide and for phones) on a shared machine

  it('exits 2 naming file, spec path, expected and found for a bad spec', async () => {
    const dir = tempDir();
    const spec = join(dir, 'bad.yaml');
    writeFileSync(
      spec,
      'title: t\nsummary: s\nsections:\n  - title: x\n    datasets: [rapami]\n    analyses:\n      - { id: a, type: binary-comparison, options: { arm: sirolimus, comparator: placebo } }\n    charts:\n      - { type: pie, analysis: a, title: t }\n',
    );
    const result = await runCli(['report', spec, '--out', join(dir, 'out')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `${spec}: at sections[0].charts[0].type: expected one of the charts ${[...CHARTS.keys()].join(', ')}, found "pie"`,
    );
    expect(() => readdirSync(join(dir, 'out'))).toThrow();
  });

  it('exits 2 for an unknown dataset and a missing spec file', async () => {
    const dir = tempDir();
    const spec = join(dir, 'bad.json');
    writeFileSync(
      spec,
      JSON.stringify({
        title: 't',
        summary: 's',
        sections: [{ title: 'x', datasets: ['nope'], analyses: [] }],
      }),
    );
    const result = await runCli(['report', spec, '--out', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /at sections\[0\]\.datasets\[0\]: expected a bundled dataset \(.*rapami.*\), .*, found "nope"/,
    );
    expect(result.stderr).toMatch(
      /at sections\[0\]\.analyses: expected a non-empty list, found a list of 0/,
    );
    expect((await runCli(['report', join(dir, 'missing.yaml')])).code).toBe(2);
  });

  it('exits 1 when an analysis fails and keeps the earlier output', async () => {
    const dir = tempDir();
    const spec = join(dir, 'fail.yaml');
    // An odds-ratio method asked of a risk ratio is a valid spec that fails when run.
    writeFileSync(
      spec,
      'title: t\nsummary: s\nsections:\n  - title: x\n    datasets: [ibm-veterans]\n    analyses:\n      - { id: a, type: binary-ratios, options: { measure: RR, method: woolf, arm: IBM, comparator: no IBM } }\n',
    );
    writeFileSync(join(dir, 'fail.html'), 'earlier');
    const result = await runCli(['report', spec, '--out', dir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'sections[0].analyses[0] (a, binary-ratios) failed: method woolf is not a risk-ratio method',
    );
    expect(readFileSync(join(dir, 'fail.html'), 'utf8')).toBe('earlier');
  });

  it('shows progress on stderr for several reports only when stderr is a terminal', async () => {
    const dir = tempDir();
    const specs = ['reports/ibm-veterans.yaml', 'reports/landscape.yaml'];
    let stderr = '';
    const io = {
      stdout: () => {},
      stderr: (text: string) => void (stderr += text),
      readStdin: async () => '',
      stderrIsTTY: true,
      color: false,
      cwd: process.cwd(),
    };
    expect(await run(['report', ...specs, '--out', dir], io)).toBe(0);
    expect(stderr).toMatch(/^\[1\/2\] ibm-veterans\n\[2\/2\] landscape\n(warning: .*\n)*$/);
    const quiet = await runCli(['report', ...specs, '--out', dir, '--quiet']);
    expect(quiet.stderr).toBe('');
  });

  it('prints a timestamp only with --timestamp', async () => {
    const dir = tempDir();
    await runCli(['report', '--out', dir, '--timestamp']);
    expect(readFileSync(join(dir, 'rapami.html'), 'utf8')).toMatch(/Built \d{4}-\d{2}-\d{2}T/);
  }, 120_000);
});

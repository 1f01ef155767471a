import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const bad = 'Serious adverse events: 10/22 (45%) vs 6/22 (30%). t(28) = 2.20, p = .03.';
const good = 'Serious adverse events: 10/22 (45%) vs 6/22 (27%).';

describe('trialstat scan', () => {
  it('prints a table and exits 1 when a figure is inconsistent', async () => {
    const result = await runCli(['scan', '-'], { stdin: bad });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('INCONSISTENT');
    expect(result.stdout).toContain('6/22 = 27.3 %, not 30 %');
    expect(result.stdout).toMatch(
      /<stdin>: 3 figures found — 1 consistent, 0 consistent only through rounding, 2 inconsistent, 0 not checked/,
    );
  });

  it('exits 0 when everything checks out, and prints the --json contract', async () => {
    const result = await runCli(['scan', '-', '--json'], { stdin: good });
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({
      file: '<stdin>',
      locale: 'en',
      format: 'text',
      summary: { findings: 2, consistent: 2, inconsistent: 0 },
    });
    expect(json.findings[0]).toMatchObject({
      kind: 'percent',
      text: '10/22 (45%)',
      start: 24,
      end: 35,
      line: 1,
      column: 25,
      verdict: 'consistent',
      numbers: { count: 10, n: 22 },
    });
    expect(Object.keys(json.findings[0]).sort()).toEqual([
      'check',
      'column',
      'end',
      'kind',
      'line',
      'numbers',
      'reason',
      'sentence',
      'start',
      'text',
      'verdict',
    ]);
  });

  it('reads a file, guesses HTML from the extension and writes a self-contained page with --html', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scan-'));
    writeFileSync(
      join(dir, 'abstract.html'),
      '<html><body><p>SAEs: 10/22 (45&nbsp;%) vs 6/22 (30&nbsp;%).</p><script>alert(1)</script><p>HR 0.72 (0.61&ndash;0.85) &lt;b&gt;</p></body></html>',
    );
    const result = await runCli(['scan', 'abstract.html', '--html', 'out/scan.html'], { cwd: dir });
    expect(result.code).toBe(1);
    const page = readFileSync(join(dir, 'out', 'scan.html'), 'utf8');
    expect(page).toContain('Content-Security-Policy');
    expect(page).not.toMatch(/<script/i);
    expect(page).toContain('<mark class="inconsistent"');
    expect(page).toContain('<mark class="consistent"');
    expect(page).toContain('&lt;b&gt;'); // document text is escaped, never markup
    expect(page).toMatch(/6\/22 = 27\.3 %, not 30 %/);
    expect(result.stdout).toContain('wrote out/scan.html');
  });

  it('reads French Markdown', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scan-'));
    writeFileSync(
      join(dir, 'resume.md'),
      '# Résultats\n\n- Parmi les 11 patients inclus, **60 %** avaient le variant.\n- OR 2,1 (IC 95 % 1,2–3,7) ; p=0,01\n',
    );
    const result = await runCli(['scan', 'resume.md', '--json'], { cwd: dir });
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({ locale: 'fr', format: 'markdown' });
    expect(json.findings.map((f: { verdict: string }) => f.verdict)).toEqual([
      'inconsistent',
      'consistent',
    ]);
    expect(json.findings[0]).toMatchObject({ line: 3 });
  });

  it('exits 2 for an unreadable file or a bad option, without writing a page', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scan-'));
    const missing = await runCli(['scan', 'nope.txt', '--html', 'x.html'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('nope.txt');
    expect(missing.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(existsSync(join(dir, 'x.html'))).toBe(false);
    const format = await runCli(['scan', '-', '--format', 'pdf'], { stdin: good });
    expect(format.code).toBe(2);
    writeFileSync(join(dir, 'binary.txt'), 'ab\u0000cd');
    expect((await runCli(['scan', 'binary.txt'], { cwd: dir })).code).toBe(2);
  });

  it('has help with examples', async () => {
    const help = await runCli(['scan', '--help']);
    expect(help.stdout).toContain('Examples:');
    expect(help.stdout).toContain('--html <out>');
  });
});

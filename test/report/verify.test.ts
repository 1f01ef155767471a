import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

let dir: string;
let html: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'trialstat-verify-'));
  const built = await runCli(['report', 'reports/rapami.yaml', '--out', dir]);
  expect(built.code).toBe(0);
  html = readFileSync(join(dir, 'rapami.html'), 'utf8');
});

function tampered(name: string, edit: (text: string) => string): string {
  const changed = edit(html);
  expect(changed).not.toBe(html);
  const file = join(dir, name);
  writeFileSync(file, changed);
  return file;
}

describe('trialstat verify', () => {
  it('reproduces every number of a freshly built report', async () => {
    const result = await runCli(['verify', join(dir, 'rapami.html'), '--json']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as {
      verified: boolean;
      numbers: number;
      drifts: unknown[];
    };
    expect(json.verified).toBe(true);
    expect(json.numbers).toBeGreaterThan(1000);
    expect(json.drifts).toEqual([]);
  });

  it('detects a single changed digit in a table and says where it is', async () => {
    const file = tampered('digit.html', (text) => text.replace('10/22 (45.5%)', '10/22 (46.5%)'));
    const result = await runCli(['verify', file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('DRIFTED — 1 of');
    expect(result.stdout).toMatch(
      /section "Serious adverse events at month 12", a table \(Data for figure \d+\): 46\.5 in the report, 45\.5 recomputed/,
    );
  });

  it('detects a changed digit inside a chart drawing', async () => {
    const svgStart = html.indexOf('<svg');
    const position = html.indexOf('translate(', svgStart) + 'translate('.length;
    const file = tampered(
      'svg.html',
      (text) =>
        text.slice(0, position) + (text[position] === '9' ? '8' : '9') + text.slice(position + 1),
    );
    const result = await runCli(['verify', file, '--json']);
    expect(result.code).toBe(1);
    expect(
      (JSON.parse(result.stdout) as { drifts: { location: string }[] }).drifts[0].location,
    ).toContain('a chart drawing');
  });

  it('detects changed inputs: the numbers no longer follow from the embedded data', async () => {
    // Serious adverse events 10/22 → 11/22 in the embedded dataset rows.
    const file = tampered('input.html', (text) =>
      text.replace(
        /("outcome":"serious adverse events","arm":"sirolimus","timepoint":"month 12","events":)10,/,
        '$111,',
      ),
    );
    const result = await runCli(['verify', file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('DRIFTED');
  });

  it('exits 2 for a file that is not a trialstat report', async () => {
    const file = join(dir, 'plain.html');
    writeFileSync(file, '<!doctype html><p>hello</p>');
    const result = await runCli(['verify', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('trialstat-manifest');
    expect((await runCli(['verify', join(dir, 'missing.html')])).code).toBe(2);
  });
});

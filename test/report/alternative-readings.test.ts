import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

describe('alternative readings in reports', () => {
  it('are left out of the analyses and listed in the provenance section', async () => {
    const out = mkdtempSync(join(tmpdir(), 'trialstat-readings-'));
    const result = await runCli(['report', 'reports/single-arm-series.yaml', '--out', out]);
    expect(result.code).toBe(0);
    const html = readFileSync(join(out, 'single-arm-series.html'), 'utf8');
    const provenance = html.slice(html.indexOf('<section id="provenance">'));
    expect(provenance).toContain(
      'Alternative readings (sources conflict; kept in the dataset, left out of the analyses)',
    );
    expect(provenance).toContain('Jasinski 2017, ITP (seed-004 reading)');
    // The forest plot's data table pools primary readings only: neither seed-004's 10/12 nor the hypothesis 8/11.
    const body = html.slice(0, html.indexOf('<section id="provenance">'));
    expect(body).not.toContain('seed-004 reading');
    expect(body).not.toContain('hypothesised 8/11');
  });
});

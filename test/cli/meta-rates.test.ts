import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { loadFixture } from '../stats/meta/fixture.js';

const h = loadFixture('meta_rates').hart;
const rows = h.study.map((s: string, i: number) => [s, h.x1i[i], h.t1i[i], h.x2i[i], h.t2i[i]]);
const twoCsv = `study,events1,time1,events2,time2\n${rows.map((r: unknown[]) => r.join(',')).join('\n')}\n`;
const oneCsv = `study,events,time\n${rows.map((r: unknown[]) => r.slice(0, 3).join(',')).join('\n')}\n`;

describe('trialstat meta with incidence rates (dat.hart1999)', () => {
  it('--measure IRR: --json on the natural scale, log-scale fields as metafor rma', async () => {
    const r = await runCli(['meta', '-', '--measure', 'IRR', '--method', 'DL', '--json'], {
      stdin: twoCsv,
    });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    const ref = h.two[0].fits[1];
    expect(out.logEstimate).toBeCloseTo(ref.estimate, 8);
    expect(out.estimate).toBeCloseTo(Math.exp(ref.estimate), 8);
    expect(out.logCi.upper).toBeCloseTo(ref['ci.ub'], 8);
    expect(out.tau2).toBeCloseTo(ref.tau2, 8);
  });
  it('--measure IRLN and IRS (single rates), text names the scale', async () => {
    const ln = await runCli(['meta', '-', '--measure', 'IRLN'], { stdin: oneCsv });
    expect(ln.code).toBe(0);
    expect(ln.stdout).toMatch(/Random effects \(REML\): rate 0\.0222 .*log rate/);
    const sq = JSON.parse(
      (await runCli(['meta', '-', '--measure', 'IRS', '--json'], { stdin: oneCsv })).stdout,
    );
    expect(sq.estimate).toBeCloseTo(h.one[1].fits[0].estimate, 7);
    expect(sq.transformed.transform).toBe('square');
  });
  it('a missing person-time column is a located input error (exit 2)', async () => {
    const r = await runCli(['meta', '-', '--measure', 'IRR'], {
      stdin: 'study,events1,n1,events2,n2\nA,1,10,2,10\n',
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/time1/);
  });
});

describe('trialstat meta on a dataset of arm-rate rows', () => {
  const folder = (): string => {
    const root = mkdtempSync(join(tmpdir(), 'meta-rates-'));
    const dir = join(root, 'hart-warfarin');
    mkdirSync(dir);
    const lines = ['trial,outcome,arm,events,person_time,unit'];
    h.study.forEach((s: string, i: number) => {
      lines.push(`${s},stroke,warfarin,${h.x1i[i]},${h.t1i[i]},patient-years`);
      lines.push(`${s},stroke,placebo or control,${h.x2i[i]},${h.t2i[i]},patient-years`);
    });
    writeFileSync(join(dir, 'rates.csv'), `${lines.join('\n')}\n`);
    writeFileSync(
      join(dir, 'dataset.json'),
      JSON.stringify({
        name: 'hart-warfarin',
        title: 'Warfarin vs placebo or control in atrial fibrillation',
        description: 'dat.hart1999 (metadat) as arm-rate rows, for the test.',
        files: [{ path: 'rates.csv', kind: 'arm-rate', description: 'strokes per patient-years' }],
        sources: [
          {
            key: 'hart-1999',
            citation: 'Hart RG et al. Ann Intern Med 1999;131:492',
            doi: '10.7326/0003-4819-131-7-199910050-00003',
          },
        ],
      }),
    );
    return dir;
  };
  it('pairs each trial’s arms (control by name) and pools the IRR as from the CSV', async () => {
    const dir = folder();
    const r = await runCli(['meta', dir, '--measure', 'IRR', '--method', 'DL', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.k).toBe(6);
    expect(out.logEstimate).toBeCloseTo(h.two[0].fits[1].estimate, 8);
    const single = await runCli(['meta', dir, '--measure', 'IRLN', '--json']);
    expect(JSON.parse(single.stdout).k).toBe(12);
  });
});

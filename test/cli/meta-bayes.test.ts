import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { loadFixture } from '../stats/meta/fixture.js';

const b = loadFixture('meta_bayes');
const schools = b.cases[0];
const schoolsCsv = `study,yi,sei\n${schools.y.map((y: number, i: number) => `${'ABCDEFGH'[i]},${y},${schools.se[i]}`).join('\n')}\n`;

const schoolsArgs = ['meta', '-', '--measure', 'GEN', '--bayes', '--tau-prior', 'half-cauchy:25'];
const bayes = (...args: string[]) => runCli([...schoolsArgs, ...args], { stdin: schoolsCsv });

describe('trialstat meta --bayes', () => {
  it('--json matches the R integrate() reference (eight schools, half-Cauchy(25), μ ~ N(0, 50))', async () => {
    const r = await bayes('--mu-prior', '0,50', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.method).toBe('bayes');
    expect(out.mu.median).toBeCloseTo(schools.mu.median, 6);
    expect(out.tau.median).toBeCloseTo(schools.tau.median, 6);
    expect(out.ci.lower).toBeCloseTo(schools.mu.shortest[0], 6);
    expect(out.studies[0].median).toBeCloseTo(schools['shrinkage.median'][0], 6);
  });
  it('text, --interval central and --explain', async () => {
    const r = await bayes('--interval', 'central', '--explain');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/τ prior half-cauchy\(scale 25\), μ prior uniform \(improper\)/);
    expect(r.stdout).toMatch(/95% central interval/);
    expect(r.stdout).toMatch(/How it was computed \(Bayesian random effects/);
    expect(r.stdout).toMatch(/shrinkage: θᵢ \| τ/);
  });
  it.each([
    [['--bayes'], /--tau-prior.*GEN scale/],
    [['--bayes', '--tau-prior', 'half-normal:-1'], /--tau-prior/],
    [['--bayes', '--tau-prior', 'uniform', '--mu-prior', '0'], /--mu-prior/],
    [['--tau-prior', 'uniform'], /to be used with --bayes/],
    [['--bayes', '--tau-prior', 'uniform', '--method', 'DL'], /not with --method/],
  ])('usage mistakes exit 2: %j', async (args, message) => {
    const r = await runCli(['meta', '-', '--measure', 'GEN', ...args], { stdin: schoolsCsv });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

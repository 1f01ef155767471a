import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { expectClose, readFixture } from '../stats/continuous/close.js';

interface Limits {
  lower: number;
  upper: number;
}
const fixture = readFixture<{
  ci: { x: number; n: number; level: number; wilson: Limits; exact: Limits; jeffreys: Limits }[];
  binomTest: { x: number; n: number; p0: number; twoSided: number }[];
}>('proportion');

describe('trialstat prop', () => {
  it('prints the JSON contract, matching R', async () => {
    const result = await runCli(['prop', '--events', '9', '--n', '22', '--json']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    const want = fixture.ci.find((c) => c.x === 9 && c.n === 22 && c.level === 0.95)!;
    expect(json.estimate).toBe(9 / 22);
    expectClose(json.ci.lower, want.wilson.lower, 1e-10);
    expectClose(json.ci.upper, want.wilson.upper, 1e-10);
    expect(json.ci).toMatchObject({ level: 0.95, method: 'wilson' });
    expect(json.test).toBeNull();
  });

  it('runs the exact binomial test with --p0 and other CI methods', async () => {
    const result = await runCli([
      'prop',
      '--events',
      '9',
      '--n',
      '22',
      '--p0',
      '0.2',
      '--ci-method',
      'exact',
      '--level',
      '0.9',
      '--json',
    ]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    const ci = fixture.ci.find((c) => c.x === 9 && c.n === 22 && c.level === 0.9)!;
    expectClose(json.ci.lower, ci.exact.lower, 1e-9);
    expectClose(json.ci.upper, ci.exact.upper, 1e-9);
    const test = fixture.binomTest.find((c) => c.x === 9 && c.n === 22 && c.p0 === 0.2)!;
    expectClose(json.test.p, test.twoSided, 1e-10);
  });

  it('prints like a paper, with warnings and --explain', async () => {
    const plain = await runCli(['prop', '--events', '10', '--n', '12', '--p0', '0.5']);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(
      /^Proportion 0\.833 \(95% CI 0\.\d{3} to 0\.\d{3}\) — 10\/12, Wilson score\n/,
    );
    expect(plain.stdout).toMatch(
      /Exact binomial test of proportion = 0\.5: p = 0\.039 \(two-sided\)/,
    );
    const wald = await runCli(['prop', '--events', '1', '--n', '10', '--ci-method', 'wald']);
    expect(wald.stderr).toMatch(
      /^warning: the wald interval .* extends beyond \[0, 1\] and was clipped/m,
    );
    expect(wald.stdout).not.toMatch(/warning/);
    const explained = await runCli([
      'prop',
      '--events',
      '0',
      '--n',
      '15',
      '--ci-method',
      'jeffreys',
      '--explain',
    ]);
    expect(explained.stdout).toMatch(/lower: 0 when x = 0/);
    expect(explained.stdout).toMatch(/How it was computed \(Jeffreys\)/);
  });

  it('exits 2 naming the option and the value for bad input', async () => {
    const cases: [string[], RegExp][] = [
      [['prop', '--events', '11', '--n', '10'], /--events.*11/],
      [['prop', '--events', '-1', '--n', '10'], /--events.*-1/],
      [['prop', '--events', '1', '--n', '10', '--level', '1.5'], /--level.*1\.5/],
      [['prop', '--events', '1', '--n', '10', '--p0', '2'], /--p0.*2/],
      [['prop', '--events', '1', '--n', '10', '--ci-method', 'score'], /--ci-method.*score/],
    ];
    for (const [argv, message] of cases) {
      const result = await runCli(argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr, argv.join(' ')).toMatch(message);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

describe('trialstat fingerprint', () => {
  it('finds the Koopman interval (Koopman 1984, Biometrics 40:513: 36/40 vs 16/80, RR 4.50, 2.94 to 7.15)', async () => {
    const result = await runCli(['fingerprint', 'props', '--events1', '36', '--n1', '40', '--events2', '16', '--n2', '80', '--measure', 'RR', '--reported-estimate', '4.50', '--reported-lower', '2.94', '--reported-upper', '7.15', '--json']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as { matches: { methods: { ci: string; level: number } }[] };
    expect(json.matches[0].methods).toMatchObject({ ci: 'koopman', level: 0.95 });
  });

  it('lists mean-difference methods and exits 1 with the nearest when nothing matches', async () => {
    const matching = await runCli(['fingerprint', 'means', '--n1', '12', '--mean1', '10', '--sd1', '3', '--n2', '40', '--mean2', '7', '--sd2', '8', '--reported-p', '0.212']);
    expect(matching.code).toBe(0);
    expect(matching.stdout).toContain('Student t');
    const none = await runCli(['fingerprint', 'means', '--n1', '12', '--mean1', '10', '--sd1', '3', '--n2', '40', '--mean2', '7', '--sd2', '8', '--reported-p', '0.01']);
    expect(none.code).toBe(1);
    expect(none.stdout).toContain('Nearest');
  });

  it('exits 2 without any reported figure or with bad input', async () => {
    const nothing = await runCli(['fingerprint', 'props', '--events1', '3', '--n1', '10', '--events2', '1', '--n2', '10', '--measure', 'RD']);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain('--reported-estimate');
    const tooMany = await runCli(['fingerprint', 'props', '--events1', '30', '--n1', '10', '--events2', '1', '--n2', '10', '--measure', 'RD', '--reported-p', '0.1']);
    expect(tooMany.code).toBe(2);
    expect(tooMany.stderr).toContain('--events1');
  });
});

import { describe, expect, it } from 'vitest';
import { stratifiedTwoByTwo } from '../../src/stats/binary/stratified-two-by-two.js';
import { runCli } from '../support/cli.js';

const ugdp = ['strata', '--stratum', '8/106,5/120', '--stratum', '22/98,16/85'];

describe('trialstat strata', () => {
  it('prints the MH estimates beside the crude ones, the CMH test and Breslow–Day / Tarone', async () => {
    const r = await runCli(ugdp);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'RR (MH) 1.33 (95% CI 0.80 to 2.20) [mh-greenland-robins]; crude 1.44',
    );
    expect(r.stdout).toContain('RD (MH) 0.035 (95% CI −0.028 to 0.097) [mh-sato]');
    expect(r.stdout).toMatch(
      /Cochran-Mantel-Haenszel \(continuity-corrected\) X² = 0\.880, p = 0\.35/,
    );
    expect(r.stdout).toMatch(/Tarone correction X² = 0\.349, df = 1/);
  });

  it('--json is the library result; options reach it', async () => {
    const r = await runCli([
      ...ugdp,
      '--json',
      '--level',
      '0.9',
      '--rd-variance',
      'greenland-robins',
      '--no-correct',
    ]);
    const json = JSON.parse(r.stdout);
    const lib = stratifiedTwoByTwo(
      [
        { events1: 8, n1: 106, events2: 5, n2: 120 },
        { events1: 22, n1: 98, events2: 16, n2: 85 },
      ],
      { level: 0.9, rdVariance: 'greenland-robins', correct: false },
    );
    expect(json.rd.ci).toEqual(lib.rd.ci);
    expect(json.tests.mantelHaenszel.statistic).toBe(lib.tests.mantelHaenszel.statistic);
    expect(json.tests.mantelHaenszel.correct).toBe(false);
    expect(json.strata).toBe(2);
  });

  it('bad input exits 2 with a one-line message', async () => {
    for (const bad of ['8/106,5/', '9/8,1/4', '1/0,1/4']) {
      const r = await runCli(['strata', '--stratum', bad]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--stratum/);
      expect(r.stderr).not.toMatch(/at .*\.js/);
    }
    expect((await runCli(['strata'])).code).toBe(2);
  });
});

import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

describe('trialstat fingerprint', () => {
  it('finds the Koopman interval (Koopman 1984, Biometrics 40:513: 36/40 vs 16/80, RR 4.50, 2.94 to 7.15)', async () => {
    const result = await runCli([
      'fingerprint',
      'props',
      '--events1',
      '36',
      '--n1',
      '40',
      '--events2',
      '16',
      '--n2',
      '80',
      '--measure',
      'RR',
      '--reported-estimate',
      '4.50',
      '--reported-lower',
      '2.94',
      '--reported-upper',
      '7.15',
      '--json',
    ]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as {
      matches: { methods: { ci: string; level: number } }[];
    };
    expect(json.matches[0].methods).toMatchObject({ ci: 'koopman', level: 0.95 });
  });

  it('lists mean-difference methods and exits 1 with the nearest when nothing matches', async () => {
    const matching = await runCli([
      'fingerprint',
      'means',
      '--n1',
      '12',
      '--mean1',
      '10',
      '--sd1',
      '3',
      '--n2',
      '40',
      '--mean2',
      '7',
      '--sd2',
      '8',
      '--reported-p',
      '0.212',
    ]);
    expect(matching.code).toBe(0);
    expect(matching.stdout).toContain('Student t');
    const none = await runCli([
      'fingerprint',
      'means',
      '--n1',
      '12',
      '--mean1',
      '10',
      '--sd1',
      '3',
      '--n2',
      '40',
      '--mean2',
      '7',
      '--sd2',
      '8',
      '--reported-p',
      '0.01',
    ]);
    expect(none.code).toBe(1);
    expect(none.stdout).toContain('Nearest');
  });

  it('exits 2 without any reported figure or with bad input', async () => {
    const nothing = await runCli([
      'fingerprint',
      'props',
      '--events1',
      '3',
      '--n1',
      '10',
      '--events2',
      '1',
      '--n2',
      '10',
      '--measure',
      'RD',
    ]);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain('--reported-estimate');
    const tooMany = await runCli([
      'fingerprint',
      'props',
      '--events1',
      '30',
      '--n1',
      '10',
      '--events2',
      '1',
      '--n2',
      '10',
      '--measure',
      'RD',
      '--reported-p',
      '0.1',
    ]);
    expect(tooMany.code).toBe(2);
    expect(tooMany.stderr).toContain('--events1');
  });
});

describe('trialstat fingerprint meta', () => {
  it("finds REML with a Wald CI behind metafor's BCG example (RR 0.49 [0.34, 0.70], τ² 0.313)", async () => {
    const bcg = [
      [4, 119, 11, 128],
      [6, 300, 29, 274],
      [3, 228, 11, 209],
      [62, 13536, 248, 12619],
      [33, 5036, 47, 5761],
      [180, 1361, 372, 1079],
      [8, 2537, 10, 619],
      [505, 87886, 499, 87892],
      [29, 7470, 45, 7232],
      [17, 1699, 65, 1600],
      [186, 50448, 141, 27197],
      [5, 2493, 3, 2338],
      [27, 16886, 29, 17825],
    ];
    const csv = [
      'study,events1,n1,events2,n2',
      ...bcg.map(([a, b, c, d], i) => `${i + 1},${a},${a + b},${c},${c + d}`),
    ].join('\n');
    const result = await runCli(
      [
        'fingerprint',
        'meta',
        '-',
        '--measure',
        'RR',
        '--reported-estimate',
        '0.49',
        '--reported-lower',
        '0.34',
        '--reported-upper',
        '0.70',
        '--reported-tau2',
        '0.313',
        '--json',
      ],
      { stdin: csv },
    );
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as {
      matches: { methods: { model: string; method: string; test: string } }[];
    };
    expect(json.matches.map((m) => m.methods)).toEqual([
      expect.objectContaining({ model: 'IV', method: 'REML', test: 'z' }),
    ]);
  });
});

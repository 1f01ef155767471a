import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ADJUST_METHODS } from '../../src/stats/adjust.js';
import { runCli } from '../support/cli.js';
import { expectClose } from '../support/close.js';

// R's p.adjust, written by test/reference/adjust.R (fixtures/adjust.json).
interface Case {
  name: string;
  p: (number | null)[];
  adjusted: Record<string, (number | null)[]>;
}
const { cases } = JSON.parse(readFileSync('test/reference/fixtures/adjust.json', 'utf8')) as {
  cases: Case[];
};

describe('trialstat adjust matches R p.adjust', () => {
  for (const c of cases) {
    it(`${c.name}: every method (--method all --json)`, async () => {
      const r = await runCli([
        'adjust',
        ...c.p.map((x) => (x === null ? 'NA' : String(x))),
        '--method',
        'all',
        '--json',
      ]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout) as {
        p: (number | null)[];
        n: number;
        methods: string[];
        adjusted: Record<string, (number | null)[]>;
      };
      expect(out.methods).toEqual([...ADJUST_METHODS]);
      expect(out.p).toEqual(c.p);
      expect(out.n).toBe(c.p.filter((x) => x !== null).length);
      for (const [method, want] of Object.entries(c.adjusted)) {
        want.forEach((w, i) => {
          if (w === null) expect(out.adjusted[method][i]).toBeNull();
          else expectClose(out.adjusted[method][i] as number, w, 1e-10, 0, `${method}[${i}]`);
        });
      }
    });
  }

  it('defaults to holm and prints a table in input order', async () => {
    const r = await runCli(['adjust', '0.04', '0.01', '0.02']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').slice(0, 5)).toEqual([
      '   p  holm',
      '----  ----',
      '0.04  0.04',
      '0.01  0.03',
      '0.02  0.04',
    ]);
  });

  it('reads p-values from stdin, with NA for a missing one', async () => {
    const r = await runCli(['adjust', '-', '--method', 'BH', '--json'], {
      stdin: '0.01, 0.02\nNA\n0.04\n',
    });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).adjusted.BH).toEqual([0.03, 0.03, null, 0.04]);
  });

  it('bad input names the value and where it is (exit 2)', async () => {
    const cases: [string[], string | undefined, RegExp][] = [
      [
        ['0.01', '1.2'],
        undefined,
        /^trialstat: p-value 2: expected a p-value in \[0, 1\] or NA, found "1.2"/,
      ],
      [['0,05'], undefined, /decimal comma\? use 0\.05/],
      [['-'], '0.1\n0.x\n', /^trialstat: <stdin>:2: value 1: expected a p-value/],
      [['-'], '\n', /at least one p-value/],
      [['0.1', '--method', 'sidak'], undefined, /--method.*expected one of bonferroni/],
    ];
    for (const [argv, stdin, message] of cases) {
      const r = await runCli(['adjust', ...argv], { stdin });
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr, argv.join(' ')).toMatch(message);
    }
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectClose } from '../support/close.js';
import { runCli } from '../support/cli.js';

/** R prop.test(x, n, p0, correct, alternative), written by test/reference/proportion_test.R. */
const fx = JSON.parse(readFileSync('test/reference/fixtures/proportion_test.json', 'utf8')) as {
  cases: ({ x: number; n: number; p0: number } & Record<
    string,
    { statistic: number; p: number }
  >)[];
};

describe('trialstat prop --p0 --test score|score-cc (R prop.test p-values, 1e-10)', () => {
  for (const c of fx.cases.filter((_, i) => i % 7 === 0)) {
    for (const [test, key] of [
      ['score-cc', 'cc'],
      ['score', 'plain'],
    ] as const) {
      for (const alternative of ['two-sided', 'less', 'greater'] as const) {
        const ref = c[`${key}_${alternative === 'two-sided' ? 'two.sided' : alternative}`];
        it(`${c.x}/${c.n}, p0 ${c.p0}, ${test}, ${alternative}: p ${ref.p}`, async () => {
          const args = ['prop', '--events', `${c.x}`, '--n', `${c.n}`, '--p0', `${c.p0}`];
          const r = await runCli([...args, '--test', test, '--alternative', alternative, '--json']);
          expect(r.code, r.stderr).toBe(0);
          const json = JSON.parse(r.stdout);
          expectClose(json.test.p, ref.p, 1e-10, 1e-15);
          expectClose(json.test.statistic, ref.statistic, 1e-10, 1e-15);
        });
      }
    }
  }
  it('--test and --alternative need --p0; the binomial test is two-sided only', async () => {
    expect((await runCli(['prop', '--events', '3', '--n', '9', '--test', 'score'])).code).toBe(2);
    const alt = await runCli([
      'prop',
      '--events',
      '3',
      '--n',
      '9',
      '--p0',
      '0.5',
      '--alternative',
      'less',
    ]);
    expect(alt.code).toBe(2);
    expect(alt.stderr).toContain('--alternative');
  });
  it('text output names the test and the statistic', async () => {
    const r = await runCli([
      'prop',
      '--events',
      '9',
      '--n',
      '22',
      '--p0',
      '0.5',
      '--test',
      'score-cc',
    ]);
    expect(r.stdout).toContain(
      '1-sample proportions test with continuity correction of proportion = 0.5: X² = 0.409091, p = 0.52',
    );
  });
});

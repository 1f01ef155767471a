import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  pairedMeanDifference,
  type PairedSummary,
} from '../../../src/stats/continuous/paired-mean-difference.js';
import { expectClose } from '../../support/close.js';

/**
 * Paired mean difference against R's t.test(x, y, paired = TRUE) run on raw data built to have
 * exactly the given summary statistics (test/reference/paired_mean.R): both input forms, three
 * levels, three alternatives. The raw data agree with the summaries to ~1e−15, so 1e−10.
 */
interface Case {
  input: PairedSummary;
  level: number;
  alternative: 'two.sided' | 'less' | 'greater';
  estimate: number;
  statistic: number;
  df: number;
  p: number;
  ci: (number | string)[];
}
const fixture = JSON.parse(
  readFileSync(new URL('../../reference/fixtures/paired_mean.json', import.meta.url), 'utf8'),
) as { cases: Case[] };
const decode = (v: number | string) =>
  v === 'Inf' ? Infinity : v === '-Inf' ? -Infinity : (v as number);

describe('pairedMeanDifference', () => {
  it(`matches t.test(paired = TRUE) (${fixture.cases.length} cases)`, () => {
    for (const c of fixture.cases) {
      const alternative = c.alternative === 'two.sided' ? 'two-sided' : c.alternative;
      const r = pairedMeanDifference(c.input, { level: c.level, alternative });
      const where = `${JSON.stringify(c.input)} ${c.alternative} ${c.level}`;
      expectClose(r.estimate, c.estimate, 1e-10, 1e-12, `estimate ${where}`);
      expectClose(r.test.statistic, c.statistic, 1e-10, 1e-12, `t ${where}`);
      expect(r.df).toBe(c.df);
      expectClose(r.test.p, c.p, 1e-9, 1e-300, `p ${where}`);
      expectClose(r.ci.lower, decode(c.ci[0]), 1e-10, 1e-12, `lower ${where}`);
      expectClose(r.ci.upper, decode(c.ci[1]), 1e-10, 1e-12, `upper ${where}`);
      expect(r.derivation.length).toBe('correlation' in c.input ? 1 : 0);
    }
  });

  it('rejects bad input with the argument named', () => {
    expect(() => pairedMeanDifference({ n: 1, meanDifference: 1, sdDifference: 1 })).toThrow(/n/);
    expect(() => pairedMeanDifference({ n: 5, meanDifference: 1, sdDifference: 0 })).toThrow(
      /sdDifference/,
    );
    expect(() =>
      pairedMeanDifference({ n: 5, mean1: 1, sd1: 2, mean2: 0, sd2: 2, correlation: 1 }),
    ).toThrow(/correlation/);
    expect(() =>
      pairedMeanDifference({ n: 5, mean1: 1, sd1: 2, mean2: 0, sd2: 2, correlation: 1.2 }),
    ).toThrow(/correlation/);
  });
});

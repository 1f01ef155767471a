import { describe, expect, it } from 'vitest';
import { keyResults } from '../../src/report/key-results.js';

describe('key results: the sentences a report opens with', () => {
  it('states a pooled estimate with its interval, one count of decimals', () => {
    expect(
      keyResults(
        {
          kind: 'effects',
          scale: 'log',
          axisTitle: 'Risk ratio',
          rows: [{ label: 'A', estimate: 0.5, lower: 0.3, upper: 0.9 }],
          pooled: {
            label: 'Random effects (REML)',
            estimate: 0.4894,
            lower: 0.3441,
            upper: 0.6962,
          },
        },
        'BCG',
      ),
    ).toEqual(['BCG: risk ratio, random effects (REML) 0.49 (0.34 to 0.70).']);
  });
  it('lists a few estimates, and none when there are many and no pooled one', () => {
    const row = (label: string) => ({ label, estimate: 34.4, lower: 2.54, upper: 66.3 });
    expect(
      keyResults(
        { kind: 'effects', scale: 'linear', axisTitle: 'MD (m)', rows: [row('Rapami')] },
        'Walk',
      ),
    ).toEqual(['Walk: MD (m): Rapami 34.4 (2.5 to 66.3).']);
    const many = ['a', 'b', 'c', 'd', 'e'].map(row);
    expect(
      keyResults({ kind: 'effects', scale: 'linear', axisTitle: 'MD', rows: many }, 'S'),
    ).toEqual([]);
  });
  it('tallies an audit, with the right number words', () => {
    const row = (consistent: boolean) => ({
      label: '12% of 22',
      half: 0.5,
      nearest: [],
      consistent,
      verdict: consistent ? '3/22' : 'impossible',
    });
    expect(keyResults({ kind: 'percent-audit', rows: [row(true)] }, 'Audit')).toEqual([
      'Audit: 1 of 1 printed percentage can come from a whole count of its denominator.',
    ]);
    expect(
      keyResults({ kind: 'percent-audit', rows: [row(true), row(false), row(false)] }, 'Audit'),
    ).toEqual([
      'Audit: 1 of 3 printed percentages can come from a whole count of their denominator; 2 cannot (or do not match).',
    ]);
  });
});

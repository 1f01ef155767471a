import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mantelHaenszelWeights } from '../../../src/stats/meta/mantel-haenszel-weights.js';

// metafor weights.rma.mh / weights.rma.peto on dat.bcg: test/reference/two_arm_meta.R.
const R = JSON.parse(
  readFileSync(new URL('../../reference/fixtures/two_arm_meta.json', import.meta.url), 'utf8'),
);
const rows = readFileSync(
  new URL('../../../datasets/bcg-vaccine/arms-binary.csv', import.meta.url),
  'utf8',
)
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split(','));
const bcg = R.studies.map((study: string, i: number) => ({
  study,
  events1: Number(rows[2 * i][3]),
  n1: Number(rows[2 * i][4]),
  events2: Number(rows[2 * i + 1][3]),
  n2: Number(rows[2 * i + 1][4]),
}));

describe('mantelHaenszelWeights (metafor weights.rma.mh, weights.rma.peto)', () => {
  it.each([
    ['MH-RR', R.mh_weights.RR],
    ['MH-OR', R.mh_weights.OR],
    ['MH-RD', R.mh_weights.RD],
    ['Peto', R.peto.weights],
  ] as const)('%s on dat.bcg, 1e-12', (method, expected: number[]) => {
    const w = mantelHaenszelWeights(bcg, method);
    w.forEach((x, i) => expect(Math.abs(x - expected[i]) / expected[i]).toBeLessThan(1e-12));
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 10);
  });
  it('rejects an unknown method and a zero total weight', () => {
    expect(() => mantelHaenszelWeights(bcg, 'IV' as never)).toThrow(/MH-RR/);
    expect(() =>
      mantelHaenszelWeights([{ events1: 1, n1: 5, events2: 0, n2: 5 }], 'MH-RR'),
    ).toThrow(/positive total weight/);
  });
});

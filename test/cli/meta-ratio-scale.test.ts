import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

/**
 * `meta --json` with a ratio measure: every estimate and interval limit under a natural-scale
 * name (`estimate`, `limitEstimate`, `ci`, `pi`) is a ratio, so positive; the log-scale values
 * are under names that say so (`logEstimate`, `logCi`, `logPi`, `logLimitEstimate`,
 * `logValues`, a study's `yi`). The BCG trials have a log RR below 0, so a log value left under
 * a natural name shows as a negative number. Regression coefficients, funnel axes (`points`,
 * `centre`, `region`) and heterogeneity intervals are on their own scales by definition.
 */
const VARIANTS: readonly string[][] = [
  [],
  ['--mh'],
  ['--method', 'FE'],
  ['--leave-one-out'],
  ['--cumulative', '--order-by', 'year'],
  ['--egger'],
  ['--egger', '--egger-model', 'lm'],
  ['--bias'],
  ['--trimfill'],
  ['--compare-presets'],
  ['--subgroup', 'alloc'],
  ['--mods', 'year', '--predict', 'year=1960'],
];
const OWN_SCALE =
  /^(log|transformed$|coefficients$|points$|region$|centre$|tau2Ci$|tauCi$|I2Ci$|H2Ci$)/;

/** Paths of natural-scale names holding a value ≤ 0. */
function logValuesUnderNaturalNames(value: unknown, path: string[] = []): string[] {
  if (Array.isArray(value))
    return value.flatMap((v, i) => logValuesUnderNaturalNames(v, [...path, String(i)]));
  if (value === null || typeof value !== 'object') return [];
  const out: string[] = [];
  for (const [key, v] of Object.entries(value)) {
    if (OWN_SCALE.test(key)) continue;
    const inInterval = ['ci', 'pi'].includes(path[path.length - 1] ?? '');
    const named =
      key === 'estimate' || key === 'limitEstimate' || (inInterval && /^(lower|upper)$/.test(key));
    if (named && typeof v === 'number' && v <= 0) out.push([...path, key].join('.'));
    out.push(...logValuesUnderNaturalNames(v, [...path, key]));
  }
  return out;
}

describe('meta --measure RR --json: no log-scale value under a natural-scale name', () => {
  for (const flags of VARIANTS) {
    it(`meta examples/bcg.csv --measure RR ${flags.join(' ')} --json`, async () => {
      const r = await runCli(['meta', 'examples/bcg.csv', '--measure', 'RR', ...flags, '--json']);
      expect(r.code, r.stderr).toBe(0);
      expect(logValuesUnderNaturalNames(JSON.parse(r.stdout))).toEqual([]);
    });
  }

  it('the check finds a log value left under estimate', () => {
    expect(logValuesUnderNaturalNames({ rows: [{ estimate: -0.7, logEstimate: -0.7 }] })).toEqual([
      'rows.0.estimate',
    ]);
  });
});

import type { PresetComparison } from '../../stats/meta/compare-presets.js';
import type { MetaAnalysisResult } from '../../stats/meta/meta-analysis.js';

/** Measures pooled on the log scale and reported as ratios (RR, OR, ROM, IRR). */
export const isRatioMeasure = (measure: string): boolean =>
  measure === 'RR' || measure === 'OR' || measure === 'ROM' || measure === 'IRR';

type Bounds = { lower: number; upper: number };
/** A log-scale interval on the natural scale (other fields kept). */
export const expInterval = <I extends Bounds>(i: I): I => ({
  ...i,
  lower: Math.exp(i.lower),
  upper: Math.exp(i.upper),
});
const natural = expInterval;

/**
 * An estimate with its CI (and prediction interval, if any) for `--json`: for a ratio measure,
 * `estimate`, `ci` and `pi` as ratios and the log-scale values under `logEstimate`, `logCi`
 * and `logPi` (other measures unchanged).
 * @example ratioEstimate('RR', { estimate: 0, ci: { lower: -1, upper: 1 } }).ci.upper // 2.718281828459045
 */
export function ratioEstimate<R extends { estimate: number; ci: Bounds; pi?: Bounds | null }>(
  measure: string,
  result: R,
): R & { logEstimate?: number; logCi?: R['ci']; logPi?: R['pi'] } {
  if (!isRatioMeasure(measure)) return result;
  return {
    ...result,
    estimate: Math.exp(result.estimate),
    ci: natural(result.ci),
    logEstimate: result.estimate,
    logCi: result.ci,
    ...(result.pi ? { pi: natural(result.pi), logPi: result.pi } : {}),
  };
}

/** Quantities of `comparePresets` differences that are on the model scale (log for ratios). */
const MODEL_SCALE = ['estimate', 'ci.lower', 'ci.upper', 'pi.lower', 'pi.upper', 'fixed.estimate'];

/**
 * `--compare-presets --json`: each preset's result and common-effect estimate as ratios (as
 * `ratioJson`), and the differences in estimates and limits as ratios with their log values
 * under `logValues`.
 */
export function ratioPresetComparison(comparison: PresetComparison): PresetComparison {
  if (!isRatioMeasure(comparison.measure)) return comparison;
  const exp = (x: number | null | undefined) => (typeof x === 'number' ? Math.exp(x) : x);
  return {
    ...comparison,
    rows: comparison.rows.map((row) => ({
      ...row,
      result: ratioJson(row.result),
      fixed: ratioEstimate(comparison.measure, row.fixed),
    })),
    differences: comparison.differences.map((d) =>
      MODEL_SCALE.includes(d.quantity)
        ? {
            ...d,
            values: Object.fromEntries(Object.entries(d.values).map(([k, v]) => [k, exp(v)])),
            logValues: d.values,
          }
        : d,
    ),
  };
}

/**
 * `--json` of a pooled result: ratio measures (RR, OR, ROM) have `estimate`, `ci`, `pi` and
 * each study's `ci` on the natural scale, as every other result; the log-scale values the
 * model was fitted on are under `logEstimate`, `logCi`, `logPi` and each study's `yi`,
 * `logCi` (`se` and `vi` stay on the log scale, where they are defined).
 */
export function ratioJson<
  R extends Pick<MetaAnalysisResult, 'measure' | 'estimate' | 'ci' | 'pi' | 'studies'>,
>(result: R): R & { logEstimate?: number; logCi?: R['ci']; logPi?: R['pi'] } {
  if (!isRatioMeasure(result.measure)) return result;
  return {
    ...result,
    estimate: Math.exp(result.estimate),
    ci: natural(result.ci),
    pi: result.pi ? natural(result.pi) : result.pi,
    studies: result.studies.map((s) => ({ ...s, ci: natural(s.ci), logCi: s.ci })),
    logEstimate: result.estimate,
    logCi: result.ci,
    logPi: result.pi,
  };
}

/**
 * An Egger-type test for `--json`: for a ratio measure, `limitEstimate` and `ci` as ratios and
 * the log-scale values under `logLimitEstimate` and `logCi` (unchanged when the test has no
 * limit estimate, as for the ni and sqrtni predictors).
 */
export function ratioLimitEstimate<
  R extends { limitEstimate: number | null; ci: (Bounds & { level: number }) | null },
>(measure: string, result: R): R & { logLimitEstimate?: number; logCi?: R['ci'] } {
  if (!isRatioMeasure(measure) || result.limitEstimate === null || result.ci === null)
    return result;
  return {
    ...result,
    limitEstimate: Math.exp(result.limitEstimate),
    ci: natural(result.ci),
    logLimitEstimate: result.limitEstimate,
    logCi: result.ci,
  };
}

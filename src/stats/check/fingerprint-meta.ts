import { InputError } from '../../errors.js';
import type { BinaryStudy } from '../meta/binary-effect-sizes.js';
import { backTransform } from '../meta/back-transform.js';
import {
  computeEffectSizes,
  type MetaInput,
  type MetaMeasure,
} from '../meta/compute-effect-sizes.js';
import { TAU2_METHODS } from '../meta/estimate-tau2.js';
import { mantelHaenszel } from '../meta/mantel-haenszel.js';
import {
  metaAnalysis,
  type MetaMethod,
  type MetaTest,
  type PredictionType,
} from '../meta/meta-analysis.js';
import { peto } from '../meta/peto.js';
import {
  rankCandidates,
  toReportedFigures,
  type Candidate,
  type FingerprintResult,
  type ReportedFigures,
} from './fingerprint-match.js';

export interface MetaMethods {
  /** Inverse variance, Mantel–Haenszel or Peto pooling. */
  model: 'IV' | 'MH' | 'Peto';
  /** `FE` (common effect) or the τ² estimator. */
  method: MetaMethod;
  /** `z` (Wald), `knha` (Hartung–Knapp–Sidik–Jonkman) or `adhoc` (HKSJ never narrower than Wald). */
  test: MetaTest;
  /** Prediction interval: normal, t with k−1 df or k−2 df; null when none was printed. */
  pi: Exclude<PredictionType, 'none'> | null;
  /** I² from τ² (metafor) or from Q (meta, RevMan); null when none was printed. */
  i2: 'tau2' | 'Q' | null;
  level: number;
}

/**
 * Which meta-analysis settings reproduce a published pooled result? Every τ² estimator
 * (DL, REML, ML, PM, HE, HS, SJ, EB) and the common-effect model, with Wald, Hartung–Knapp
 * and "never narrower" HK intervals; Mantel–Haenszel and Peto for binary data; the three
 * prediction-interval types and both I² definitions when those were printed; and CI
 * levels 90/95/99 % when bounds were printed. The pooled estimate, CI and PI are compared
 * on the natural scale (RR, OR, proportion), τ² on the model scale, I² in percent.
 * @example fingerprintMeta(bcg, 'RR', { estimate: '0.49', lower: '0.34', upper: '0.70', tau2: '0.313' }).matches[0].methods // { model: 'IV', method: 'REML', test: 'z', ... }
 */
export function fingerprintMeta(
  data: MetaInput,
  measure: MetaMeasure,
  figures: ReportedFigures,
  options: { levels?: number[] } = {},
): FingerprintResult<MetaMethods> {
  const reported = toReportedFigures(figures);
  if (Object.keys(reported).length === 0)
    throw new InputError(
      'figures',
      '',
      'at least one reported figure (estimate, CI, p, PI, τ², I²)',
    );
  const effects = computeEffectSizes(data, measure);
  const natural = backTransform(effects);
  const levels = reported.lower || reported.upper ? (options.levels ?? [0.9, 0.95, 0.99]) : [0.95];
  const pis: (Exclude<PredictionType, 'none'> | null)[] =
    reported.piLower || reported.piUpper ? ['t', 'z', 'hts'] : [null];
  const i2s: ('tau2' | 'Q' | null)[] = reported.I2 ? ['tau2', 'Q'] : [null];
  const methods: MetaMethod[] = [
    'REML',
    'DL',
    ...TAU2_METHODS.filter((m) => m !== 'REML' && m !== 'DL'),
    'FE',
  ];
  const tests: MetaTest[] = ['z', 'knha', 'adhoc'];
  const candidates: Candidate<MetaMethods>[] = [];
  const skipped: string[] = [];

  methods.forEach((method, methodIndex) => {
    tests.forEach((test, testIndex) => {
      for (const level of levels) {
        for (const pi of pis) {
          if (method === 'FE' && pi !== null) continue; // a common-effect model has no prediction interval
          for (const i2 of i2s) {
            const result = metaAnalysis(effects, {
              method,
              test,
              level,
              pi: pi ?? 'none',
              i2: i2 ?? 'tau2',
              tau2Interval: false,
            });
            const piNatural = result.pi ? natural.interval(result.pi.lower, result.pi.upper) : null;
            candidates.push({
              methods: { model: 'IV', method, test, pi, i2, level },
              estimate: result.transformed.estimate,
              ci: {
                lower: result.transformed.ci.lower,
                upper: result.transformed.ci.upper,
                level,
                method: `${method}, ${test}`,
              },
              p: result.p,
              extra: {
                piLower: piNatural?.lower ?? null,
                piUpper: piNatural?.upper ?? null,
                tau2: result.tau2,
                I2: result.I2,
              },
              preference:
                methodIndex * 100 +
                testIndex * 10 +
                (level === 0.95 ? 0 : 1) +
                (pi === 't' || pi === null ? 0 : 2) +
                (i2 === 'Q' ? 1 : 0),
            });
          }
        }
      }
    });
  });

  if (measure === 'RR' || measure === 'OR' || measure === 'RD') {
    const binary = data as readonly BinaryStudy[];
    const models: ('MH' | 'Peto')[] = measure === 'OR' ? ['MH', 'Peto'] : ['MH'];
    for (const model of models) {
      for (const level of levels) {
        // Both report on the model scale (log for RR and OR), like metafor's rma.mh and rma.peto.
        const fixed =
          model === 'MH' ? mantelHaenszel(binary, measure, { level }) : peto(binary, { level });
        const ci = natural.interval(fixed.ci.lower, fixed.ci.upper);
        candidates.push({
          methods: { model, method: 'FE', test: 'z', pi: null, i2: i2s[0], level },
          estimate: natural.apply(fixed.estimate),
          ci: { lower: ci.lower, upper: ci.upper, level, method: model },
          p: fixed.test.p,
          extra: { piLower: null, piUpper: null, tau2: 0, I2: i2s[0] === 'Q' ? fixed.I2 : null },
          preference: 2000 + (model === 'MH' ? 0 : 10) + (level === 0.95 ? 0 : 1),
        });
      }
    }
  }
  return rankCandidates(candidates, reported, skipped);
}

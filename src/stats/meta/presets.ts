import { freeze } from '../types.js';
import type { BinaryStudy } from './binary-effect-sizes.js';
import { inputKind, type MetaInput, type MetaMeasure } from './compute-effect-sizes.js';
import { mantelHaenszel } from './mantel-haenszel.js';
import type { MetaAnalysisOptions } from './meta-analysis.js';

export type PresetName = 'metafor' | 'meta' | 'revman5' | 'cochrane-2025';
export const PRESET_NAMES: readonly PresetName[] = ['metafor', 'meta', 'revman5', 'cochrane-2025'];

export interface MetaPreset {
  name: PresetName;
  description: string;
  options: Required<Pick<MetaAnalysisOptions, 'method' | 'test' | 'pi' | 'i2'>>;
  /** Common-effect method for binary outcomes (RR, OR, RD): Mantel–Haenszel or inverse variance. */
  binaryFixed: 'MH' | 'IV';
  /**
   * Centre of Cochran's Q for binary outcomes: the inverse-variance common effect, or the
   * Mantel–Haenszel estimate (RevMan 5, whose DerSimonian–Laird τ² and I² follow from it).
   */
  heterogeneityQ: 'IV' | 'MH';
  reference: string;
}

/**
 * Named bundles of defaults that reproduce what common software prints.
 * @example PRESETS['cochrane-2025'].options // { method: 'REML', test: 'knha', pi: 't', i2: 'tau2' }
 */
export const PRESETS: Readonly<Record<PresetName, MetaPreset>> = freeze({
  metafor: {
    name: 'metafor',
    description: 'metafor rma() defaults: REML, Wald z, I² from τ², normal prediction interval',
    options: { method: 'REML', test: 'z', pi: 'z', i2: 'tau2' },
    binaryFixed: 'IV',
    heterogeneityQ: 'IV',
    reference: 'Viechtbauer W (2010), J Stat Softw 36(3); metafor 3.8 rma.uni and predict.rma',
  },
  meta: {
    name: 'meta',
    description:
      'R meta (≥ 8.0) defaults: REML, Wald z, I² from Q, t prediction interval with k − 1 df (meta 6–7: k − 2); MH for binary common effect',
    options: { method: 'REML', test: 'z', pi: 't', i2: 'Q' },
    binaryFixed: 'MH',
    heterogeneityQ: 'IV',
    reference:
      'Balduzzi S, Rücker G, Schwarzer G (2019), Evid Based Ment Health 22:153; meta 8.0-0 NEWS (2024-10-30): "prediction intervals are based on k − 1 instead of k − 2 degrees of freedom" (method.predict = "V"; settings.meta("meta7") restores "HTS"); settings.meta(): method.tau "REML", method.I2 "Q"',
  },
  revman5: {
    name: 'revman5',
    description:
      'RevMan 5: DerSimonian–Laird from the Q around the Mantel–Haenszel estimate (binary), Wald z, I² from that Q, MH common effect, no prediction interval',
    options: { method: 'DL', test: 'z', pi: 'none', i2: 'Q' },
    binaryFixed: 'MH',
    heterogeneityQ: 'MH',
    reference:
      'Deeks JJ, Higgins JPT (2010), Statistical algorithms in Review Manager 5 (heterogeneity Q = Σwᵢ(θᵢ − θ_MH)² for MH analyses, τ² = (Q − df)/(Σwᵢ − Σwᵢ²/Σwᵢ)); as meta settings.meta("RevMan5"): method.tau "DL", Q.Cochrane TRUE, method.I2 "Q", prediction FALSE',
  },
  'cochrane-2025': {
    name: 'cochrane-2025',
    description:
      'Cochrane Handbook 6.5 / RevMan 2024+: REML, Hartung–Knapp–Sidik–Jonkman, Q-profile τ² CI, t prediction interval (k − 1 df), I² from τ²',
    options: { method: 'REML', test: 'knha', pi: 't', i2: 'tau2' },
    binaryFixed: 'MH',
    heterogeneityQ: 'IV',
    reference:
      'Higgins JPT et al. (eds), Cochrane Handbook for Systematic Reviews of Interventions v6.5 (2024), §10.10.4; Cochrane Methods addendum on random-effects methods in RevMan (2024): I² computed from the estimated τ² as τ²/(τ² + typical within-study variance)',
  },
});

/**
 * A preset's analysis options for the given data: its bundle, plus the Q centre of a preset
 * that centres Q on the Mantel–Haenszel estimate (binary measures only).
 * @example presetOptions('revman5', bcg, 'RR').qCenter // -0.45370960468375404 (MH log RR)
 */
export function presetOptions(
  name: PresetName,
  data: MetaInput,
  measure: MetaMeasure,
): MetaAnalysisOptions {
  const preset = PRESETS[name];
  if (preset.heterogeneityQ !== 'MH' || inputKind(measure) !== 'binary' || data.length === 0)
    return { ...preset.options };
  const mh = mantelHaenszel(data as readonly BinaryStudy[], measure as 'RR' | 'OR' | 'RD');
  return Number.isFinite(mh.estimate)
    ? { ...preset.options, qCenter: mh.estimate }
    : { ...preset.options };
}

import { freeze } from '../types.js';
import type { MetaAnalysisOptions } from './meta-analysis.js';

export type PresetName = 'metafor' | 'meta' | 'revman5' | 'cochrane-2025';
export const PRESET_NAMES: readonly PresetName[] = ['metafor', 'meta', 'revman5', 'cochrane-2025'];

export interface MetaPreset {
  name: PresetName;
  description: string;
  options: Required<Pick<MetaAnalysisOptions, 'method' | 'test' | 'pi' | 'i2'>>;
  /** Common-effect method for binary outcomes (RR, OR, RD): Mantel–Haenszel or inverse variance. */
  binaryFixed: 'MH' | 'IV';
  reference: string;
}

/**
 * Named bundles of defaults that reproduce what common software prints.
 * @example PRESETS['cochrane-2025'].options // { method: 'REML', test: 'knha', pi: 't', i2: 'Q' }
 */
export const PRESETS: Readonly<Record<PresetName, MetaPreset>> = freeze({
  metafor: {
    name: 'metafor',
    description: 'metafor rma() defaults: REML, Wald z, I² from τ², normal prediction interval',
    options: { method: 'REML', test: 'z', pi: 'z', i2: 'tau2' },
    binaryFixed: 'IV',
    reference: 'Viechtbauer W (2010), J Stat Softw 36(3); metafor 3.8 rma.uni and predict.rma',
  },
  meta: {
    name: 'meta',
    description:
      'R meta (≥ 7) defaults: REML, Wald z, I² from Q, t prediction interval with k − 1 df; MH for binary common effect',
    options: { method: 'REML', test: 'z', pi: 't', i2: 'Q' },
    binaryFixed: 'MH',
    reference:
      'Balduzzi S, Rücker G, Schwarzer G (2019), Evid Based Ment Health 22:153; meta 7 settings.meta()',
  },
  revman5: {
    name: 'revman5',
    description:
      'RevMan 5: DerSimonian–Laird, Wald z, I² from Q, Mantel–Haenszel common effect, no prediction interval',
    options: { method: 'DL', test: 'z', pi: 'none', i2: 'Q' },
    binaryFixed: 'MH',
    reference: 'Deeks JJ, Higgins JPT (2010), Statistical algorithms in Review Manager 5',
  },
  'cochrane-2025': {
    name: 'cochrane-2025',
    description:
      'Cochrane Handbook 6.5 / RevMan 2024+: REML, Hartung–Knapp–Sidik–Jonkman, Q-profile τ² CI, t prediction interval (k − 1 df), I² from Q',
    options: { method: 'REML', test: 'knha', pi: 't', i2: 'Q' },
    binaryFixed: 'MH',
    reference:
      'Higgins JPT et al. (eds), Cochrane Handbook for Systematic Reviews of Interventions v6.5 (2024), §10.10.4; RevMan statistical methods (2024)',
  },
});

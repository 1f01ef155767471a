import { InputError } from '../../errors.js';
import {
  binaryEffectSizes,
  type BinaryEffectOptions,
  type BinaryStudy,
} from './binary-effect-sizes.js';
import { continuousEffectSizes, type ContinuousStudy } from './continuous-effect-sizes.js';
import type { EffectSizes } from './effect-sizes.js';
import { genericEffectSizes, type GenericStudy } from './generic-effect-sizes.js';
import { proportionEffectSizes, type ProportionStudy } from './proportion-effect-sizes.js';
import { rateEffectSizes, type RateStudy, type SingleRateStudy } from './rate-effect-sizes.js';

export type MetaMeasure =
  | 'RR'
  | 'OR'
  | 'RD'
  | 'MD'
  | 'SMD'
  | 'ROM'
  | 'PLO'
  | 'PFT'
  | 'PR'
  | 'GEN'
  | 'IRR'
  | 'IRD'
  | 'IRLN'
  | 'IRS';
export const META_MEASURES: readonly MetaMeasure[] = [
  'RR',
  'OR',
  'RD',
  'MD',
  'SMD',
  'ROM',
  'PLO',
  'PFT',
  'PR',
  'GEN',
  'IRR',
  'IRD',
  'IRLN',
  'IRS',
];

/** Study rows of any of the input shapes; the measure decides which one is expected. */
export type MetaInput =
  | readonly BinaryStudy[]
  | readonly ContinuousStudy[]
  | readonly ProportionStudy[]
  | readonly GenericStudy[]
  | readonly RateStudy[]
  | readonly SingleRateStudy[];

/**
 * Which input shape a measure needs.
 * @example inputKind('SMD') // 'continuous'
 */
export function inputKind(
  measure: MetaMeasure,
): 'binary' | 'continuous' | 'proportion' | 'generic' | 'rate' | 'single-rate' {
  if (measure === 'RR' || measure === 'OR' || measure === 'RD') return 'binary';
  if (measure === 'MD' || measure === 'SMD' || measure === 'ROM') return 'continuous';
  if (measure === 'PLO' || measure === 'PFT' || measure === 'PR') return 'proportion';
  if (measure === 'IRR' || measure === 'IRD') return 'rate';
  if (measure === 'IRLN' || measure === 'IRS') return 'single-rate';
  return 'generic';
}

/**
 * Per-study effect sizes for any measure: dispatches to binaryEffectSizes,
 * continuousEffectSizes, proportionEffectSizes or genericEffectSizes (see those for formulas).
 * @example computeEffectSizes([{ events: 3, n: 10 }], 'PR').studies[0].yi // 0.3
 */
export function computeEffectSizes(
  data: MetaInput,
  measure: MetaMeasure,
  options: BinaryEffectOptions = {},
): EffectSizes {
  switch (inputKind(measure)) {
    case 'binary':
      return binaryEffectSizes(
        data as readonly BinaryStudy[],
        measure as 'RR' | 'OR' | 'RD',
        options,
      );
    case 'continuous':
      return continuousEffectSizes(
        data as readonly ContinuousStudy[],
        measure as 'MD' | 'SMD' | 'ROM',
      );
    case 'proportion':
      return proportionEffectSizes(
        data as readonly ProportionStudy[],
        measure as 'PLO' | 'PFT' | 'PR',
        options,
      );
    case 'generic':
      return genericEffectSizes(data as readonly GenericStudy[]);
    case 'rate':
      return rateEffectSizes(data as readonly RateStudy[], measure as 'IRR' | 'IRD');
    case 'single-rate':
      return rateEffectSizes(data as readonly SingleRateStudy[], measure as 'IRLN' | 'IRS');
    default:
      throw new InputError('measure', measure, META_MEASURES.join(', '));
  }
}

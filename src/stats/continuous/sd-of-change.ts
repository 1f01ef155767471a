import { freeze } from '../types.js';
import type { Derived } from './types.js';
import { assertCorrelation, assertPositive } from './validate.js';

/**
 * SD of the change from baseline, from the baseline and final SDs and an assumed
 * baseline–final correlation r: SD_change = √(SD_b² + SD_f² − 2·r·SD_b·SD_f).
 *
 * Reference: Cochrane Handbook 6.4, section 6.5.2.8 (imputing a change-from-baseline SD).
 *
 * @example sdOfChange({ sdBaseline: 10, sdFinal: 12, correlation: 0.5 }).value // 11.1355
 */
export function sdOfChange(input: {
  sdBaseline: number;
  sdFinal: number;
  correlation: number;
}): Derived {
  const { sdBaseline, sdFinal, correlation } = input;
  assertPositive('sdBaseline', sdBaseline);
  assertPositive('sdFinal', sdFinal);
  assertCorrelation('correlation', correlation);
  const value = Math.sqrt(
    Math.max(0, sdBaseline ** 2 + sdFinal ** 2 - 2 * correlation * sdBaseline * sdFinal),
  );
  const warnings =
    value === 0 ? ['SD of change is 0: equal SDs with a correlation of 1 leave no variation'] : [];
  return freeze({
    value,
    derivation: {
      quantity: 'sd of change',
      method: 'sd-of-change',
      formula: 'SD_change = √(SD_baseline² + SD_final² − 2 × r × SD_baseline × SD_final)',
      assumptions: [
        `the correlation between baseline and final values is ${correlation} (assumed, not reported)`,
      ],
      inputs: { sdBaseline, sdFinal, correlation },
      intermediate: {},
      reference: 'Cochrane Handbook 6.4, section 6.5.2.8',
    },
    warnings,
  });
}

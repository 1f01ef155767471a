import type { Warning } from '../warnings.js';
import { InputError } from '../../errors.js';
import type { Measure } from '../types.js';

/** One study's effect on the analysis scale (log for ratios, logit/arcsine for proportions). */
export interface StudyEffect {
  study: string;
  yi: number;
  vi: number;
  /** Sample size (total, or n for single proportions): kept for the PFT back-transformation. */
  ni?: number;
  /** Extra input columns, kept for subgroups and cumulative ordering. */
  extra?: Readonly<Record<string, string | number>>;
}

/** Output of every per-study effect-size function (metafor's `escalc`). */
export interface EffectSizes {
  measure: Measure;
  studies: StudyEffect[];
  /** Studies left out, with the reason (e.g. double-zero tables for RR/OR). */
  dropped: { study: string; reason: string }[];
  warnings: string[];
  /** The same warnings with their catalogue codes, where the effect-size family codes them. */
  codedWarnings?: Warning[];
}

/** Checks a count/size argument: finite number, optionally integer and within bounds. */
export function checkValue(
  argument: string,
  value: unknown,
  {
    min = -Infinity,
    integer = false,
    positive = false,
  }: { min?: number; integer?: boolean; positive?: boolean } = {},
): number {
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new InputError(argument, value, 'a finite number');
  if (integer && !Number.isInteger(value)) throw new InputError(argument, value, 'a whole number');
  if (positive && !(value > 0)) throw new InputError(argument, value, 'a positive number');
  if (value < min) throw new InputError(argument, value, `a number ≥ ${min}`);
  return value;
}

export function studyLabel(study: string | undefined, index: number): string {
  return study ?? `Study ${index + 1}`;
}

import { InputError } from '../../errors.js';

/**
 * Patients to enrol so that `n` remain after a fraction `dropout` is lost: ⌈n / (1 − dropout)⌉
 * (Chow, Shao & Wang 2008, "Sample Size Calculations in Clinical Research", 2nd ed., §1.3).
 * A relative 1e-9 slack keeps a solver's 64.0000000001 from becoming 65.
 * @example inflateForDropout(63.77, 0.1) // 71
 */
export function inflateForDropout(n: number, dropout = 0): number {
  if (!(dropout >= 0 && dropout < 1)) throw new InputError('dropout', dropout, 'a fraction in [0, 1)');
  return Math.ceil((n / (1 - dropout)) * (1 - 1e-9));
}

/** Throws unless `value` is a number strictly between 0 and 1. */
export function checkOpenUnit(argument: string, value: number): void {
  if (!(value > 0 && value < 1)) throw new InputError(argument, value, 'a number strictly between 0 and 1');
}

/** Throws unless exactly one of the named values is missing (the one to solve for). */
export function solveFor<K extends string>(values: Record<K, number | undefined>): K {
  const missing = (Object.keys(values) as K[]).filter((key) => values[key] === undefined);
  if (missing.length !== 1) {
    throw new InputError(Object.keys(values).join('/'), missing.length === 0 ? 'all given' : `${missing.join(', ')} missing`, 'exactly one of them left out (the one to solve for)');
  }
  return missing[0];
}

import { InputError } from '../../errors.js';

/**
 * Argument checks shared by the distribution functions. Internal: not re-exported.
 * Each throws InputError naming the argument, so callers see which input was wrong.
 */

/** Any number except NaN (±Infinity allowed: evaluation points may be infinite). */
export function checkNumber(argument: string, value: number): void {
  if (typeof value !== 'number' || Number.isNaN(value)) {
    throw new InputError(argument, value, 'a number');
  }
}

/** A finite number. */
export function checkFinite(argument: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new InputError(argument, value, 'a finite number');
  }
}

/** A probability in [0, 1]. */
export function checkProbability(argument: string, value: number): void {
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
    throw new InputError(argument, value, 'a probability in [0, 1]');
  }
}

/** A number > 0; Infinity only when `allowInfinity`. */
export function checkPositive(argument: string, value: number, allowInfinity = false): void {
  const ok = typeof value === 'number' && value > 0 && (allowInfinity || value !== Infinity);
  if (!ok) {
    throw new InputError(
      argument,
      value,
      allowInfinity ? 'a positive number or Infinity' : 'a positive finite number',
    );
  }
}

/** A non-negative integer (counts: n, m, k). */
export function checkCount(argument: string, value: number): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new InputError(argument, value, 'a non-negative integer');
  }
}

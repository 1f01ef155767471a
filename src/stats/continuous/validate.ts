import { InputError } from '../../errors.js';
import type { ArmSummary } from './types.js';

/** Input checks shared by the continuous functions; each names the argument. */

export function assertFinite(argument: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new InputError(argument, value, 'a finite number');
}

export function assertPositive(argument: string, value: number): void {
  if (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value)) {
    throw new InputError(argument, value, 'a finite number > 0');
  }
}

export function assertCount(argument: string, value: number, min: number): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new InputError(argument, value, `a whole number ≥ ${min}`);
  }
}

export function assertLevel(argument: string, value: number): void {
  if (typeof value !== 'number' || !(value > 0 && value < 1))
    throw new InputError(argument, value, 'a level in (0, 1), e.g. 0.95');
}

export function assertCorrelation(argument: string, value: number): void {
  if (typeof value !== 'number' || !(value >= -1 && value <= 1))
    throw new InputError(argument, value, 'a correlation in [-1, 1]');
}

/** An arm for a two-sample t-test or SMD: n ≥ 2, finite mean, SD > 0. */
export function assertArm(name: string, arm: ArmSummary): void {
  assertCount(`${name}.n`, arm.n, 2);
  assertFinite(`${name}.mean`, arm.mean);
  assertPositive(`${name}.sd`, arm.sd);
}

export function assertChoice<T extends string>(
  argument: string,
  value: T,
  choices: readonly T[],
): void {
  if (!choices.includes(value))
    throw new InputError(argument, value, `one of ${choices.join(', ')}`);
}

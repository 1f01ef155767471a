import { InputError } from '../../errors.js';

/**
 * Patients to enrol so that `n` remain after a fraction `dropout` is lost: ⌈n / (1 − dropout)⌉
 * (Chow, Shao & Wang 2008, "Sample Size Calculations in Clinical Research", 2nd ed., §1.3).
 * A relative 1e-9 slack keeps a solver's 64.0000000001 from becoming 65.
 * @example inflateForDropout(63.77, 0.1) // 71
 */
export function inflateForDropout(n: number, dropout = 0): number {
  if (!(dropout >= 0 && dropout < 1))
    throw new InputError('dropout', dropout, 'a fraction in [0, 1)');
  return Math.ceil((n / (1 - dropout)) * (1 - 1e-9));
}

/** Throws unless `value` is a number strictly between 0 and 1. */
export function checkOpenUnit(argument: string, value: number): void {
  if (!(value > 0 && value < 1))
    throw new InputError(argument, value, 'a number strictly between 0 and 1');
}

/** Throws unless exactly one of the named values is missing (the one to solve for). */
export function solveFor<K extends string>(values: Record<K, number | undefined>): K {
  const missing = (Object.keys(values) as K[]).filter((key) => values[key] === undefined);
  if (missing.length !== 1) {
    throw new InputError(
      Object.keys(values).join('/'),
      missing.length === 0 ? 'all given' : `${missing.join(', ')} missing`,
      'exactly one of them left out (the one to solve for)',
    );
  }
  return missing[0];
}

/** Options shared by the two-arm sample-size functions. */
export interface TwoArmSizeOptions {
  /** Evaluable patients in arm 1 (arm 2 has `ratio × n`); may be fractional. Leave out to solve for it. */
  n?: number;
  /** Target power. Leave out to solve for it. */
  power?: number;
  /** Significance level (one-sided level for margin hypotheses). */
  alpha?: number;
  /** Allocation ratio n2 / n1. Default 1. */
  ratio?: number;
  /** Expected fraction lost to follow-up, for the enrolment numbers. Default 0. */
  dropout?: number;
}

/** Result fields shared by the two-arm sample-size functions. */
export interface TwoArmSizeResult {
  /** Arm-1 evaluable n (the unrounded solution when solving for n, as R reports it). */
  n: number;
  /** Arm 1 to enrol: ⌈n⌉ inflated for dropout, ⌈⌈n⌉ / (1 − dropout)⌉. */
  nPerArm: number;
  /** Arm 2 to enrol: ⌈⌈ratio × ⌈n⌉⌉ / (1 − dropout)⌉. */
  nPerArm2: number;
  nTotal: number;
  /** Power at the evaluable n (when solving for n: at the rounded-up sizes, the achieved power). */
  power: number;
  /** The requested power, when it was given. */
  targetPower?: number;
  alpha: number;
  ratio: number;
  dropout: number;
  method: string;
  warnings: string[];
}

/** Enrolment numbers for evaluable arm sizes n1 and n2. */
export function enrolment(
  n1: number,
  n2: number,
  dropout: number,
): { nPerArm: number; nPerArm2: number; nTotal: number } {
  const nPerArm = inflateForDropout(n1, dropout);
  const nPerArm2 = inflateForDropout(n2, dropout);
  return { nPerArm, nPerArm2, nTotal: nPerArm + nPerArm2 };
}

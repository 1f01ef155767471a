import { InvalidArgumentError } from './commander.js';

/**
 * Option-argument parsers for commander. Each rejects with a message that names what
 * was expected and what was found; commander adds the option name, and the CLI
 * exits 2.
 */

function parseNumber(text: string): number {
  const trimmed = text.trim();
  if (/^[+-]?\d+,\d+$/.test(trimmed)) {
    throw new InvalidArgumentError(
      `expected a number, found "${text}" (decimal comma? use ${trimmed.replace(',', '.')})`,
    );
  }
  // Number('') is 0 and Number('0x1f') is 31: accept plain decimal notation only.
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) {
    throw new InvalidArgumentError(`expected a number, found "${text}"`);
  }
  return Number(trimmed);
}

export const number = (text: string): number => parseNumber(text);

export function positiveNumber(text: string): number {
  const value = parseNumber(text);
  if (!(value > 0)) throw new InvalidArgumentError(`expected a positive number, found ${text}`);
  return value;
}

export function nonNegativeNumber(text: string): number {
  const value = parseNumber(text);
  if (!(value >= 0)) throw new InvalidArgumentError(`expected a number ≥ 0, found ${text}`);
  return value;
}

export function integer(text: string): number {
  const value = parseNumber(text);
  if (!Number.isInteger(value))
    throw new InvalidArgumentError(`expected a whole number, found ${text}`);
  return value;
}

export function positiveInteger(text: string): number {
  const value = integer(text);
  if (value < 1) throw new InvalidArgumentError(`expected a whole number ≥ 1, found ${text}`);
  return value;
}

export function nonNegativeInteger(text: string): number {
  const value = integer(text);
  if (value < 0) throw new InvalidArgumentError(`expected a whole number ≥ 0, found ${text}`);
  return value;
}

/** A probability in [0, 1]. */
export function probability(text: string): number {
  const value = parseNumber(text);
  if (!(value >= 0 && value <= 1))
    throw new InvalidArgumentError(`expected a probability in [0, 1], found ${text}`);
  return value;
}

/** A confidence level strictly between 0 and 1 (0.95, not 95). */
export function level(text: string): number {
  const value = parseNumber(text);
  if (!(value > 0 && value < 1)) {
    // 95 or 2.5 is a percentage typed as such; 1.5 is more likely a slip than 1.5 %.
    const hint =
      value >= 2 && value < 100 ? ` (a percentage? write ${value / 100}, not ${text})` : '';
    throw new InvalidArgumentError(`expected a level in (0, 1), found ${text}${hint}`);
  }
  return value;
}

/** A comma-separated list of numbers: `0.05,0.1,0.2`. */
export function numberList(text: string): number[] {
  return text.split(',').map((part) => parseNumber(part));
}

/** One of a fixed set of words. */
export function choice<T extends string>(choices: readonly T[]) {
  return (text: string): T => {
    if (!(choices as readonly string[]).includes(text)) {
      throw new InvalidArgumentError(`expected one of ${choices.join(', ')}, found "${text}"`);
    }
    return text as T;
  };
}

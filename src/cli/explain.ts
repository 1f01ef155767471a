import { InputError } from '../errors.js';
import { formatFixed, formatLevel, formatNumber, formatP } from '../format/number.js';

/**
 * Helpers for `--explain` (formula and intermediate numbers, for students) and for
 * paper-style estimate lines. Any command may import them.
 */

/** One line of an explanation: what it is, the formula, and the number it gave. */
export interface ExplainStep {
  label: string;
  formula?: string;
  value?: number | string;
}

/** More digits than the summary line, so a student can redo the arithmetic. */
export function explainNumber(x: number): string {
  if (!Number.isFinite(x)) return formatNumber(x);
  // 6 significant digits without padding zeros: 42 stays 42, −4.10000 is −4.1.
  const text = Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(6)));
  return text.replace(/^-/, '\u2212');
}

/**
 * Formats an explanation block:
 * ```
 * How it was computed (Welch two-sample t):
 *   SE = √(sd1²/n1 + sd2²/n2) = 15.6786
 * ```
 */
export function formatExplain(title: string, steps: readonly ExplainStep[]): string {
  const lines = [`How it was computed (${title}):`];
  for (const step of steps) {
    const value =
      step.value === undefined
        ? ''
        : typeof step.value === 'number'
          ? explainNumber(step.value)
          : step.value;
    const body = [step.formula, value]
      .filter((part) => part !== undefined && part !== '')
      .join(' = ');
    lines.push(`  ${step.label}${body ? `: ${body}` : ''}`);
  }
  return lines.join('\n');
}

/**
 * Decimals that give `digits` significant digits to `x`, so an interval can be printed
 * with the same decimals as its estimate (as papers do). Between 0 and 6.
 */
export function decimalsFor(x: number, digits = 3): number {
  if (!Number.isFinite(x) || x === 0) return digits - 1;
  return Math.min(6, Math.max(0, digits - 1 - Math.floor(Math.log10(Math.abs(x)))));
}

/**
 * Paper-style estimate line: `MD −34.4 (95% CI −60.1 to −8.7); p = 0.009`.
 * The interval takes the estimate's decimals.
 */
export function formatEstimateLine(
  label: string,
  estimate: number,
  ci: { lower: number; upper: number; level: number },
  p?: number,
): string {
  const decimals = decimalsFor(estimate);
  const bound = (x: number): string =>
    Number.isFinite(x) ? formatFixed(x, decimals) : formatNumber(x);
  const text = `${label} ${formatFixed(estimate, decimals)} (${formatLevel(ci.level)} CI ${bound(ci.lower)} to ${bound(ci.upper)})`;
  return p === undefined ? text : `${text}; ${formatP(p)}`;
}

/**
 * Re-throws an InputError from a stats function under the CLI option's name
 * (`arm1.sd` → `--sd1`), so the message points at what the user typed.
 */
export function withOptionNames<T>(names: Record<string, string>, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof InputError && names[error.argument] !== undefined) {
      throw new InputError(names[error.argument], error.value, error.expected);
    }
    throw error;
  }
}

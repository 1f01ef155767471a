import { InputError } from '../../errors.js';
import { freeze } from '../types.js';
import { findRoot } from './find-root.js';
import type { PowerMethodEntry } from './power-methods.js';

/** What a power calculation is given: numbers by parameter name and the method's choices. */
export interface SolvePowerOptions {
  /** Known parameters (alpha and the method's defaults fill in what is left out). */
  values: Readonly<Record<string, number | undefined>>;
  /** Target power; leave out to compute the power. */
  power?: number;
  /** The method's choices (alternative, design, …); defaults fill in what is left out. */
  choices?: Readonly<Record<string, string | undefined>>;
  /** Solve for a parameter that has a default (alpha, a ratio, a margin) instead of power. */
  solve?: string;
}

export interface SolvePowerResult {
  /** Registry id of the method. */
  method: string;
  label: string;
  /** `power` or the name of the parameter solved for. */
  solved: string;
  /** Every parameter, the solved one included. */
  values: Record<string, number>;
  choices: Record<string, string>;
  /** Power at `values` (the target itself when a parameter was solved for). */
  power: number;
  targetPower?: number;
  /** A sample size solved for: the smallest whole size (in the design's steps) reaching the power. */
  rounded?: { parameter: string; value: number; power: number };
  formula: string;
  reference: string;
  warnings: string[];
}

/**
 * Power of a method of the power registry, or the one parameter that gives a target power: the
 * parameter is found by Brent's method (R's uniroot) to 1e-12 inside the bracket the method
 * states (R pwr's intervals), so any of n, effect size, α (or another input) can be solved for,
 * as `pwr.*.test` does with the argument set to NULL.
 * @example solvePower(POWER_METHODS.get('norm'), { values: { d: 0.3, alpha: 0.05 }, power: 0.8 }).values.n // 87.20956 (R: pwr.norm.test(d = 0.3, power = 0.8)$n)
 */
export function solvePower(entry: PowerMethodEntry, options: SolvePowerOptions): SolvePowerResult {
  const choices: Record<string, string> = {};
  for (const choice of entry.choices) {
    const value = options.choices?.[choice.name] ?? choice.default;
    if (!choice.values.includes(value))
      throw new InputError(choice.name, value, `one of ${choice.values.join(', ')}`);
    choices[choice.name] = value;
  }
  const names = entry.parameters.map((p) => p.name);
  for (const name of Object.keys(options.values))
    if (!names.includes(name) && options.values[name] !== undefined)
      throw new InputError(
        name,
        options.values[name],
        `a parameter of ${entry.id}: ${names.join(', ')}`,
      );
  if (options.solve !== undefined && !names.includes(options.solve))
    throw new InputError('solve', options.solve, `one of ${names.join(', ')}`);
  const missing = entry.parameters.filter(
    (p) =>
      options.values[p.name] === undefined && p.default === undefined && p.defaultOf === undefined,
  );
  const solved =
    options.solve ??
    (missing.length === 0 && options.power === undefined ? 'power' : missing[0]?.name);
  const unknown = [
    ...missing.map((p) => p.name),
    ...(options.solve !== undefined && !missing.some((p) => p.name === options.solve)
      ? [options.solve]
      : []),
    ...(options.power === undefined ? ['power'] : []),
  ];
  if (unknown.length !== 1 || solved === undefined)
    throw new InputError(
      [...names, 'power'].join('/'),
      unknown.length === 0 ? 'all given' : `${unknown.join(', ')} missing`,
      'exactly one of them left out (the one to solve for)',
    );
  if (options.solve !== undefined && options.values[options.solve] !== undefined)
    throw new InputError(
      options.solve,
      options.values[options.solve],
      'left out when solving for it',
    );
  const values: Record<string, number> = {};
  for (const p of entry.parameters) {
    if (p.name === solved || p.defaultOf) continue;
    values[p.name] = options.values[p.name] ?? (p.default as number);
  }
  for (const p of entry.parameters)
    if (p.defaultOf && p.name !== solved)
      values[p.name] = options.values[p.name] ?? p.defaultOf(values);
  for (const p of entry.parameters)
    if (p.name !== solved) checkDomain(p.name, values[p.name], p.domain);
  entry.check?.(values, choices);
  if (options.power !== undefined && !(options.power > 0 && options.power < 1))
    throw new InputError('power', options.power, 'a number strictly between 0 and 1');
  const warnings: string[] = [];
  const power = (v: Record<string, number>) => entry.run(v, choices);
  if (solved === 'power') {
    return freeze({ ...header(entry, choices), solved, values, power: power(values), warnings });
  }
  const target = options.power as number;
  const parameter = entry.parameters.find((p) => p.name === solved)!;
  if (!parameter.search)
    throw new InputError('solve', solved, `a parameter ${entry.id} can solve for (not ${solved})`);
  const [lower, upper] =
    typeof parameter.search === 'function' ? parameter.search(values, choices) : parameter.search;
  const f = (x: number) => power({ ...values, [solved]: x }) - target;
  const root = findRoot(f, lower, upper);
  if (!root.converged)
    throw new InputError(
      'power',
      target,
      `a power reachable with ${solved} in [${lower}, ${upper}] (power there: ${power({ ...values, [solved]: lower }).toPrecision(4)} to ${power({ ...values, [solved]: upper }).toPrecision(4)})`,
    );
  const all = { ...values, [solved]: root.root };
  let rounded: SolvePowerResult['rounded'];
  if (parameter.size) {
    const step = typeof parameter.size === 'function' ? parameter.size(choices) : 1;
    let whole = Math.max(step, Math.ceil((root.root * (1 - 1e-9)) / step) * step);
    // Power is increasing in a size; the rounded-up size may still fall short by rounding noise.
    while (power({ ...values, [solved]: whole }) < target - 1e-12) whole += step;
    rounded = { parameter: solved, value: whole, power: power({ ...values, [solved]: whole }) };
  }
  return freeze({
    ...header(entry, choices),
    solved,
    values: all,
    power: target,
    targetPower: target,
    ...(rounded ? { rounded } : {}),
    warnings,
  });
}

function header(entry: PowerMethodEntry, choices: Record<string, string>) {
  return {
    method: entry.id,
    label: entry.label,
    choices,
    formula: entry.formula,
    reference: entry.reference,
  };
}

function checkDomain(name: string, value: number, domain: PowerDomain): void {
  const ok =
    domain === 'real'
      ? Number.isFinite(value)
      : domain === 'positive'
        ? value > 0 && Number.isFinite(value)
        : domain === 'nonnegative'
          ? value >= 0 && Number.isFinite(value)
          : value > 0 && value < 1;
  if (!ok)
    throw new InputError(
      name,
      value,
      domain === 'unit' ? 'a number strictly between 0 and 1' : `a ${domain} finite number`,
    );
}

/** Where a parameter lives: `unit` is the open interval (0, 1). */
export type PowerDomain = 'real' | 'positive' | 'nonnegative' | 'unit';

import type { InputIssue } from '../errors.js';

/** One option of an analysis or chart, as the spec validator checks it. */
export type OptionSpec =
  | { type: 'string'; required?: boolean; description: string }
  | {
      type: 'number';
      required?: boolean;
      min?: number;
      max?: number;
      exclusiveMin?: boolean;
      exclusiveMax?: boolean;
      description: string;
    }
  | { type: 'boolean'; required?: boolean; description: string }
  | { type: 'enum'; values: readonly string[]; required?: boolean; description: string }
  | { type: 'string-list'; required?: boolean; description: string }
  | { type: 'string-or-list'; required?: boolean; description: string }
  | { type: 'number-list'; required?: boolean; description: string };

export type OptionsSchema = Record<string, OptionSpec>;

/** How a value looks in a message: type and, for scalars, the value. */
export function describeFound(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return value === '' ? 'an empty string' : `the string "${value}"`;
  return `${typeof value} ${String(value)}`;
}

function describeExpected(spec: OptionSpec): string {
  switch (spec.type) {
    case 'string':
      return 'a non-empty string';
    case 'boolean':
      return 'true or false';
    case 'enum':
      return `one of ${spec.values.join(', ')}`;
    case 'string-list':
      return 'a list of strings';
    case 'string-or-list':
      return 'a string or a list of strings';
    case 'number-list':
      return 'a list of numbers';
    case 'number': {
      const bounds = [
        spec.min !== undefined ? `${spec.exclusiveMin ? '>' : '≥'} ${spec.min}` : '',
        spec.max !== undefined ? `${spec.exclusiveMax ? '<' : '≤'} ${spec.max}` : '',
      ].filter(Boolean);
      return `a number${bounds.length ? ` ${bounds.join(' and ')}` : ''}`;
    }
  }
}

function valid(spec: OptionSpec, value: unknown): boolean {
  switch (spec.type) {
    case 'string':
      return typeof value === 'string' && value.trim() !== '';
    case 'boolean':
      return typeof value === 'boolean';
    case 'enum':
      return typeof value === 'string' && spec.values.includes(value);
    case 'string-list':
      return Array.isArray(value) && value.every((v) => typeof v === 'string' && v.trim() !== '');
    case 'string-or-list':
      return (
        (typeof value === 'string' && value.trim() !== '') ||
        (Array.isArray(value) &&
          value.length > 0 &&
          value.every((v) => typeof v === 'string' && v.trim() !== ''))
      );
    case 'number-list':
      return (
        Array.isArray(value) &&
        value.length > 0 &&
        value.every((v) => typeof v === 'number' && Number.isFinite(v))
      );
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return false;
      if (spec.min !== undefined && (spec.exclusiveMin ? value <= spec.min : value < spec.min))
        return false;
      if (spec.max !== undefined && (spec.exclusiveMax ? value >= spec.max : value > spec.max))
        return false;
      return true;
    }
  }
}

/** Checks a mapping of options against a schema; every problem becomes an issue at `path.key`. */
export function checkOptions(
  value: unknown,
  schema: OptionsSchema,
  path: string,
  file: string,
  issues: InputIssue[],
): void {
  if (value === undefined) value = {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    issues.push({
      file,
      column: path,
      expected: 'a mapping of options',
      found: describeFound(value),
    });
    return;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const spec = schema[key];
    if (!spec) {
      const known = Object.keys(schema);
      issues.push({
        file,
        column: `${path}.${key}`,
        expected: known.length ? `one of the options ${known.join(', ')}` : 'no options',
        found: `unknown option "${key}"`,
      });
    } else if (!valid(spec, record[key])) {
      issues.push({
        file,
        column: `${path}.${key}`,
        expected: describeExpected(spec),
        found: describeFound(record[key]),
      });
    }
  }
  for (const [key, spec] of Object.entries(schema)) {
    if (spec.required && record[key] === undefined)
      issues.push({
        file,
        column: `${path}.${key}`,
        expected: describeExpected(spec),
        found: 'nothing (required)',
      });
  }
}

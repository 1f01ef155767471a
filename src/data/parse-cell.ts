import type { CheckIssue, ColumnSpec, NumberColumn } from './schema.js';

/** Returned by `parseCell` when the cell is invalid (the issue has been reported). */
export const INVALID: unique symbol = Symbol('invalid cell');

const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;
const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const MISSING_WORDS = new Set(['na', 'n/a', 'nan', 'null', 'none', '-', '—', '–', '.', 'nr']);

/**
 * Converts one cell's text to its typed value. Empty (after trimming) is `undefined`
 * (or the enum default). A bad cell calls `report` with expected/found/hint and
 * returns `INVALID`.
 */
export function parseCell(
  spec: ColumnSpec,
  text: string,
  report: (issue: Omit<CheckIssue, 'column'>) => void,
): string | number | undefined | typeof INVALID {
  const trimmed = text.trim();
  if (trimmed === '') {
    if (spec.type === 'enum' && spec.default !== undefined) return spec.default;
    if (spec.required) {
      report({
        expected: `a value (${describeSpec(spec)}; the column is required)`,
        found: 'an empty cell',
      });
      return INVALID;
    }
    return undefined;
  }
  switch (spec.type) {
    case 'text':
      if (spec.pattern && !spec.pattern.test(trimmed)) {
        report({
          expected: spec.patternDescription ?? `text matching ${spec.pattern}`,
          found: quote(text),
        });
        return INVALID;
      }
      return trimmed;
    case 'enum':
      if (spec.values.includes(trimmed)) return trimmed;
      report({
        expected: `one of ${spec.values.join(', ')}`,
        found: quote(text),
        hint: enumHint(spec.values, trimmed),
      });
      return INVALID;
    case 'date':
      if (!validDate(trimmed)) {
        report({ expected: 'a date YYYY, YYYY-MM or YYYY-MM-DD', found: quote(text) });
        return INVALID;
      }
      return trimmed;
    case 'number':
    case 'integer':
      return parseNumberCell(spec, trimmed, text, report);
  }
}

function parseNumberCell(
  spec: NumberColumn,
  trimmed: string,
  text: string,
  report: (issue: Omit<CheckIssue, 'column'>) => void,
): number | typeof INVALID {
  if (!PLAIN_NUMBER.test(trimmed)) {
    report({
      expected: describeSpec(spec),
      found: quote(text),
      hint: numberHint(trimmed, spec.type === 'integer'),
    });
    return INVALID;
  }
  const value = Number(trimmed);
  if (!Number.isFinite(value)) {
    report({
      expected: describeSpec(spec),
      found: quote(text),
      hint: 'too large to store as a number',
    });
    return INVALID;
  }
  // 1e-999 reads as 0: a printed non-zero that cannot be stored is not zero.
  if (value === 0 && /[1-9]/.test(trimmed.replace(/[eE].*$/, ''))) {
    report({
      expected: describeSpec(spec),
      found: trimmed,
      hint: 'too small to store: it would read as 0',
    });
    return INVALID;
  }
  // Beyond 2^53 whole numbers are rounded (9007199254740993 reads as …992).
  if (spec.type === 'integer' && Number.isInteger(value) && !Number.isSafeInteger(value)) {
    report({
      expected: `${describeSpec(spec)} up to ${Number.MAX_SAFE_INTEGER} (2^53 − 1)`,
      found: trimmed,
      hint: 'larger whole numbers cannot be stored exactly',
    });
    return INVALID;
  }
  if (spec.type === 'integer' && !Number.isInteger(value)) {
    report({ expected: describeSpec(spec), found: trimmed });
    return INVALID;
  }
  if (!inRange(spec, value)) {
    report({ expected: describeSpec(spec), found: trimmed });
    return INVALID;
  }
  return value;
}

function inRange(spec: NumberColumn, value: number): boolean {
  if (spec.min !== undefined && (spec.minExclusive ? value <= spec.min : value < spec.min))
    return false;
  if (spec.max !== undefined && (spec.maxExclusive ? value >= spec.max : value > spec.max))
    return false;
  return true;
}

function numberHint(trimmed: string, integer: boolean): string | undefined {
  const thousands = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(trimmed);
  if (thousands && (integer || !DECIMAL_COMMA.test(trimmed)))
    return `no thousands separators: ${trimmed.replace(/,/g, '')}`;
  if (thousands)
    return `decimal comma or thousands separator? use ${trimmed.replace(',', '.')} or ${trimmed.replace(',', '')}`;
  if (DECIMAL_COMMA.test(trimmed)) return `decimal comma? use ${trimmed.replace(',', '.')}`;
  if (/^[−–][\d.]/.test(trimmed)) return `use the ASCII minus: ${trimmed.replace(/^[−–]/, '-')}`;
  if (/^[+-]?[\d.]+\s*%$/.test(trimmed)) return `drop the % sign: ${trimmed.replace(/\s*%$/, '')}`;
  if (/^[+-]?\d+(\.\d+)?\s+\S+$/.test(trimmed))
    return 'put the unit in the unit column, not in the cell';
  if (MISSING_WORDS.has(trimmed.toLowerCase())) return 'leave the cell empty for a missing value';
  return undefined;
}

function enumHint(values: readonly string[], trimmed: string): string | undefined {
  const match = values.find((value) => value.toLowerCase() === trimmed.toLowerCase());
  return match !== undefined ? `use ${match}` : undefined;
}

function validDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const month = match[2] === undefined ? 1 : Number(match[2]);
  if (month < 1 || month > 12) return false;
  if (match[3] === undefined) return true;
  const day = Number(match[3]);
  const daysInMonth = new Date(Date.UTC(Number(match[1]), month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth;
}

/** "a number ≥ 0", "a whole number ≥ 1", "a number in (0, 1)", "one of …", used in messages. */
export function describeSpec(spec: ColumnSpec): string {
  switch (spec.type) {
    case 'text':
      return spec.patternDescription ?? 'text';
    case 'enum':
      return `one of ${spec.values.join(', ')}`;
    case 'date':
      return 'a date YYYY, YYYY-MM or YYYY-MM-DD';
    case 'number':
    case 'integer': {
      const what = spec.type === 'integer' ? 'a whole number' : 'a number';
      const { min, max } = spec;
      if (min !== undefined && max !== undefined) {
        return `${what} in ${spec.minExclusive ? '(' : '['}${min}, ${max}${spec.maxExclusive ? ')' : ']'}`;
      }
      if (min !== undefined) return `${what} ${spec.minExclusive ? '>' : '≥'} ${min}`;
      if (max !== undefined) return `${what} ${spec.maxExclusive ? '<' : '≤'} ${max}`;
      return what;
    }
  }
}

function quote(text: string): string {
  return `"${text}"`;
}

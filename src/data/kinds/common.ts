import type { ColumnSpecs, RowCheck } from '../schema.js';

const DERIVED_PAIR = String.raw`\s*[A-Za-z_][A-Za-z0-9_]*\s*:\s*[A-Za-z0-9][A-Za-z0-9_.-]*\s*`;

/** Columns every dataset kind has (docs/datasets.md, "Columns common to every kind"). */
export const commonColumns = {
  // Required in bundled datasets (load-dataset.ts checks it); optional in a user's own file.
  source: {
    type: 'text',
    description:
      'key of a source in dataset.json; several separated by ; (required in bundled datasets)',
  },
  derived: {
    type: 'text',
    pattern: new RegExp(`^${DERIVED_PAIR}(;${DERIVED_PAIR})*;?\\s*$`),
    patternDescription: 'column:derivation-key pairs separated by ; (e.g. events:percent-to-count)',
    description: 'which cells are derived: column:derivation-key pairs separated by ;',
  },
  note: { type: 'text', description: 'free text' },
  reading: {
    type: 'enum',
    values: ['primary', 'alternative'],
    default: 'primary',
    description:
      'alternative = another reading of a figure that a primary row already gives (conflicting sources); pooling and comparisons use the primary row, checks check both',
  },
  expected_check: {
    type: 'enum',
    values: ['discrepant', 'not-checkable'],
    description:
      'a known, explained outcome of `trialstat check` for this row (the note says why); keeps CI green while the report still shows it',
  },
} as const;

/** The typed values of the common columns. */
export interface CommonValues {
  /** Key(s) of sources in dataset.json, separated by `;`: always present in bundled datasets, optional in a user's file. */
  readonly source?: string;
  /** Derived cells: `column:derivation-key` pairs separated by `;`. */
  readonly derived?: string;
  readonly note?: string;
  /** `alternative` marks another reading of a figure a primary row gives; analyses skip it. */
  readonly reading: 'primary' | 'alternative';
  /** Known outcome of `trialstat check` for this row; the note explains it. */
  readonly expected_check?: 'discrepant' | 'not-checkable';
}

/** Splits a `;`-separated cell into trimmed, non-empty parts. */
export function splitList(text: string | undefined): string[] {
  if (text === undefined || text === '') return [];
  return (text ?? '')
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** Parses `derived` into `[column, derivationKey]` pairs. */
export function derivedPairs(text: string | undefined): [string, string][] {
  return splitList(text).map((pair) => {
    const [column, key] = pair.split(':');
    return [column.trim(), (key ?? '').trim()];
  });
}

/** Row check: every column named in `derived` is a column of the kind. */
export function derivedColumnsExist<C extends ColumnSpecs>(columns: C): RowCheck<C> {
  return (row, report) => {
    const values: Readonly<Record<string, unknown>> = row;
    const derived = values.derived;
    if (typeof derived !== 'string') return;
    for (const [column] of derivedPairs(derived)) {
      if (!(column in columns)) {
        report({
          column: 'derived',
          expected: `a column of this kind before ":"`,
          found: `"${column}"`,
        });
      }
    }
  };
}

/** Compile-time check that a hand-written row interface matches the schema's inferred values. */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;

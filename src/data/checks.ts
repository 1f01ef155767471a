import type { ColumnSpecs, RowCheck } from './schema.js';

/**
 * Row check: the present values of `columns` never decrease, e.g.
 * `ordered('ci_lower', 'ci_upper')` or `ordered('min', 'q1', 'median', 'q3', 'max')`.
 * Each offending pair is reported on its first column. Numbers compare numerically;
 * dates (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) compare on their common precision.
 */
export function ordered<C extends ColumnSpecs>(...columns: (keyof C & string)[]): RowCheck<C> {
  return (row, report) => {
    // A row of C is a record of its columns' values (the generic C hides the keys from TS).
    const values: Readonly<Record<string, unknown>> = row;
    let previous: string | undefined;
    for (const column of columns) {
      if (values[column] === undefined) continue;
      if (previous !== undefined && compare(values[previous], values[column]) > 0) {
        report({
          column: previous,
          expected: `${previous} ≤ ${column} (${String(values[column])})`,
          found: `${previous} = ${printed(row.$printed, previous, values[previous])}`,
        });
      }
      previous = column;
    }
  };
}

function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const left = String(a);
  const right = String(b);
  const length = Math.min(left.length, right.length);
  return left.slice(0, length).localeCompare(right.slice(0, length));
}

function printed(texts: Readonly<Record<string, string>>, column: string, value: unknown): string {
  return texts[column] ?? String(value);
}

// How many decimals a cell was printed with: one definition, in the formatting module.
export { printedDecimals } from '../format/number.js';

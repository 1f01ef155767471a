import type { ForestRow } from './forest-plot.js';

/** Orders of the study rows of a forest plot. */
export type ForestSort = 'estimate' | 'weight' | 'name' | 'year';

/** The year of a row: its `year`, else the last 4-digit 18xx–20xx number of its label. */
export function rowYear(row: Pick<ForestRow, 'label' | 'year'>): number | undefined {
  if (row.year !== undefined) return row.year;
  const years = row.label.match(/\b(1[89]|20)\d\d\b/g);
  return years ? Number(years[years.length - 1]) : undefined;
}

/**
 * Study rows in the order asked for, stable (ties keep the input order): by `estimate`
 * (smallest first), `weight` (heaviest first), `name` (alphabetical) or `year` (oldest
 * first, rows without a year last). Rows that are not estimable, or have no weight, go last
 * when sorting by estimate or weight, as in RevMan.
 * @example sortForestRows([{ label: 'B 2001', estimate: 2, lower: 1, upper: 3 }, { label: 'A 1999', estimate: 1, lower: 0.5, upper: 2 }], 'year').map((r) => r.label) // ['A 1999', 'B 2001']
 */
export function sortForestRows<R extends ForestRow>(rows: readonly R[], sort?: ForestSort): R[] {
  if (sort === undefined) return [...rows];
  const key = (row: R): number | string | undefined => {
    if (sort === 'name') return row.label;
    if (sort === 'year') return rowYear(row);
    if (row.estimable === false || !Number.isFinite(row.estimate)) return undefined;
    return sort === 'estimate' ? row.estimate : row.weight === undefined ? undefined : -row.weight;
  };
  return rows
    .map((row, index) => ({ row, index, k: key(row) }))
    .sort((a, b) => {
      if (a.k === undefined || b.k === undefined)
        return a.k === b.k ? a.index - b.index : a.k === undefined ? 1 : -1;
      const c =
        typeof a.k === 'string'
          ? a.k.localeCompare(b.k as string, 'en')
          : (a.k as number) - (b.k as number);
      return c !== 0 ? c : a.index - b.index;
    })
    .map((x) => x.row);
}

import { closestName } from '../data/closest-name.js';
import type { InputIssue } from '../errors.js';
import type { ReportDataset } from './dataset.js';

/**
 * Analysis options that select rows by a column's value, and the column they select on.
 * An option value that names nothing in the data is a misspelling (or the wrong dataset),
 * never an empty chart.
 */
export const SELECTORS: Readonly<Record<string, string>> = {
  arm: 'arm',
  comparator: 'arm',
  outcome: 'outcome',
  outcomes: 'outcome',
  trial: 'trial',
  trials: 'trial',
  timepoint: 'timepoint',
  population: 'population',
  groups: 'group',
  phases: 'phase',
  measure: 'measure',
};

/**
 * Checks an analysis's selecting options (`arm: sirolimus`, `outcomes: [...]`, `files: [...]`)
 * against the rows it will read (tables of `kinds`): every value given must occur in
 * its column. Returns one issue per value that selects nothing, at the option's path in
 * the spec (`sections[0].analyses[1].options.arm[0]`), naming the values that exist.
 * Options whose column the tables do not have, and enum options (checked with the spec),
 * are left alone.
 *
 * @example
 * checkSelections(dataset, ['arm-binary'], { arm: 'sirolimis', comparator: 'placebo' }, 'spec.yaml', 'sections[0].analyses[0]')
 * // [{ file: 'spec.yaml', column: 'sections[0].analyses[0].options.arm', expected: 'an arm in rapami (placebo, sirolimus)',
 * //    found: '"sirolimis", which selects nothing', hint: 'did you mean "sirolimus"?' }]
 */
export function checkSelections(
  dataset: ReportDataset,
  kinds: readonly string[],
  options: Record<string, unknown>,
  file: string,
  at: string,
): InputIssue[] {
  const issues: InputIssue[] = [];
  const ofKind = dataset.tables.filter((t) => kinds.includes(t.kind));
  const fileName = (path: string): string => path.split('/').pop() ?? path;
  let tables = ofKind;
  if (Array.isArray(options.files)) {
    const names = ofKind.map((t) => fileName(t.path));
    options.files.forEach((wanted, i) => {
      if (typeof wanted === 'string' && !names.includes(wanted))
        issues.push(
          selectsNothing(
            file,
            `${at}.options.files[${i}]`,
            `${article(kinds[0])} ${kinds.join(' or ')} table file of ${dataset.name}`,
            names,
            wanted,
          ),
        );
    });
    tables = ofKind.filter((t) => (options.files as unknown[]).includes(fileName(t.path)));
  }
  for (const [option, column] of Object.entries(SELECTORS)) {
    const value = options[option];
    if (value === undefined) continue;
    const rows = tables.flatMap((t) => t.rows);
    if (
      !rows.some((row) => row[column] !== undefined && row[column] !== null && row[column] !== '')
    )
      continue;
    const present = [
      ...new Set(
        rows
          .map((row) => row[column])
          .filter((v) => v !== undefined && v !== null && v !== '')
          .map(String),
      ),
    ].sort();
    const values = Array.isArray(value) ? value : [value];
    values.forEach((wanted, i) => {
      if (typeof wanted !== 'string' || present.includes(wanted)) return;
      issues.push(
        selectsNothing(
          file,
          Array.isArray(value) ? `${at}.options.${option}[${i}]` : `${at}.options.${option}`,
          `${article(column)} ${column} in ${dataset.name}`,
          present,
          wanted,
        ),
      );
    });
  }
  return issues;
}

function selectsNothing(
  file: string,
  column: string,
  what: string,
  present: readonly string[],
  wanted: string,
): InputIssue {
  const best = closestName(wanted, present);
  return {
    file,
    column,
    expected: `${what} (${present.length === 0 ? 'none' : present.length <= LISTED ? present.join(', ') : `${present.slice(0, LISTED).join(', ')}, and ${present.length - LISTED} more`})`,
    found: `"${wanted}", which selects nothing`,
    ...(best !== undefined ? { hint: `did you mean "${best}"?` } : {}),
  };
}

/** Names listed in a message before "and N more". */
const LISTED = 25;

const article = (word: string): string => (/^[aeiou]/i.test(word) ? 'an' : 'a');

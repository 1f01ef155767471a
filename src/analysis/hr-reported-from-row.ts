import { printedDecimals, type ReportedComparisonRow } from '../data/index.js';
import type { HrField, HrReported } from '../stats/survival/hr-derivation.js';

/** reported-comparison column → HrReported field. */
const HR_COLUMNS: readonly [string, HrField][] = [
  ['estimate', 'hr'],
  ['ci_lower', 'ciLower'],
  ['ci_upper', 'ciUpper'],
  ['ci_level', 'ciLevel'],
  ['p', 'p'],
  ['events_arm', 'events1'],
  ['events_comparator', 'events2'],
  ['events_total', 'events'],
  ['n_arm', 'n1'],
  ['n_comparator', 'n2'],
  ['o_minus_e', 'oMinusE'],
  ['logrank_v', 'v'],
  ['logrank_p', 'logrankP'],
];

/**
 * What an HR row of a reported-comparison table prints, as deriveHazardRatio takes it (arm 1 =
 * `arm`), with each figure's printed decimals for the rounding check. A p given as a bound
 * (`p_relation` other than `=`) is left out and named in `notes`.
 * @example hrReportedFromRow(row).reported // { hr: 0.64, ciLower: 0.48, ciUpper: 0.86, … }
 */
export function hrReportedFromRow(row: ReportedComparisonRow): {
  reported: HrReported;
  decimals: Partial<Record<HrField, number>>;
  notes: string[];
} {
  const reported: HrReported = {};
  const decimals: Partial<Record<HrField, number>> = {};
  const notes: string[] = [];
  for (const [column, field] of HR_COLUMNS) {
    const value = (row as unknown as Record<string, number | undefined>)[column];
    if (value === undefined) continue;
    if (column === 'p' && row.p_relation !== undefined && row.p_relation !== '=') {
      notes.push(`${row.trial}: p ${row.p_relation} ${value} is a bound, not used`);
      continue;
    }
    reported[field] = value;
    const printed = row.$printed[column];
    if (printed !== undefined) decimals[field] = printedDecimals(printed);
  }
  if (row.favours !== undefined) reported.favours = row.favours === 'arm' ? 'arm1' : 'arm2';
  return { reported, decimals, notes };
}

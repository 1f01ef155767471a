import type { DoseEscalationRow, ReportedCountRow, TrialRegistryRow } from '../data/kinds/index.js';
import { splitList } from '../data/kinds/index.js';
import { escalationEnrolment } from '../stats/check/escalation-enrolment.js';
import type { CheckStatus } from '../stats/check/judge-reported.js';
import { tablesOfKind, type DatasetTables } from './dataset-tables.js';

/** One registry-level finding, before check-dataset gives it the common item fields. */
export interface RegistryFinding {
  file: string;
  row: TrialRegistryRow | ReportedCountRow;
  quantity:
    | 'enrolment vs design'
    | 'status vs end date'
    | 'registry id'
    | 'enrolment across sources'
    | 'count vs landscape';
  reported: string;
  recomputed: number | null;
  status: CheckStatus;
  method: string;
  reason: string;
}

export interface RegistryCheckOptions {
  /**
   * Date the statuses are judged at (`YYYY[-MM[-DD]]`). Default: each row's latest source
   * date (dataset.json `sources[].date`), so a status is judged as of when it was written and
   * the same data give the same verdicts on every day.
   */
  asOf?: string;
  /** Source key → date, from dataset.json. */
  sourceDates?: ReadonlyMap<string, string>;
}

/** Statuses that promise recruitment still to come. */
const OPEN = new Set(['recruiting', 'not-yet-recruiting']);

/**
 * Registry-level checks of trial-registry rows (issue 15): planned enrolment against a
 * dose-escalation design of the same trial in the dataset; an end date before the as-of date
 * with a status still recruiting; the same registry id on two different trials; two readings
 * of one trial giving different enrolment. The last three report only inconsistencies.
 */
export function registryFindings(
  tables: DatasetTables,
  options: RegistryCheckOptions = {},
): RegistryFinding[] {
  const registry = tablesOfKind(tables, 'trial-registry').flatMap(({ file, rows }) =>
    rows.map((row) => ({ file, row })),
  );
  const escalation = tablesOfKind(tables, 'dose-escalation').flatMap(({ rows }) => rows);
  const findings: RegistryFinding[] = [];
  for (const entry of registry) {
    const design = enrolmentVsDesign(entry, escalation);
    if (design) findings.push(design);
    const status = statusVsEnd(entry, options);
    if (status) findings.push(status);
  }
  findings.push(...sharedIds(registry), ...enrolmentAcrossReadings(registry));
  for (const { file, rows } of tablesOfKind(tables, 'reported-count'))
    for (const row of rows) findings.push(countVsLandscape(file, row, registry));
  return findings;
}

const contains = (text: string | undefined, part: string | undefined): boolean =>
  part === undefined || (text ?? '').toLowerCase().includes(part.toLowerCase());

/** A `;` list of countries names the country (not in "several European countries (not France)"). */
function inCountry(countries: string | undefined, country: string | undefined): boolean {
  if (country === undefined) return true;
  const wanted = country.toLowerCase();
  return splitList(countries).some((entry) => {
    const e = entry.toLowerCase();
    return e.includes(wanted) && !e.includes(`not ${wanted}`);
  });
}

/**
 * An aggregate count a source prints ("12 études ou essais cliniques … dont trois en France")
 * against the primary trial-registry rows of the same dataset that match its filters. A
 * landscape built from the same source lists only the trials the source describes, so fewer
 * rows than printed is "not checkable" (the list is incomplete), more is a discrepancy.
 */
function countVsLandscape(
  file: string,
  row: ReportedCountRow,
  registry: readonly Entry[],
): RegistryFinding {
  const printed = `${row.relation === '=' ? '' : `${row.relation} `}${row.count}`;
  const base = {
    file,
    row,
    quantity: 'count vs landscape' as const,
    reported: printed,
    method: 'landscape-count',
  };
  if (row.measure === 'none')
    return {
      ...base,
      recomputed: null,
      status: 'not-checkable',
      reason: 'stated for the record: the landscape rows cannot answer it (another date or scope)',
    };
  const statuses = splitList(row.statuses);
  const kept = registry.filter(
    ({ row: r }) =>
      r.reading !== 'alternative' &&
      contains(r.condition, row.condition) &&
      inCountry(r.countries, row.country) &&
      (row.intervention === undefined ||
        [r.name, r.intervention, r.mechanism].some((t) => contains(t, row.intervention))) &&
      (statuses.length === 0 || (r.status !== undefined && statuses.includes(r.status))) &&
      (row.registry === undefined || (r.registry_id ?? '').startsWith(row.registry)),
  );
  const filters = [
    row.condition && `condition ~ "${row.condition}"`,
    row.country && `country ~ "${row.country}"`,
    row.intervention && `intervention ~ "${row.intervention}"`,
    statuses.length > 0 && `status ${statuses.join('/')}`,
    row.registry && `registry id ${row.registry}…`,
  ]
    .filter(Boolean)
    .join(', ');
  const what = `${filters ? `rows with ${filters}` : 'rows'}`;
  const value =
    row.measure === 'trials'
      ? kept.length
      : kept.reduce((sum, { row: r }) => sum + (r.enrolment ?? 0), 0);
  const noun = row.measure === 'trials' ? 'trials' : 'participants (planned enrolment summed)';
  const names =
    row.measure === 'trials' && kept.length <= 15
      ? `: ${kept.map(({ row: r }) => r.name).join('; ')}`
      : '';
  const holds =
    row.relation === '='
      ? value === row.count
      : row.relation === '>'
        ? value > row.count
        : value >= row.count;
  // Fewer than printed: the landscape holds only what the source describes, so it cannot refute a count.
  const short = row.relation === '=' ? value < row.count : !holds;
  return {
    ...base,
    recomputed: value,
    status: holds ? 'reproduced' : short ? 'not-checkable' : 'discrepant',
    reason: holds
      ? `the landscape has ${value} ${noun} among its ${what}${names}`
      : short
        ? `the landscape has ${value} ${noun} among its ${what}${names} — fewer than printed, so it lists only part of them; not a refutation`
        : `the landscape has ${value} ${noun} among its ${what}${names}, more than the ${row.count} printed`,
  };
}

type Entry = { file: string; row: TrialRegistryRow };

function enrolmentVsDesign(
  { file, row }: Entry,
  escalation: readonly DoseEscalationRow[],
): RegistryFinding | undefined {
  if (row.enrolment === undefined) return undefined;
  const levels = escalation.filter((e) =>
    row.registry_id && e.registry_id ? e.registry_id === row.registry_id : e.trial === row.name,
  );
  if (levels.length === 0) return undefined;
  const base = {
    file,
    row,
    quantity: 'enrolment vs design' as const,
    reported: `${row.enrolment} planned`,
  };
  if (levels.some((e) => e.rule !== '3+3')) {
    return {
      ...base,
      recomputed: null,
      status: 'not-checkable',
      method: 'escalation-enrolment',
      reason: 'only 3+3 escalations are enumerated',
    };
  }
  const groups = [...new Set(levels.map((e) => e.group))].map((group) => {
    const rows = levels.filter((e) => e.group === group);
    const cohort = rows[0].cohort_size ?? 3;
    return {
      levels: Math.max(...rows.map((e) => e.level)),
      cohort,
      maxPerDose: rows[0].max_per_dose ?? 2 * cohort,
    };
  });
  const r = escalationEnrolment(row.enrolment, groups);
  const doses = [...new Set(groups.map((g) => g.levels))];
  const designText = `${groups.length === 1 ? 'one 3+3 escalation' : `${groups.length} 3+3 escalations`} over ${doses.join(' or ')} dose${doses.length === 1 && doses[0] === 1 ? '' : 's'}${groups.length > 1 && doses.length === 1 ? ' each' : ''} treat ${r.min} to ${r.max} patients (${r.possible.length <= 12 ? r.possible.join(', ') : `${r.possible.slice(0, 4).join(', ')}, …, ${r.max}`})`;
  return {
    ...base,
    recomputed: r.reachable ? row.enrolment : (r.below ?? r.above ?? null),
    status: r.reachable ? 'reproduced' : 'discrepant',
    method: 'escalation-enrolment',
    reason: r.reachable
      ? `${designText}; ${row.enrolment} is one of them${r.exceedable ? `, though a full escalation can need up to ${r.max}` : ''}`
      : `${designText}: ${row.enrolment} is not one of them (nearest ${[r.below, r.above].filter((x) => x !== undefined).join(' and ')}), so it is not the number treated under the design as written (replacements of non-evaluable patients?)${r.exceedable ? `; a full escalation can need ${r.max}, more than planned` : ''}`,
  };
}

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` as the first and last day it can mean. */
function dayRange(date: string): { first: string; last: string } {
  const [y, m, d] = date.split('-');
  return {
    first: `${y}-${m ?? '01'}-${d ?? '01'}`,
    last: `${y}-${m ?? '12'}-${d ?? '31'}`,
  };
}

function statusVsEnd(
  { file, row }: Entry,
  options: RegistryCheckOptions,
): RegistryFinding | undefined {
  if (!row.status || !OPEN.has(row.status) || row.end === undefined) return undefined;
  const sources = splitList(row.source);
  const dated = sources
    .map((key) => ({ key, date: options.sourceDates?.get(key) }))
    .filter((s): s is { key: string; date: string } => s.date !== undefined)
    .sort((a, b) => dayRange(a.date).first.localeCompare(dayRange(b.date).first));
  const asOf = options.asOf ?? dated.at(-1)?.date;
  if (asOf === undefined) return undefined;
  if (!(dayRange(row.end).last < dayRange(asOf).first)) return undefined;
  const when = options.asOf
    ? asOf
    : `${asOf}, the date of ${dated.at(-1)!.key} (the row's latest source)`;
  return {
    file,
    row,
    quantity: 'status vs end date',
    reported: `${row.status}, end ${row.end}`,
    recomputed: null,
    status: 'discrepant',
    method: 'registry-dates',
    reason: `status ${row.status} although the end date ${row.end} is before ${when}: the status or the end date is out of date`,
  };
}

function sharedIds(registry: readonly Entry[]): RegistryFinding[] {
  const byId = new Map<string, Entry[]>();
  for (const entry of registry) {
    const id = entry.row.registry_id;
    // An alternative reading is the same trial read from another source, not a second trial.
    if (!id || entry.row.reading === 'alternative') continue;
    byId.set(id, [...(byId.get(id) ?? []), entry]);
  }
  const findings: RegistryFinding[] = [];
  for (const [id, entries] of byId) {
    if (new Set(entries.map((e) => e.row.name)).size < 2) continue;
    for (const entry of entries) {
      const others = entries.filter((e) => e !== entry);
      findings.push({
        file: entry.file,
        row: entry.row,
        quantity: 'registry id',
        reported: id,
        recomputed: null,
        status: 'discrepant',
        method: 'registry-ids',
        reason: `${id} is also given for ${others.map((e) => `${e.row.name} (line ${e.row.$line})`).join(', ')}: one registry id, two trials; at least one id is wrong`,
      });
    }
  }
  return findings;
}

/** Alternative readings belong to the primary row with their registry id, or whose name they extend (`BIGTIM (… record)`). */
function enrolmentAcrossReadings(registry: readonly Entry[]): RegistryFinding[] {
  const findings: RegistryFinding[] = [];
  const primaries = registry.filter((e) => e.row.reading !== 'alternative');
  for (const alt of registry.filter((e) => e.row.reading === 'alternative')) {
    const primary =
      primaries.find((p) => alt.row.registry_id && p.row.registry_id === alt.row.registry_id) ??
      primaries.find((p) => alt.row.name.startsWith(`${p.row.name} (`));
    if (!primary || primary.row.enrolment === undefined || alt.row.enrolment === undefined)
      continue;
    if (primary.row.enrolment === alt.row.enrolment) continue;
    findings.push({
      file: alt.file,
      row: alt.row,
      quantity: 'enrolment across sources',
      reported: `${alt.row.enrolment} (${alt.row.source ?? 'no source'})`,
      recomputed: primary.row.enrolment,
      status: 'discrepant',
      method: 'registry-readings',
      reason: `two sources give different enrolment for ${primary.row.name}: ${primary.row.enrolment} (${primary.row.source ?? 'no source'}, line ${primary.row.$line}) and ${alt.row.enrolment} (${alt.row.source ?? 'no source'}, line ${alt.row.$line})`,
    });
  }
  return findings;
}

import { InputError } from '../../errors.js';

/** One patient: follow-up time, whether it ended in the event (false = censored), arm and stratum. */
export interface SurvivalRecord {
  time: number;
  event: boolean;
  arm?: string;
  stratum?: string;
}

/** Checks times (finite, ≥ 0) and events; names the first bad record. */
export function validateRecords(records: readonly SurvivalRecord[], argument = 'records'): void {
  if (!Array.isArray(records) || records.length === 0)
    throw new InputError(argument, records, 'at least one patient record');
  records.forEach((r, i) => {
    if (typeof r.time !== 'number' || !Number.isFinite(r.time) || r.time < 0)
      throw new InputError(`${argument}[${i}].time`, r.time, 'a finite time ≥ 0');
    if (typeof r.event !== 'boolean')
      throw new InputError(`${argument}[${i}].event`, r.event, 'true (event) or false (censored)');
  });
}

/** At one distinct time: numbers at risk (time ≥ t) and events and censorings at t, per arm (index 0 = arm 1, 1 = arm 2). */
export interface RiskRow {
  time: number;
  atRisk: [number, number];
  events: [number, number];
  censored: [number, number];
}

/**
 * The risk table of a two-arm comparison within one stratum: every distinct time with the
 * numbers at risk and the events per arm (arm 1 = index 0). Sorted by time.
 */
export function riskTable(
  records: readonly SurvivalRecord[],
  arm1: string,
  arm2: string,
): RiskRow[] {
  const byTime = new Map<number, RiskRow>();
  const total: [number, number] = [0, 0];
  for (const r of records) {
    if (r.arm !== arm1 && r.arm !== arm2) continue;
    const k: 0 | 1 = r.arm === arm1 ? 0 : 1;
    total[k]++;
    let row = byTime.get(r.time);
    if (!row) {
      row = { time: r.time, atRisk: [0, 0], events: [0, 0], censored: [0, 0] };
      byTime.set(r.time, row);
    }
    if (r.event) row.events[k]++;
    else row.censored[k]++;
  }
  const rows = [...byTime.values()].sort((a, b) => a.time - b.time);
  const left: [number, number] = [total[0], total[1]];
  for (const row of rows) {
    row.atRisk = [left[0], left[1]];
    left[0] -= row.events[0] + row.censored[0];
    left[1] -= row.events[1] + row.censored[1];
  }
  return rows;
}

/** The arms found in the records, in order of first appearance. */
export function armsOf(records: readonly SurvivalRecord[]): string[] {
  return [...new Set(records.map((r) => r.arm).filter((a): a is string => a !== undefined))];
}

/** Resolves the two arms to compare: given, or the only two present. */
export function resolveArms(
  records: readonly SurvivalRecord[],
  arms?: readonly [string, string],
): [string, string] {
  const present = armsOf(records);
  if (arms) {
    for (const arm of arms)
      if (!present.includes(arm))
        throw new InputError('arms', arm, `an arm in the records (${present.join(', ')})`);
    if (arms[0] === arms[1]) throw new InputError('arms', arms[1], 'two different arms');
    return [arms[0], arms[1]];
  }
  if (present.length !== 2)
    throw new InputError(
      'arms',
      present.join(', ') || 'none',
      'exactly two arms in the records, or the two to compare',
    );
  return [present[0], present[1]];
}

/** Strata present, in order of first appearance (one unnamed stratum when none is given). */
export function strataOf(records: readonly SurvivalRecord[]): (string | undefined)[] {
  return [...new Set(records.map((r) => r.stratum))];
}

/**
 * survival's `timefix` (aeqSurv): times closer than √ε — absolutely, or relative to the mean
 * |time| — are one time, the smallest of the group. Without it, a censoring at
 * (8.24 + 8.26)/2 = 8.249999999999998 would not tie with a death at 8.25, as it does in R.
 */
export function fixTimes<R extends SurvivalRecord>(records: readonly R[]): readonly R[] {
  const tolerance = Math.sqrt(2.220446049250313e-16);
  const unique = [...new Set(records.map((r) => r.time))].sort((a, b) => a - b);
  if (unique.length < 2) return records;
  const meanAbs = unique.reduce((sum, t) => sum + Math.abs(t), 0) / unique.length;
  const snap = new Map<number, number>();
  let cut = unique[0];
  snap.set(cut, cut);
  let tied = false;
  for (let i = 1; i < unique.length; i++) {
    const dy = unique[i] - unique[i - 1];
    if (dy <= tolerance || dy / meanAbs <= tolerance) tied = true;
    else cut = unique[i];
    snap.set(unique[i], cut);
  }
  return tied ? records.map((r) => ({ ...r, time: snap.get(r.time) as number })) : records;
}

import { InputError } from '../../errors.js';
import type { KindRows } from '../../data/index.js';
import { CONTROL_ARM } from '../../analysis/pair-arms.js';
import type { RateStudy, SingleRateStudy } from '../../stats/meta/rate-effect-sizes.js';

type ArmRateRow = KindRows['arm-rate'];

/**
 * A dataset's `arm-rate` rows of one outcome as study rows for `meta`: for IRR/IRD, each arm
 * against the comparator of its trial (× timepoint × population) — the arm named with
 * `--comparator`, else the one arm named like a control, else the second of two (the rule of
 * the analysis core, docs/analysis.md); for IRLN/IRS, every arm row is a study. Person-time
 * must be in one unit throughout, since rates are compared per that unit.
 */
export function rateStudies(
  rows: readonly ArmRateRow[],
  twoArm: boolean,
  comparator: string | undefined,
  notes: string[],
): RateStudy[] | SingleRateStudy[] {
  const units = [...new Set(rows.map((r) => r.unit ?? ''))];
  if (units.length > 1)
    throw new InputError(
      'person_time',
      units.map((u) => u || '(none)').join(', '),
      'one unit of person-time for all rows of the outcome',
    );
  const extra = (r: ArmRateRow) => ({
    outcome: r.outcome,
    arm: r.arm,
    ...(r.timepoint ? { timepoint: r.timepoint } : {}),
    ...(r.population ? { population: r.population } : {}),
  });
  if (!twoArm)
    return rows.map((r) => ({
      study: `${r.trial} (${r.arm})`,
      events: r.events,
      time: r.person_time,
      extra: extra(r),
    }));
  const groups = new Map<string, ArmRateRow[]>();
  for (const r of rows) {
    const key = [r.trial, r.timepoint ?? '', r.population ?? ''].join('\u0000');
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const studies: RateStudy[] = [];
  for (const arms of groups.values()) {
    const trial = arms[0].trial;
    const controls = comparator
      ? arms.filter((a) => a.arm === comparator)
      : arms.filter((a) => CONTROL_ARM.test(a.arm));
    const control =
      controls.length === 1 ? controls[0] : !comparator && arms.length === 2 ? arms[1] : undefined;
    if (!control) {
      notes.push(
        `${trial}: not pooled (${comparator ? `no arm ${comparator}` : `no single control arm among ${arms.map((a) => a.arm).join(', ')}: name one with --comparator`})`,
      );
      continue;
    }
    const others = arms.filter((a) => a !== control);
    if (others.length > 1)
      notes.push(
        `${trial} gives ${others.length} comparisons; they share the ${control.arm} arm, so its patients are counted more than once`,
      );
    for (const arm of others)
      studies.push({
        study: others.length === 1 ? trial : `${trial}, ${arm.arm}`,
        events1: arm.events,
        time1: arm.person_time,
        events2: control.events,
        time2: control.person_time,
        extra: { ...extra(arm), comparator: control.arm },
      });
  }
  return studies;
}

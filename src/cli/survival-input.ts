import type {
  ArmTimeToEventRow,
  KmCurveRow,
  LoadedInput,
  PatientLevelRow,
  ReportedComparisonRow,
} from '../data/index.js';
import type { HrStudy } from '../stats/survival/pool-hazard-ratios.js';
import { InputError } from '../errors.js';
import { hrReportedFromRow } from '../analysis/hr-reported-from-row.js';
import { reconstructKm, type ReconstructedArm } from '../stats/survival/reconstruct-km.js';
import type { SurvivalRecord } from '../stats/survival/survival-records.js';

/** Patient-level survival records for one trial × outcome, read or reconstructed, and how. */
export interface SurvivalInput {
  trial: string;
  outcome: string;
  unit?: string;
  records: SurvivalRecord[];
  source: 'patient-level' | 'km-curve';
  /** Per arm, when reconstructed from a km-curve table. */
  reconstruction?: { arm: string; totalEvents?: number; result: ReconstructedArm }[];
  notes: string[];
}

export interface SurvivalInputOptions {
  trial?: string;
  outcome?: string;
  /** Total events per arm for a km-curve (`arm=count`), beside any arm-time-to-event table. */
  events?: Record<string, number>;
  /** Use the km-curve table even when patient-level data are present. */
  fromCurve?: boolean;
}

type Tables = { kind: string; file: string; rows: readonly unknown[] }[];

function tablesOf(input: LoadedInput): Tables {
  const tables = input.type === 'dataset' ? input.dataset.tables : [input.table];
  return tables.map((t) => ({ kind: t.kind, file: t.file, rows: t.table.rows }));
}

/** The one value of `key` among rows, or the one asked for; InputError listing the choices. */
function pick(values: readonly string[], wanted: string | undefined, option: string): string {
  const present = [...new Set(values)];
  if (wanted !== undefined) {
    if (!present.includes(wanted))
      throw new InputError(option, wanted, `one of ${present.map((v) => `"${v}"`).join(', ')}`);
    return wanted;
  }
  if (present.length !== 1)
    throw new InputError(
      option,
      undefined,
      `one of ${present.map((v) => `"${v}"`).join(', ')} (the input has several)`,
    );
  return present[0];
}

/** Parses `--events standard=64,test=64`. */
export function parseArmCounts(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of text.split(',')) {
    const match = /^\s*(.+?)\s*=\s*(\d+)\s*$/.exec(part);
    if (!match)
      throw new InputError(
        '--events',
        text,
        'arm=count pairs separated by commas, e.g. standard=64,test=64',
      );
    out[match[1]] = Number(match[2]);
  }
  return out;
}

/**
 * Survival records from what a user names: a patient-level table (time and event rows), or a
 * km-curve table reconstructed arm by arm (Guyot 2012), with each arm's total events from
 * `events` or from an arm-time-to-event table of the same dataset.
 */
export function survivalInput(
  input: LoadedInput,
  options: SurvivalInputOptions = {},
): SurvivalInput {
  const tables = tablesOf(input);
  const patients = tables
    .filter((t) => t.kind === 'patient-level')
    .flatMap((t) => t.rows as PatientLevelRow[])
    .filter((r) => r.time !== undefined);
  const curves = tables.filter((t) => t.kind === 'km-curve').flatMap((t) => t.rows as KmCurveRow[]);
  if (patients.length > 0 && !options.fromCurve) {
    const trial = pick(
      patients.map((r) => r.trial),
      options.trial,
      '--trial',
    );
    const outcome = pick(
      patients.filter((r) => r.trial === trial).map((r) => r.outcome),
      options.outcome,
      '--outcome',
    );
    const rows = patients.filter((r) => r.trial === trial && r.outcome === outcome);
    return {
      trial,
      outcome,
      unit: rows.find((r) => r.unit)?.unit,
      records: rows.map((r) => ({
        time: r.time as number,
        event: r.event === 1,
        arm: r.arm,
        ...(r.stratum ? { stratum: r.stratum } : {}),
      })),
      source: 'patient-level',
      notes: [],
    };
  }
  if (curves.length === 0) {
    throw new InputError(
      'input',
      tables.map((t) => `${t.file} (${t.kind})`).join(', '),
      'a patient-level table with time and event, or a km-curve table',
    );
  }
  const trial = pick(
    curves.map((r) => r.trial),
    options.trial,
    '--trial',
  );
  const outcome = pick(
    curves.filter((r) => r.trial === trial).map((r) => r.outcome),
    options.outcome,
    '--outcome',
  );
  const rows = curves.filter((r) => r.trial === trial && r.outcome === outcome);
  const armRows = tables
    .filter((t) => t.kind === 'arm-time-to-event')
    .flatMap((t) => t.rows as ArmTimeToEventRow[]);
  const arms = [...new Set(rows.map((r) => r.arm))];
  const notes: string[] = [];
  const reconstruction = arms.map((arm) => {
    const points = rows.filter((r) => r.arm === arm && r.survival !== undefined);
    const risk = rows.filter((r) => r.arm === arm && r.n_risk !== undefined);
    if (risk.length === 0)
      throw new InputError('km-curve', arm, `the number-at-risk rows (n_risk) of arm "${arm}"`);
    const stated = armRows.find(
      (r) =>
        r.trial === trial &&
        r.outcome === outcome &&
        r.arm === arm &&
        r.time === undefined &&
        r.events !== undefined,
    )?.events;
    const totalEvents = options.events?.[arm] ?? stated;
    notes.push(
      totalEvents === undefined
        ? `${arm}: no total events given; the last interval's censoring is the average rate (Guyot 2012)`
        : `${arm}: total events ${totalEvents}${options.events?.[arm] !== undefined ? ' (--events)' : ' (arm-time-to-event table)'}`,
    );
    const result = reconstructKm({
      time: points.map((p) => p.time),
      survival: points.map((p) => p.survival as number),
      riskTime: risk.map((r) => r.time),
      nRisk: risk.map((r) => r.n_risk as number),
      ...(totalEvents === undefined ? {} : { totalEvents }),
    });
    return { arm, ...(totalEvents === undefined ? {} : { totalEvents }), result };
  });
  for (const arm of Object.keys(options.events ?? {}))
    if (!arms.includes(arm))
      throw new InputError('--events', arm, `an arm of the curve (${arms.join(', ')})`);
  return {
    trial,
    outcome,
    unit: rows.find((r) => r.unit)?.unit,
    records: reconstruction.flatMap((r) => r.result.records.map((x) => ({ ...x, arm: r.arm }))),
    source: 'km-curve',
    reconstruction,
    notes,
  };
}

/**
 * The HR rows of reported-comparison tables as studies for poolHazardRatios: one per trial
 * (primary readings), the printed decimals kept for the rounding check. A p given as a bound
 * (`<`) is not used. `outcome` picks the outcome when there are several.
 */
export function hrStudiesFrom(
  input: LoadedInput,
  options: { outcome?: string } = {},
): { outcome: string; studies: HrStudy[]; notes: string[] } {
  const rows = tablesOf(input)
    .filter((t) => t.kind === 'reported-comparison')
    .flatMap((t) => t.rows as ReportedComparisonRow[])
    .filter((r) => r.measure === 'HR' && r.reading !== 'alternative');
  if (rows.length === 0)
    throw new InputError('input', 'no HR rows', 'reported-comparison rows with measure HR');
  const outcome = pick(
    rows.map((r) => r.outcome),
    options.outcome,
    '--outcome',
  );
  const notes: string[] = [];
  const studies = rows
    .filter((r) => r.outcome === outcome)
    .map((row) => {
      const { reported, decimals, notes: rowNotes } = hrReportedFromRow(row);
      notes.push(...rowNotes);
      return {
        study: `${row.trial}${row.timepoint ? `, ${row.timepoint}` : ''}${row.population ? ` [${row.population}]` : ''}`,
        reported,
        decimals,
      };
    });
  return { outcome, studies, notes };
}

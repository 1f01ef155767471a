import { formatNumber, formatP, formatPrinted } from '../../format/number.js';
import type { ArmDotRow } from '../charts/arm-dots.js';
import type { AdverseEventArmRate, AdverseEventDifference } from '../charts/adverse-events.js';
import type { ContourFunnelData } from '../../stats/meta/contour-funnel-data.js';
import type { ForestPlotInput, ForestPooled, ForestRow } from '../charts/forest-plot.js';
import type { DoseSelectionScenario } from '../charts/dose-selection.js';
import type { GroupSequentialBoundaryLook } from '../charts/group-sequential-boundaries.js';
import type { PercentAuditRow } from '../charts/percent-audit.js';
import type { PowerCurveSeries } from '../charts/power-curve.js';
import type { ProportionRow } from '../charts/proportion-caterpillar.js';
import type { TimelineRow } from '../charts/trial-timeline.js';
import type { ReportDataset } from '../dataset.js';
import type { OptionsSchema } from '../options-schema.js';

/** Chart-ready data an analysis produces; each chart type accepts some kinds. */
export type AnalysisView =
  | {
      kind: 'effects';
      rows: ForestRow[];
      pooled?: ForestPooled;
      scale: 'log' | 'linear';
      axisTitle: string;
      favours?: { left: string; right: string };
      reference?: number | null;
      /** Column headers, data columns and statements of a RevMan-style forest plot. */
      forest?: Pick<
        ForestPlotInput,
        'columns' | 'studyHeader' | 'effectHeader' | 'statements' | 'subgroups' | 'sort'
      >;
      /** Contour-enhanced funnel data of a meta-analysis (for a `funnel` chart). */
      funnel?: { data: ContourFunnelData; axisTitle: string; note?: string };
    }
  | {
      kind: 'arm-summary';
      rows: ArmDotRow[];
      axisTitle: string;
      intervalLabel: string;
      groupTitle?: string;
    }
  | {
      kind: 'proportions';
      rows: ProportionRow[];
      pooled?: { label: string; estimate: number; lower: number; upper: number };
      outcome: string;
      intervalLabel: string;
    }
  | {
      kind: 'adverse-events';
      rates: AdverseEventArmRate[];
      differences: AdverseEventDifference[];
      differenceLabel: string;
      rateIntervalLabel: string;
      differenceIntervalLabel: string;
      arms: string[];
    }
  | { kind: 'timeline'; rows: TimelineRow[] }
  | {
      kind: 'power';
      series: PowerCurveSeries[];
      axisTitle: string;
      /** y-axis title (default `Power (%)`). */
      yTitle?: string;
    }
  | { kind: 'dose-selection'; doses: string[]; scenarios: DoseSelectionScenario[] }
  | { kind: 'decision-table'; decisions: string[][] }
  | { kind: 'boundaries'; looks: GroupSequentialBoundaryLook[]; twoSided: boolean }
  | { kind: 'percent-audit'; rows: PercentAuditRow[] };

export type ViewKind = AnalysisView['kind'];

/** A table for people: formatted cells, in column order. */
export interface AnalysisTable {
  columns: { key: string; label: string; numeric?: boolean }[];
  rows: Record<string, string>[];
}

export interface AnalysisOutput {
  view: AnalysisView;
  table: AnalysisTable;
  /** Sentences for the methods section: test, CI method, corrections. */
  methods: string[];
  /** Derived-value notes (what was derived from what, and how). */
  notes: string[];
  warnings: string[];
}

/**
 * An analysis the report can run: which dataset kinds it reads, its options, and the
 * library functions it calls. `run` receives validated options.
 */
export interface AnalysisDefinition {
  name: string;
  description: string;
  /** Dataset file kinds it reads (`arm-binary`, ...). */
  kinds: readonly string[];
  produces: ViewKind;
  options: OptionsSchema;
  run(dataset: ReportDataset, options: Record<string, unknown>): AnalysisOutput;
}

/**
 * Rows of every table of the given kind in a dataset, or only of the tables whose file
 * name (without folder) is in `files`.
 */
export function rowsOfKind(
  dataset: ReportDataset,
  kind: string,
  files?: unknown,
): Record<string, unknown>[] {
  const wanted = Array.isArray(files) ? (files as string[]) : undefined;
  return (
    dataset.tables
      .filter(
        (t) => t.kind === kind && (!wanted || wanted.includes(t.path.split('/').pop() ?? t.path)),
      )
      // Alternative readings repeat a figure a primary row gives; the provenance section lists them.
      .flatMap((t) => t.rows.filter((row) => row.reading !== 'alternative'))
  );
}

/** Keeps rows whose `field` equals the option (when the option is given). */
export function matches(row: Record<string, unknown>, field: string, wanted: unknown): boolean {
  if (wanted === undefined) return true;
  if (Array.isArray(wanted)) return wanted.includes(row[field]);
  return row[field] === wanted;
}

export const num = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;
export const str = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/** A p-value for a table cell: `0.35`, `0.003`, `<0.001` (journal style, no "p ="). */
export function pCell(p: number, threshold = 0.001): string {
  return formatP(p, { prefix: false, threshold }).replace(/^= /, '').replace(/^< /, '<');
}

/** Options for forest-style analyses: axis title and the "favours" texts either side of the null line. */
export const AXIS_OPTIONS = {
  axisTitle: { type: 'string', description: 'Axis title with unit.' },
  favoursLeft: { type: 'string', description: '"Favours" text left of the null line.' },
  favoursRight: { type: 'string', description: '"Favours" text right of the null line.' },
} as const;

/** The `favours` labels when both sides are given. */
export function favoursFrom(options: Record<string, unknown>): {
  favours?: { left: string; right: string };
} {
  return typeof options.favoursLeft === 'string' && typeof options.favoursRight === 'string'
    ? { favours: { left: options.favoursLeft, right: options.favoursRight } }
    : {};
}

/**
 * A dataset value as its source printed it (the digits of the CSV cell, see formatPrinted);
 * empty when the row has no number in `field`.
 * @example printedCell({ mean: -9, $printed: { mean: '-9.0' } }, 'mean') // '−9.0'
 */
export function printedCell(row: Record<string, unknown>, field: string): string {
  const value = num(row[field]);
  if (value === undefined) return '';
  const printed = (row.$printed as Record<string, string> | undefined)?.[field];
  return formatPrinted(value, printed);
}

/**
 * A value with its printed digits when it is the row's own value (as transcribed), else
 * (derived) with 3 significant digits.
 */
export function printedOrComputed(row: object, field: string, value: number): string {
  const record = row as Record<string, unknown>;
  return record[field] === value ? printedCell(record, field) : formatNumber(value);
}

import type { TopLevelSpec } from 'vega-lite';
import type { ChartResult } from './chart-result.js';
import { plural } from '../../format/plural.js';
import { CHART_CONFIG, INK } from './theme.js';

export interface TimelineRow {
  name: string;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  start?: string;
  end?: string;
  phase?: string;
  enrolment?: number;
  intervention?: string;
  status?: string;
}

export interface TrialTimelineInput {
  title: string;
  subtitle?: string;
  rows: TimelineRow[];
  /**
   * The date the landscape describes (`YYYY-MM-DD`), drawn as a "today" line. A fixed date
   * from the spec, never the clock, so builds stay byte-identical.
   */
  today?: string;
}

const PHASE_ORDER = ['1', '1/2', '2', '2/3', '3', '4', 'observational', 'other', 'not stated'];

/** Completes a partial date to an ISO day: `2025` → `2025-01-01`, `2025-06` → `2025-06-01` (start), or the period's last day (end). */
export function isoDay(text: string, edge: 'start' | 'end'): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  if (/^\d{4}-\d{2}$/.test(text)) {
    if (edge === 'start') return `${text}-01`;
    const [year, month] = text.split('-').map(Number);
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return `${text}-${String(last).padStart(2, '0')}`;
  }
  if (/^\d{4}$/.test(text)) return edge === 'start' ? `${text}-01-01` : `${text}-12-31`;
  throw new Error(`not a date: ${text}`);
}

/**
 * Trial landscape as a Gantt chart: one bar per trial from start to (planned) end,
 * coloured by phase, sorted by start date, with the enrolment printed at the bar's end
 * (`n = 150`). Trials without a start are left out with a warning; trials without an
 * end are drawn as a start marker only.
 */
export function trialTimeline(input: TrialTimelineInput): ChartResult {
  const warnings: string[] = [];
  // Trials without dates are expected in a landscape: notes for the reader, not warnings.
  const notes: string[] = [];
  const rows = input.rows.filter((r) => Boolean(r.start));
  const undated = input.rows.filter((r) => !r.start).map((r) => r.name);
  if (undated.length)
    notes.push(
      `${plural(undated.length, 'trial')} without a start date ${undated.length === 1 ? 'is' : 'are'} listed in the table but not drawn: ${undated.join(', ')}.`,
    );
  const open = rows.filter((r) => !r.end).map((r) => r.name);
  if (open.length)
    notes.push(
      `${plural(open.length, 'trial')} without an end date ${open.length === 1 ? 'is' : 'are'} drawn as a start marker (▶): ${open.join(', ')}.`,
    );
  if (input.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(input.today))
    throw new Error(`timeline "${input.title}": today must be YYYY-MM-DD, found "${input.today}"`);
  const values = rows
    .map((r) => {
      const start = isoDay(r.start!, 'start');
      const end = r.end ? isoDay(r.end, 'end') : null;
      return {
        name: r.name,
        start,
        end,
        phase: r.phase ?? 'not stated',
        enrolment: r.enrolment ?? null,
        label: r.enrolment !== undefined ? `n = ${r.enrolment}` : '',
        intervention: r.intervention ?? '',
        status: r.status ?? '',
      };
    })
    .sort((a, b) => a.start.localeCompare(b.start) || a.name.localeCompare(b.name));
  const phases = PHASE_ORDER.filter((p) => values.some((v) => v.phase === p));
  const extraPhases = [...new Set(values.map((v) => v.phase))]
    .filter((p) => !phases.includes(p))
    .sort();
  const y = {
    field: 'name',
    type: 'nominal' as const,
    sort: values.map((v) => v.name),
    title: null,
    axis: { labelLimit: 0 },
  };
  const color = {
    field: 'phase',
    type: 'nominal' as const,
    title: 'Phase',
    sort: [...phases, ...extraPhases],
  };
  const x = {
    type: 'temporal' as const,
    title: 'Calendar date (start to planned end)',
    axis: { format: '%Y', tickCount: 'year' },
  };
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: input.title, ...(input.subtitle ? { subtitle: input.subtitle } : {}) },
    width: 460,
    height: Math.max(60, values.length * 20),
    data: { values },
    config: CHART_CONFIG,
    layer: [
      {
        transform: [{ filter: 'datum.end !== null' }],
        mark: { type: 'bar', height: 12, cornerRadius: 2 },
        encoding: {
          y,
          color,
          x: { ...x, field: 'start' },
          x2: { field: 'end' },
          tooltip: [
            { field: 'name' },
            { field: 'intervention' },
            { field: 'phase' },
            { field: 'label', title: 'enrolment' },
            { field: 'status' },
          ],
        },
      },
      {
        transform: [
          { filter: 'datum.end === null' },
          { calculate: "'start only (no end date)'", as: 'marker' },
        ],
        mark: { type: 'point', filled: true, size: 80, opacity: 1 },
        encoding: {
          y,
          color,
          x: { ...x, field: 'start' },
          // Its own legend entry, so the triangles are explained in the chart.
          shape: {
            field: 'marker',
            type: 'nominal',
            title: null,
            scale: { domain: ['start only (no end date)'], range: ['triangle-right'] },
          },
          tooltip: [
            { field: 'name' },
            { field: 'intervention' },
            { field: 'phase' },
            { field: 'start' },
            { field: 'status' },
          ],
        },
      },
      ...(input.today
        ? [
            {
              data: { values: [{ today: input.today, label: `today (${input.today})` }] },
              layer: [
                {
                  mark: { type: 'rule', color: INK, strokeDash: [4, 3] },
                  encoding: { x: { ...x, field: 'today' } },
                },
                {
                  mark: {
                    type: 'text',
                    align: 'left',
                    dx: 4,
                    dy: -6,
                    y: 0,
                    fontSize: 10,
                    color: INK,
                  },
                  encoding: { x: { ...x, field: 'today' }, text: { field: 'label' } },
                },
              ],
            },
          ]
        : []),
      {
        transform: [{ calculate: 'datum.end === null ? datum.start : datum.end', as: 'labelAt' }],
        mark: { type: 'text', align: 'left', dx: 6, fontSize: 10, color: '#444444' },
        encoding: { y, x: { ...x, field: 'labelAt' }, text: { field: 'label' } },
      },
    ],
  } as TopLevelSpec;
  return {
    spec,
    description: `Timeline of ${plural(values.length, 'trial')} by phase, from start to planned end, with enrolment${input.today ? `; the dashed line marks ${input.today}` : ''}: ${plural(values.filter((v) => v.end !== null && (!input.today || v.end >= input.today)).length, 'trial')} ${input.today ? 'planned to run past it' : 'with an end date'}.`,
    warnings,
    notes,
  };
}

import { InputError } from '../../errors.js';
import type { AnalysisView, ViewKind } from '../analyses/analysis.js';
import type { OptionsSchema } from '../options-schema.js';
import { adverseEvents } from './adverse-events.js';
import { armDots } from './arm-dots.js';
import type { ChartResult } from './chart-result.js';
import { decisionTableChart } from './decision-table.js';
import { doseSelectionBars } from './dose-selection.js';
import { groupSequentialBoundaries } from './group-sequential-boundaries.js';
import { contourFunnel } from './contour-funnel.js';
import type { ForestSort } from './forest-order.js';
import { forestPlot } from './forest-plot.js';
import { percentAudit } from './percent-audit.js';
import { powerCurve } from './power-curve.js';
import { proportionCaterpillar } from './proportion-caterpillar.js';
import { trialTimeline } from './trial-timeline.js';

export interface ChartDefinition {
  name: string;
  accepts: ViewKind;
  /** Options in the spec besides `type` and `analysis`. */
  options: OptionsSchema;
  make(
    view: AnalysisView,
    options: { title: string; subtitle?: string; [key: string]: unknown },
  ): ChartResult;
}

const common: OptionsSchema = {
  title: { type: 'string', required: true, description: 'Chart title.' },
  subtitle: { type: 'string', description: 'Line under the title.' },
};

const only = <K extends ViewKind>(
  view: AnalysisView,
  kind: K,
): Extract<AnalysisView, { kind: K }> => {
  if (view.kind !== kind) throw new Error(`chart expects ${kind} data, got ${view.kind}`);
  return view as Extract<AnalysisView, { kind: K }>;
};

const sub = (options: { subtitle?: string }) =>
  options.subtitle ? { subtitle: options.subtitle } : {};

/** Chart types a report spec can name, by name. */
export const CHARTS: ReadonlyMap<string, ChartDefinition> = new Map(
  (
    [
      {
        name: 'forest',
        accepts: 'effects',
        options: {
          ...common,
          axisTitle: { type: 'string', description: 'Axis title (default from the analysis).' },
          width: { type: 'number', min: 120, max: 800, description: 'Plot width in px.' },
          sort: {
            type: 'enum',
            values: ['estimate', 'weight', 'name', 'year'],
            description:
              'Order of the study rows (within subgroups): estimate (smallest first), weight (heaviest first), name or year (oldest first). Default as the analysis gives them.',
          },
          compact: {
            type: 'boolean',
            description:
              'Narrow layout (phones): no data or weight columns, labels cut at 130 px, statements broken into lines (default false).',
          },
        },
        make: (view, o) => {
          const v = only(view, 'effects');
          return forestPlot({
            title: o.title,
            ...sub(o),
            axisTitle: (o.axisTitle as string | undefined) ?? v.axisTitle,
            scale: v.scale,
            rows: v.rows,
            ...(v.pooled ? { pooled: v.pooled } : {}),
            ...(v.favours ? { favours: v.favours } : {}),
            ...(v.reference !== undefined ? { reference: v.reference } : {}),
            ...(o.width ? { width: o.width as number } : {}),
            ...(v.forest ?? {}),
            ...(o.sort ? { sort: o.sort as ForestSort } : {}),
            ...(o.compact === true ? { compact: true } : {}),
          });
        },
      },
      {
        name: 'arm-dots',
        accepts: 'arm-summary',
        options: {
          ...common,
          timepoints: { type: 'string-list', description: 'Timepoint order.' },
          arms: { type: 'string-list', description: 'Arm order.' },
        },
        make: (view, o) => {
          const v = only(view, 'arm-summary');
          return armDots({
            title: o.title,
            ...sub(o),
            axisTitle: v.axisTitle,
            intervalLabel: v.intervalLabel,
            rows: v.rows,
            ...(v.groupTitle ? { groupTitle: v.groupTitle } : {}),
            ...(o.timepoints ? { timepoints: o.timepoints as string[] } : {}),
            ...(o.arms ? { arms: o.arms as string[] } : {}),
          });
        },
      },
      {
        name: 'adverse-events',
        accepts: 'adverse-events',
        options: { ...common },
        make: (view, o) => {
          const v = only(view, 'adverse-events');
          return adverseEvents({
            title: o.title,
            ...sub(o),
            rates: v.rates,
            differences: v.differences,
            differenceLabel: v.differenceLabel,
            rateIntervalLabel: v.rateIntervalLabel,
            differenceIntervalLabel: v.differenceIntervalLabel,
            arms: v.arms,
          });
        },
      },
      {
        name: 'caterpillar',
        accepts: 'proportions',
        options: { ...common },
        make: (view, o) => {
          const v = only(view, 'proportions');
          return proportionCaterpillar({
            title: o.title,
            ...sub(o),
            outcome: v.outcome,
            intervalLabel: v.intervalLabel,
            rows: v.rows,
            ...(v.pooled ? { pooled: v.pooled } : {}),
          });
        },
      },
      {
        name: 'timeline',
        accepts: 'timeline',
        options: {
          ...common,
          today: {
            type: 'string',
            description:
              'Date the landscape describes (YYYY-MM-DD), drawn as a dashed "today" line (a fixed date keeps builds identical).',
          },
        },
        make: (view, o) =>
          trialTimeline({
            title: o.title,
            ...sub(o),
            rows: only(view, 'timeline').rows,
            ...(typeof o.today === 'string' ? { today: o.today } : {}),
          }),
      },
      {
        name: 'power-curve',
        accepts: 'power',
        options: {
          ...common,
          targets: { type: 'number-list', description: 'Reference powers (default 0.8, 0.9).' },
        },
        make: (view, o) => {
          const v = only(view, 'power');
          return powerCurve({
            title: o.title,
            ...sub(o),
            axisTitle: v.axisTitle,
            series: v.series,
            ...(v.yTitle ? { yTitle: v.yTitle } : {}),
            ...(o.targets ? { targets: o.targets as number[] } : {}),
          });
        },
      },
      {
        name: 'dose-selection',
        accepts: 'dose-selection',
        options: { ...common },
        make: (view, o) => {
          const v = only(view, 'dose-selection');
          return doseSelectionBars({
            title: o.title,
            ...sub(o),
            doses: v.doses,
            scenarios: v.scenarios,
          });
        },
      },
      {
        name: 'decision-table',
        accepts: 'decision-table',
        options: { ...common },
        make: (view, o) =>
          decisionTableChart({
            title: o.title,
            ...sub(o),
            decisions: only(view, 'decision-table').decisions,
          }),
      },
      {
        name: 'group-sequential-boundaries',
        accepts: 'boundaries',
        options: { ...common },
        make: (view, o) => {
          const v = only(view, 'boundaries');
          return groupSequentialBoundaries({
            title: o.title,
            ...sub(o),
            looks: v.looks,
            twoSided: v.twoSided,
          });
        },
      },
      {
        name: 'percent-audit',
        accepts: 'percent-audit',
        options: { ...common },
        make: (view, o) =>
          percentAudit({ title: o.title, ...sub(o), rows: only(view, 'percent-audit').rows }),
      },
      {
        name: 'funnel',
        accepts: 'effects',
        options: { ...common },
        make: (view, o) => {
          const v = only(view, 'effects');
          if (!v.funnel)
            throw new InputError(
              `funnel chart "${o.title}": analysis`,
              'one without a funnel',
              'a two-arm-meta analysis showing the studies (show: studies)',
            );
          return contourFunnel({
            title: o.title,
            ...sub(o),
            ...(v.funnel.note ? { note: v.funnel.note } : {}),
            axisTitle: v.funnel.axisTitle,
            data: v.funnel.data,
          });
        },
      },
    ] satisfies ChartDefinition[]
  ).map((chart) => [chart.name, chart]),
);

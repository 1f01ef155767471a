import type { TopLevelSpec } from 'vega-lite';
import type { ChartResult } from './chart-result.js';
import { ALERT_TEXT, CHART_CONFIG, INK, MUTED, OKABE_ITO } from './theme.js';

export interface PercentAuditRow {
  /** e.g. `60% of 11 — HLA-DRB1*11:01 in IMNM`. */
  label: string;
  /** Half the printing step in percentage points (0.5 for whole percentages). */
  half: number;
  /** The achievable k/n just below and above the printed value, as k/n − printed (points). */
  nearest: { count: number; n: number; difference: number }[];
  /** Whether some whole count prints as the figure. */
  consistent: boolean;
  /** Short verdict shown at the right, e.g. `10/22` or `impossible`. */
  verdict: string;
}

export interface PercentAuditInput {
  title: string;
  subtitle?: string;
  rows: PercentAuditRow[];
}

/** How far either side of the printed value the axis reaches (percentage points). */
const REACH = 6;

/**
 * Percentage-granularity chart: one row per printed percentage with a denominator. The
 * grey band is every true value that prints as the figure (±half a printing step); the
 * dots are the percentages a whole count k of n can take just below and above it. A dot
 * inside the band means the figure is possible; none inside means no count gives it.
 * The axis is k/n minus the printed value, so figures of any size share one scale.
 */
export function percentAudit(input: PercentAuditInput): ChartResult {
  // Impossible figures first, then by the printed number and its denominator as numbers
  // ("11% of 37" before "100% of 7"), then by name.
  const rows = [...input.rows].sort(
    (a, b) =>
      Number(a.consistent) - Number(b.consistent) ||
      leadingNumber(a.label) - leadingNumber(b.label) ||
      denominator(a) - denominator(b) ||
      a.label.localeCompare(b.label),
  );
  const order = rows.map((r) => r.label);
  const y = {
    field: 'label',
    type: 'nominal' as const,
    sort: order,
    title: null,
    axis: { labelLimit: 0 },
  };
  const x = {
    type: 'quantitative' as const,
    scale: { domain: [-REACH, REACH], clamp: true },
    title: 'Achievable k/n minus the printed percentage (percentage points)',
  };
  const bands = rows.map((r) => ({ label: r.label, lo: -r.half, hi: r.half }));
  const dots = rows.flatMap((r) =>
    r.nearest.map((d) => ({
      label: r.label,
      difference: Math.max(-REACH, Math.min(REACH, d.difference)),
      exact: d.difference,
      count: `${d.count}/${d.n}`,
      fits: Math.abs(d.difference) <= r.half + 1e-9 ? 'prints as the figure' : 'does not',
      // Beyond the axis: drawn at its edge as an arrowhead pointing the way it is off.
      side: d.difference > REACH ? 'right' : d.difference < -REACH ? 'left' : 'on',
    })),
  );
  const offScale = dots.filter((d) => d.side !== 'on').length;
  const verdicts = rows.map((r) => ({
    label: r.label,
    verdict: r.verdict,
    status: r.consistent ? 'possible' : 'impossible',
  }));
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: input.title,
      subtitle:
        input.subtitle ??
        'Grey band: values that print as the figure; dots: nearest k/n below and above',
    },
    width: 360,
    height: Math.max(60, rows.length * 20),
    config: CHART_CONFIG,
    layer: [
      {
        data: { values: bands },
        // Light fill for the band, a 4.5:1 outline so its edges read (WCAG 3:1 for graphics).
        mark: { type: 'bar', color: '#e3e3e3', stroke: MUTED, strokeWidth: 1, height: 12 },
        encoding: { y, x: { ...x, field: 'lo' }, x2: { field: 'hi' } },
      },
      {
        data: { values: [{ zero: 0 }] },
        mark: { type: 'rule', color: MUTED, strokeDash: [3, 3] },
        encoding: { x: { ...x, field: 'zero' } },
      },
      {
        data: { values: dots.filter((d) => d.side === 'on') },
        mark: { type: 'point', filled: true, size: 50, opacity: 1, strokeWidth: 2 },
        encoding: {
          y,
          x: { ...x, field: 'difference' },
          // Shape as well as colour, so the two read apart in greyscale too.
          color: {
            field: 'fits',
            type: 'nominal',
            title: 'k/n',
            scale: {
              domain: ['prints as the figure', 'does not'],
              range: [OKABE_ITO[0], OKABE_ITO[1]],
            },
          },
          shape: {
            field: 'fits',
            type: 'nominal',
            title: 'k/n',
            scale: { domain: ['prints as the figure', 'does not'], range: ['circle', 'cross'] },
          },
          tooltip: [
            { field: 'label' },
            { field: 'count', title: 'k/n' },
            { field: 'exact', format: '.2f', title: 'k/n − printed' },
          ],
        },
      },
      ...(['left', 'right'] as const).map((side) => ({
        data: { values: dots.filter((d) => d.side === side) },
        mark: {
          type: 'point' as const,
          shape: `triangle-${side}`,
          filled: true,
          size: 70,
          opacity: 1,
          color: OKABE_ITO[1],
        },
        encoding: {
          y,
          x: { ...x, field: 'difference' },
          tooltip: [
            { field: 'label' },
            { field: 'count', title: 'k/n' },
            { field: 'exact', format: '.2f', title: `k/n − printed (off the ±${REACH} scale)` },
          ],
        },
      })),
      {
        data: { values: verdicts },
        mark: { type: 'text', align: 'left', x: 'width', dx: 8, fontSize: 11 },
        encoding: {
          y,
          text: { field: 'verdict' },
          color: {
            condition: { test: "datum.status === 'impossible'", value: ALERT_TEXT },
            value: INK,
          },
        },
      },
    ],
  } satisfies TopLevelSpec;
  const impossible = rows.filter((r) => !r.consistent).length;
  return {
    spec,
    description: `Granularity of ${rows.length} printed percentage${rows.length === 1 ? '' : 's'} against ${rows.length === 1 ? 'its denominator' : 'their denominators'}: ${impossible === 0 ? 'every one' : `${rows.length - impossible}`} can come from a whole count${impossible > 0 ? `, ${impossible} cannot` : ''}.${offScale > 0 ? ` ${offScale} nearest count${offScale === 1 ? ' lies' : 's lie'} beyond ±${REACH} points and ${offScale === 1 ? 'is' : 'are'} drawn as an arrowhead at the edge.` : ''}`,
    warnings: [],
  };
}

/** The first number in a label (`11% of 37 — …` → 11); Infinity when there is none. */
function leadingNumber(label: string): number {
  const m = /-?\d+(?:\.\d+)?/.exec(label);
  return m ? Number(m[0]) : Number.POSITIVE_INFINITY;
}

/** The denominator of a row (its achievable counts' n), for sorting. */
function denominator(row: PercentAuditRow): number {
  return row.nearest[0]?.n ?? Number.POSITIVE_INFINITY;
}

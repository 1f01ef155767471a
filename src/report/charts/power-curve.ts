import type { TopLevelSpec } from 'vega-lite';
import { plural } from '../../format/plural.js';
import { isFiniteNumber, type ChartResult } from './chart-result.js';
import { CHART_CONFIG, MUTED } from './theme.js';

export interface PowerCurveSeries {
  /** e.g. `Δ = 30 m, SD 60`. */
  label: string;
  points: { x: number; power: number }[];
}

export interface PowerCurveInput {
  title: string;
  subtitle?: string;
  /** x-axis title with unit, e.g. `Participants per arm` or `True difference (m)`. */
  axisTitle: string;
  series: PowerCurveSeries[];
  /** y-axis title (default `Power (%)`): what the curve is a probability of. */
  yTitle?: string;
  /** Horizontal reference lines, default 0.8 and 0.9. */
  targets?: number[];
}

/**
 * Power curves: power (0–100 %) against sample size or effect size, one line per
 * scenario, with dashed reference lines at the target powers.
 */
export function powerCurve(input: PowerCurveInput): ChartResult {
  const warnings: string[] = [];
  const values = input.series.flatMap((s) =>
    s.points
      .filter((p) => {
        const ok = isFiniteNumber(p.x) && isFiniteNumber(p.power);
        if (!ok)
          warnings.push(
            `power curve "${input.title}": a point of ${s.label} left out (not finite)`,
          );
        return ok;
      })
      .map((p) => ({ series: s.label, x: p.x, powerPct: 100 * p.power })),
  );
  const targets = (input.targets ?? [0.8, 0.9]).map((t) => ({
    target: 100 * t,
    label: `${Math.round(100 * t)}%`,
  }));
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: input.title, ...(input.subtitle ? { subtitle: input.subtitle } : {}) },
    width: 360,
    height: 220,
    config: CHART_CONFIG,
    layer: [
      {
        data: { values: targets },
        mark: { type: 'rule', strokeDash: [4, 3], color: MUTED },
        encoding: { y: { field: 'target', type: 'quantitative' } },
      },
      {
        data: { values },
        mark: { type: 'line', strokeWidth: 2, point: { filled: true, size: 20 } },
        encoding: {
          x: { field: 'x', type: 'quantitative', title: input.axisTitle, scale: { zero: false } },
          y: {
            field: 'powerPct',
            type: 'quantitative',
            title: input.yTitle ?? 'Power (%)',
            scale: { domain: [0, 100] },
          },
          color: {
            field: 'series',
            type: 'nominal',
            title: 'Scenario',
            sort: input.series.map((s) => s.label),
          },
          tooltip: [
            { field: 'series' },
            { field: 'x', format: '.4~g' },
            { field: 'powerPct', format: '.1f', title: input.yTitle ?? 'power %' },
          ],
        },
      },
    ],
  } satisfies TopLevelSpec;
  return {
    spec,
    description: `Power curves for ${plural(input.series.length, 'scenario')} against ${input.axisTitle}.`,
    warnings,
  };
}

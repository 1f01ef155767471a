import type { TopLevelSpec } from 'vega-lite';
import { plural } from '../../format/plural.js';
import { formatFixed } from '../../format/number.js';
import { isFiniteNumber, type ChartResult } from './chart-result.js';
import { CHART_CONFIG, INK, OKABE_ITO } from './theme.js';

export interface ProportionRow {
  label: string;
  events: number;
  n: number;
  /** Proportion and interval on the 0–1 scale. */
  estimate: number;
  lower: number;
  upper: number;
}

export interface ProportionCaterpillarInput {
  title: string;
  subtitle?: string;
  /** What the proportion is, e.g. `Complete response`. */
  outcome: string;
  intervalLabel: string;
  rows: ProportionRow[];
  /** A pooled proportion drawn as a vertical line with a shaded interval. */
  pooled?: { label: string; estimate: number; lower: number; upper: number };
}

/**
 * Single-proportion caterpillar plot: studies sorted by their proportion (highest on
 * top), each with its interval and `events/n` at the right; an optional pooled
 * proportion as a line with its interval shaded. Axis in percent, 0–100.
 */
export function proportionCaterpillar(input: ProportionCaterpillarInput): ChartResult {
  const warnings: string[] = [];
  const rows = input.rows.filter((r) => {
    const ok = [r.estimate, r.lower, r.upper].every(isFiniteNumber);
    if (!ok) warnings.push(`caterpillar "${input.title}": ${r.label} left out (not finite)`);
    return ok;
  });
  const sorted = [...rows].sort(
    (a, b) => b.estimate - a.estimate || a.label.localeCompare(b.label),
  );
  const values = sorted.map((r) => ({
    ...r,
    pct: 100 * r.estimate,
    lowerPct: 100 * r.lower,
    upperPct: 100 * r.upper,
    count: `${r.events}/${r.n}`,
  }));
  const y = {
    field: 'label',
    type: 'nominal' as const,
    sort: sorted.map((r) => r.label),
    title: null,
    axis: { labelLimit: 0 },
  };
  const x = {
    type: 'quantitative' as const,
    scale: { domain: [0, 100] },
    axis: { values: [0, 20, 40, 60, 80, 100] },
    title: `${input.outcome} (%)`,
  };
  const layers: Record<string, unknown>[] = [];
  const pooled =
    input.pooled &&
    [input.pooled.estimate, input.pooled.lower, input.pooled.upper].every(isFiniteNumber)
      ? input.pooled
      : undefined;
  if (pooled) {
    const band = [{ lo: 100 * pooled.lower, hi: 100 * pooled.upper, est: 100 * pooled.estimate }];
    layers.push(
      {
        data: { values: band },
        mark: { type: 'rect', color: OKABE_ITO[4], opacity: 0.25 },
        encoding: { x: { ...x, field: 'lo' }, x2: { field: 'hi' } },
      },
      {
        data: { values: band },
        mark: { type: 'rule', color: OKABE_ITO[1], strokeDash: [4, 3] },
        encoding: { x: { ...x, field: 'est' } },
      },
    );
  }
  layers.push(
    {
      data: { values },
      mark: { type: 'rule', color: INK },
      encoding: { y, x: { ...x, field: 'lowerPct' }, x2: { field: 'upperPct' } },
    },
    {
      data: { values },
      mark: { type: 'point', filled: true, size: 50, color: OKABE_ITO[0], opacity: 1 },
      encoding: {
        y,
        x: { ...x, field: 'pct' },
        tooltip: [
          { field: 'label' },
          { field: 'count', title: 'events/n' },
          { field: 'pct', format: '.1f', title: '%' },
        ],
      },
    },
    {
      data: { values },
      mark: { type: 'text', align: 'left', x: 'width', dx: 8, fontSize: 11 },
      encoding: { y, text: { field: 'count' } },
    },
  );
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: input.title,
      subtitle:
        input.subtitle ??
        `Dots: proportion; lines: ${input.intervalLabel}` +
          (pooled ? `; dashed line and band: ${pooled.label}` : ''),
    },
    width: 300,
    height: Math.max(60, sorted.length * 22),
    config: CHART_CONFIG,
    layer: layers,
  } as unknown as TopLevelSpec;
  return {
    spec,
    description: `Caterpillar plot of ${input.outcome} in ${plural(sorted.length, 'group')} (a study, or one group of a study), sorted by proportion${sorted.length > 0 ? `: from ${formatFixed(100 * sorted[0].estimate, 1)}% (${sorted[0].label}) to ${formatFixed(100 * sorted[sorted.length - 1].estimate, 1)}% (${sorted[sorted.length - 1].label})` : ''}.`,
    warnings,
  };
}

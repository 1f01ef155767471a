import type { TopLevelSpec } from 'vega-lite';
import { isFiniteNumber, type ChartResult } from './chart-result.js';
import { CHART_CONFIG, MUTED, OKABE_ITO } from './theme.js';

export interface GroupSequentialBoundaryLook {
  /** Information fraction t_k in (0, 1]. */
  informationRate: number;
  /** Efficacy critical value c_k (z scale). */
  critical: number;
  /** Nominal one-sided p of c_k. */
  nominalP: number;
  /** Non-binding futility bound a_k, if any. */
  futility?: number;
}

export interface GroupSequentialBoundariesInput {
  title: string;
  subtitle?: string;
  looks: GroupSequentialBoundaryLook[];
  /** Two-sided designs also draw −c_k. */
  twoSided?: boolean;
  /** An observed z path to overlay, one value per look analysed so far. */
  observed?: number[];
}

/** Nominal p to two significant digits, plain decimals down to 1e-4: p 0.0001, p 0.0061, p 0.023. */
function nominal(p: number): string {
  return p < 1e-4 ? `< 0.0001` : String(Number(p.toPrecision(2)));
}

/**
 * Boundary plot of a group-sequential design: the efficacy bound (z) at each look against
 * the information fraction, each point labelled with its nominal p, the mirrored lower bound
 * for two-sided designs, the futility bound (dashed) and, optionally, the observed z path.
 */
export function groupSequentialBoundaries(input: GroupSequentialBoundariesInput): ChartResult {
  const warnings: string[] = [];
  const rows: { t: number; z: number; series: string; label: string }[] = [];
  for (const [k, look] of input.looks.entries()) {
    if (!isFiniteNumber(look.critical) || !isFiniteNumber(look.informationRate)) {
      warnings.push(`boundary chart "${input.title}": look ${k + 1} left out (bound not finite)`);
      continue;
    }
    rows.push({
      t: look.informationRate,
      z: look.critical,
      series: 'Efficacy',
      label: `p ${nominal(look.nominalP)}`,
    });
    if (input.twoSided)
      rows.push({
        t: look.informationRate,
        z: -look.critical,
        series: 'Efficacy (lower)',
        label: '',
      });
    if (look.futility !== undefined && isFiniteNumber(look.futility))
      rows.push({
        t: look.informationRate,
        z: look.futility,
        series: 'Futility (non-binding)',
        label: '',
      });
  }
  const observed: { t: number; z: number }[] = [];
  (input.observed ?? []).forEach((z, k) => {
    const look = input.looks[k];
    if (look && isFiniteNumber(z)) observed.push({ t: look.informationRate, z });
  });
  const order = ['Efficacy', 'Efficacy (lower)', 'Futility (non-binding)'];
  const present = order.filter((s) => rows.some((r) => r.series === s));
  const colors: Record<string, string> = {
    Efficacy: OKABE_ITO[0],
    'Efficacy (lower)': OKABE_ITO[0],
    'Futility (non-binding)': OKABE_ITO[1],
  };
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: input.title, ...(input.subtitle ? { subtitle: input.subtitle } : {}) },
    width: 360,
    height: 240,
    config: CHART_CONFIG,
    data: { values: rows },
    encoding: {
      x: {
        field: 't',
        type: 'quantitative',
        title: 'Information fraction',
        scale: { domain: [0, 1] },
      },
      y: { field: 'z', type: 'quantitative', title: 'z boundary' },
    },
    layer: [
      {
        data: { values: [{ z: 0 }] },
        mark: { type: 'rule', color: MUTED, strokeWidth: 0.5 },
        encoding: { x: null, y: { field: 'z', type: 'quantitative' } },
      },
      {
        mark: { type: 'line', point: { filled: true, size: 36 } },
        encoding: {
          color: {
            field: 'series',
            type: 'nominal',
            title: null,
            sort: present,
            scale: { domain: present, range: present.map((s) => colors[s]) },
            legend: { orient: 'bottom' },
          },
          // The same legend as colour (merged by Vega-Lite): the dash tells the bounds apart in greyscale.
          strokeDash: {
            field: 'series',
            type: 'nominal',
            title: null,
            sort: present,
            scale: {
              domain: present,
              range: present.map((s) => (s.startsWith('Futility') ? [5, 3] : [1, 0])),
            },
            legend: { orient: 'bottom' },
          },
          detail: { field: 'series' },
          tooltip: [
            { field: 'series' },
            { field: 't', format: '.3~g', title: 'information' },
            { field: 'z', format: '.4f' },
          ],
        },
      },
      {
        transform: [{ filter: "datum.label != ''" }],
        mark: { type: 'text', dy: 14, fontSize: 10, color: MUTED },
        encoding: { text: { field: 'label' } },
      },
      ...(observed.length
        ? [
            {
              data: { values: observed },
              mark: { type: 'point', shape: 'diamond', filled: true, size: 70, color: '#000000' },
              encoding: {
                tooltip: [
                  { field: 't', format: '.3~g', title: 'information' },
                  { field: 'z', format: '.4f', title: 'observed z' },
                ],
              },
            },
            {
              data: { values: observed },
              mark: { type: 'text', dx: 8, align: 'left', fontSize: 10, color: '#000000' },
              encoding: { text: { value: 'observed z' } },
            },
          ]
        : []),
    ],
  } as TopLevelSpec;
  const kinds = [...present, ...(observed.length ? ['observed z'] : [])].join(', ').toLowerCase();
  return {
    spec,
    description: `Group-sequential boundaries at ${input.looks.length} looks (${kinds}), z against information fraction, efficacy points labelled with their nominal p.`,
    warnings,
  };
}

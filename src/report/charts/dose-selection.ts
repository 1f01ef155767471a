import type { TopLevelSpec } from 'vega-lite';
import { isFiniteNumber, type ChartResult } from './chart-result.js';
import { CHART_CONFIG, OKABE_ITO } from './theme.js';

export interface DoseSelectionDesign {
  /** e.g. `3+3`, `BOIN`, `CRM`. */
  design: string;
  /** P(dose j selected as the MTD), lowest dose first. */
  pSelect: number[];
  /** P(no dose selected). */
  pNone: number;
}

export interface DoseSelectionScenario {
  label: string;
  /** True DLT rates per dose. */
  dlt: number[];
  designs: DoseSelectionDesign[];
}

export interface DoseSelectionInput {
  title: string;
  subtitle?: string;
  /** Dose labels, lowest first. */
  doses: string[];
  scenarios: DoseSelectionScenario[];
}

const NONE = 'No MTD';

/**
 * Operating characteristics of dose-finding designs as grouped bars: for each scenario (a
 * panel), the probability that each dose — and no dose — is selected as the MTD, one bar per
 * design side by side. Doses are categories (no line between them), P(no MTD) is a category
 * of its own, and each bar is labelled with its percentage, so the designs can be told apart
 * without colour.
 */
export function doseSelectionBars(input: DoseSelectionInput): ChartResult {
  const warnings: string[] = [];
  const categories = [...input.doses, NONE];
  const designs = [...new Set(input.scenarios.flatMap((s) => s.designs.map((d) => d.design)))];
  const values: Record<string, string | number>[] = [];
  for (const s of input.scenarios) {
    const scenario = `${s.label} (DLT ${s.dlt.map((q) => `${Math.round(100 * q)}%`).join(', ')})`;
    for (const d of s.designs) {
      [...d.pSelect, d.pNone].forEach((p, j) => {
        if (!isFiniteNumber(p)) {
          warnings.push(
            `dose-selection chart "${input.title}": ${d.design} ${categories[j]} left out (not finite)`,
          );
          return;
        }
        values.push({
          scenario,
          design: d.design,
          dose: categories[j],
          pct: 100 * p,
          label: `${(100 * p).toFixed(0)}`,
        });
      });
    }
  }
  const encoding = {
    x: {
      field: 'dose',
      type: 'nominal',
      sort: categories,
      title: 'Dose selected as MTD',
      axis: { labelAngle: 0 },
    },
    xOffset: { field: 'design', type: 'nominal', sort: designs },
    y: {
      field: 'pct',
      type: 'quantitative',
      title: 'Probability (%)',
      scale: { domain: [0, 100] },
    },
  };
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: input.title, ...(input.subtitle ? { subtitle: input.subtitle } : {}) },
    config: CHART_CONFIG,
    data: { values },
    facet: {
      row: {
        field: 'scenario',
        type: 'nominal',
        title: null,
        sort: input.scenarios.map(
          (s) => `${s.label} (DLT ${s.dlt.map((q) => `${Math.round(100 * q)}%`).join(', ')})`,
        ),
        header: {
          labelAngle: 0,
          labelAlign: 'left',
          labelAnchor: 'start',
          labelOrient: 'top',
          labelFontWeight: 'bold',
        },
      },
    },
    spec: {
      width: 380,
      height: 120,
      layer: [
        {
          mark: { type: 'bar' },
          encoding: {
            ...encoding,
            color: {
              field: 'design',
              type: 'nominal',
              title: 'Design',
              sort: designs,
              scale: { range: OKABE_ITO.slice(0, designs.length) },
            },
            tooltip: [
              { field: 'scenario' },
              { field: 'design' },
              { field: 'dose' },
              { field: 'pct', format: '.1f', title: 'probability %' },
            ],
          },
        },
        {
          mark: { type: 'text', dy: -6, fontSize: 9 },
          encoding: { ...encoding, text: { field: 'label' } },
        },
      ],
    },
  } as unknown as TopLevelSpec;
  return {
    spec,
    description: `Probability that each dose, or none, is selected as the MTD under ${input.scenarios.length} scenario${input.scenarios.length === 1 ? '' : 's'}, for ${designs.join(', ')}.`,
    warnings,
  };
}

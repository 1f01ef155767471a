import { formatNumber } from '../../format/number.js';
import { threePlusThree, type ThreePlusThreeVariant } from '../../stats/design/three-plus-three.js';
import type { PowerCurveSeries } from '../charts/power-curve.js';
import type { AnalysisDefinition } from './analysis.js';

/**
 * Exact operating characteristics of a 3+3 dose escalation (`threePlusThree`) under
 * several DLT scenarios: probability each dose is declared the MTD, of no MTD, expected
 * patients and DLTs. Reads nothing from the dataset, which gives the design's provenance.
 */
export const threePlusThreeAnalysis: AnalysisDefinition = {
  name: 'three-plus-three',
  description: 'Exact operating characteristics of the 3+3 design under DLT scenarios.',
  kinds: [],
  produces: 'power',
  options: {
    doses: {
      type: 'string-list',
      required: true,
      description: 'Dose labels, lowest first (e.g. 5 million cells).',
    },
    scenarios: {
      type: 'string-list',
      required: true,
      description:
        'DLT probabilities per dose, one scenario per entry, comma-separated (e.g. "0.05, 0.10, 0.20").',
    },
    labels: {
      type: 'string-list',
      description: 'A name per scenario (default Scenario 1, 2, ...).',
    },
    variant: {
      type: 'enum',
      values: ['classic', 'deescalate'],
      description: 'classic (default) or deescalate (6 patients at the declared MTD).',
    },
  },
  run(_dataset, options) {
    const doses = options.doses as string[];
    const variant = ((options.variant as string | undefined) ?? 'classic') as ThreePlusThreeVariant;
    const scenarios = (options.scenarios as string[]).map((text, i) => {
      const dlt = text.split(',').map((part) => Number(part.trim()));
      if (dlt.length !== doses.length || dlt.some((q) => !(q >= 0 && q <= 1))) {
        throw new Error(
          `scenarios[${i}]: expected ${doses.length} probabilities in [0, 1] separated by commas, found "${text}"`,
        );
      }
      return dlt;
    });
    const labels =
      (options.labels as string[] | undefined) ?? scenarios.map((_, i) => `Scenario ${i + 1}`);
    if (labels.length !== scenarios.length)
      throw new Error(`labels: expected ${scenarios.length} labels, found ${labels.length}`);
    const series: PowerCurveSeries[] = [];
    const rows: Record<string, string>[] = [];
    scenarios.forEach((dlt, i) => {
      const oc = threePlusThree(dlt, { variant });
      series.push({ label: labels[i], points: oc.pSelect.map((p, d) => ({ x: d + 1, power: p })) });
      rows.push({
        scenario: labels[i],
        dlt: dlt.map((q) => q.toFixed(2)).join(' / '),
        ...Object.fromEntries(
          oc.pSelect.map((p, d) => [`d${d}`, `${formatNumber(100 * p, { digits: 3 })}%`]),
        ),
        none: `${formatNumber(100 * oc.pNone, { digits: 3 })}%`,
        en: formatNumber(oc.expectedN, { digits: 3 }),
        edlt: formatNumber(oc.expectedDLT, { digits: 3 }),
      });
    });
    return {
      view: {
        kind: 'power',
        series,
        axisTitle: `Dose level (1 = ${doses[0]}, ${doses.length} = ${doses[doses.length - 1]})`,
      },
      table: {
        columns: [
          { key: 'scenario', label: 'Scenario' },
          { key: 'dlt', label: `P(DLT) at ${doses.join(' / ')}` },
          ...doses.map((dose, d) => ({ key: `d${d}`, label: `P(MTD = ${dose})`, numeric: true })),
          { key: 'none', label: 'P(no MTD)', numeric: true },
          { key: 'en', label: 'E[patients]', numeric: true },
          { key: 'edlt', label: 'E[DLTs]', numeric: true },
        ],
        rows,
      },
      methods: [
        `3+3 dose escalation (${variant === 'classic' ? 'classic rules' : 'with de-escalation until 6 patients at the declared MTD'}): cohorts of 3; 0/3 DLT escalate; 1/3 add 3 and escalate if ≤ 1/6; ≥ 2 DLTs stop and declare the dose below; operating characteristics by exact enumeration of every cohort outcome (Storer 1989).`,
      ],
      notes: [],
      warnings: [],
    };
  },
};

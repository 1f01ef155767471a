import { formatNumber } from '../../format/number.js';
import { simonCharacteristics } from '../../stats/design/simon-characteristics.js';
import { simonTwoStage } from '../../stats/design/simon-two-stage.js';
import type { PowerCurveSeries } from '../charts/power-curve.js';
import type { AnalysisDefinition } from './analysis.js';

/**
 * Simon's optimal and minimax two-stage designs (`simonTwoStage`) and their operating
 * characteristic curves: probability of declaring the drug active against the true
 * response rate (`simonCharacteristics`).
 */
export const simonDesign: AnalysisDefinition = {
  name: 'simon-design',
  description:
    "Simon's optimal and minimax two-stage designs with their operating-characteristic curves.",
  kinds: [],
  produces: 'power',
  options: {
    p0: {
      type: 'number',
      required: true,
      min: 0,
      max: 1,
      exclusiveMin: true,
      exclusiveMax: true,
      description: 'Uninteresting response rate (H0).',
    },
    p1: {
      type: 'number',
      required: true,
      min: 0,
      max: 1,
      exclusiveMin: true,
      exclusiveMax: true,
      description: 'Response rate worth pursuing (H1).',
    },
    alpha: {
      type: 'number',
      min: 0,
      max: 1,
      exclusiveMin: true,
      exclusiveMax: true,
      description: 'Type I error (default 0.05).',
    },
    power: {
      type: 'number',
      min: 0,
      max: 1,
      exclusiveMin: true,
      exclusiveMax: true,
      description: 'Power at p1 (default 0.8).',
    },
  },
  run(_dataset, options) {
    const p0 = options.p0 as number;
    const p1 = options.p1 as number;
    if (!(p1 > p0)) throw new Error(`p1: expected a rate above p0 = ${p0}, found ${p1}`);
    const alpha = (options.alpha as number | undefined) ?? 0.05;
    const power = (options.power as number | undefined) ?? 0.8;
    const result = simonTwoStage({ p0, p1, alpha, power });
    const grid = Array.from({ length: 41 }, (_, i) =>
      Math.min(1, (i * Math.min(1, p1 + 0.3)) / 40),
    );
    const designs = [
      ['Optimal', result.optimal],
      ['Minimax', result.minimax],
    ] as const;
    const series: PowerCurveSeries[] = designs.map(([name, d]) => ({
      label: `${name}: ${d.r1}/${d.n1}, ${d.r}/${d.n}`,
      points: grid.map((p) => ({ x: 100 * p, power: simonCharacteristics(d, p).pReject })),
    }));
    return {
      view: {
        kind: 'power',
        series,
        axisTitle: 'True response rate (%)',
        yTitle: 'P(declare the drug active) (%)',
      },
      table: {
        columns: [
          { key: 'design', label: 'Design' },
          { key: 'stage1', label: 'Stage 1: stop if responses ≤ r1 of n1' },
          { key: 'overall', label: 'Reject the drug if responses ≤ r of n' },
          { key: 'en0', label: 'EN0', numeric: true },
          { key: 'pet0', label: 'PET0', numeric: true },
          { key: 'alpha', label: 'Attained α', numeric: true },
          { key: 'power', label: 'Attained power', numeric: true },
        ],
        rows: designs.map(([name, d]) => ({
          design: name,
          stage1: `${d.r1}/${d.n1}`,
          overall: `${d.r}/${d.n}`,
          en0: formatNumber(d.en0, { digits: 3 }),
          pet0: formatNumber(d.pet0, { digits: 2 }),
          alpha: formatNumber(d.alpha, { digits: 3 }),
          power: formatNumber(d.power, { digits: 3 }),
        })),
      },
      methods: [
        `Simon (1989) two-stage designs for p0 = ${p0}, p1 = ${p1}, α = ${alpha}, power ${power}, by exhaustive search (optimal: smallest expected size under p0; minimax: smallest maximum size); curves show P(declare the drug active) against the true response rate.`,
      ],
      notes: [],
      warnings: result.warnings.map((w) => `simon-design: ${w}`),
    };
  },
};

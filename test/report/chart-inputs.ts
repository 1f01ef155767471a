import type { PercentAuditInput } from '../../src/report/charts/percent-audit.js';
import type { AdverseEventsInput } from '../../src/report/charts/adverse-events.js';
import type { ArmDotsInput } from '../../src/report/charts/arm-dots.js';
import type { ForestPlotInput } from '../../src/report/charts/forest-plot.js';
import type { PowerCurveInput } from '../../src/report/charts/power-curve.js';
import type { ProportionCaterpillarInput } from '../../src/report/charts/proportion-caterpillar.js';
import type { TrialTimelineInput } from '../../src/report/charts/trial-timeline.js';

/** Made-up inputs (not study results) that exercise each chart's features. */
export const FOREST: ForestPlotInput = {
  title: 'Serious adverse events',
  subtitle: 'Risk ratio, random effects',
  axisTitle: 'Risk ratio',
  scale: 'log',
  favours: { left: 'Favours treatment', right: 'Favours control' },
  rows: [
    { label: 'Trial A 2019', estimate: 0.6, lower: 0.3, upper: 1.2, weight: 30 },
    { label: 'A much longer trial name 2021', estimate: 1.3, lower: 0.8, upper: 2.1, weight: 50 },
    { label: 'Trial C', estimate: 0.9, lower: 0.4, upper: 2.5, weight: 20 },
  ],
  pooled: {
    label: 'Random effects (REML)',
    estimate: 0.95,
    lower: 0.7,
    upper: 1.3,
    predictionLower: 0.4,
    predictionUpper: 2.2,
  },
};

export const ARM_DOTS: ArmDotsInput = {
  title: 'CDASI activity by arm',
  axisTitle: 'Change from baseline (points)',
  intervalLabel: '95% CI',
  rows: [
    { arm: 'Placebo', timepoint: 'week 12', estimate: -3, lower: -6, upper: 0, n: 20 },
    { arm: 'Drug', timepoint: 'week 12', estimate: -9, lower: -12.5, upper: -5.5, n: 21 },
    { arm: 'Placebo', timepoint: 'week 24', estimate: -4, lower: -7.5, upper: -0.5, n: 19 },
    { arm: 'Drug', timepoint: 'week 24', estimate: -11, lower: -14, upper: -8, n: 20 },
  ],
};

export const ADVERSE_EVENTS: AdverseEventsInput = {
  title: 'Adverse events',
  differenceLabel: 'drug − placebo',
  rateIntervalLabel: '95% Wilson CI',
  differenceIntervalLabel: '95% Newcombe CI',
  arms: ['Drug', 'Placebo'],
  rates: [
    { event: 'Any AE', arm: 'Drug', events: 18, n: 22, rate: 18 / 22, lower: 0.61, upper: 0.93 },
    { event: 'Any AE', arm: 'Placebo', events: 15, n: 22, rate: 15 / 22, lower: 0.47, upper: 0.84 },
    { event: 'Serious AE', arm: 'Drug', events: 2, n: 22, rate: 2 / 22, lower: 0.025, upper: 0.28 },
    {
      event: 'Serious AE',
      arm: 'Placebo',
      events: 3,
      n: 22,
      rate: 3 / 22,
      lower: 0.047,
      upper: 0.33,
    },
  ],
  differences: [
    { event: 'Any AE', estimate: 3 / 22, lower: -0.12, upper: 0.37 },
    { event: 'Serious AE', estimate: -1 / 22, lower: -0.25, upper: 0.16 },
  ],
};

export const CATERPILLAR: ProportionCaterpillarInput = {
  title: 'Complete response',
  outcome: 'Complete response',
  intervalLabel: '95% Clopper–Pearson CI',
  rows: [
    { label: 'Series A', events: 4, n: 10, estimate: 0.4, lower: 0.12, upper: 0.74 },
    { label: 'Series B', events: 12, n: 20, estimate: 0.6, lower: 0.36, upper: 0.81 },
    { label: 'Series C', events: 1, n: 8, estimate: 0.125, lower: 0.003, upper: 0.53 },
  ],
  pooled: { label: 'Pooled (random effects)', estimate: 0.42, lower: 0.25, upper: 0.6 },
};

export const TIMELINE: TrialTimelineInput = {
  title: 'Trial landscape',
  rows: [
    { name: 'Trial X', start: '2023-03', end: '2025-06', phase: '2', enrolment: 40 },
    { name: 'Trial Y', start: '2024', end: '2027', phase: '3', enrolment: 150 },
    { name: 'Trial Z', start: '2025-01-15', phase: '1/2' },
    { name: 'No dates', phase: '2' },
  ],
};

export const POWER: PowerCurveInput = {
  title: 'Power of a two-arm trial',
  axisTitle: 'Participants per arm',
  series: [
    {
      label: 'Δ = 30 m, SD 60',
      points: [20, 40, 60, 80].map((x, i) => ({ x, power: [0.34, 0.6, 0.78, 0.88][i] })),
    },
    {
      label: 'Δ = 20 m, SD 60',
      points: [20, 40, 60, 80].map((x, i) => ({ x, power: [0.18, 0.33, 0.46, 0.58][i] })),
    },
  ],
};

/** Two printed percentages: 45 % of 22 (10/22 fits) and 60 % of 11 (no count fits). */
export const PERCENT_AUDIT: PercentAuditInput = {
  title: 'Printed percentages',
  rows: [
    {
      label: '45% of 22 — sae',
      half: 0.5,
      nearest: [
        { count: 9, n: 22, difference: (100 * 9) / 22 - 45 },
        { count: 10, n: 22, difference: (100 * 10) / 22 - 45 },
      ],
      consistent: true,
      verdict: '10/22',
    },
    {
      label: '60% of 11 — hla',
      half: 0.5,
      nearest: [
        { count: 6, n: 11, difference: (100 * 6) / 11 - 60 },
        { count: 7, n: 11, difference: (100 * 7) / 11 - 60 },
      ],
      consistent: false,
      verdict: 'impossible',
    },
  ],
};

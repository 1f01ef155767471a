import { formatLevel, formatNumber } from '../../format/number.js';
import {
  POWER_PROP_METHODS,
  powerPropTest,
  type PropPowerMethod,
} from '../../stats/design/power-prop-test.js';
import type { PowerCurveSeries } from '../charts/power-curve.js';
import type { AnalysisDefinition } from './analysis.js';
import { pairArms, pairLabels, pairOptions } from './pair-arms.js';

/** Methods with a closed-form power function (curves need fractional n and fast evaluation). */
const ANALYTIC = POWER_PROP_METHODS.entries.filter((e) => e.analytic);

/**
 * Power of a future two-arm trial to detect the proportions observed in each outcome of
 * an arm-binary table (observed comparator rate as p1, observed arm rate as p2), as a
 * function of the participants per arm; from `powerPropTest` (R power.prop.test).
 */
export const twoProportionPower: AnalysisDefinition = {
  name: 'two-proportion-power',
  description:
    'Power curves of the two-proportion test at the observed rates, over participants per arm.',
  kinds: ['arm-binary'],
  produces: 'power',
  options: {
    arm: pairOptions.arm,
    comparator: pairOptions.comparator,
    outcomes: pairOptions.outcomes,
    trial: pairOptions.trial,
    timepoint: pairOptions.timepoint,
    sizes: {
      type: 'number-list',
      required: true,
      description: 'Participants per arm at which to compute power.',
    },
    alpha: {
      type: 'number',
      min: 0,
      max: 1,
      exclusiveMin: true,
      exclusiveMax: true,
      description: 'Two-sided significance level (default 0.05).',
    },
    method: {
      type: 'enum',
      values: ANALYTIC.map((e) => e.id),
      description: `${ANALYTIC.map((e) => `${e.id} (${e.label})`).join(' or ')}; default ${POWER_PROP_METHODS.defaultId}.`,
    },
  },
  run(dataset, options) {
    const alpha = (options.alpha as number | undefined) ?? 0.05;
    const method = (options.method as PropPowerMethod | undefined) ?? POWER_PROP_METHODS.defaultId;
    const entry = POWER_PROP_METHODS.get(method);
    const sizes = options.sizes as number[];
    const badSize = sizes.find((n) => !(n > 0));
    if (badSize !== undefined)
      throw new Error(`sizes: expected positive numbers, found ${badSize}`);
    const { pairs, warnings } = pairArms(dataset, options, 'two-proportion-power');
    const series: PowerCurveSeries[] = [];
    const rows: Record<string, string>[] = [];
    const labels = pairLabels(pairs);
    for (const [i, pair] of pairs.entries()) {
      const p1 = pair.comparator.events / pair.comparator.n;
      const p2 = pair.arm.events / pair.arm.n;
      const label = `${labels[i]}: ${formatNumber(100 * p1)}% vs ${formatNumber(100 * p2)}%`;
      if (!(p1 > 0 && p1 < 1 && p2 > 0 && p2 < 1) || p1 === p2) {
        warnings.push(
          `two-proportion-power: ${label} left out (power needs two different rates strictly between 0 and 1)`,
        );
        continue;
      }
      const points = sizes.map((n) => {
        const result = powerPropTest({ p1, p2, n, alpha, method });
        for (const w of result.warnings)
          warnings.push(`two-proportion-power: ${label}, n = ${n}: ${w}`);
        return { x: n, power: result.power };
      });
      const needed = powerPropTest({ p1, p2, power: 0.8, alpha, method });
      series.push({ label, points });
      rows.push({
        outcome: label,
        ...Object.fromEntries(points.map((p) => [`n${p.x}`, `${formatNumber(100 * p.power)}%`])),
        needed: String(needed.nPerArm),
      });
    }
    return {
      view: { kind: 'power', series, axisTitle: 'Participants per arm' },
      table: {
        columns: [
          { key: 'outcome', label: 'Outcome: comparator vs arm rate' },
          ...sizes.map((n) => ({ key: `n${n}`, label: `Power, n = ${n}`, numeric: true })),
          { key: 'needed', label: 'n per arm for 80%', numeric: true },
        ],
        rows,
      },
      methods: [
        `Power of a two-sided ${entry.label} (${entry.reference}) at α = ${String(alpha)} (${formatLevel(1 - alpha)} confidence), taking the observed rates as the true rates; n per arm for 80% power rounded up.`,
      ],
      notes: [
        'Derived: power curves treat the observed rates of a small trial as true rates; they describe what a future trial would need, not the power the observed trial had.',
      ],
      warnings,
    };
  },
};

import { formatNumber } from '../../format/number.js';
import { powerTTest } from '../../stats/design/power-t-test.js';
import type { PowerCurveSeries } from '../charts/power-curve.js';
import { matches, num, rowsOfKind, str, type AnalysisDefinition } from './analysis.js';

/**
 * Power of a future two-arm trial comparing means (two-sample t-test, noncentral t, as R's
 * power.t.test) over participants per arm, one curve per true difference. The SD is pooled
 * from the dataset's arm rows of the chosen outcome (Σ(nᵢ − 1)sdᵢ² / Σ(nᵢ − 1)), or given.
 */
export const twoMeanPower: AnalysisDefinition = {
  name: 'two-mean-power',
  description:
    'Power curves of the two-sample t-test over participants per arm, for several true differences; n per arm for 80 % and 90 % power.',
  kinds: ['arm-continuous'],
  produces: 'power',
  options: {
    outcome: {
      type: 'string',
      required: true,
      description: 'Outcome whose arm SDs set the SD (e.g. IBMFRS total score).',
    },
    trials: {
      type: 'string-list',
      description: 'Trials whose rows to pool the SD from (default all with the outcome).',
    },
    scale: {
      type: 'enum',
      values: ['value', 'change', 'percent-change'],
      description: 'Which rows: value (default), change or percent-change.',
    },
    sd: {
      type: 'number',
      min: 0,
      exclusiveMin: true,
      description: 'Use this SD instead of pooling the dataset rows (say why in the section text).',
    },
    deltas: {
      type: 'number-list',
      required: true,
      description: 'True differences in means to plot, in the outcome unit.',
    },
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
    dropout: {
      type: 'number',
      min: 0,
      max: 1,
      exclusiveMax: true,
      description: 'Fraction lost to follow-up, for enrolment numbers (default 0).',
    },
  },
  run(dataset, options) {
    const alpha = (options.alpha as number | undefined) ?? 0.05;
    const dropout = (options.dropout as number | undefined) ?? 0;
    const scale = (options.scale as string | undefined) ?? 'value';
    const deltas = options.deltas as number[];
    const sizes = options.sizes as number[];
    if (deltas.some((d) => !(d > 0))) throw new Error('deltas: expected positive differences');
    if (sizes.some((n) => !(n >= 2))) throw new Error('sizes: expected participants per arm ≥ 2');
    const rows = rowsOfKind(dataset, 'arm-continuous').filter(
      (r) =>
        r.outcome === options.outcome &&
        (str(r.scale) ?? 'value') === scale &&
        matches(r, 'trial', options.trials) &&
        num(r.sd) !== undefined,
    );
    const unit = rows.map((r) => str(r.unit)).find(Boolean) ?? '';
    let sd = options.sd as number | undefined;
    let sdSource = 'given in the report spec';
    if (sd === undefined) {
      if (rows.length === 0)
        throw new Error(
          `no ${scale} rows with an SD for outcome "${String(options.outcome)}" in ${dataset.name}`,
        );
      const df = rows.reduce((s, r) => s + num(r.n)! - 1, 0);
      sd = Math.sqrt(rows.reduce((s, r) => s + (num(r.n)! - 1) * num(r.sd)! ** 2, 0) / df);
      sdSource = `pooled from ${rows.map((r) => `${String(r.trial)} ${String(r.arm)} (n = ${String(r.n)}, SD ${String(r.sd)})`).join('; ')}`;
    }
    const warnings: string[] = [];
    const series: PowerCurveSeries[] = [];
    const table: Record<string, string>[] = [];
    for (const delta of deltas) {
      const label = `Δ = ${formatNumber(delta)}${unit ? ` ${unit}` : ''}, SD ${formatNumber(sd)}`;
      series.push({
        label,
        points: sizes.map((n) => ({ x: n, power: powerTTest({ delta, sd, n, alpha }).power })),
      });
      const p80 = powerTTest({ delta, sd, power: 0.8, alpha, dropout });
      const p90 = powerTTest({ delta, sd, power: 0.9, alpha, dropout });
      for (const w of [...p80.warnings, ...p90.warnings])
        warnings.push(`two-mean-power: ${label}: ${w}`);
      table.push({
        delta: label,
        n80: `${formatNumber(p80.n, { digits: 4 })} → ${p80.nPerArm}`,
        n90: `${formatNumber(p90.n, { digits: 4 })} → ${p90.nPerArm}`,
        total: `${p80.nTotal} / ${p90.nTotal}`,
      });
    }
    const enrol = dropout > 0 ? `, inflated for ${formatNumber(100 * dropout)} % dropout` : '';
    return {
      view: { kind: 'power', series, axisTitle: 'Participants per arm' },
      table: {
        columns: [
          { key: 'delta', label: 'True difference' },
          {
            key: 'n80',
            label: `n per arm for 80 % (unrounded → enrolled${enrol ? ', with dropout' : ''})`,
            numeric: true,
          },
          {
            key: 'n90',
            label: `n per arm for 90 % (unrounded → enrolled${enrol ? ', with dropout' : ''})`,
            numeric: true,
          },
          { key: 'total', label: 'Total enrolled, 80 % / 90 %', numeric: true },
        ],
        rows: table,
      },
      methods: [
        `Power of a two-sided two-sample t-test at α = ${String(alpha)} from the noncentral t distribution (as R power.t.test), equal arms; n per arm solved for 80 % and 90 % power, rounded up${enrol}.`,
      ],
      notes: [
        `Derived: the SD for the power calculation (${formatNumber(sd, { digits: 4 })}${unit ? ` ${unit}` : ''}) is ${sdSource}.`,
      ],
      warnings,
    };
  },
};

import { groupSequentialDesign } from '../../stats/design/group-sequential-design.js';
import type {
  BetaSpendingType,
  GroupSequentialType,
} from '../../stats/design/group-sequential-types.js';
import type { AnalysisDefinition } from './analysis.js';

/**
 * A group-sequential design's boundaries (`groupSequentialDesign`): critical z and nominal p per
 * look, cumulative α spent, futility bounds, inflation factor — a boundary chart and a table.
 */
export const groupSequentialAnalysis: AnalysisDefinition = {
  name: 'group-sequential',
  description: 'Group-sequential boundaries (α-spending or classical) with a boundary chart.',
  kinds: [],
  produces: 'boundaries',
  options: {
    looks: {
      type: 'number',
      min: 1,
      max: 10,
      description: 'Number of looks, equally spaced (default 3).',
    },
    type: {
      type: 'enum',
      values: ['asOF', 'asP', 'asHSD', 'asKD', 'OF', 'P', 'WT', 'HP'],
      description: 'rpact typeOfDesign word (default asOF).',
    },
    alpha: {
      type: 'number',
      min: 0,
      max: 0.5,
      exclusiveMin: true,
      description: 'One-sided α (default 0.025).',
    },
    power: {
      type: 'number',
      min: 0,
      max: 1,
      exclusiveMin: true,
      exclusiveMax: true,
      description: 'Power (default 0.8).',
    },
    futility: {
      type: 'enum',
      values: ['bsOF', 'bsP', 'bsHSD', 'bsKD'],
      description: 'Non-binding β-spending futility bound.',
    },
  },
  run(_dataset, options) {
    const kMax = (options.looks as number | undefined) ?? 3;
    const d = groupSequentialDesign({
      kMax,
      alpha: (options.alpha as number | undefined) ?? 0.025,
      beta: 1 - ((options.power as number | undefined) ?? 0.8),
      type: ((options.type as string | undefined) ?? 'asOF') as GroupSequentialType,
      ...(options.futility ? { futility: { type: options.futility as BetaSpendingType } } : {}),
    });
    const looks = d.informationRates.map((t, k) => ({
      informationRate: t,
      critical: d.criticalValues[k],
      nominalP: d.nominalAlpha[k],
      ...(d.futility && k < d.kMax - 1 ? { futility: d.futility.bounds[k] } : {}),
    }));
    const rows = looks.map((l, k) => ({
      look: String(k + 1),
      t: l.informationRate.toFixed(3),
      z: l.critical.toFixed(3),
      p: l.nominalP < 1e-4 ? '< 0.0001' : l.nominalP.toFixed(4),
      spent: d.alphaSpent[k].toFixed(4),
      ...(d.futility ? { futility: l.futility === undefined ? '—' : l.futility.toFixed(3) } : {}),
    }));
    return {
      view: { kind: 'boundaries', looks, twoSided: d.sided === 2 },
      table: {
        columns: [
          { key: 'look', label: 'Look', numeric: true },
          { key: 't', label: 'Information fraction', numeric: true },
          { key: 'z', label: 'Efficacy bound (z)', numeric: true },
          { key: 'p', label: 'Nominal one-sided p', numeric: true },
          { key: 'spent', label: 'Cumulative α spent', numeric: true },
          ...(d.futility ? [{ key: 'futility', label: 'Futility bound (z)', numeric: true }] : []),
        ],
        rows,
      },
      methods: [
        `Group-sequential design ${d.label}, ${d.kMax} equally spaced looks, one-sided α ${d.alpha}, power ${(1 - d.beta).toFixed(2)}: boundaries by recursive numerical integration (Jennison & Turnbull 2000, ch. 19), as rpact getDesignGroupSequential; inflation factor ${d.inflationFactor.toFixed(4)} over the fixed-sample size.`,
      ],
      notes: [],
      warnings: [],
    };
  },
};

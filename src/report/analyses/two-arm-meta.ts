import {
  columnDecimals,
  formatEstimateCi,
  formatFixed,
  formatLevel,
  formatPercent,
  formatTau2,
} from '../../format/number.js';
import { binaryEffectSizes, type BinaryStudy } from '../../stats/meta/binary-effect-sizes.js';
import { cumulativeMetaAnalysis } from '../../stats/meta/cumulative-meta-analysis.js';
import { TAU2_ESTIMATORS } from '../../stats/meta/estimate-tau2.js';
import { leaveOneOut, type SensitivityRow } from '../../stats/meta/leave-one-out.js';
import { mantelHaenszel } from '../../stats/meta/mantel-haenszel.js';
import { metaAnalysis, type MetaMethod, type MetaTest } from '../../stats/meta/meta-analysis.js';
import { peto } from '../../stats/meta/peto.js';
import type { ForestRow } from '../charts/forest-plot.js';
import { AXIS_OPTIONS, favoursFrom, pCell, type AnalysisDefinition } from './analysis.js';
import { pairArms, pairOptions } from './pair-arms.js';

type Measure = 'RR' | 'OR' | 'RD';
type Pooling = MetaMethod | 'MH' | 'Peto';
const MEASURE_NAME: Record<Measure, string> = {
  RR: 'Risk ratio',
  OR: 'Odds ratio',
  RD: 'Risk difference',
};

/** `p < 0.001` / `p = 0.03`, for statements. */
const pText = (p: number): string =>
  pCell(p).startsWith('<') ? `p < ${pCell(p).slice(1)}` : `p = ${pCell(p)}`;

/**
 * Two-arm binary meta-analysis for reports (RevMan's "Analysis 1.1"): per-trial RR, OR or
 * RD from events/total of each arm (`binaryEffectSizes`, metafor `escalc`), pooled by
 * inverse variance with a common effect (`FE`) or random effects with any τ² estimator
 * (`metaAnalysis`, metafor `rma`; Wald z or Hartung–Knapp), or by Mantel–Haenszel or Peto
 * (common effect). `show` picks what the forest plot draws: the trials and the pooled
 * estimate (`studies`, default), the pooled estimate with each trial left out
 * (`leave-one-out`, metafor `leave1out`) or the cumulative pooled estimate in table order
 * (`cumulative`, metafor `cumul`).
 * Reference: Viechtbauer W (2010), J Stat Softw 36(3); Cochrane Handbook ch. 10.
 */
export const twoArmMeta: AnalysisDefinition = {
  name: 'two-arm-meta',
  description:
    'Meta-analysis of two-arm binary trials (RR, OR, RD; IV common/random with any τ² estimator, Mantel–Haenszel, Peto; Hartung–Knapp), with leave-one-out and cumulative views.',
  kinds: ['arm-binary'],
  produces: 'effects',
  options: {
    ...pairOptions,
    ...AXIS_OPTIONS,
    measure: {
      type: 'enum',
      values: ['RR', 'OR', 'RD'],
      description: 'Effect measure (default RR).',
    },
    method: {
      type: 'enum',
      values: ['FE', ...TAU2_ESTIMATORS.ids, 'MH', 'Peto'],
      description: `Pooling: a τ² estimator (${TAU2_ESTIMATORS.ids.join(', ')}; random effects, default ${TAU2_ESTIMATORS.defaultId}), FE (inverse-variance common effect), MH (Mantel–Haenszel) or Peto (odds ratio only).`,
    },
    test: {
      type: 'enum',
      values: ['z', 'knha'],
      description: 'Inference for inverse-variance pooling: z (default) or Hartung–Knapp.',
    },
    show: {
      type: 'enum',
      values: ['studies', 'leave-one-out', 'cumulative'],
      description: 'What the forest plot shows (default studies).',
    },
    armLabel: { type: 'string', description: 'Column header of arm 1 (default the arm name).' },
    comparatorLabel: {
      type: 'string',
      description: 'Column header of arm 2 (default the comparator name).',
    },
  },
  run(dataset, options) {
    const measure = (options.measure as Measure | undefined) ?? 'RR';
    const method = (options.method as Pooling | undefined) ?? 'REML';
    const test = (options.test as MetaTest | undefined) ?? 'z';
    const level = (options.level as number | undefined) ?? 0.95;
    const show = (options.show as string | undefined) ?? 'studies';
    const lv = formatLevel(level);
    const { pairs, warnings: pairWarnings } = pairArms(dataset, options, 'two-arm-meta');
    const studies: BinaryStudy[] = pairs.map((p) => ({
      study: p.trial,
      events1: p.arm.events,
      n1: p.arm.n,
      events2: p.comparator.events,
      n2: p.comparator.n,
    }));
    const effects = binaryEffectSizes(studies, measure);
    const isRatio = measure !== 'RD';
    const nat = (x: number): number => (isRatio ? Math.exp(x) : x);
    const ivMethod: MetaMethod = method === 'MH' || method === 'Peto' ? 'FE' : method;
    // Prediction interval as metafor: normal quantiles with z inference, t(k − 1) with Hartung–Knapp.
    const fit = metaAnalysis(effects, {
      method: ivMethod,
      test: method === 'MH' || method === 'Peto' ? 'z' : test,
      level,
      pi: test === 'knha' ? 't' : 'z',
    });
    const special =
      method === 'MH'
        ? mantelHaenszel(studies, measure, { level })
        : method === 'Peto'
          ? peto(studies, { level })
          : undefined;
    const pooledEst = special ? special.estimate : fit.estimate;
    const pooledLo = special ? special.ci.lower : fit.ci.lower;
    const pooledHi = special ? special.ci.upper : fit.ci.upper;
    const model =
      method === 'MH'
        ? 'M-H, fixed'
        : method === 'Peto'
          ? 'Peto, fixed'
          : method === 'FE'
            ? 'IV, fixed'
            : `IV, random (${method}${test === 'knha' ? ', Hartung–Knapp' : ''})`;
    const armLabel = (options.armLabel as string | undefined) ?? pairs[0]?.arm.name ?? 'Arm 1';
    const compLabel =
      (options.comparatorLabel as string | undefined) ?? pairs[0]?.comparator.name ?? 'Arm 2';
    const byStudy = new Map(fit.studies.map((s) => [s.study, s]));
    const dropped = new Set(effects.dropped.map((d) => d.study));

    // Weights are inverse-variance weights of the fitted model; MH and Peto weights are not shown.
    const withWeights = !special;
    const studyRows: ForestRow[] = pairs.map((p) => {
      const s = byStudy.get(p.trial);
      const cells = [`${p.arm.events}/${p.arm.n}`, `${p.comparator.events}/${p.comparator.n}`];
      if (!s || dropped.has(p.trial))
        return { label: p.trial, estimate: NaN, lower: NaN, upper: NaN, cells, estimable: false };
      return {
        label: p.trial,
        estimate: nat(s.yi),
        lower: nat(s.ci.lower),
        upper: nat(s.ci.upper),
        cells,
        ...(withWeights ? { weight: s.weight } : {}),
      };
    });
    const sensitivityRows = (rows: SensitivityRow[], prefix: string): ForestRow[] =>
      rows.map((r) => ({
        label: `${prefix}${r.study}`,
        estimate: nat(r.estimate),
        lower: nat(r.ci.lower),
        upper: nat(r.ci.upper),
      }));
    const ivOptions = { method: ivMethod, test, level, tau2Interval: false } as const;
    const rows =
      show === 'leave-one-out'
        ? sensitivityRows(leaveOneOut(effects, ivOptions), 'Omitting ')
        : show === 'cumulative'
          ? sensitivityRows(cumulativeMetaAnalysis(effects, undefined, ivOptions), '+ ')
          : studyRows;

    const sum = (f: (p: (typeof pairs)[number]) => number): number =>
      pairs.reduce((s, p) => s + f(p), 0);
    const Q = special ?? fit;
    const statistic = special ? (special.test.statistic ?? NaN) : fit.statistic;
    const pOverall = special ? special.test.p : fit.p;
    const statName = special || fit.df === null ? 'z' : `t(${fit.df})`;
    const statements = [
      `Heterogeneity: ${method === 'MH' || method === 'Peto' || method === 'FE' ? '' : `τ² = ${formatTau2(fit.tau2)}; `}Q = ${formatFixed(Q.Q, 2)}, df = ${Q.Qdf} (${pText(Q.Qp)}); I² = ${formatFixed(Q.I2, 0)}%`,
      `Test for overall effect: ${statName} = ${formatFixed(statistic, 2)} (${pText(pOverall)})`,
    ];
    const decimals = columnDecimals(
      [
        nat(pooledEst),
        nat(pooledLo),
        nat(pooledHi),
        ...studyRows
          .filter((r) => r.estimable !== false)
          .flatMap((r) => [r.estimate, r.lower, r.upper]),
      ],
      { ratio: isRatio },
    );
    const pooledLabel = show === 'studies' ? `Total (${lv} CI)` : `All ${fit.k} trials (${lv} CI)`;
    const pi = fit.transformed.pi;
    const name = MEASURE_NAME[measure];
    return {
      view: {
        kind: 'effects',
        rows,
        pooled: {
          label: pooledLabel,
          estimate: nat(pooledEst),
          lower: nat(pooledLo),
          upper: nat(pooledHi),
          ...(show === 'studies'
            ? {
                cells: [String(sum((p) => p.arm.n)), String(sum((p) => p.comparator.n))],
                totals: {
                  label: 'Total events',
                  cells: [
                    String(sum((p) => p.arm.events)),
                    String(sum((p) => p.comparator.events)),
                  ],
                },
              }
            : {}),
          ...(pi && ivMethod !== 'FE' && show === 'studies'
            ? { predictionLower: pi.lower, predictionUpper: pi.upper, predictionLevel: level }
            : {}),
        },
        scale: isRatio ? 'log' : 'linear',
        axisTitle: (options.axisTitle as string | undefined) ?? name,
        ...favoursFrom(options),
        forest: {
          ...(show === 'studies' ? { columns: [`${armLabel} n/N`, `${compLabel} n/N`] } : {}),
          studyHeader:
            show === 'studies'
              ? 'Study'
              : show === 'leave-one-out'
                ? 'Leave one out'
                : 'Cumulative, in table order',
          effectHeader: `${name} ${model}, ${lv} CI`,
          statements:
            show === 'studies'
              ? statements
              : [
                  `Pooled with all trials: ${formatEstimateCi(nat(pooledEst), nat(pooledLo), nat(pooledHi), decimals)}; ${statements[0].toLowerCase()}`,
                ],
        },
      },
      table: {
        columns: [
          { key: 'study', label: 'Trial' },
          { key: 'arm', label: `${armLabel} n/N`, numeric: true },
          { key: 'comparator', label: `${compLabel} n/N`, numeric: true },
          { key: 'effect', label: `${name} (${lv} CI)`, numeric: true },
          ...(withWeights ? [{ key: 'weight', label: 'Weight', numeric: true }] : []),
        ],
        rows: [
          ...studyRows.map((r) => ({
            study: r.label,
            arm: r.cells?.[0] ?? '',
            comparator: r.cells?.[1] ?? '',
            effect:
              r.estimable === false
                ? 'Not estimable'
                : formatEstimateCi(r.estimate, r.lower, r.upper, decimals),
            ...(withWeights
              ? { weight: r.weight !== undefined ? formatPercent(r.weight) : '' }
              : {}),
          })),
          {
            study: `Total (${model})`,
            arm: `${sum((p) => p.arm.events)}/${sum((p) => p.arm.n)}`,
            comparator: `${sum((p) => p.comparator.events)}/${sum((p) => p.comparator.n)}`,
            effect: formatEstimateCi(nat(pooledEst), nat(pooledLo), nat(pooledHi), decimals),
            ...(withWeights ? { weight: '100.0%' } : {}),
          },
        ],
      },
      methods: [
        `Two-arm meta-analysis: ${name.toLowerCase()} per trial (metafor escalc; 0.5 added to every cell of tables with a zero cell, trials without events in either arm not estimable), pooled by ${method === 'MH' ? 'Mantel–Haenszel (common effect)' : method === 'Peto' ? 'the Peto method (common effect)' : method === 'FE' ? 'inverse variance (common effect)' : `inverse variance with random effects, τ² by ${method} (${TAU2_ESTIMATORS.get(method).label}; ${TAU2_ESTIMATORS.get(method).reference})`}${test === 'knha' && !special ? ', Hartung–Knapp t inference' : ''}; heterogeneity by Cochran's Q and I²${ivMethod !== 'FE' ? `; ${lv} prediction interval from t(k − 1)` : ''} (as metafor rma / rma.mh / rma.peto).`,
      ],
      notes: effects.dropped.map((d) => `${d.study} not estimable: ${d.reason}`),
      warnings: [
        ...pairWarnings,
        ...fit.warnings.map((w) => `two-arm-meta: ${w}`),
        ...(special ? special.warnings.map((w) => `two-arm-meta: ${w}`) : []),
      ],
    };
  },
};

import { formatLevel, formatNumber } from '../../format/number.js';
import { backTransform } from '../../stats/meta/back-transform.js';
import { TAU2_ESTIMATORS } from '../../stats/meta/estimate-tau2.js';
import { metaAnalysis, type MetaMethod } from '../../stats/meta/meta-analysis.js';
import { proportionEffectSizes } from '../../stats/meta/proportion-effect-sizes.js';
import { metaStatements } from './meta-statements.js';
import type { ForestRow } from '../charts/forest-plot.js';
import { matches, num, rowsOfKind, str, type AnalysisDefinition } from './analysis.js';

const pct = (x: number): number => 100 * x;

/**
 * Random-effects pooling of single-arm proportions (metafor `rma(measure = "PLO" | "PFT")`):
 * per-study effects from `proportionEffectSizes`, pooled by `metaAnalysis`, back-transformed
 * to proportions; forest rows carry each study's weight, the pooled diamond and the
 * prediction interval. Study intervals are the model-scale Wald intervals back-transformed
 * (as metafor's forest plot).
 */
export const pooledProportions: AnalysisDefinition = {
  name: 'pooled-proportions',
  description:
    'Pooled proportion (logit or double-arcsine, random effects) with study weights and prediction interval.',
  kinds: ['single-arm-proportion'],
  produces: 'effects',
  options: {
    outcomes: {
      type: 'string-list',
      description: 'Outcomes to pool (default all: choose comparable ones).',
    },
    groups: {
      type: 'string-list',
      description: 'Groups to include (default all), e.g. to keep one reading of a study.',
    },
    measure: {
      type: 'enum',
      values: ['PLO', 'PFT'],
      description: 'Scale of pooling: PLO logit (default) or PFT Freeman–Tukey double arcsine.',
    },
    method: {
      type: 'enum',
      values: ['FE', ...TAU2_ESTIMATORS.ids],
      description: `τ² estimator (${TAU2_ESTIMATORS.ids.join(', ')}) or FE (default ${TAU2_ESTIMATORS.defaultId}).`,
    },
    test: {
      type: 'enum',
      values: ['z', 'knha'],
      description: 'Inference for the pooled estimate (default z).',
    },
    level: {
      type: 'number',
      min: 0,
      max: 1,
      exclusiveMin: true,
      exclusiveMax: true,
      description: 'Confidence level (default 0.95).',
    },
    outcomeLabel: {
      type: 'string',
      description: 'Axis label for the proportion (default "Proportion").',
    },
  },
  run(dataset, options) {
    const measure = (options.measure as 'PLO' | 'PFT' | undefined) ?? 'PLO';
    const method = (options.method as MetaMethod | undefined) ?? 'REML';
    const test = (options.test as 'z' | 'knha' | undefined) ?? 'z';
    const level = (options.level as number | undefined) ?? 0.95;
    const rows = rowsOfKind(dataset, 'single-arm-proportion').filter(
      (r) => matches(r, 'outcome', options.outcomes) && matches(r, 'group', options.groups),
    );
    const studies = rows.map((r) => ({
      study: [String(r.study), str(r.group)].filter(Boolean).join(' — '),
      events: num(r.events)!,
      n: num(r.n)!,
    }));
    const effects = proportionEffectSizes(studies, measure);
    const fit = metaAnalysis(effects, { method, test, level, pi: 't' });
    const tf = backTransform(effects);
    const forest: ForestRow[] = fit.studies.map((s) => {
      const input = studies.find((x) => x.study === s.study);
      const ci = tf.interval(s.ci.lower, s.ci.upper);
      return {
        label: s.study,
        estimate: pct(tf.apply(s.yi)),
        lower: pct(ci.lower),
        upper: pct(ci.upper),
        weight: s.weight,
        cells: [String(input?.events ?? ''), String(input?.n ?? '')],
      };
    });
    const pooledNames = new Set(fit.studies.map((s) => s.study));
    const forestInputs = studies.filter((x) => pooledNames.has(x.study));
    const t = fit.transformed;
    // One heterogeneity statement for the figure and the table (τ² < 0.001 when tiny, I² in whole %).
    const [heterogeneity] = metaStatements({
      tau2: method === 'FE' ? null : fit.tau2,
      Q: fit.Q,
      Qdf: fit.Qdf,
      Qp: fit.Qp,
      I2: fit.I2,
      statName: fit.df === null ? 'z' : `t(${fit.df})`,
      statistic: fit.statistic,
      p: fit.p,
    });
    const lv = formatLevel(level);
    const model = method === 'FE' ? 'Common effect' : `Random effects (${method})`;
    const scale = measure === 'PLO' ? 'logit' : 'Freeman–Tukey double arcsine';
    return {
      view: {
        kind: 'effects',
        rows: forest,
        pooled: {
          label: `${model}, total`,
          cells: [
            String(forestInputs.reduce((a, x) => a + x.events, 0)),
            String(forestInputs.reduce((a, x) => a + x.n, 0)),
          ],
          estimate: pct(t.estimate),
          lower: pct(t.ci.lower),
          upper: pct(t.ci.upper),
          ...(t.pi
            ? {
                predictionLower: pct(t.pi.lower),
                predictionUpper: pct(t.pi.upper),
                predictionLevel: level,
              }
            : {}),
        },
        scale: 'linear',
        axisTitle: `${(options.outcomeLabel as string | undefined) ?? 'Proportion'} (%)`,
        reference: null,
        forest: {
          studyHeader: 'Study — group',
          columns: ['Events', 'Total'],
          effectHeader: `Proportion (%), ${method === 'FE' ? 'common effect' : `random effects (${method})`}, ${lv} CI`,
          statements: [heterogeneity],
        },
      },
      table: {
        columns: [
          { key: 'study', label: 'Study — group' },
          { key: 'count', label: 'events/n', numeric: true },
          { key: 'pct', label: `% (${lv} CI)`, numeric: true },
          { key: 'weight', label: 'Weight (%)', numeric: true },
        ],
        rows: [
          ...fit.studies.map((s, i) => ({
            study: s.study,
            count: `${studies.find((x) => x.study === s.study)?.events ?? ''}/${studies.find((x) => x.study === s.study)?.n ?? ''}`,
            pct: `${formatNumber(forest[i].estimate)} (${formatNumber(forest[i].lower)} to ${formatNumber(forest[i].upper)})`,
            weight: formatNumber(s.weight),
          })),
          {
            study: `${model}; ${heterogeneity.replace(/^Heterogeneity: /, '')}`,
            count: '',
            pct: `${formatNumber(pct(t.estimate))} (${formatNumber(pct(t.ci.lower))} to ${formatNumber(pct(t.ci.upper))})`,
            weight: '100',
          },
          ...(t.pi
            ? [
                {
                  study: `${lv} prediction interval`,
                  count: '',
                  pct: `${formatNumber(pct(t.pi.lower))} to ${formatNumber(pct(t.pi.upper))}`,
                  weight: '',
                },
              ]
            : []),
        ],
      },
      methods: [
        `Pooled proportions: ${model.toLowerCase()} meta-analysis on the ${scale} scale (as metafor rma, ${test === 'z' ? 'Wald z' : 'Hartung–Knapp'} inference), back-transformed (${tf.name}); ${lv} intervals; prediction interval from t(k − 1).${measure === 'PLO' ? ' 0.5 added to events and non-events of studies with 0 % or 100 %.' : ''}`,
      ],
      notes: effects.dropped.map((d) => `${d.study} not pooled: ${d.reason}`),
      warnings: fit.warnings.map((w) => `pooled-proportions: ${w}`),
    };
  },
};

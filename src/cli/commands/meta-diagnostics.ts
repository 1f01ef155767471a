import { ratioEstimate, ratioLimitEstimate } from './meta-ratio-json.js';
import { InputError } from '../../errors.js';
import { formatFixed, formatLevel, formatNumber, formatP } from '../../format/number.js';
import { renderTable, type Column } from '../../format/table.js';
import { backTransform } from '../../stats/meta/back-transform.js';
import { cumulativeMetaAnalysis } from '../../stats/meta/cumulative-meta-analysis.js';
import {
  eggerTest,
  type EggerTestResult,
  type RegtestPredictor,
} from '../../stats/meta/egger-test.js';
import type { EffectSizes, StudyEffect } from '../../stats/meta/effect-sizes.js';
import { funnelData, type FunnelData } from '../../stats/meta/funnel-data.js';
import { influenceDiagnostics, type InfluenceRow } from '../../stats/meta/influence-diagnostics.js';
import { leaveOneOut, type SensitivityRow } from '../../stats/meta/leave-one-out.js';
import { metaAnalysis, type MetaAnalysisOptions } from '../../stats/meta/meta-analysis.js';
import {
  BIAS_DIAGNOSTICS,
  BIAS_FLAGS,
  biasDiagnostic,
  type BiasOptions,
} from './meta-bias-output.js';

/** The diagnostics `trialstat meta` offers beside the pooled fit, one per run. */
export const META_DIAGNOSTICS = [
  'leaveOneOut',
  'cumulative',
  'influence',
  'egger',
  'funnel',
  ...BIAS_DIAGNOSTICS,
] as const;
export type MetaDiagnostic = (typeof META_DIAGNOSTICS)[number];

/** The flag of each diagnostic, for messages. */
export const DIAGNOSTIC_FLAGS: Record<MetaDiagnostic, string> = {
  leaveOneOut: '--leave-one-out',
  cumulative: '--cumulative',
  influence: '--influence',
  egger: '--egger',
  funnel: '--funnel',
  ...BIAS_FLAGS,
};

export interface MetaDiagnosticOptions {
  /** Extra column that orders a cumulative meta-analysis (default: input order). */
  orderBy?: string;
  /** Egger test: `rma` (meta-regression on the SE, metafor's default) or `lm` (Egger 1997). */
  eggerModel: 'rma' | 'lm';
  /** Egger test regressor (default `sei`). */
  eggerPredictor?: RegtestPredictor;
  /** Options of the bias diagnostics (--ranktest, --trimfill, --fsn, --harbord, --peters, --bias). */
  bias?: BiasOptions;
}

/** What a diagnostic run prints: text for people, the JSON object, and warnings for stderr. */
export interface MetaDiagnosticOutput {
  text: string;
  json: Record<string, unknown>;
  warnings: string[];
}

/**
 * Runs one diagnostic of a random- or common-effects fit with the same options as the
 * pooled fit (τ² estimator, test, level), as metafor's `leave1out`, `cumul`, `influence`,
 * `regtest` and `funnel` do for an `rma` object. Estimates are on the model scale (logit for
 * PLO, …) and `transformed` gives them on the natural scale, except for ratio measures
 * (RR/OR/ROM), whose `estimate`/`limitEstimate` and `ci` are ratios and whose log-scale values
 * are `logEstimate`/`logLimitEstimate` and `logCi`. Funnel data (`yi`, `sei`, `centre`,
 * `region`) are the plot's axes: always the model scale.
 *
 * @example metaDiagnostic('egger', effects, { method: 'REML' }, { eggerModel: 'rma' }).json.p // 0.4218 (dat.bcg, RR)
 */
export function metaDiagnostic(
  kind: MetaDiagnostic,
  effects: EffectSizes,
  analysis: MetaAnalysisOptions,
  options: MetaDiagnosticOptions,
): MetaDiagnosticOutput {
  const level = analysis.level ?? 0.95;
  const base = {
    measure: effects.measure,
    method: analysis.method ?? 'REML',
    test: analysis.test ?? 'z',
    level,
  };
  const tf = backTransform(effects);
  const natural = (x: number) => tf.apply(x);
  switch (kind) {
    case 'leaveOneOut':
    case 'cumulative': {
      const rows =
        kind === 'leaveOneOut'
          ? leaveOneOut(effects, analysis)
          : cumulativeMetaAnalysis(effects, orderOf(effects, options.orderBy), analysis);
      const json = {
        ...base,
        ...(kind === 'cumulative' ? { orderBy: options.orderBy ?? null } : {}),
        transform: tf.name,
        rows: rows.map((r) => ({
          ...ratioEstimate(effects.measure, r),
          transformed: { estimate: natural(r.estimate), ci: tf.interval(r.ci.lower, r.ci.upper) },
        })),
      };
      return { text: sensitivityText(kind, rows, json, tf), json, warnings: [] };
    }
    case 'influence': {
      const rows = influenceDiagnostics(effects, analysis);
      return { text: influenceText(rows), json: { ...base, rows }, warnings: [] };
    }
    case 'egger': {
      const result = eggerTest(effects, {
        model: options.eggerModel,
        method: base.method,
        test: base.test,
        level,
        predictor: options.eggerPredictor ?? 'sei',
      });
      const transformed =
        result.limitEstimate !== null && result.ci
          ? {
              limitEstimate: natural(result.limitEstimate),
              ci: tf.interval(result.ci.lower, result.ci.upper),
            }
          : null;
      const json = { ...base, ...ratioLimitEstimate(effects.measure, result), transformed };
      return {
        text: eggerText(result, effects.studies.length),
        json,
        warnings: [...result.warnings],
      };
    }
    case 'funnel': {
      const fit = metaAnalysis(effects, { ...analysis, tau2Interval: false });
      const data = funnelData(effects, fit.estimate, { level });
      return { text: funnelText(data), json: { ...base, ...data }, warnings: [...fit.warnings] };
    }
    default:
      return biasDiagnostic(kind, effects, analysis, options.bias ?? {});
  }
}

/** Sort key of a study for `--order-by`: the extra column's value, numeric when it is a number. */
function orderOf(
  effects: EffectSizes,
  column: string | undefined,
): (study: StudyEffect, index: number) => number | string {
  if (column === undefined) return (_s, i) => i;
  const missing = effects.studies.find(
    (s) => s.extra?.[column] === undefined || s.extra[column] === '',
  );
  if (missing)
    throw new InputError(
      '--order-by',
      column,
      `a column with a value for every study (none for ${missing.study})`,
    );
  const values = effects.studies.map((s) => s.extra![column]);
  const numeric = values.every(
    (v) => typeof v === 'number' || /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(String(v)),
  );
  return (s) => (numeric ? Number(s.extra![column]) : String(s.extra![column]));
}

const num = (x: number): string => formatNumber(x, { digits: 3 });
const interval = (lo: number, hi: number): string => `${num(lo)} to ${num(hi)}`;

function sensitivityText(
  kind: 'leaveOneOut' | 'cumulative',
  rows: readonly SensitivityRow[],
  json: { level: number; method: string; measure: string },
  tf: ReturnType<typeof backTransform>,
): string {
  const showNatural = tf.name !== 'identity';
  const lvl = formatLevel(json.level);
  const columns: Column<SensitivityRow>[] = [
    { header: kind === 'leaveOneOut' ? 'Omitted' : 'Up to and including', text: (r) => r.study },
    { header: 'k', text: (r) => String(r.k), align: 'right' },
    { header: 'Estimate', text: (r) => num(r.estimate), align: 'right' },
    { header: `${lvl} CI`, text: (r) => interval(r.ci.lower, r.ci.upper), align: 'right' },
    ...(showNatural
      ? [
          {
            header: `${json.measure} (${lvl} CI)`,
            text: (r: SensitivityRow) =>
              `${num(tf.apply(r.estimate))} (${(({ lower, upper }) => interval(lower, upper))(tf.interval(r.ci.lower, r.ci.upper))})`,
            align: 'right' as const,
          },
        ]
      : []),
    {
      header: 'p',
      text: (r) => formatP(r.p, { prefix: false }).replace(/^= /, ''),
      align: 'right',
    },
    { header: 'τ²', text: (r) => num(r.tau2), align: 'right' },
    { header: 'I²', text: (r) => `${formatFixed(r.I2, 1)}%`, align: 'right' },
  ];
  const title =
    kind === 'leaveOneOut'
      ? `Leave-one-out (${json.method}): the model refitted without each study`
      : `Cumulative meta-analysis (${json.method}): studies added one at a time`;
  return `${title}\n${renderTable(rows, columns, 'table').trimEnd()}\n`;
}

function influenceText(rows: readonly InfluenceRow[]): string {
  const n = (x: number) => formatNumber(x, { digits: 3 });
  const columns: Column<InfluenceRow>[] = [
    { header: 'Study', text: (r) => r.study },
    { header: 'rstudent', text: (r) => n(r.rstudent), align: 'right' },
    { header: 'dffits', text: (r) => n(r.dffits), align: 'right' },
    { header: "Cook's D", text: (r) => n(r.cooksDistance), align: 'right' },
    { header: 'cov.r', text: (r) => n(r.covRatio), align: 'right' },
    { header: 'τ² del.', text: (r) => n(r.tau2Deleted), align: 'right' },
    { header: 'Q del.', text: (r) => n(r.QDeleted), align: 'right' },
    { header: 'hat', text: (r) => n(r.hat), align: 'right' },
    { header: 'weight', text: (r) => `${formatFixed(r.weight, 1)}%`, align: 'right' },
    { header: 'dfbetas', text: (r) => n(r.dfbetas), align: 'right' },
    { header: 'influential', text: (r) => (r.influential ? '*' : ''), align: 'right' },
  ];
  const flagged = rows.filter((r) => r.influential).map((r) => r.study);
  return (
    [
      'Influence diagnostics (case deletion, as metafor influence.rma.uni)',
      renderTable(rows, columns, 'table').trimEnd(),
      flagged.length
        ? `Influential (*, metafor's rule): ${flagged.join('; ')}`
        : "No study is influential by metafor's rule.",
    ].join('\n') + '\n'
  );
}

const PREDICTOR_NAMES: Record<RegtestPredictor, string> = {
  sei: 'SE',
  vi: 'variance',
  ni: 'n',
  ninv: '1/n',
  sqrtni: '√n',
  sqrtninv: '1/√n',
};

function eggerText(r: EggerTestResult, k: number): string {
  const model =
    r.model === 'lm' ? 'weighted regression (Egger 1997)' : 'meta-regression on the standard error';
  const statistic =
    r.df === null
      ? `z = ${formatFixed(r.statistic, 4)}`
      : `t = ${formatFixed(r.statistic, 4)}, df = ${r.df}`;
  return (
    [
      `Regression test for funnel plot asymmetry, ${model}; k = ${k}`,
      `Test for asymmetry: ${statistic}, ${formatP(r.p)}`,
      `Slope on ${PREDICTOR_NAMES[r.predictor]} ${num(r.slope)} (SE ${num(r.slopeSe)})`,
      ...(r.limitEstimate !== null && r.ci
        ? [
            `Limit estimate (as ${PREDICTOR_NAMES[r.predictor]} → 0): ${num(r.limitEstimate)} (${formatLevel(r.ci.level)} CI ${interval(r.ci.lower, r.ci.upper)})`,
          ]
        : []),
    ].join('\n') + '\n'
  );
}

function funnelText(d: FunnelData): string {
  type Point = FunnelData['points'][number];
  const top = d.region[d.region.length - 1];
  // The region is centre ± z·SE; z recovered from its widest point.
  const z = top.se > 0 ? (top.upper - d.centre) / top.se : 0;
  const columns: Column<Point>[] = [
    { header: 'Study', text: (p) => p.study },
    { header: 'Estimate', text: (p) => num(p.yi), align: 'right' },
    { header: 'SE', text: (p) => num(p.sei), align: 'right' },
    {
      header: 'outside',
      text: (p) => (Math.abs(p.yi - d.centre) > z * p.sei ? '*' : ''),
      align: 'right',
    },
  ];
  return (
    [
      `Funnel plot data: estimate against its SE, centre ${num(d.centre)} (the pooled estimate)`,
      renderTable(d.points, columns, 'table').trimEnd(),
      `Pseudo-${formatLevel(d.level)} confidence region (* outside it): centre ± z·SE, from ${num(d.centre)} at SE 0 to ${interval(top.lower, top.upper)} at SE ${num(top.se)}`,
    ].join('\n') + '\n'
  );
}

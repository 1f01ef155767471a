import { ratioJson, ratioLimitEstimate } from './meta-ratio-json.js';
import { InputError } from '../../errors.js';
import { formatFixed, formatLevel, formatNumber, formatP } from '../../format/number.js';
import { renderTable, type Column } from '../../format/table.js';
import { backTransform } from '../../stats/meta/back-transform.js';
import type { BinaryStudy } from '../../stats/meta/binary-effect-sizes.js';
import { eggerTest } from '../../stats/meta/egger-test.js';
import type { EffectSizes } from '../../stats/meta/effect-sizes.js';
import {
  failSafeN,
  type FailSafeNResult,
  type FailSafeType,
} from '../../stats/meta/fail-safe-n.js';
import { harbordTest, type HarbordTestResult } from '../../stats/meta/harbord-test.js';
import type { MetaAnalysisOptions } from '../../stats/meta/meta-analysis.js';
import { petersTest, type PetersTestResult } from '../../stats/meta/peters-test.js';
import {
  rankCorrelationTest,
  type RankCorrelationResult,
} from '../../stats/meta/rank-correlation-test.js';
import { trimAndFill, type TrimAndFillResult } from '../../stats/meta/trim-and-fill.js';
import type { MetaDiagnosticOutput } from './meta-diagnostics.js';

/** Small-study / publication-bias diagnostics of `trialstat meta`, one per run. */
export const BIAS_DIAGNOSTICS = [
  'bias',
  'ranktest',
  'trimfill',
  'fsn',
  'harbord',
  'peters',
] as const;
export type BiasDiagnostic = (typeof BIAS_DIAGNOSTICS)[number];

export const BIAS_FLAGS: Record<BiasDiagnostic, string> = {
  bias: '--bias',
  ranktest: '--ranktest',
  trimfill: '--trimfill',
  fsn: '--fsn',
  harbord: '--harbord',
  peters: '--peters',
};

export interface BiasOptions {
  /** 2×2 tables when the input is binary (Harbord, Peters). */
  tables?: readonly BinaryStudy[];
  estimator?: 'L0' | 'R0';
  side?: 'left' | 'right';
  fsnType?: FailSafeType;
  fsnTarget?: number;
  fsnWeighted?: boolean;
  alpha?: number;
}

const num = (x: number): string => formatNumber(x, { digits: 3 });
const interval = (lo: number, hi: number): string => `${num(lo)} to ${num(hi)}`;

function needTables(kind: 'harbord' | 'peters', options: BiasOptions): readonly BinaryStudy[] {
  if (!options.tables)
    throw new InputError(
      BIAS_FLAGS[kind],
      true,
      'binary input (study,events1,n1,events2,n2) with --measure OR or RR',
    );
  return options.tables;
}

/**
 * Runs one bias diagnostic with the pooled fit's options (τ² estimator, test, level): the
 * rank correlation test (metafor ranktest), trim and fill (trimfill), fail-safe N (fsn),
 * Harbord's and Peters' tests for 2×2 tables, or `bias`, a summary of all that apply.
 */
export function biasDiagnostic(
  kind: BiasDiagnostic,
  effects: EffectSizes,
  analysis: MetaAnalysisOptions,
  options: BiasOptions,
): MetaDiagnosticOutput {
  const level = analysis.level ?? 0.95;
  const base = {
    measure: effects.measure,
    method: analysis.method ?? 'REML',
    test: analysis.test ?? 'z',
    level,
  };
  switch (kind) {
    case 'ranktest': {
      const r = rankCorrelationTest(effects);
      return { text: rankText(r), json: { ...base, ...r }, warnings: [...r.warnings] };
    }
    case 'trimfill': {
      const r = trimAndFill(effects, {
        ...analysis,
        ...(options.estimator ? { estimator: options.estimator } : {}),
        ...(options.side ? { side: options.side } : {}),
      });
      const tf = backTransform(effects);
      const transformed = (x: { estimate: number; ci: { lower: number; upper: number } }) => ({
        estimate: tf.apply(x.estimate),
        ci: tf.interval(x.ci.lower, x.ci.upper),
      });
      const json = {
        ...base,
        ...r,
        result: ratioJson(r.result),
        observed: ratioJson(r.observed),
        transform: tf.name,
        transformed: { observed: transformed(r.observed), adjusted: transformed(r.result) },
      };
      return { text: trimFillText(r, tf), json, warnings: [...r.warnings] };
    }
    case 'fsn': {
      const r = failSafeN(effects, {
        ...(options.fsnType ? { type: options.fsnType } : {}),
        ...(options.alpha !== undefined ? { alpha: options.alpha } : {}),
        ...(options.fsnTarget !== undefined ? { target: options.fsnTarget } : {}),
        ...(options.fsnWeighted ? { weighted: true } : {}),
      });
      return {
        text: fsnText(r),
        json: { measure: effects.measure, ...r },
        warnings: [...r.warnings],
      };
    }
    case 'harbord': {
      const r = harbordTest(needTables(kind, options));
      return { text: harbordText(r), json: { measure: 'OR', ...r }, warnings: [...r.warnings] };
    }
    case 'peters': {
      const r = petersTest(needTables(kind, options));
      return { text: petersText(r), json: { measure: 'OR', ...r }, warnings: [...r.warnings] };
    }
    case 'bias': {
      const egger = eggerTest(effects, { method: base.method, test: base.test, level });
      const rank = rankCorrelationTest(effects);
      const harbord = options.tables ? harbordTest(options.tables) : null;
      const peters = options.tables ? petersTest(options.tables) : null;
      const trim = trimAndFill(effects, { ...analysis, tau2Interval: false });
      type Row = { test: string; statistic: string; p: string; note: string };
      const rows: Row[] = [
        {
          test: `Egger regression (${base.method === 'FE' ? 'FE' : `${base.method} meta-regression`} on SE)`,
          statistic: `${egger.df === null ? 'z' : 't'} = ${formatFixed(egger.statistic, 3)}`,
          p: pText(egger.p),
          note: `slope ${num(egger.slope)}`,
        },
        {
          test: 'Begg–Mazumdar rank correlation',
          statistic: `τ = ${formatFixed(rank.tau, 3)}`,
          p: pText(rank.p),
          note: rank.method === 'exact' ? 'exact' : 'normal approximation',
        },
        ...(harbord
          ? [
              {
                test: 'Harbord score test (OR)',
                statistic: `t = ${formatFixed(harbord.statistic, 3)}`,
                p: pText(harbord.p),
                note: `bias ${num(harbord.bias)}`,
              },
            ]
          : []),
        ...(peters
          ? [
              {
                test: 'Peters regression on 1/N (OR)',
                statistic: `t = ${formatFixed(peters.statistic, 3)}`,
                p: pText(peters.p),
                note: `slope ${num(peters.slope)}`,
              },
            ]
          : []),
      ];
      const columns: Column<Row>[] = [
        { header: 'Test', text: (r) => r.test },
        { header: 'Statistic', text: (r) => r.statistic, align: 'right' },
        { header: 'p', text: (r) => r.p, align: 'right' },
        { header: '', text: (r) => r.note },
      ];
      const k = effects.studies.length;
      const text =
        [
          `Small-study effects and publication bias; k = ${k}`,
          renderTable(rows, columns, 'table').trimEnd(),
          `Trim and fill (${trim.estimator}): ${trim.k0} stud${trim.k0 === 1 ? 'y' : 'ies'} imputed on the ${trim.side}; estimate ${num(trim.observed.estimate)} → ${num(trim.result.estimate)} (${formatLevel(level)} CI ${interval(trim.result.ci.lower, trim.result.ci.upper)})`,
        ].join('\n') + '\n';
      const warnings = [
        ...new Set([
          ...egger.warnings,
          ...rank.warnings,
          ...(harbord?.warnings ?? []),
          ...(peters?.warnings ?? []),
          ...trim.warnings.filter((w) => !effects.warnings.includes(w)),
        ]),
      ];
      return {
        text,
        json: {
          ...base,
          k,
          egger: ratioLimitEstimate(effects.measure, egger),
          ranktest: rank,
          harbord,
          peters,
          trimfill: { ...trim, result: ratioJson(trim.result), observed: ratioJson(trim.observed) },
        },
        warnings,
      };
    }
  }
}

const pText = (p: number): string => formatP(p, { prefix: false }).replace(/^= /, '');

function rankText(r: RankCorrelationResult): string {
  const how =
    r.method === 'exact'
      ? 'exact permutation distribution'
      : `normal approximation (z = ${formatFixed(r.z!, 3)})`;
  return `Rank correlation test for funnel plot asymmetry (Begg & Mazumdar); k = ${r.k}\nKendall's τ = ${formatFixed(r.tau, 4)}, ${formatP(r.p)} (${how})\n`;
}

function trimFillText(r: TrimAndFillResult, tf: ReturnType<typeof backTransform>): string {
  const lvl = formatLevel(r.result.ci.level);
  const natural = tf.name !== 'identity';
  const line = (label: string, m: TrimAndFillResult['result']) => {
    const nat = natural
      ? ` [${m.measure} ${num(tf.apply(m.estimate))} (${(({ lower, upper }) => interval(lower, upper))(tf.interval(m.ci.lower, m.ci.upper))})]`
      : '';
    return `${label} (k = ${m.k}): ${num(m.estimate)} (${lvl} CI ${interval(m.ci.lower, m.ci.upper)}); ${formatP(m.p)}; τ² = ${num(m.tau2)}${nat}`;
  };
  const lines = [
    `Trim and fill (${r.estimator}, ${r.result.method}): missing studies on the ${r.side}${r.sideEstimated ? ' (side estimated)' : ''}`,
    `Estimated missing studies: ${r.k0} (SE ${num(r.seK0)})${r.pK0 !== null ? `; P(R0 ≥ ${r.k0}) = ${formatFixed(r.pK0, 4)}` : ''}`,
    line('Observed', r.observed),
    line('With filled studies', r.result),
  ];
  if (r.filled.length > 0) {
    type Row = TrimAndFillResult['filled'][number];
    const columns: Column<Row>[] = [
      { header: 'Filled', text: (f) => f.study },
      { header: 'Estimate', text: (f) => num(f.yi), align: 'right' },
      { header: 'SE', text: (f) => num(Math.sqrt(f.vi)), align: 'right' },
      { header: 'Mirror of', text: (f) => String(f.extra?.mirrorOf ?? '') },
    ];
    lines.push(renderTable(r.filled, columns, 'table').trimEnd());
  }
  return lines.join('\n') + '\n';
}

function fsnText(r: FailSafeNResult): string {
  if (r.type === 'Orwin')
    return `Fail-safe N (Orwin): ${r.fsn} studies averaging 0 would bring the mean effect ${num(r.meanEffect!)} down to the target ${num(r.target!)}\n`;
  const what =
    r.type === 'Rosenthal' ? 'the combined one-sided Stouffer test' : 'the common-effect z test';
  return `Fail-safe N (${r.type}, α = ${r.alpha}): ${r.fsn} null studies would make ${what} non-significant (observed ${formatP(r.p!)})\n`;
}

function harbordText(r: HarbordTestResult): string {
  return `Harbord's score test for small-study effects (binary outcome, OR); k = ${r.k}\nBias coefficient ${num(r.bias)} (SE ${num(r.se)}); t = ${formatFixed(r.statistic, 3)}, df = ${r.df}, ${formatP(r.p)}\n`;
}

function petersText(r: PetersTestResult): string {
  return `Peters' regression test (log OR on 1/N, weighted); k = ${r.k}\nSlope ${num(r.slope)} (SE ${num(r.se)}); t = ${formatFixed(r.statistic, 3)}, df = ${r.df}, ${formatP(r.p)}; limit log OR ${num(r.intercept)}\n`;
}

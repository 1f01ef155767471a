import { InputError } from '../../errors.js';
import {
  columnDecimals,
  formatEstimateCi,
  formatFixed,
  formatLevel,
  formatNumber,
  formatPercent,
} from '../../format/number.js';
import { binaryEffectSizes, type BinaryStudy } from '../../stats/meta/binary-effect-sizes.js';
import {
  continuousEffectSizes,
  type ContinuousStudy,
} from '../../stats/meta/continuous-effect-sizes.js';
import { contourFunnelData } from '../../stats/meta/contour-funnel-data.js';
import { cumulativeMetaAnalysis } from '../../stats/meta/cumulative-meta-analysis.js';
import type { EffectSizes } from '../../stats/meta/effect-sizes.js';
import { TAU2_ESTIMATORS } from '../../stats/meta/estimate-tau2.js';
import { influenceDiagnostics } from '../../stats/meta/influence-diagnostics.js';
import { leaveOneOut, type SensitivityRow } from '../../stats/meta/leave-one-out.js';
import { mantelHaenszel } from '../../stats/meta/mantel-haenszel.js';
import { mantelHaenszelWeights } from '../../stats/meta/mantel-haenszel-weights.js';
import {
  metaAnalysis,
  type MetaAnalysisResult,
  type MetaMethod,
  type MetaTest,
} from '../../stats/meta/meta-analysis.js';
import { peto } from '../../stats/meta/peto.js';
import { subgroupAnalysis } from '../../stats/meta/subgroup-analysis.js';
import { trimAndFill } from '../../stats/meta/trim-and-fill.js';
import { rowYear } from '../charts/forest-order.js';
import type { ForestPooled, ForestRow, ForestSubgroup } from '../charts/forest-plot.js';
import { AXIS_OPTIONS, favoursFrom, type AnalysisDefinition } from './analysis.js';
import { metaStatements, pText } from './meta-statements.js';
import { armNames, pairArms, pairOptions } from './pair-arms.js';
import {
  continuousPairOptions,
  pairContinuousArms,
  type ContinuousPair,
} from './pair-continuous-arms.js';

type Measure = 'RR' | 'OR' | 'RD' | 'MD' | 'SMD';
type Pooling = MetaMethod | 'MH' | 'Peto';
const MEASURE_NAME: Record<Measure, string> = {
  RR: 'Risk ratio',
  OR: 'Odds ratio',
  RD: 'Risk difference',
  MD: 'Mean difference',
  SMD: 'Std. mean difference',
};

/** Table keys of the per-arm cells (binary: n/N per arm; continuous: mean (SD) and N per arm). */
const CELL_KEYS = {
  RR: ['arm', 'comparator'],
  MD: ['arm', 'armN', 'comparator', 'comparatorN'],
} as const;

/** `−4.1 (52.4)`: a mean and its SD as the forest's data cell, † when either was derived. */
function meanCells(pair: ContinuousPair, side: ContinuousPair['arm']): string[] {
  const derived = pair.derivations.some(
    (d) => d.arms.includes(side.name) || d.method === 'cochrane-p-to-sd',
  );
  const sd =
    side.sd === null ? 'SD not printed' : `${formatNumber(side.sd)}${derived ? '\u2020' : ''}`;
  return [`${side.mean === null ? '' : formatNumber(side.mean)} (${sd})`, String(side.n)];
}

/** One trial as the analysis uses it: arm sizes, the forest's data cells and its 2×2 table (binary). */
interface Trial {
  trial: string;
  n1: number;
  n2: number;
  cells: string[];
  binary?: BinaryStudy;
  events1?: number;
  events2?: number;
}

/** A pooled fit as the report shows it: model-scale estimate and CI, Q, I², test. */
interface Pooled {
  estimate: number;
  lower: number;
  upper: number;
  tau2: number | null;
  Q: number;
  Qdf: number;
  Qp: number;
  I2: number;
  statistic: number;
  statName: string;
  p: number;
  se: number;
  weights: number[] | null;
  fit: MetaAnalysisResult;
  /** Warnings of the MH or Peto fit (the IV fit's are in `fit`). */
  warnings: readonly string[];
}

/**
 * Parses `subgroups` entries `Name: Trial A; Trial B` into a trial → subgroup map, in order.
 * @example parseSubgroups(['Random: A 1948; B 1949', 'Other: C 1960']).get('C 1960') // 'Other'
 */
function parseSubgroups(
  entries: readonly string[],
  trials: readonly string[],
): Map<string, string> {
  const map = new Map<string, string>();
  for (const entry of entries) {
    const colon = entry.indexOf(':');
    if (colon <= 0) throw new InputError('subgroups', entry, '"Subgroup name: trial; trial; …"');
    const name = entry.slice(0, colon).trim();
    for (const trial of entry
      .slice(colon + 1)
      .split(';')
      .map((t) => t.trim())
      .filter(Boolean)) {
      if (!trials.includes(trial))
        throw new InputError('subgroups', trial, `a trial of the analysis (${trials.join(', ')})`);
      if (map.has(trial)) throw new InputError('subgroups', trial, 'each trial in one subgroup');
      map.set(trial, name);
    }
  }
  const missing = trials.filter((t) => !map.has(t));
  if (missing.length > 0)
    throw new InputError('subgroups', missing.join(', '), 'every trial in a subgroup');
  return map;
}

/**
 * Two-arm binary meta-analysis for reports (RevMan's "Analysis 1.1"): per-trial RR, OR or
 * RD from events/total of each arm (`binaryEffectSizes`, metafor `escalc`), pooled by
 * inverse variance with a common effect (`FE`) or random effects with any τ² estimator
 * (`metaAnalysis`, metafor `rma`; Wald z or Hartung–Knapp), or by Mantel–Haenszel or Peto
 * (common effect; weights as metafor `weights.rma.mh`). Optional subgroups (each pooled the
 * same way, with the test for subgroup differences on the subgroup estimates, as RevMan).
 * `show` picks what the forest plot draws: the trials and the pooled estimate (`studies`,
 * default), the pooled estimate with each trial left out (`leave-one-out`, metafor
 * `leave1out`), the cumulative pooled estimate (`cumulative`, metafor `cumul`, in table
 * order or by year), or leave-one-out with the case-deletion diagnostics as the table
 * (`influence`, metafor `influence.rma.uni`). Every view carries the contour-enhanced
 * funnel data, with trim-and-fill studies (metafor `trimfill`), for a `funnel` chart.
 * Reference: Viechtbauer W (2010), J Stat Softw 36(3); Cochrane Handbook ch. 10.
 */
export const twoArmMeta: AnalysisDefinition = {
  name: 'two-arm-meta',
  description:
    'Meta-analysis of two-arm trials (RR, OR, RD from events; MD, SMD from means and SDs; IV common/random with any τ² estimator, Mantel–Haenszel, Peto; Hartung–Knapp), with subgroups, leave-one-out, cumulative and influence views and a contour-enhanced funnel with trim and fill.',
  kinds: ['arm-binary', 'arm-continuous'],
  produces: 'effects',
  options: {
    ...pairOptions,
    ...AXIS_OPTIONS,
    measure: {
      type: 'enum',
      values: ['RR', 'OR', 'RD', 'MD', 'SMD'],
      description:
        'Effect measure (default RR): RR, OR, RD from arm-binary tables; MD or SMD (Hedges’ g) from arm-continuous tables.',
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
      values: ['studies', 'leave-one-out', 'cumulative', 'influence'],
      description:
        'What the forest plot and table show (default studies): the trials; the pooled estimate with each left out; the cumulative pooled estimate; or leave-one-out with the influence diagnostics as the table.',
    },
    cumulativeOrder: {
      type: 'enum',
      values: ['table', 'year'],
      description:
        'Order in which trials are added for show: cumulative (default table; year: the last 4-digit year in the trial name).',
    },
    subgroups: {
      type: 'string-list',
      description:
        'Subgroups, each "Name: trial; trial; …" (every trial in one); the forest plot shows each subgroup with its subtotal and the test for subgroup differences.',
    },
    trimfill: {
      type: 'boolean',
      description:
        'Add trim-and-fill studies (metafor trimfill, L0) to the funnel data (default true).',
    },
    scale: continuousPairOptions.scale,
    sdFromP: continuousPairOptions.sdFromP,
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
    if (method === 'Peto' && measure !== 'OR')
      throw new InputError(
        'method',
        'Peto',
        'MH, FE or a τ² estimator for RR and RD (Peto pools odds ratios)',
      );
    const lv = formatLevel(level);
    const continuous = measure === 'MD' || measure === 'SMD';
    if (continuous && (method === 'MH' || method === 'Peto'))
      throw new InputError('method', method, 'FE or a τ² estimator for MD and SMD');
    const pairWarnings: string[] = [];
    let trials: Trial[];
    let effects: EffectSizes;
    const noSd: { study: string; reason: string }[] = [];
    if (continuous) {
      const got = pairContinuousArms(
        dataset,
        {
          ...options,
          arm: armNames(options)[0],
          ...(options.trial ? { trials: [options.trial] } : {}),
        },
        'two-arm-meta',
      );
      pairWarnings.push(...got.warnings);
      trials = got.pairs.map((p) => ({
        trial: p.trial,
        n1: p.arm.n,
        n2: p.comparator.n,
        cells: [...meanCells(p, p.arm), ...meanCells(p, p.comparator)],
      }));
      const withSd = got.pairs.filter((p) => p.arm.sd !== null && p.comparator.sd !== null);
      for (const p of got.pairs)
        if (!withSd.includes(p))
          noSd.push({ study: p.trial, reason: 'no SD printed or derivable' });
      const studies: ContinuousStudy[] = withSd.map((p) => ({
        study: p.trial,
        n1: p.arm.n,
        mean1: p.arm.mean!,
        sd1: p.arm.sd!,
        n2: p.comparator.n,
        mean2: p.comparator.mean!,
        sd2: p.comparator.sd!,
      }));
      const es = continuousEffectSizes(studies, measure);
      effects = { ...es, dropped: [...es.dropped, ...noSd] };
    } else {
      const got = pairArms(dataset, options, 'two-arm-meta');
      pairWarnings.push(...got.warnings);
      trials = got.pairs.map((p) => {
        const binary: BinaryStudy = {
          study: p.trial,
          events1: p.arm.events,
          n1: p.arm.n,
          events2: p.comparator.events,
          n2: p.comparator.n,
        };
        return {
          trial: p.trial,
          n1: p.arm.n,
          n2: p.comparator.n,
          events1: p.arm.events,
          events2: p.comparator.events,
          cells: [`${p.arm.events}/${p.arm.n}`, `${p.comparator.events}/${p.comparator.n}`],
          binary,
        };
      });
      effects = binaryEffectSizes(
        trials.map((t) => t.binary!),
        measure as 'RR' | 'OR' | 'RD',
      );
    }
    const isRatio = measure === 'RR' || measure === 'OR';
    const nat = (x: number): number => (isRatio ? Math.exp(x) : x);
    const special = method === 'MH' || method === 'Peto';
    const ivMethod: MetaMethod = special ? 'FE' : method;
    const ivOptions = { method: ivMethod, test: special ? 'z' : test, level } as const;
    const dropped = new Set(effects.dropped.map((d) => d.study));

    /** Pools a set of trials by the chosen method. */
    const pool = (members: Trial[], es: EffectSizes): Pooled => {
      const studies = members.flatMap((t) => (t.binary ? [t.binary] : []));
      // Prediction interval as metafor: normal quantiles with z inference, t(k − 1) with Hartung–Knapp.
      const fit = metaAnalysis(es, { ...ivOptions, pi: test === 'knha' ? 't' : 'z' });
      const estimable = studies.filter((s) => !dropped.has(s.study!));
      if (special) {
        const r =
          method === 'MH'
            ? mantelHaenszel(studies, measure as 'RR' | 'OR' | 'RD', { level })
            : peto(studies, { level });
        return {
          estimate: r.estimate,
          lower: r.ci.lower,
          upper: r.ci.upper,
          tau2: null,
          Q: r.Q,
          Qdf: r.Qdf,
          Qp: r.Qp,
          I2: r.I2,
          statistic: r.test.statistic ?? NaN,
          statName: 'z',
          p: r.test.p,
          se: r.se,
          weights: mantelHaenszelWeights(
            estimable,
            method === 'Peto' ? 'Peto' : (`MH-${measure}` as 'MH-RR' | 'MH-OR' | 'MH-RD'),
          ),
          fit,
          warnings: r.warnings,
        };
      }
      return {
        estimate: fit.estimate,
        lower: fit.ci.lower,
        upper: fit.ci.upper,
        tau2: ivMethod === 'FE' ? null : fit.tau2,
        Q: fit.Q,
        Qdf: fit.Qdf,
        Qp: fit.Qp,
        I2: fit.I2,
        statistic: fit.statistic,
        statName: fit.df === null ? 'z' : `t(${fit.df})`,
        p: fit.p,
        se: fit.se,
        weights: fit.studies.map((s) => s.weight),
        fit,
        warnings: [],
      };
    };
    const overall = pool(trials, effects);
    const heterogeneity = (r: Pooled): string => metaStatements(r)[0];
    const overallTest = (r: Pooled): string => metaStatements(r)[1];

    const model =
      method === 'MH'
        ? 'M-H, fixed'
        : method === 'Peto'
          ? 'Peto, fixed'
          : method === 'FE'
            ? 'IV, fixed'
            : `IV, random (${method}${test === 'knha' ? ', Hartung–Knapp' : ''})`;
    const armLabel = (options.armLabel as string | undefined) ?? armNames(options)[0];
    const compLabel = (options.comparatorLabel as string | undefined) ?? String(options.comparator);
    const columns = continuous
      ? [`${armLabel} mean (SD)`, 'N', `${compLabel} mean (SD)`, 'N']
      : [`${armLabel} n/N`, `${compLabel} n/N`];

    // Weights of every estimable trial in the overall pooled estimate, by trial.
    const estimableTrials = trials.filter((p) => !dropped.has(p.trial)).map((p) => p.trial);
    const weightOf = new Map(estimableTrials.map((t, i) => [t, overall.weights?.[i]]));
    const byStudy = new Map(overall.fit.studies.map((s) => [s.study, s]));
    const subgroupOf =
      options.subgroups !== undefined
        ? parseSubgroups(
            options.subgroups as string[],
            trials.map((p) => p.trial),
          )
        : undefined;
    const studyRows: ForestRow[] = trials.map((p) => {
      const s = byStudy.get(p.trial);
      const cells = p.cells;
      const group = subgroupOf ? { group: subgroupOf.get(p.trial)! } : {};
      if (!s || dropped.has(p.trial))
        return {
          label: p.trial,
          estimate: NaN,
          lower: NaN,
          upper: NaN,
          cells,
          estimable: false,
          ...group,
        };
      const weight = weightOf.get(p.trial);
      return {
        label: p.trial,
        estimate: nat(s.yi),
        lower: nat(s.ci.lower),
        upper: nat(s.ci.upper),
        cells,
        ...(weight !== undefined ? { weight } : {}),
        ...group,
      };
    });
    const sum = (list: readonly Trial[], f: (p: Trial) => number): number =>
      list.reduce((s, p) => s + f(p), 0);
    const totalsOf = (list: readonly Trial[]) =>
      continuous
        ? { cells: ['', String(sum(list, (p) => p.n1)), '', String(sum(list, (p) => p.n2))] }
        : {
            cells: [String(sum(list, (p) => p.n1)), String(sum(list, (p) => p.n2))],
            totals: {
              label: 'Total events',
              cells: [
                String(sum(list, (p) => p.events1 ?? 0)),
                String(sum(list, (p) => p.events2 ?? 0)),
              ],
            },
          };

    // Subgroups: each pooled the same way; the test for differences on their estimates (RevMan).
    const subgroups: ForestSubgroup[] = [];
    const subgroupStatements: string[] = [];
    const subgroupMethods: string[] = [];
    if (subgroupOf && show === 'studies') {
      const names = [...new Set(trials.map((p) => subgroupOf.get(p.trial)!))];
      const fits = names.map((name) => {
        const members = trials.filter((p) => subgroupOf.get(p.trial) === name);
        const es = {
          ...effects,
          studies: effects.studies.filter((s) => subgroupOf.get(s.study) === name),
        };
        return { name, members, r: es.studies.length > 0 ? pool(members, es) : null };
      });
      for (const { name, members, r } of fits) {
        if (!r) {
          subgroups.push({ name, statements: ['Not estimable'] });
          continue;
        }
        const weight = sum(
          members.filter((p) => weightOf.has(p.trial)),
          (p) => weightOf.get(p.trial) ?? 0,
        );
        subgroups.push({
          name,
          pooled: {
            label: `Subtotal (${lv} CI)`,
            estimate: nat(r.estimate),
            lower: nat(r.lower),
            upper: nat(r.upper),
            ...(overall.weights ? { weight } : {}),
            ...totalsOf(members),
          },
          statements: [heterogeneity(r), overallTest(r)],
        });
      }
      const estimated = fits.filter((f) => f.r !== null);
      if (estimated.length >= 2) {
        // IV: separate τ² per subgroup (stats subgroupAnalysis); MH/Peto: the same Q on their estimates.
        const between = special
          ? metaAnalysis(
              {
                measure: effects.measure,
                studies: estimated.map((f) => ({
                  study: f.name,
                  yi: f.r!.estimate,
                  vi: f.r!.se ** 2,
                })),
                dropped: [],
                warnings: [],
              },
              { method: 'FE', level },
            )
          : subgroupAnalysis(effects, (s) => subgroupOf.get(s.study)!, ivOptions).between;
        subgroupStatements.push(
          `Test for subgroup differences: Q = ${formatFixed(between.Q, 2)}, df = ${between.Qdf} (${pText(between.Qp)}); I² = ${formatFixed(between.I2, 0)}%`,
        );
        subgroupMethods.push(
          'Subgroups pooled separately (each its own τ²); test for subgroup differences: Cochran’s Q on the subgroup estimates (Cochrane Handbook 10.11.3.1; RevMan, meta subgroup).',
        );
      }
    }

    const sensitivityRows = (rows: SensitivityRow[], prefix: string): ForestRow[] =>
      rows.map((r) => ({
        label: `${prefix}${r.study}`,
        estimate: nat(r.estimate),
        lower: nat(r.ci.lower),
        upper: nat(r.ci.upper),
      }));
    const sensitivityOptions = { ...ivOptions, tau2Interval: false };
    const byYear = options.cumulativeOrder === 'year';
    const rows =
      show === 'leave-one-out' || show === 'influence'
        ? sensitivityRows(leaveOneOut(effects, sensitivityOptions), 'Omitting ')
        : show === 'cumulative'
          ? sensitivityRows(
              cumulativeMetaAnalysis(
                effects,
                byYear ? (s, i) => rowYear({ label: s.study }) ?? 10000 + i : undefined,
                sensitivityOptions,
              ),
              '+ ',
            )
          : studyRows;

    const statements = [heterogeneity(overall), overallTest(overall), ...subgroupStatements];
    const decimals = columnDecimals(
      [
        nat(overall.estimate),
        nat(overall.lower),
        nat(overall.upper),
        ...studyRows
          .filter((r) => r.estimable !== false)
          .flatMap((r) => [r.estimate, r.lower, r.upper]),
      ],
      { ratio: isRatio },
    );
    const pooledCi = formatEstimateCi(
      nat(overall.estimate),
      nat(overall.lower),
      nat(overall.upper),
      decimals,
    );
    const k = effects.studies.length;
    const pooledLabel = show === 'studies' ? `Total (${lv} CI)` : `All ${k} trials (${lv} CI)`;
    const pi = overall.fit.transformed.pi;
    const name = MEASURE_NAME[measure];
    const pooled: ForestPooled = {
      label: pooledLabel,
      estimate: nat(overall.estimate),
      lower: nat(overall.lower),
      upper: nat(overall.upper),
      ...(show === 'studies' ? totalsOf(trials) : {}),
      ...(pi && ivMethod !== 'FE' && show === 'studies'
        ? {
            predictionLower: pi.lower,
            predictionUpper: pi.upper,
            predictionLevel: level,
          }
        : {}),
    };

    // Funnel (model scale), with trim-and-fill studies when asked and possible (k ≥ 3).
    const funnelNotes: string[] = [];
    let filled: EffectSizes['studies'] = [];
    let fillText = '';
    if (show === 'studies' && options.trimfill !== false && k >= 3) {
      const tf = trimAndFill(effects, { ...ivOptions, tau2Interval: false });
      filled = tf.filled;
      fillText = `trim and fill (L0): ${tf.k0} ${tf.k0 === 1 ? 'study' : 'studies'} estimated missing on the ${tf.side}`;
      funnelNotes.push(...tf.warnings.map((w) => `Funnel plot, ${w}.`));
    }
    const funnel =
      show !== 'studies'
        ? undefined
        : {
            data: contourFunnelData(effects, { centre: overall.estimate, filled }),
            axisTitle: isRatio ? `Log ${name.toLowerCase()}` : name,
            ...(fillText
              ? { note: `${fillText.charAt(0).toUpperCase()}${fillText.slice(1)} (open circles)` }
              : {}),
          };

    const cellsOf = (cells: readonly string[]): Record<string, string> =>
      Object.fromEntries(CELL_KEYS[continuous ? 'MD' : 'RR'].map((k, c) => [k, cells[c] ?? '']));
    const influence = show === 'influence' ? influenceDiagnostics(effects, sensitivityOptions) : [];
    const fixed3 = (x: number): string => formatFixed(x, 3);
    const table =
      show === 'influence'
        ? {
            columns: [
              { key: 'study', label: 'Trial' },
              { key: 'rstudent', label: 'Studentised residual', numeric: true },
              { key: 'dffits', label: 'DFFITS', numeric: true },
              { key: 'cook', label: 'Cook’s distance', numeric: true },
              { key: 'hat', label: 'Leverage', numeric: true },
              { key: 'weight', label: 'Weight', numeric: true },
              { key: 'omitted', label: `${name} omitting the trial (${lv} CI)`, numeric: true },
              { key: 'influential', label: 'Influential' },
            ],
            rows: influence.map((r, i) => ({
              study: r.study,
              rstudent: fixed3(r.rstudent),
              dffits: fixed3(r.dffits),
              cook: fixed3(r.cooksDistance),
              hat: fixed3(r.hat),
              weight: formatPercent(r.weight),
              omitted: formatEstimateCi(rows[i].estimate, rows[i].lower, rows[i].upper, decimals),
              influential: r.influential ? 'yes' : 'no',
            })),
          }
        : show === 'leave-one-out' || show === 'cumulative'
          ? {
              columns: [
                { key: 'study', label: show === 'cumulative' ? 'Trial added' : 'Trial left out' },
                { key: 'effect', label: `${name} (${lv} CI)`, numeric: true },
              ],
              rows: rows.map((r) => ({
                study: r.label.replace(/^(Omitting |\+ )/, ''),
                effect: formatEstimateCi(r.estimate, r.lower, r.upper, decimals),
              })),
            }
          : {
              columns: [
                { key: 'study', label: 'Trial' },
                ...(subgroupOf ? [{ key: 'subgroup', label: 'Subgroup' }] : []),
                ...columns.map((label, c) => ({
                  key: CELL_KEYS[continuous ? 'MD' : 'RR'][c],
                  label,
                  numeric: true,
                })),
                { key: 'effect', label: `${name} (${lv} CI)`, numeric: true },
                ...(overall.weights ? [{ key: 'weight', label: 'Weight', numeric: true }] : []),
              ],
              rows: [
                ...studyRows.map((r) => ({
                  study: r.label,
                  ...(subgroupOf ? { subgroup: r.group ?? '' } : {}),
                  ...cellsOf(r.cells ?? []),
                  effect:
                    r.estimable === false
                      ? 'Not estimable'
                      : formatEstimateCi(r.estimate, r.lower, r.upper, decimals),
                  ...(overall.weights
                    ? { weight: r.weight !== undefined ? formatPercent(r.weight) : '' }
                    : {}),
                })),
                {
                  study: `Total (${model})`,
                  ...(subgroupOf ? { subgroup: '' } : {}),
                  ...cellsOf(
                    continuous
                      ? ['', String(sum(trials, (p) => p.n1)), '', String(sum(trials, (p) => p.n2))]
                      : [
                          `${sum(trials, (p) => p.events1 ?? 0)}/${sum(trials, (p) => p.n1)}`,
                          `${sum(trials, (p) => p.events2 ?? 0)}/${sum(trials, (p) => p.n2)}`,
                        ],
                  ),
                  effect: pooledCi,
                  ...(overall.weights ? { weight: '100.0%' } : {}),
                },
              ],
            };

    return {
      view: {
        kind: 'effects',
        rows,
        pooled,
        scale: isRatio ? 'log' : 'linear',
        axisTitle: (options.axisTitle as string | undefined) ?? name,
        ...favoursFrom(options),
        forest: {
          ...(show === 'studies' ? { columns } : {}),
          ...(subgroups.length > 0 ? { subgroups } : {}),
          studyHeader:
            show === 'studies'
              ? 'Study'
              : show === 'cumulative'
                ? `Cumulative, ${byYear ? 'by year' : 'in table order'}`
                : 'Leave one out',
          effectHeader: `${name} ${model}, ${lv} CI`,
          statements:
            show === 'studies'
              ? statements
              : [
                  `Pooled with all trials: ${pooledCi}; ${statements[0].charAt(0).toLowerCase()}${statements[0].slice(1)}`,
                ],
        },
        ...(funnel ? { funnel } : {}),
      },
      table,
      methods: [
        `Two-arm meta-analysis: ${name.toLowerCase()} per trial (metafor escalc; ${continuous ? (measure === 'SMD' ? 'Hedges’ g with the exact small-sample correction, large-sample variance' : 'difference of the arm means, variance SD₁²/n₁ + SD₂²/n₂') + '; SDs derived from SE, CI or p where not printed (see Derived values)' : '0.5 added to every cell of tables with a zero cell, trials without events in either arm not estimable'}), pooled by ${method === 'MH' ? 'Mantel–Haenszel (common effect)' : method === 'Peto' ? 'the Peto method (common effect)' : method === 'FE' ? 'inverse variance (common effect)' : `inverse variance with random effects, τ² by ${method} (${TAU2_ESTIMATORS.get(method).label}; ${TAU2_ESTIMATORS.get(method).reference})`}${test === 'knha' && !special ? ', Hartung–Knapp t inference' : ''}; heterogeneity by Cochran's Q and I²${ivMethod !== 'FE' ? `; ${lv} prediction interval from ${test === 'knha' ? 't(k − 1)' : 'the normal distribution'}` : ''} (as metafor rma / rma.mh / rma.peto).`,
        ...subgroupMethods,
        ...(show === 'influence'
          ? [
              'Influence: case-deletion diagnostics (studentised residual, DFFITS, Cook’s distance, leverage; metafor influence.rma.uni, Viechtbauer & Cheung 2010).',
            ]
          : []),
      ],
      notes: [
        ...effects.dropped.map((d) => `${d.study} not estimable: ${d.reason}`),
        ...funnelNotes,
      ],
      warnings: [
        ...pairWarnings,
        ...overall.fit.warnings.map((w) => `two-arm-meta: ${w}`),
        ...overall.warnings.map((w) => `two-arm-meta: ${w}`),
      ],
    };
  },
};

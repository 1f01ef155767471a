import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  defineSchema,
  loadInput,
  parseTable,
  printedDecimals,
  readTableFile,
} from '../../data/index.js';
import { formatJson } from '../../format/json.js';
import { formatFixed, formatLevel, formatNumber, formatP } from '../../format/number.js';
import { renderTable } from '../../format/table.js';
import type { HrField, HrReported } from '../../stats/survival/hr-derivation.js';
import type { HazardRatioResult } from '../../stats/survival/derive-hazard-ratio.js';
import {
  poolHazardRatios,
  type HrStudy,
  type PooledHazardRatios,
} from '../../stats/survival/pool-hazard-ratios.js';
import type { MetaMethod } from '../../stats/meta/meta-analysis.js';
import { InputError } from '../../errors.js';
import type { CliContext } from '../context.js';
import { formatEstimateLine } from '../explain.js';
import { writeWarnings } from '../messages.js';
import { hrStudiesFrom } from '../survival-input.js';
import { explainDerivation as explainHrDerivation } from './survival.js';

/** Column of a study-level HR table → HrReported field (what `meta --measure HR` reads). */
const STUDY_COLUMNS: readonly [string, HrField][] = [
  ['log_hr', 'logHr'],
  ['se', 'seLogHr'],
  ['hr', 'hr'],
  ['ci_lower', 'ciLower'],
  ['ci_upper', 'ciUpper'],
  ['ci_level', 'ciLevel'],
  ['p', 'p'],
  ['o_minus_e', 'oMinusE'],
  ['v', 'v'],
  ['logrank_p', 'logrankP'],
  ['events', 'events'],
  ['events1', 'events1'],
  ['events2', 'events2'],
  ['n1', 'n1'],
  ['n2', 'n2'],
  ['median1', 'median1'],
  ['median2', 'median2'],
];

const number = { type: 'number' } as const;
const count = { type: 'integer', min: 1 } as const;
/** One row per study: log HR and SE, or HR with CI (or p), or any other figures Tierney 2007 uses. */
const HR_STUDIES = defineSchema({
  name: 'meta-hr',
  columns: {
    study: { type: 'text', required: true },
    log_hr: number,
    se: { type: 'number', min: 0, minExclusive: true },
    hr: { type: 'number', min: 0, minExclusive: true },
    ci_lower: { type: 'number', min: 0, minExclusive: true },
    ci_upper: { type: 'number', min: 0, minExclusive: true },
    ci_level: { type: 'number', min: 0, max: 1 },
    p: { type: 'number', min: 0, max: 1 },
    o_minus_e: number,
    v: { type: 'number', min: 0, minExclusive: true },
    logrank_p: { type: 'number', min: 0, max: 1 },
    events: count,
    events1: count,
    events2: count,
    n1: count,
    n2: count,
    median1: { type: 'number', min: 0, minExclusive: true },
    median2: { type: 'number', min: 0, minExclusive: true },
    favours: { type: 'enum', values: ['arm1', 'arm2'] },
  },
  extraColumns: 'keep',
});

/**
 * Studies for pooling HRs: a study-level CSV/JSON (one row per study, columns as STUDY_COLUMNS;
 * `-` reads stdin), else a dataset or reported-comparison file with HR rows (hrStudiesFrom).
 */
export async function readHrStudies(
  input: string,
  context: CliContext,
  options: { outcome?: string } = {},
): Promise<{ outcome: string; studies: HrStudy[]; notes: string[] }> {
  const path = resolve(context.io.cwd, input);
  const isFile = input === '-' || statSync(path, { throwIfNoEntry: false })?.isFile();
  if (isFile) {
    const text = input === '-' ? await context.io.readStdin() : undefined;
    const header = (text ?? '').split(/\r?\n/, 1)[0];
    const studyLevel =
      text !== undefined
        ? /(^|,)\s*study\s*(,|$)/.test(header) || text.trimStart().startsWith('[')
        : fileHasStudyColumn(path);
    if (studyLevel) {
      const table =
        text !== undefined
          ? parseTable(text, HR_STUDIES, {
              file: '<stdin>',
              format: text.trimStart().startsWith('[') ? 'json' : 'csv',
            })
          : await readTableFile(path, HR_STUDIES, { file: input });
      const studies = table.rows.map((row) => {
        const reported: HrReported = {};
        const decimals: Partial<Record<HrField, number>> = {};
        const values = row as unknown as Record<string, number | undefined>;
        for (const [column, field] of STUDY_COLUMNS) {
          const value = values[column];
          if (value === undefined) continue;
          reported[field] = value;
          const printed = row.$printed[column];
          if (printed !== undefined) decimals[field] = printedDecimals(printed);
        }
        if (row.favours !== undefined) reported.favours = row.favours;
        return { study: row.study, reported, decimals };
      });
      return { outcome: 'hazard ratio', studies, notes: [] };
    }
  }
  const loaded = await loadInput(input, {
    cwd: context.io.cwd,
    readStdin: context.io.readStdin,
    ...(isFile ? { kind: 'reported-comparison' as const } : {}),
  });
  return hrStudiesFrom(loaded, options);
}

function fileHasStudyColumn(path: string): boolean {
  const head = readFileSync(path, 'utf8').slice(0, 4096);
  if (head.trimStart().startsWith('[')) return /"study"\s*:/.test(head);
  return /(^|,)\s*"?study"?\s*(,|$)/.test(head.split(/\r?\n/, 1)[0]);
}

/**
 * `trialstat meta <input> --measure HR`: each study's log HR and SE from its preferred
 * derivation, pooled by generic inverse variance (the τ² estimator, --hk, --level of meta).
 * Options that only make sense for the other measures are refused.
 */
export async function runHazardRatioMeta(
  input: string,
  options: {
    method?: MetaMethod;
    hk?: boolean;
    level: number;
    json?: boolean;
    outcome?: string;
  },
  context: CliContext,
): Promise<void> {
  const given = options as Record<string, unknown>;
  const unsupported = Object.entries(HR_UNSUPPORTED).find(([key]) => {
    const value = given[key];
    return value !== undefined && value !== false && !(Array.isArray(value) && value.length === 0);
  });
  if (unsupported)
    throw new InputError(
      unsupported[1],
      given[unsupported[0]],
      'not with --measure HR (its diagnostics and models are for the other measures)',
    );
  const studies = await readHrStudies(input, context, {
    ...(options.outcome ? { outcome: options.outcome } : {}),
  });
  poolAndWriteHazardRatios(context, studies, options);
}

/** Pools the studies (poolHazardRatios) and writes the result: `meta --measure HR`, `survival meta`. */
export function poolAndWriteHazardRatios(
  context: CliContext,
  input: { outcome: string; studies: HrStudy[]; notes: string[] },
  options: { method?: MetaMethod; hk?: boolean; level: number; json?: boolean; explain?: boolean },
): void {
  const r = poolHazardRatios(input.studies, {
    ...(options.method ? { method: options.method } : {}),
    test: options.hk ? 'knha' : 'z',
    level: options.level,
  });
  writePooledHazardRatios(context, r, {
    outcome: input.outcome,
    notes: input.notes,
    hk: options.hk,
    json: options.json,
    explain: options.explain,
    explainDerivation: explainHrDerivation,
  });
}

/** meta options that the HR pooling does not take, with their flags. */
const HR_UNSUPPORTED: Record<string, string> = {
  mh: '--mh',
  peto: '--peto',
  preset: '--preset',
  comparePresets: '--compare-presets',
  subgroup: '--subgroup',
  comparator: '--comparator',
  leaveOneOut: '--leave-one-out',
  cumulative: '--cumulative',
  influence: '--influence',
  egger: '--egger',
  funnel: '--funnel',
  bias: '--bias',
  ranktest: '--ranktest',
  trimfill: '--trimfill',
  fsn: '--fsn',
  harbord: '--harbord',
  peters: '--peters',
  mods: '--mods',
  hkNeverNarrower: '--hk-never-narrower',
  pi: '--pi',
};

/** The pooled HRs as text (forest table naming each study's derivation) or JSON. */
export function writePooledHazardRatios(
  context: CliContext,
  r: PooledHazardRatios,
  options: {
    outcome: string;
    notes: readonly string[];
    hk?: boolean;
    json?: boolean;
    explain?: boolean;
    explainDerivation: (d: HazardRatioResult['derivations'][number]) => string;
  },
): void {
  const { io } = context;
  if (options.json) {
    io.stdout(
      formatJson({
        outcome: options.outcome,
        studies: r.studies.map((s, i) => ({
          study: s.study,
          derivation: s.derived.primary,
          hr: s.derived.estimate,
          logHr: s.derived.logHr,
          se: s.derived.se,
          ci: s.derived.ci,
          weight: r.meta.studies[i].weight,
          consistent: s.derived.consistent,
        })),
        pooled: {
          hr: r.meta.transformed.estimate,
          ci: r.meta.transformed.ci,
          pi: r.meta.transformed.pi,
          logHr: r.meta.estimate,
          se: r.meta.se,
          p: r.meta.p,
          tau2: r.meta.tau2,
          I2: r.meta.I2,
          Q: r.meta.Q,
          Qp: r.meta.Qp,
          method: r.meta.method,
          test: r.meta.test,
        },
        notes: options.notes,
        warnings: r.warnings,
      }),
    );
    return;
  }
  const lines = [
    `${options.outcome}: ${r.meta.k} studies, HR pooled by generic inverse variance (${r.meta.method}${options.hk ? ', Hartung–Knapp' : ''})`,
    '',
    renderTable(
      r.studies.map((s, i) => ({ s, w: r.meta.studies[i].weight })),
      [
        { header: 'study', text: (x) => x.s.study },
        { header: 'derived from', text: (x) => x.s.derived.derivations[0].label },
        { header: 'HR', text: (x) => formatFixed(x.s.derived.estimate, 2), align: 'right' },
        {
          header: `${formatLevel(0.95)} CI`,
          text: (x) =>
            `${formatFixed(x.s.derived.ci.lower, 2)} to ${formatFixed(x.s.derived.ci.upper, 2)}`,
          align: 'right',
        },
        { header: 'weight', text: (x) => `${formatFixed(x.w, 1)}%`, align: 'right' },
      ],
      'table',
    ).trimEnd(),
    '',
    `${formatEstimateLine('Pooled HR', r.meta.transformed.estimate, { ...r.meta.transformed.ci, level: r.meta.ci.level }, r.meta.p)}`,
    `Heterogeneity: τ² = ${formatNumber(r.meta.tau2)}, I² = ${formatFixed(r.meta.I2, 1)}%, Q = ${formatNumber(r.meta.Q)} on ${r.meta.Qdf} df, ${formatP(r.meta.Qp)}`,
    ...options.notes.map((n) => `note: ${n}`),
  ];
  if (options.explain)
    lines.push(
      '',
      ...r.studies.map(
        (s) => `${s.study}:\n${options.explainDerivation(s.derived.derivations[0])}`,
      ),
    );
  io.stdout(`${lines.join('\n')}\n`);
  writeWarnings(io, r.warnings);
}

import { formatNumber } from '../../format/number.js';
import { checkDataset, summarize, type CheckItem } from '../../analysis/check-dataset.js';
import type { PercentAuditRow } from '../charts/percent-audit.js';
import type { ReportDataset } from '../dataset.js';
import type { AnalysisDefinition } from './analysis.js';

const STATUS_TEXT = {
  reproduced: 'reproduced',
  discrepant: 'DISCREPANT',
  'not-checkable': 'not checkable',
} as const;

/**
 * Audits every printed figure of the datasets with `checkDataset` (the engine of
 * `trialstat check`): percentages against their denominators, reported comparisons
 * against the arm data (with method fingerprinting), p-values against CIs. Unlike the
 * other analyses it checks alternative readings too: an audit looks at every figure.
 */
export const consistencyAudit: AnalysisDefinition = {
  name: 'consistency-audit',
  description:
    'Every printed figure checked against what the data imply (trialstat check): percent ↔ count, p ↔ CI, comparisons ↔ arm data.',
  kinds: [
    'reported-percentage',
    'arm-binary',
    'single-arm-proportion',
    'reported-comparison',
    'arm-time-to-event',
    'trial-registry',
    'reported-count',
  ],
  produces: 'percent-audit',
  options: {
    quantities: {
      type: 'string-list',
      description:
        'Quantities to show: percent, estimate, ci_lower, ci_upper, p, "p vs CI" (default all).',
    },
    statuses: {
      type: 'string-list',
      description: 'Verdicts to show: reproduced, discrepant, not-checkable (default all).',
    },
  },
  run(dataset, options) {
    const quantities = options.quantities as string[] | undefined;
    const statuses = options.statuses as string[] | undefined;
    const items = perDataset(dataset)
      .flatMap((d) => checkDataset({ ...d, meta: { sources: d.sources } }))
      .filter(
        (i) =>
          (!quantities || quantities.includes(i.quantity)) &&
          (!statuses || statuses.includes(i.status)),
      );
    const warnings =
      items.length === 0
        ? [`consistency-audit: no figure in ${dataset.name} matches the filters`]
        : [];
    const rows = items.filter((i) => i.percent).map(auditRow);
    const summary = summarize(items);
    const derived = [
      `${summary.reproduced} figures reproduced independently, ${summary.derived} consistent by construction (derived), ${summary.discrepant} discrepant (${summary.discrepantFigures} distinct figure${summary.discrepantFigures === 1 ? '' : 's'}), ${summary.notCheckable} not checkable.`,
      ...items.filter((i) => i.derived).map((i) => `${i.trial}, ${i.outcome}: ${i.reason}`),
    ];
    return {
      view: { kind: 'percent-audit', rows },
      table: {
        columns: [
          { key: 'figure', label: 'Figure' },
          { key: 'what', label: 'What' },
          { key: 'quantity', label: 'Quantity' },
          { key: 'reported', label: 'Reported', numeric: true },
          { key: 'recomputed', label: 'Recomputed', numeric: true },
          { key: 'verdict', label: 'Verdict' },
          { key: 'reason', label: 'Why' },
        ],
        rows: items.map((i) => ({
          figure: `${i.dataset}: ${i.trial}`,
          what: i.outcome,
          quantity: i.quantity,
          reported: i.reported ?? '',
          recomputed: i.recomputed === null ? '' : formatNumber(i.recomputed, { digits: 4 }),
          // A figure an input was derived from is consistent by construction, not reproduced.
          verdict:
            i.status === 'reproduced' && !i.independent
              ? 'derived (consistent by construction)'
              : `${STATUS_TEXT[i.status]}${i.expected ? ' (known)' : ''}`,
          reason: i.reason,
        })),
      },
      methods: [
        'Printed percentages are compared with k/n for every whole count k of the denominator n: a percentage printed with d decimals stands for every value within ±0.5·10^−d of it, rounding half either way (the granularity argument of Brown & Heathers 2017, GRIM), computed in integers.',
        'Reported comparisons are recomputed from the arm data with the default methods (Welch t; Newcombe, Katz or Woolf intervals; Fisher exact test); when these do not reproduce the printed figures, every combination of interval method, level, test and sidedness is tried and the one that reproduces all of them is named (method fingerprinting). Model-based results (adjusted, least-squares means) are shown but not judged.',
        'p-values are checked against their estimate and CI by recovering the SE from the CI width (Altman & Bland 2011), propagating the rounding of every printed number; when the CI level is not stated, 90, 95 and 99 % are tried.',
        'Where no SD is printed, the pooled SD that a reported p implies under a two-sample t-test is derived (Cochrane Handbook 6.5.2.3).',
        'A figure checked against an input that was itself derived from it (a count filled in from its printed percentage, an arm chosen because its size fits) is reported as derived, consistent by construction, and is not counted as a reproduction; a figure printed in several tables is counted once among the discrepancies.',
      ],
      notes: derived,
      warnings,
    };
  },
};

/** Splits combined datasets back by folder, so every item names its own dataset. */
function perDataset(dataset: ReportDataset): ReportDataset[] {
  const groups = new Map<string, ReportDataset['tables'][number][]>();
  for (const table of dataset.tables) {
    const parts = table.path.split('/');
    const name = parts.length >= 2 ? parts[parts.length - 2] : dataset.name;
    groups.set(name, [...(groups.get(name) ?? []), table]);
  }
  return [...groups].map(([name, tables]) => ({ ...dataset, name, tables }));
}

function auditRow(item: CheckItem): PercentAuditRow {
  const { printed, decimals, n, counts } = item.percent!;
  const value = Number(printed);
  const below = Math.max(0, Math.min(n, Math.floor((value * n) / 100)));
  const candidates = [...new Set([below, below + 1, ...counts])]
    .filter((k) => k >= 0 && k <= n)
    .sort((a, b) => a - b);
  // Reported percentages have a short id (no spaces); arm rows are named by trial and outcome.
  const name = /\s/.test(item.trial) ? `${item.trial}: ${item.outcome}` : item.trial;
  return {
    label: `${printed}% of ${n} — ${name.length > 44 ? `${name.slice(0, 43)}…` : name}`,
    half: 0.5 * 10 ** -decimals,
    nearest: candidates.map((k) => ({ count: k, n, difference: (100 * k) / n - value })),
    consistent: item.status === 'reproduced',
    verdict:
      counts.length === 0
        ? 'impossible'
        : item.status === 'reproduced'
          ? counts.map((k) => `${k}/${n}`).join(' or ')
          : `not ${item.reported}`,
  };
}

import { formatNumber } from '../../format/number.js';
import { boinBoundaries, boinDecisionTable } from '../../stats/design/boin.js';
import { crmOc, crmSkeleton } from '../../stats/design/crm.js';
import { type DoseDecisionTable, tableRule } from '../../stats/design/dose-decision-table.js';
import { i3plus3Table } from '../../stats/design/i3plus3.js';
import { intervalDesignOc } from '../../stats/design/interval-design-oc.js';
import { mtpi2Table } from '../../stats/design/mtpi2.js';
import { threePlusThree, type ThreePlusThreeVariant } from '../../stats/design/three-plus-three.js';
import type { DoseSelectionDesign } from '../charts/dose-selection.js';
import type { AnalysisDefinition } from './analysis.js';

const DESIGNS = ['boin', 'mtpi2', 'i3+3', 'crm'] as const;
type Compared = (typeof DESIGNS)[number];
const LABEL: Record<Compared, string> = {
  boin: 'BOIN',
  mtpi2: 'mTPI-2',
  'i3+3': 'i3+3',
  crm: 'CRM',
};

/**
 * The sample sizes a 3+3 escalation over J doses can end with: 3 (two DLTs in the first
 * cohort) to 6J, in steps of 3; `groups` independent escalations add up. Used to check a
 * planned total against the design.
 */
export function threePlusThreeTotals(doses: number, groups: number): { min: number; max: number } {
  return { min: 3 * groups, max: 6 * doses * groups };
}

/**
 * Exact operating characteristics of a 3+3 dose escalation (`threePlusThree`) under several
 * DLT scenarios — probability each dose, or none, is declared the MTD, expected patients and
 * DLTs — optionally beside model-assisted and model-based designs on the same scenarios
 * (`compare`: BOIN, mTPI-2, i3+3 by exact enumeration; CRM by seeded simulation) with the same
 * maximum number of patients as the 3+3 can use (6 per dose). Reads nothing from the dataset,
 * which gives the design's provenance.
 */
export const threePlusThreeAnalysis: AnalysisDefinition = {
  name: 'three-plus-three',
  description:
    'Exact operating characteristics of the 3+3 design under DLT scenarios, beside BOIN, mTPI-2, i3+3 or CRM.',
  kinds: [],
  produces: 'dose-selection',
  options: {
    doses: {
      type: 'string-list',
      required: true,
      description: 'Dose labels, lowest first (e.g. 5 million cells).',
    },
    scenarios: {
      type: 'string-list',
      required: true,
      description:
        'DLT probabilities per dose, one scenario per entry, comma-separated (e.g. "0.05, 0.10, 0.20").',
    },
    labels: {
      type: 'string-list',
      description: 'A name per scenario (default Scenario 1, 2, ...).',
    },
    variant: {
      type: 'enum',
      values: ['classic', 'deescalate'],
      description: 'classic (default) or deescalate (6 patients at the declared MTD).',
    },
    compare: {
      type: 'string-list',
      description: 'Designs beside 3+3 on the same scenarios: boin, mtpi2, i3+3, crm.',
    },
    target: {
      type: 'number',
      min: 0,
      max: 1,
      exclusiveMin: true,
      exclusiveMax: true,
      description: 'Target DLT rate of the compared designs (default 0.25).',
    },
    seed: { type: 'number', description: 'Seed of the CRM simulation (default 1).' },
    reps: {
      type: 'number',
      min: 100,
      description: 'Simulated CRM trials per scenario (default 2000).',
    },
    groups: {
      type: 'number',
      min: 1,
      description: 'Independent escalations planned (e.g. 2 groups), for the planned-total check.',
    },
    planned: {
      type: 'number',
      min: 1,
      description: 'Planned total participants, checked against 3+3.',
    },
  },
  run(_dataset, options) {
    const doses = options.doses as string[];
    const variant = ((options.variant as string | undefined) ?? 'classic') as ThreePlusThreeVariant;
    const scenarios = (options.scenarios as string[]).map((text, i) => {
      const dlt = text.split(',').map((part) => Number(part.trim()));
      if (dlt.length !== doses.length || dlt.some((q) => !(q >= 0 && q <= 1))) {
        throw new Error(
          `scenarios[${i}]: expected ${doses.length} probabilities in [0, 1] separated by commas, found "${text}"`,
        );
      }
      return dlt;
    });
    const labels =
      (options.labels as string[] | undefined) ?? scenarios.map((_, i) => `Scenario ${i + 1}`);
    if (labels.length !== scenarios.length)
      throw new Error(`labels: expected ${scenarios.length} labels, found ${labels.length}`);
    const compare = ((options.compare as string[] | undefined) ?? []).map((d) => {
      if (!(DESIGNS as readonly string[]).includes(d))
        throw new Error(`compare: expected some of ${DESIGNS.join(', ')}, found "${d}"`);
      return d as Compared;
    });
    const target = (options.target as number | undefined) ?? 0.25;
    const seed = (options.seed as number | undefined) ?? 1;
    const reps = (options.reps as number | undefined) ?? 2000;
    // The same maximum as the 3+3: 6 patients per dose, in cohorts of 3.
    const cohorts = 2 * doses.length;
    const tables = new Map<Compared, DoseDecisionTable>();
    const maxN = 3 * cohorts;
    for (const d of compare) {
      if (d === 'boin') tables.set(d, boinDecisionTable(boinBoundaries(target, { maxN })));
      if (d === 'mtpi2') tables.set(d, mtpi2Table(target, { maxN }));
      if (d === 'i3+3') tables.set(d, i3plus3Table(target, { maxN }));
    }
    const skeleton =
      doses.length >= 2
        ? crmSkeleton(0.05, target, Math.ceil(doses.length / 2), doses.length)
        : undefined;
    const rows: Record<string, string>[] = [];
    const pct = (p: number) => `${formatNumber(100 * p, { digits: 3 })}%`;
    const expectedTotals: number[] = [];
    const viewScenarios = scenarios.map((dlt, i) => {
      const base = threePlusThree(dlt, { variant });
      expectedTotals.push(base.expectedN);
      const designs: (DoseSelectionDesign & {
        expectedN: number;
        overdose: number;
        how: string;
      })[] = [
        {
          design: '3+3',
          pSelect: base.pSelect,
          pNone: base.pNone,
          expectedN: base.expectedN,
          overdose: base.pSelect.reduce((s, p, j) => s + (dlt[j] > target ? p : 0), 0),
          how: 'exact',
        },
      ];
      for (const d of compare) {
        const table = tables.get(d);
        const oc = table
          ? intervalDesignOc(tableRule(table), dlt, target, { cohortSize: 3, cohorts })
          : crmOc(dlt, skeleton!, target, {
              cohortSize: 3,
              cohorts,
              reps,
              seed,
              stopCutoff: 0.95,
            });
        designs.push({
          design: LABEL[d],
          pSelect: oc.pSelect,
          pNone: oc.pNone,
          expectedN: oc.expectedN,
          overdose: oc.pSelectOverdose,
          how: oc.method === 'simulation' ? `simulated, ${reps} trials, seed ${seed}` : 'exact',
        });
      }
      for (const d of designs)
        rows.push({
          scenario: labels[i],
          dlt: dlt.map((q) => q.toFixed(2)).join(' / '),
          design: d.design,
          ...Object.fromEntries(d.pSelect.map((p, j) => [`d${j}`, pct(p)])),
          none: pct(d.pNone),
          over: pct(d.overdose),
          en: formatNumber(d.expectedN, { digits: 3 }),
        });
      return { label: labels[i], dlt, designs };
    });
    const methods = [
      `3+3 dose escalation (${variant === 'classic' ? 'classic rules' : 'with de-escalation until 6 patients at the declared MTD'}): cohorts of 3; 0/3 DLT escalate; 1/3 add 3 and escalate if ≤ 1/6; ≥ 2 DLTs stop and declare the dose below; operating characteristics by exact enumeration of every cohort outcome (Storer 1989).`,
    ];
    if (compare.length > 0)
      methods.push(
        `Compared designs target a DLT rate of ${target} with at most ${maxN} patients (${cohorts} cohorts of 3, the 3+3's maximum): ${compare
          .map((d) =>
            d === 'boin'
              ? 'BOIN (Liu & Yuan 2015; λe, λd from φ1 = 0.6φ, φ2 = 1.4φ)'
              : d === 'mtpi2'
                ? 'mTPI-2 (Guo et al. 2017; EI target ± 0.05)'
                : d === 'i3+3'
                  ? 'i3+3 (Liu, Wang & Ji 2020; EI target ± 0.05)'
                  : `CRM (O'Quigley et al. 1990; empiric model, skeleton ${skeleton?.map((s) => s.toFixed(3)).join(', ')} from indifference intervals ±0.05, β ~ N(0, 1.34); no skipping, no escalation after a DLT, stop when P(p₁ > target) > 0.95 as the interval designs exclude a dose; ${reps} simulated trials, seed ${seed})`,
          )
          .join(
            '; ',
          )}. The interval designs' operating characteristics are exact (every reachable trial state), their MTD chosen by isotonic regression; a dose is excluded when P(p > target | data) > 0.95.`,
      );
    const notes: string[] = [];
    const planned = options.planned as number | undefined;
    if (planned !== undefined) {
      const groups = (options.groups as number | undefined) ?? 1;
      const { min, max } = threePlusThreeTotals(doses.length, groups);
      const fits = planned >= min && planned <= max;
      notes.push(
        `Planned ${planned} participants against ${groups} 3+3 escalation${groups === 1 ? '' : 's'} over ${doses.length} doses: each treats 3 to ${6 * doses.length} patients in steps of 3 (6 to ${6 * doses.length} once a dose is cleared), so ${groups} together need ${min} to ${max}; ${planned} is ${fits ? 'within that range' : 'outside that range'}${planned % 3 !== 0 ? ` but not a multiple of 3, so it is an allowance (e.g. for replacing non-evaluable participants) rather than a total the rules can produce` : ''}. Expected total under the scenarios: ${expectedTotals.map((e, i) => `${labels[i]} ${formatNumber(groups * e, { digits: 3 })}`).join(', ')}.`,
      );
    }
    return {
      view: { kind: 'dose-selection', doses, scenarios: viewScenarios },
      table: {
        columns: [
          { key: 'scenario', label: 'Scenario' },
          { key: 'dlt', label: `P(DLT) at ${doses.join(' / ')}` },
          { key: 'design', label: 'Design' },
          ...doses.map((dose, d) => ({ key: `d${d}`, label: `P(MTD = ${dose})`, numeric: true })),
          { key: 'none', label: 'P(no MTD)', numeric: true },
          ...(compare.length > 0
            ? [{ key: 'over', label: `P(MTD above ${target})`, numeric: true }]
            : []),
          { key: 'en', label: 'E[patients]', numeric: true },
        ],
        rows,
      },
      methods,
      notes,
      warnings: [],
    };
  },
};

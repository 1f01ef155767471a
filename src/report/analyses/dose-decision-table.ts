import { boinBoundaries, boinDecisionTable } from '../../stats/design/boin.js';
import { i3plus3Table } from '../../stats/design/i3plus3.js';
import { mtpi2Table } from '../../stats/design/mtpi2.js';
import type { AnalysisDefinition } from './analysis.js';

/**
 * The decision table of an interval dose-finding design (BOIN, mTPI-2, i3+3) for 1..maxN
 * patients at a dose, as a chart and a table of boundaries (escalate / de-escalate / exclude).
 */
export const doseDecisionTable: AnalysisDefinition = {
  name: 'dose-decision-table',
  description: 'Decision table of BOIN, mTPI-2 or i3+3 (E / S / D / DU by patients and DLTs).',
  kinds: [],
  produces: 'decision-table',
  options: {
    design: {
      type: 'enum',
      values: ['boin', 'mtpi2', 'i3+3'],
      required: true,
      description: 'boin, mtpi2 or i3+3.',
    },
    target: {
      type: 'number',
      min: 0,
      max: 1,
      exclusiveMin: true,
      exclusiveMax: true,
      description: 'Target DLT rate (default 0.25).',
    },
    maxN: {
      type: 'number',
      min: 3,
      max: 30,
      description: 'Largest number of patients (default 12).',
    },
  },
  run(_dataset, options) {
    const design = options.design as 'boin' | 'mtpi2' | 'i3+3';
    const target = (options.target as number | undefined) ?? 0.25;
    const maxN = (options.maxN as number | undefined) ?? 12;
    const b = design === 'boin' ? boinBoundaries(target, { maxN }) : undefined;
    const table =
      design === 'boin'
        ? boinDecisionTable(b!)
        : design === 'mtpi2'
          ? mtpi2Table(target, { maxN })
          : i3plus3Table(target, { maxN });
    const first = (row: string[], d: (x: string) => boolean) => {
      const y = row.findIndex(d);
      return y < 0 ? '—' : `≥ ${y}`;
    };
    const rows = table.decisions.map((row, i) => {
      let e = -1;
      row.forEach((d, y) => {
        if (d === 'E') e = y;
      });
      return {
        n: String(i + 1),
        escalate: e < 0 ? '—' : `≤ ${e}`,
        deescalate: first(row, (d) => d === 'D' || d === 'DU'),
        exclude: first(row, (d) => d === 'DU'),
      };
    });
    const name = design === 'boin' ? 'BOIN' : design === 'mtpi2' ? 'mTPI-2' : 'i3+3';
    const methods = [
      design === 'boin'
        ? `BOIN (Liu & Yuan, J R Stat Soc C 2015;64:507–523), target ${target}: escalate when the observed DLT rate ≤ λe = ${b!.lambdaE.toFixed(4)}, de-escalate when ≥ λd = ${b!.lambdaD.toFixed(4)} (φ1 = 0.6φ, φ2 = 1.4φ).`
        : design === 'mtpi2'
          ? `mTPI-2 (Guo et al., Contemp Clin Trials 2017;58:23–33), target ${target}, equivalence interval ± 0.05: the decision of the interval with the largest unit probability mass under a beta(1, 1) prior.`
          : `i3+3 (Liu, Wang & Ji, J Biopharm Stat 2020;30:294–304), target ${target}, equivalence interval ± 0.05: escalate below it, stay inside it (or above it when one DLT fewer would be below), else de-escalate.`,
      `${name}: a dose and the doses above it are excluded when P(DLT rate > ${target} | data) > 0.95 with at least 3 patients (beta(1, 1) prior).`,
    ];
    return {
      view: { kind: 'decision-table', decisions: table.decisions },
      table: {
        columns: [
          { key: 'n', label: 'Patients at the dose', numeric: true },
          { key: 'escalate', label: 'Escalate if DLTs', numeric: true },
          { key: 'deescalate', label: 'De-escalate if DLTs', numeric: true },
          { key: 'exclude', label: 'Exclude the dose if DLTs', numeric: true },
        ],
        rows,
      },
      methods,
      notes: [],
      warnings: [],
    };
  },
};

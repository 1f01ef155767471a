import type { TopLevelSpec } from 'vega-lite';
import type { ChartResult } from './chart-result.js';
import { CHART_CONFIG } from './theme.js';

export interface DecisionTableInput {
  title: string;
  subtitle?: string;
  /** decisions[n − 1][y]: E, S, D or DU. */
  decisions: string[][];
  /** First number of patients shown (default 1). */
  fromN?: number;
}

const MEANING: Record<string, string> = {
  E: 'E: escalate',
  S: 'S: stay',
  D: 'D: de-escalate',
  DU: 'DU: de-escalate, exclude dose',
};
// Light fills so the black letters keep a contrast above 4.5:1; the letter carries the meaning.
const FILL = { E: '#cfe3f3', S: '#f3f3f3', D: '#f8dcc4', DU: '#e8a98a' };

/**
 * A dose-finding decision table as papers print it: a column per number of patients at the
 * dose, a row per number of DLTs, each cell its decision letter on a light fill (the letter,
 * not the colour, is the information).
 */
export function decisionTableChart(input: DecisionTableInput): ChartResult {
  const fromN = input.fromN ?? 1;
  const values: { n: number; y: number; d: string; meaning: string }[] = [];
  input.decisions.forEach((row, i) => {
    const n = i + 1;
    if (n < fromN) return;
    row.forEach((d, y) => values.push({ n, y, d, meaning: MEANING[d] ?? d }));
  });
  const maxN = input.decisions.length;
  const cell = 22;
  const encoding = {
    x: {
      field: 'n',
      type: 'ordinal',
      title: 'Patients treated at the dose',
      axis: { labelAngle: 0, orient: 'top' },
    },
    y: { field: 'y', type: 'ordinal', title: 'Patients with a DLT', sort: 'ascending' },
  };
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: input.title, ...(input.subtitle ? { subtitle: input.subtitle } : {}) },
    config: CHART_CONFIG,
    width: cell * (maxN - fromN + 1),
    height: cell * (maxN + 1),
    data: { values },
    layer: [
      {
        // A grey outline (4.5:1 on white) draws each cell: the light fills alone are below the
        // 3:1 of WCAG 1.4.11, and the letter, not the fill, carries the decision.
        mark: { type: 'rect', stroke: '#767676', strokeWidth: 1 },
        encoding: {
          ...encoding,
          color: {
            field: 'meaning',
            type: 'nominal',
            title: 'Decision',
            sort: Object.values(MEANING),
            scale: { domain: Object.values(MEANING), range: Object.values(FILL) },
          },
          tooltip: [
            { field: 'n', title: 'patients' },
            { field: 'y', title: 'DLTs' },
            { field: 'meaning', title: 'decision' },
          ],
        },
      },
      {
        mark: { type: 'text', fontSize: 9, color: '#222222' },
        encoding: { ...encoding, text: { field: 'd' } },
      },
    ],
  } as unknown as TopLevelSpec;
  return {
    spec,
    description: `Decision table for 1 to ${maxN} patients at a dose: the decision for each number of DLTs (E escalate, S stay, D de-escalate, DU de-escalate and exclude).`,
    warnings: [],
  };
}

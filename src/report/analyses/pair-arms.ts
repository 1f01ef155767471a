import { binaryPairs, type BinaryPair } from '../../analysis/pair-arms.js';
import { datasetTables } from '../../analysis/dataset-tables.js';
import type { ReportDataset } from '../dataset.js';

/** A pair of arm-binary rows, as the analysis core pairs them (src/analysis). */
export type ArmPair = BinaryPair;

/**
 * The `arm` and `comparator` rows of a dataset's arm-binary tables, paired by the analysis
 * core (`binaryPairs`: trial × outcome × timepoint × population, primary readings), in
 * table order. Outcomes where one of the two arms is missing are named in the warnings.
 */
export function pairArms(
  dataset: ReportDataset,
  options: Record<string, unknown>,
  analysis: string,
): { pairs: ArmPair[]; warnings: string[] } {
  const arms = armNames(options);
  const comparator = options.comparator as string;
  const { pairs, unpaired } = binaryPairs(datasetTables(dataset), {
    arms,
    comparator,
    outcomes: options.outcomes as string[] | undefined,
    trials: options.trial as string | undefined,
    timepoints: options.timepoint as string | undefined,
    populations: options.population as string | undefined,
  });
  const warnings = unpaired.map(
    (u) =>
      `${analysis}: ${u.trial}, ${u.outcome}${u.timepoint ? ` (${u.timepoint})` : ''} left out (no row for ${u.reason === 'no-arm' ? arms.join(' or ') : comparator})`,
  );
  if (pairs.length === 0)
    warnings.push(
      `${analysis}: no outcome in ${dataset.name} has both ${arms.join(' or ')} and ${comparator}`,
    );
  return { pairs, warnings };
}

export const pairOptions = {
  arm: {
    type: 'string-or-list',
    required: true,
    description:
      'Experimental arm (arm 1), as named in the table; a list compares each with the comparator (e.g. two doses, or the experimental arms of several trials).',
  },
  comparator: { type: 'string', required: true, description: 'Comparator arm (arm 2).' },
  outcomes: { type: 'string-list', description: 'Outcomes to include (default all).' },
  trial: { type: 'string', description: 'Trial to include (default all).' },
  timepoint: { type: 'string', description: 'Timepoint to include (default all).' },
  population: {
    type: 'string',
    description: 'Analysis set or cohort to include (the population column; default all).',
  },
  level: {
    type: 'number',
    min: 0,
    max: 1,
    exclusiveMin: true,
    exclusiveMax: true,
    description: 'Confidence level (default 0.95).',
  },
} as const;

/** The experimental arm names of the `arm` option (a name or a list). */
export function armNames(options: Record<string, unknown>): string[] {
  return Array.isArray(options.arm) ? (options.arm as string[]) : [options.arm as string];
}

/**
 * Labels for pairs: the outcome (with timepoint), preceded by the trial when several
 * trials are shown and followed by the arm when several arms are; a single outcome
 * shown across trials or arms is left to the chart title.
 */
export function pairLabels(pairs: readonly ArmPair[]): string[] {
  const manyTrials = new Set(pairs.map((p) => p.trial)).size > 1;
  const manyArms = new Set(pairs.map((p) => p.arm.name)).size > 1;
  // One outcome shown across trials or arms: the chart title names it, the rows need not.
  const oneOutcome = new Set(pairs.map((p) => p.outcome)).size === 1 && (manyTrials || manyArms);
  return pairs.map((p) =>
    [
      manyTrials ? p.trial : '',
      oneOutcome ? '' : `${p.outcome}${p.timepoint ? ` (${p.timepoint})` : ''}`,
      manyArms ? `${p.arm.name} vs ${p.comparator.name}` : '',
    ]
      .filter(Boolean)
      .join(', '),
  );
}

/**
 * Header of the label column of a forest plot or table over `pairLabels`: `Trial` when one
 * outcome is shown across trials, `Comparison` when across arms, else `Outcome`.
 */
export function rowHeader(
  pairs: readonly { trial: string; outcome: string; arm: { name: string } }[],
): string {
  const oneOutcome = new Set(pairs.map((p) => p.outcome)).size === 1;
  if (oneOutcome && new Set(pairs.map((p) => p.trial)).size > 1) return 'Trial';
  if (oneOutcome && new Set(pairs.map((p) => p.arm.name)).size > 1) return 'Comparison';
  return 'Outcome';
}

/** `sirolimus` or `dazukibart 600 mg / dazukibart 150 mg`, for titles. */
export const armText = (options: Record<string, unknown>): string => armNames(options).join(' / ');

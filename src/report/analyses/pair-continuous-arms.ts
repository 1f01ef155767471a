import { continuousPairs, type ContinuousPair } from '../../analysis/pair-arms.js';
import { datasetTables } from '../../analysis/dataset-tables.js';
import type { ReportDataset } from '../dataset.js';

export type { ContinuousPair };

/**
 * The `arm` and `comparator` rows of a dataset's arm-continuous tables, paired by the
 * analysis core (`continuousPairs`: trial × outcome × timepoint × population, the scale
 * option or the preferred scale, SDs derived from SE, CI, median or the published p and
 * recorded). A pair's `unit` falls back to the dataset's unit of the outcome.
 */
export function pairContinuousArms(
  dataset: ReportDataset,
  options: Record<string, unknown>,
  analysis: string,
): { pairs: ContinuousPair[]; warnings: string[] } {
  const arm = options.arm as string;
  const comparator = options.comparator as string;
  const scale = options.scale as ContinuousPair['scale'] | undefined;
  const { pairs, unpaired } = continuousPairs(
    datasetTables(dataset),
    {
      arms: [arm],
      comparator,
      outcomes: options.outcomes as string[] | undefined,
      trials: options.trials as string[] | undefined,
      timepoints: options.timepoint as string | undefined,
      populations: options.population as string | undefined,
      scale: scale ?? 'preferred',
    },
    { sdFromP: (options.sdFromP as boolean | undefined) ?? true },
  );
  const warnings: string[] = [];
  for (const u of unpaired) {
    // A scale left out by the preferred-scale rule is a choice, not a missing row.
    if (u.reason === 'other-scale') continue;
    warnings.push(
      `${analysis}: ${u.trial} ${u.outcome} (${u.timepoint}) left out (no ${u.scale} row for ${u.reason === 'no-arm' ? arm : comparator})`,
    );
  }
  const kept: ContinuousPair[] = [];
  for (const pair of pairs) {
    if (pair.arm.mean === null || pair.comparator.mean === null) {
      warnings.push(
        `${analysis}: ${pair.trial} ${pair.outcome} (${pair.timepoint}) left out (no mean printed)`,
      );
      continue;
    }
    kept.push({ ...pair, unit: pair.unit ?? dataset.units?.[pair.outcome] ?? null });
  }
  if (kept.length === 0)
    warnings.push(
      `${analysis}: no outcome has ${scale ?? 'comparable'} rows for both ${arm} and ${comparator}`,
    );
  return { pairs: kept, warnings };
}

export const continuousPairOptions = {
  arm: { type: 'string', required: true, description: 'Experimental arm (arm 1).' },
  comparator: { type: 'string', required: true, description: 'Comparator arm (arm 2).' },
  outcomes: { type: 'string-list', description: 'Outcomes to include (default all).' },
  trials: { type: 'string-list', description: 'Trials to include (default all).' },
  timepoint: { type: 'string', description: 'Timepoint to include (default all).' },
  population: {
    type: 'string',
    description: 'Analysis set or cohort to include (the population column; default all).',
  },
  scale: {
    type: 'enum',
    values: ['value', 'change', 'percent-change', 'all'],
    description:
      'Which rows: value, change, percent-change or all (default: per outcome, change, else percent-change, else value).',
  },
  sdFromP: {
    type: 'boolean',
    description:
      'Derive a pooled SD from the exact published p when no SD is printed (default true; Cochrane Handbook 6.5.2.3).',
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

import type { AnalysisDefinition } from './analysis.js';
import { reportedComparisons } from './reported-comparisons.js';
import { trialLandscape } from './trial-landscape.js';

/** Every analysis a report spec can name, by name. */
export const ANALYSES: ReadonlyMap<string, AnalysisDefinition> = new Map(
  [reportedComparisons, trialLandscape].map((analysis) => [analysis.name, analysis]),
);

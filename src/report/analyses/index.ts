import type { AnalysisDefinition } from './analysis.js';
import { armMeans } from './arm-means.js';
import { armValues } from './arm-values.js';
import { meanDifferenceAnalysis } from './mean-difference.js';
import { binaryComparison } from './binary-comparison.js';
import { binaryRatios } from './binary-ratios.js';
import { ciLevelReadings } from './ci-level-readings.js';
import { consistencyAudit } from './consistency-audit.js';
import { doseDecisionTable } from './dose-decision-table.js';
import { groupSequentialAnalysis } from './group-sequential.js';
import { documentScan } from './document-scan.js';
import { simonDesign } from './simon-design.js';
import { threePlusThreeAnalysis } from './three-plus-three.js';
import { twoMeanPower } from './two-mean-power.js';
import { pooledProportions } from './pooled-proportions.js';
import { reportedComparisons } from './reported-comparisons.js';
import { singleProportions } from './single-proportions.js';
import { trialLandscape } from './trial-landscape.js';
import { twoArmMeta } from './two-arm-meta.js';
import { twoProportionPower } from './two-proportion-power.js';

/** Every analysis a report spec can name, by name. */
export const ANALYSES: ReadonlyMap<string, AnalysisDefinition> = new Map(
  [
    reportedComparisons,
    trialLandscape,
    binaryComparison,
    binaryRatios,
    singleProportions,
    ciLevelReadings,
    twoProportionPower,
    pooledProportions,
    meanDifferenceAnalysis,
    armMeans,
    armValues,
    consistencyAudit,
    twoMeanPower,
    threePlusThreeAnalysis,
    simonDesign,
    twoArmMeta,
    doseDecisionTable,
    groupSequentialAnalysis,
    documentScan,
  ].map((analysis) => [analysis.name, analysis]),
);

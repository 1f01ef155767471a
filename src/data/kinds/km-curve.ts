import { defineSchema, type RowCheck, type ValuesOf } from '../schema.js';
import { commonColumns, derivedColumnsExist, type CommonValues, type Same } from './common.js';

const columns = {
  trial: { type: 'text', required: true },
  outcome: { type: 'text', required: true },
  population: { type: 'text' },
  arm: { type: 'text', required: true },
  time: { type: 'number', required: true, min: 0 },
  survival: {
    type: 'number',
    min: 0,
    max: 1,
    description: 'a digitised point of the curve: S(time) as a proportion',
  },
  n_risk: {
    type: 'integer',
    min: 0,
    description: 'the number at risk printed under the plot at `time`',
  },
  unit: { type: 'text', description: 'time unit' },
  ...commonColumns,
} as const;

/** Each row is a curve point, an at-risk entry, or both. */
const pointOrAtRisk: RowCheck<typeof columns> = (row, report) => {
  if (row.survival === undefined && row.n_risk === undefined) {
    report({
      column: 'survival',
      expected: 'a survival value (curve point) or n_risk (at-risk table), or both',
      found: 'neither',
    });
  }
};

/**
 * `km-curve`: a Kaplan–Meier curve read off a figure — digitised (time, survival) points per
 * arm, and the number-at-risk table printed under the plot (rows with `n_risk`). The input of
 * the Guyot et al. (2012) reconstruction (docs/datasets.md).
 */
export const kmCurveSchema = defineSchema({
  name: 'km-curve',
  columns,
  key: ['trial', 'outcome', 'population', 'arm', 'time', 'survival', 'n_risk'],
  checks: [pointOrAtRisk, derivedColumnsExist(columns)],
});

/** A row of a `km-curve` table. */
export interface KmCurveValues extends CommonValues {
  readonly trial: string;
  readonly outcome: string;
  readonly population?: string;
  readonly arm: string;
  readonly time: number;
  readonly survival?: number;
  readonly n_risk?: number;
  readonly unit?: string;
}

// Fails to compile if the interface and the schema disagree.
const _kmCurveMatches: Same<KmCurveValues, ValuesOf<typeof columns>> = true;
